// Package faults_test crashes and stops real kizunad processes under a
// steady load of ledger transfers from the load driver, and checks that the
// chain keeps or stops committing as BFT consensus says it must, that
// restarted and new nodes reach the same state, and that no transaction the
// driver saw committed is lost. `make test` runs the short subset (-short),
// `make test-faults` all of it.
package faults_test

import (
	"testing"

	"github.com/kizuna-chain/kizuna/testutil/e2e"
)

var kizunad string

func TestMain(m *testing.M) { e2e.Main(m, &kizunad) }
