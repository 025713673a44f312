// Package system_test runs real kizunad processes: a single-validator chain
// driven through the wallet CLI, REST and gRPC, and the four-validator
// localnet of `make localnet-start`.
package system_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/kizuna-chain/kizuna/testutil/e2e"
)

var kizunad string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "kizuna-system")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	kizunad, err = e2e.Binary(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}
