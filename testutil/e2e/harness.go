package e2e

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"testing"
)

// Main is the TestMain of a package of tests that run kizunad: it sets
// *binary to the binary under test (see Binary), runs the tests and exits
// with their code.
func Main(m *testing.M, binary *string) {
	os.Exit(runMain(m, binary))
}

func runMain(m *testing.M, binary *string) int {
	dir, err := os.MkdirTemp("", "kizuna-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer func() { _ = os.RemoveAll(dir) }()
	if *binary, err = Binary(dir); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return m.Run()
}

// FreePortRange returns a base port, from from on in steps of 100, such that
// base..base+n-1 are all free on the loopback interface. Packages that run
// at the same time start from different ports. The range stays below
// Linux's ephemeral ports (32768 on), from which the kernel picks the local
// port of every outgoing connection: a port found free there can be taken
// by one of the nodes' own dials before the node that should listen on it
// starts.
func FreePortRange(from, n int) (int, error) {
	for base := from; base+n <= ephemeralPorts; base += 100 {
		if portsFree(base, n) {
			return base, nil
		}
	}
	return 0, fmt.Errorf("no %d free consecutive ports between %d and %d", n, from, ephemeralPorts)
}

// ephemeralPorts is where Linux's default ephemeral port range starts.
const ephemeralPorts = 32768

func portsFree(base, n int) bool {
	for p := base; p < base+n; p++ {
		l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", p))
		if err != nil {
			return false
		}
		_ = l.Close()
	}
	return true
}

// LogTail logs the last 4000 bytes of the file at path, a node's log, if it
// can be read.
func LogTail(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		return
	}
	// A node that fails to start prints its error and then its usage,
	// which would fill the tail.
	if i := bytes.Index(data, []byte("Error: ")); i >= 0 {
		line, _, _ := bytes.Cut(data[i:], []byte("\n"))
		t.Logf("%s: %s", path, line)
	}
	if len(data) > 4000 {
		data = data[len(data)-4000:]
	}
	t.Logf("last lines of %s:\n%s", path, data)
}
