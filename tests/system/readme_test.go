package system_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kizuna-chain/kizuna/testutil/e2e"
)

// The README's examples address `make run`'s node on its standard ports;
// the other system tests use free ports, so in `make test` and CI nothing
// else listens on these: p2p, CometBFT RPC, REST, gRPC, Prometheus.
var makeRunPorts = []int{26656, 26657, 1317, 9090, 26660}

// readmeSkip marks a ```sh block of README.md that does not run against
// `make run`'s node. It is the line right before the block and says why:
//
//	<!-- readme-test: skip (why) -->
var readmeSkip = regexp.MustCompile(`^<!-- readme-test: skip \((.+)\) -->$`)

// readmeScript is README.md turned into a bash script that runs every
// ```sh block, in order, in one session: each line of a block keeps its
// line number and every other line is blank, so that bash's $LINENO is the
// README's line number.
type readmeScript struct {
	lines   []string
	blocks  int      // blocks that run
	skipped []string // "line N: why" of each skipped block
}

func parseReadme(readme []byte) (readmeScript, error) {
	var s readmeScript
	in, run := false, false
	skipWhy := ""
	sc := bufio.NewScanner(bytes.NewReader(readme))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		s.lines = append(s.lines, "")
		switch {
		case in && strings.HasPrefix(line, "```"):
			in = false
		case in:
			if run {
				s.lines[n-1] = line
			}
		case line == "```sh":
			in, run = true, skipWhy == ""
			if run {
				s.blocks++
			} else {
				s.skipped = append(s.skipped, fmt.Sprintf("line %d: %s", n, skipWhy))
			}
			skipWhy = ""
		case skipWhy != "":
			// A marker must sit on the line right before its block, so
			// that moving or deleting a block cannot leave a marker
			// silently skipping another one.
			return s, fmt.Errorf("README.md line %d: a readme-test skip marker not followed by a ```sh block", n-1)
		case strings.HasPrefix(line, "```"):
			in, run = true, false // another language (js, json): not shell
		case strings.Contains(line, "readme-test"):
			m := readmeSkip.FindStringSubmatch(line)
			if m == nil {
				return s, fmt.Errorf("README.md line %d: malformed readme-test marker %q", n, line)
			}
			skipWhy = m[1]
		}
	}
	if in {
		return s, errors.New("README.md ends inside a code block")
	}
	return s, sc.Err()
}

