// Package bridge_test runs the bridge end to end: a real geth --dev, four
// real kizunad validators of scripts/localnet.sh and their four
// kizuna-relayer processes, started by `make test-bridge`.
package bridge_test

import (
	"testing"

	"github.com/kizuna-chain/kizuna/testutil/e2e"
)

var kizunad string

func TestMain(m *testing.M) { e2e.Main(m, &kizunad) }
