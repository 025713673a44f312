package system_test

import (
	"testing"

	"github.com/kizuna-chain/kizuna/testutil/e2e"
)

// requireInvariants asks the running node whether x/ledger's invariants
// hold (bank supply of each currency equals its confirmed creations, and the
// records behind the monthly cap agree).
func requireInvariants(t *testing.T, node *e2e.Node) {
	t.Helper()
	var res struct {
		Checked []string `json:"checked"`
		Broken  []struct {
			Name    string `json:"name"`
			Message string `json:"message"`
		} `json:"broken"`
	}
	node.GetJSON(t, "/kizuna/ledger/v1/invariants", &res)
	if len(res.Checked) == 0 {
		t.Fatal("the node checked no invariant")
	}
	if len(res.Broken) != 0 {
		t.Fatalf("broken invariants: %+v", res.Broken)
	}
}