// TestREADME_ExamplesRunAgainstMakeRun starts a node exactly as `make run`
// does (scripts/run.sh: init, dev keys, demo data) in a temporary home and
// runs every ```sh block of the root README.md as written, in order, in one
// bash session with -euo pipefail, from a directory where ./build/kizunad
// and .localnode are the binary under test and that home. The first command
// that exits non-zero fails the test with its README line and output.
func TestREADME_ExamplesRunAgainstMakeRun(t *testing.T) {
	if testing.Short() {
		t.Skip("starts make run's node and runs every README example")
	}
	root, err := e2e.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	script, err := parseReadme(readme)
	if err != nil {
		t.Fatal(err)
	}
	if script.blocks == 0 {
		t.Fatal("README.md has no ```sh block to run")
	}
	for _, s := range script.skipped {
		t.Logf("skipped README block at %s", s)
	}

	// The examples use these tools; say how to get one that is missing
	// rather than fail on "command not found" halfway through.
	path := filepath.Join(root, "build", "tools") + string(os.PathListSeparator) + os.Getenv("PATH")
	for _, tool := range []string{"bash", "curl", "jq", "grpcurl", "od"} {
		if _, err := lookPath(tool, path); err != nil {
			t.Fatalf("%s not found (in PATH or build/tools): `make test-system` installs curl and jq (system-deps) and grpcurl (build/tools)", tool)
		}
	}
	for _, port := range makeRunPorts {
		l, err := net.Listen("tcp", fmt.Sprintf(":%d", port))
		if err != nil {
			t.Fatalf("port %d is taken (%v): the README's examples need make run's ports 26656, 26657, 1317, 9090 and 26660; stop what listens there (a `make run` node?)", port, err)
		}
		_ = l.Close()
	}

	// dir stands for the repository as a developer has it after `make
	// run`: build/kizunad and .localnode, nothing else, so an example that
	// reads a file it did not write fails here too.
	dir := t.TempDir()
	home := filepath.Join(dir, ".localnode")
	if err := os.MkdirAll(filepath.Join(dir, "build"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(kizunad, filepath.Join(dir, "build", "kizunad")); err != nil {
		t.Fatal(err)
	}
	startMakeRun(t, root, home)

	scriptPath := filepath.Join(dir, "readme.sh")
	lines := script.lines
	// Line 1 of README.md is its title, never inside a block: it holds the
	// session's set-up. curl exits 0 on an HTTP error status, which would
	// let a broken REST example pass: the README's curl fails on one and
	// prints the body. The ERR trap names the failing command and its line.
	lines[0] = `curl() { local rc=0; command curl --fail-with-body -sS "$@" || rc=$?; echo; return "$rc"; }; ` +
		`trap 'rc=$?; echo "readme-test: README.md line $LINENO exited $rc: $BASH_COMMAND" >&2' ERR`
	if err := os.WriteFile(scriptPath, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", "-euo", "pipefail", scriptPath)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PATH="+path)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	if err != nil {
		failed := "(no readme-test line)"
		if ctx.Err() != nil {
			failed = "(killed after 4 minutes)"
		}
		if i := bytes.LastIndex(out, []byte("readme-test: ")); i >= 0 {
			failed = strings.TrimSpace(string(out[i:]))
		}
		tail := out
		if len(tail) > 12000 {
			tail = tail[len(tail)-12000:]
		}
		t.Fatalf("README example failed: %s (%v)\noutput (last %d bytes):\n%s", failed, err, len(tail), tail)
	}
	t.Logf("%d README blocks ran in %s (%d bytes of output)", script.blocks, time.Since(start).Round(time.Second), len(out))
}

// startMakeRun runs scripts/run.sh with KIZUNA_HOME=home, as `make run`
// does, waits until it has loaded the demo data and stops it (SIGTERM to its
// process group: run.sh and the node) when the test ends.
func startMakeRun(t *testing.T, root, home string) {
	t.Helper()
	logPath := filepath.Join(filepath.Dir(home), "run.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(filepath.Join(root, "scripts", "run.sh"))
	cmd.Env = append(os.Environ(), "KIZUNAD="+kizunad, "KIZUNA_HOME="+home)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting scripts/run.sh: %v", err)
	}
	exited := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		_ = logFile.Close()
		close(exited)
	}()
	t.Cleanup(func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(30 * time.Second):
			t.Errorf("scripts/run.sh did not stop within 30s of SIGTERM: killing it")
			_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			<-exited
		}
		if t.Failed() {
			e2e.LogTail(t, logPath)
		}
	})

	// run.sh prints this once the demo data is loaded and the node serves.
	const ready = "Kizuna node kizuna-local-1 is running"
	deadline := time.After(3 * time.Minute)
	for {
		data, _ := os.ReadFile(logPath)
		if bytes.Contains(data, []byte(ready)) {
			return
		}
		select {
		case <-exited:
			t.Fatalf("scripts/run.sh exited before the node was ready (%v)", cmd.ProcessState)
		case <-deadline:
			t.Fatal("scripts/run.sh did not load the demo data within 3 minutes")
		case <-time.After(500 * time.Millisecond):
		}
	}
}

// lookPath is exec.LookPath over the given PATH.
func lookPath(file, path string) (string, error) {
	for _, dir := range filepath.SplitList(path) {
		p := filepath.Join(dir, file)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0 {
			return p, nil
		}
	}
	return "", exec.ErrNotFound
}
