package system_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/kizuna-chain/kizuna/testutil/e2e"
)

// requireInvariants asks the running node whether x/ledger's invariants
// hold (bank supply of each currency equals its confirmed creations, and the
// records behind the monthly cap agree).
func requireInvariants(t *testing.T, node *e2e.Node) {
	t.Helper()
	requireInvariantsAt(t, node.APIURL())
}

// requireInvariantsAt is requireInvariants for the REST server at apiURL.
func requireInvariantsAt(t *testing.T, apiURL string) {
	t.Helper()
	resp, err := http.Get(apiURL + "/kizuna/ledger/v1/invariants")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("invariants query: HTTP %d", resp.StatusCode)
	}
	var res struct {
		Checked []string `json:"checked"`
		Broken  []struct {
			Name    string `json:"name"`
			Message string `json:"message"`
		} `json:"broken"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		t.Fatal(err)
	}
	if len(res.Checked) == 0 {
		t.Fatal("the node checked no invariant")
	}
	if len(res.Broken) != 0 {
		t.Fatalf("broken invariants: %+v", res.Broken)
	}
}
