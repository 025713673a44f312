// Package system_test runs real kizunad processes: a single-validator chain
// driven through the wallet CLI, REST and gRPC, and the four-validator
// localnet of `make localnet-start`.
package system_test

import (
	"testing"

	"github.com/kizuna-chain/kizuna/testutil/e2e"
)

var kizunad string

func TestMain(m *testing.M) { e2e.Main(m, &kizunad) }
