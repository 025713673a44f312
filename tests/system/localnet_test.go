package system_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/kizuna-chain/kizuna/testutil/e2e"
)

// TestLocalnet_FourValidatorsAgree starts the network of `make
// localnet-start`, waits for every validator to pass height 5, checks that
// all four computed the same app hash for the same heights, and stops it.
func TestLocalnet_FourValidatorsAgree(t *testing.T) {
	if testing.Short() {
		t.Skip("starts four validators")
	}
	root, err := e2e.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	base, err := e2e.FreePortRange(24000, 40)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	script := filepath.Join(root, "scripts", "localnet.sh")
	run := func(action string) ([]byte, error) {
		cmd := exec.Command(script, action)
		cmd.Env = append(os.Environ(),
			"KIZUNAD="+kizunad, "LOCALNET_DIR="+dir, fmt.Sprintf("LOCALNET_BASE_PORT=%d", base))
		return cmd.CombinedOutput()
	}

	stopped := false
	t.Cleanup(func() {
		if !stopped {
			_, _ = run("stop")
		}
		if t.Failed() {
			for i := range 4 {
				e2e.LogTail(t, filepath.Join(dir, fmt.Sprintf("node%d", i), "kizunad.log"))
			}
		}
	})
	if out, err := run("start"); err != nil {
		t.Fatalf("localnet start: %v\n%s", err, out)
	}

	rpcs := make([]string, 4)
	for i := range rpcs {
		rpcs[i] = fmt.Sprintf("http://127.0.0.1:%d", base+i*10+1)
	}
	for _, rpc := range rpcs {
		if err := e2e.WaitForHeight(rpc, 6, 2*time.Minute); err != nil {
			t.Fatal(err)
		}
	}
	for height := int64(1); height <= 5; height++ {
		want, err := e2e.AppHashAt(rpcs[0], height)
		if err != nil {
			t.Fatal(err)
		}
		for i, rpc := range rpcs[1:] {
			got, err := e2e.AppHashAt(rpc, height)
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Fatalf("height %d: validator-%d has app hash %s, validator-0 has %s", height, i+1, got, want)
			}
		}
	}

	for i := range rpcs {
		requireInvariantsAt(t, fmt.Sprintf("http://127.0.0.1:%d", base+i*10+3))
	}

	out, err := run("stop")
	stopped = true
	if err != nil {
		t.Fatalf("localnet stop: %v\n%s", err, out)
	}
	for i, rpc := range rpcs {
		if _, err := e2e.RPCStatus(rpc); err == nil {
			t.Errorf("validator-%d still answers after stop", i)
		}
		if _, err := os.Stat(filepath.Join(dir, fmt.Sprintf("node%d", i), "kizunad.pid")); !os.IsNotExist(err) {
			t.Errorf("validator-%d pid file left behind", i)
		}
	}
}
