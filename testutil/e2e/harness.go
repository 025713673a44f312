package e2e

import (
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
// at the same time start from different ports.
func FreePortRange(from, n int) (int, error) {
	for base := from; base+n <= 65535; base += 100 {
		if portsFree(base, n) {
			return base, nil
		}
	}
	return 0, fmt.Errorf("no %d free consecutive ports from %d on", n, from)
}

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
	if len(data) > 4000 {
		data = data[len(data)-4000:]
	}
	t.Logf("last lines of %s:\n%s", path, data)
}
