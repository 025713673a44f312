package system_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/kizuna-chain/kizuna/testutil/e2e"
	adstypes "github.com/kizuna-chain/kizuna/x/ads/types"
	ledgertypes "github.com/kizuna-chain/kizuna/x/ledger/types"
)

// TestSingleNode_MarketplaceAndMoney runs the community economy of Commons OS
// and Gradido on one validator through CLI transactions: a currency, admin
// issuance, paying for GIVE and WANT ads with a community fee, a confirmed
// contribution, and a member without any ukiz who transfers on the
// community's fee sponsorship. It then reads balances over REST, history over
// gRPC and the ledger invariants.
func TestSingleNode_MarketplaceAndMoney(t *testing.T) {
	node := e2e.NewNode(t, kizunad, "alice", "bob", "carol", "dave")
	node.Start(t)
	alice, bob, carol := node.Address(t, "alice"), node.Address(t, "bob"), node.Address(t, "carol")
	newbie := node.AddKey(t, "newbie")

	requireOK(t, node.Tx(t, "alice", "community", "create-community", "Kaga Commons", "alice", "open"))
	requireOK(t, node.Tx(t, "bob", "community", "join", "1", "bob"))
	requireOK(t, node.Tx(t, "carol", "community", "join", "1", "carol"))
	requireOK(t, node.Tx(t, "alice", "community", "set-role", "1", carol, "moderator"))

	// A currency with 4 decimals and a 1 % community fee.
	res := node.Tx(t, "alice", "ledger", "create-currency", "1", "GDD", "Gradido", "4", "--fee-bps", "100")
	requireOK(t, res)
	requireEvent(t, res, "kizuna.ledger.v1.EventCurrencyCreated")
	const denom = "cc/1/GDD"
	var meta struct {
		Metadata struct {
			Base     string `json:"base"`
			Display  string `json:"display"`
			Symbol   string `json:"symbol"`
			Name     string `json:"name"`
			Decimals []struct {
				Exponent uint32 `json:"exponent"`
			} `json:"denom_units"`
		} `json:"metadata"`
	}
	node.GetJSON(t, "/cosmos/bank/v1beta1/denoms_metadata_by_query_string?denom="+denom, &meta)
	if meta.Metadata.Base != denom || meta.Metadata.Symbol != "GDD" || len(meta.Metadata.Decimals) != 2 ||
		meta.Metadata.Decimals[1].Exponent != 4 {
		t.Fatalf("bank metadata of %s: %+v", denom, meta.Metadata)
	}

	// Admin issuance: 100 GDD to alice, by dave, a teller; nobody issues to
	// itself.
	if res := node.Tx(t, "alice", "ledger", "issue", "1", alice, "100", "start-up balance"); res.Code == 0 || res.Codespace != ledgertypes.ModuleName {
		t.Fatalf("self-issuance: want a ledger error, got %+v", res)
	}
	requireOK(t, node.Tx(t, "dave", "community", "join", "1", "dave"))
	requireOK(t, node.Tx(t, "alice", "community", "set-role", "1", node.Address(t, "dave"), "teller"))
	requireOK(t, node.Tx(t, "dave", "ledger", "issue", "1", "@alice", "100GDD", "start-up balance"))

	// Alice pays @bob 5 GDD for bob's GIVE ad (ad 1), in display units, the
	// fee read from the chain; the fee goes to the treasury.
	requireOK(t, node.Tx(t, "bob", "ads", "create", "1", "give", "Bicycle repair", "5", "--category", "repairs"))
	res = node.Tx(t, "alice", "ledger", "transfer", "1", "@bob", "5", "--ad-id", "1", "--memo", "fixed my brakes")
	requireOK(t, res)
	requireEvent(t, res, "kizuna.ads.v1.EventAdPaid")

	// A wrong fee expectation is refused.
	if res := node.Tx(t, "alice", "ledger", "transfer", "1", bob, "0.001", "--expected-fee-bps", "50"); res.Code == 0 || res.Codespace != ledgertypes.ModuleName {
		t.Fatalf("transfer with a wrong fee: want a ledger error, got %+v", res)
	}

	// Base units name their denom, checked against the community's currency.
	if out, err := node.Run("tx", "ledger", "transfer", "1", "@bob", "5cc/1/KGA", "--from", "alice", "--yes",
		"--keyring-backend", "test", "--node", node.RPCAddress()); err == nil || !strings.Contains(err.Error(), "the currency of community 1 is cc/1/GDD") {
		t.Fatalf("transfer in another denom: want it refused, got %v (%s)", err, out)
	}

	// Bob's WANT ad (ad 2) is paid by bob, not by anyone else.
	requireOK(t, node.Tx(t, "bob", "ads", "create", "1", "want", "Help moving boxes", "1GDD"))
	if res := node.Tx(t, "carol", "ledger", "transfer", "1", bob, "1", "--ad-id", "2"); res.Code == 0 || res.Codespace != adstypes.ModuleName {
		t.Fatalf("a WANT ad paid by a non-owner: want an ads error, got %+v", res)
	}
	requireOK(t, node.Tx(t, "bob", "ledger", "transfer", "1", carol, "1GDD", "--ad-id", "2", "--memo", "thanks for the help"))

	// A contribution confirmed by a moderator who is not the contributor.
	res = node.Tx(t, "bob", "ledger", "submit-contribution", "1", "2", "Gardening at the school")
	requireOK(t, res)
	if res := node.Tx(t, "bob", "ledger", "confirm-contribution", "1"); res.Code == 0 {
		t.Fatalf("bob confirmed his own contribution: %+v", res)
	}
	requireOK(t, node.Tx(t, "carol", "ledger", "confirm-contribution", "1"))

	// Fee sponsorship: alice funds the community's fee account. A newcomer
	// with no ukiz joins on a one-off grant of alice's, then pays the fees of
	// its transfer from the community's fee account.
	requireOK(t, node.Tx(t, "alice", "ledger", "fund-fee-account", "1", "10000000"))
	var feeAccount struct {
		Address string `json:"address"`
	}
	node.GetJSON(t, "/kizuna/ledger/v1/communities/1/fee-account", &feeAccount)
	requireOK(t, node.Tx(t, "alice", "feegrant", "grant", alice, newbie, "--spend-limit", "5000ukiz",
		"--allowed-messages", "/kizuna.community.v1.MsgJoinCommunity"))
	requireOK(t, node.TxWithFlags(t, "newbie", e2e.DefaultFees, "community", "join", "1", "newbie", "--fee-granter", alice))
	requireOK(t, node.Tx(t, "alice", "ledger", "transfer", "1", newbie, "0.1"))
	// A sponsored fee is at most 150 % of what the gas (400000) costs at the
	// chain's minimum gas price.
	requireOK(t, node.TxWithFlags(t, "newbie", "600ukiz", "ledger", "transfer", "1", carol, "500cc/1/GDD",
		"--expected-fee-bps", "100", "--fee-granter", feeAccount.Address))
	if res := node.TxWithFlags(t, "newbie", e2e.DefaultFees, "ledger", "transfer", "1", carol, "0.0001",
		"--fee-granter", feeAccount.Address); res.Code == 0 {
		t.Fatalf("the fee account paid a fee of %s for 400000 gas: %+v", e2e.DefaultFees, res)
	}

	// Balances over REST: 1 % fee on every transfer, rounded up.
	treasury := struct {
		Address string `json:"address"`
	}{}
	node.GetJSON(t, "/kizuna/ledger/v1/communities/1/treasury", &treasury)
	want := map[string]string{
		alice:            "948490", // 1000000 − 50000 − 500 − 1000 − 10
		bob:              "59900",  // 50000 − 10000 − 100 + 20000
		carol:            "10500",  // 10000 + 500
		newbie:           "495",    // 1000 − 500 − 5
		treasury.Address: "615",    // 500 + 100 + 10 + 5
	}
	for addr, amount := range want {
		var bal struct {
			Balance struct {
				Amount string `json:"amount"`
			} `json:"balance"`
		}
		node.GetJSON(t, fmt.Sprintf("/cosmos/bank/v1beta1/balances/%s/by_denom?denom=%s", addr, denom), &bal)
		if bal.Balance.Amount != amount {
			t.Errorf("%s holds %s %s, want %s", addr, bal.Balance.Amount, denom, amount)
		}
	}
	// The CLI shows them in display units, members by @username.
	out, err := node.Run("q", "ledger", "balance", "1", "@bob", "-o", "json", "--node", node.RPCAddress())
	if err != nil {
		t.Fatalf("q ledger balance: %v (%s)", err, out)
	}
	var shown struct {
		Address   string `json:"address"`
		Balance   string `json:"balance"`
		Available string `json:"available"`
	}
	if err := json.Unmarshal(out, &shown); err != nil || shown.Address != bob || shown.Balance != "5.99 GDD" || shown.Available != "5.99 GDD" {
		t.Fatalf("q ledger balance 1 @bob: %v %s", err, out)
	}
	if out, err := node.Run("q", "ledger", "balance", "1", "@nobody", "--node", node.RPCAddress()); err == nil || !strings.Contains(err.Error(), "member not found") {
		t.Fatalf("q ledger balance of an unknown username: want member not found, got %v (%s)", err, out)
	}

	var ukiz struct {
		Balance struct {
			Amount string `json:"amount"`
		} `json:"balance"`
	}
	node.GetJSON(t, "/cosmos/bank/v1beta1/balances/"+newbie+"/by_denom?denom=ukiz", &ukiz)
	if ukiz.Balance.Amount != "0" {
		t.Errorf("the sponsored member paid fees itself: it holds %s ukiz", ukiz.Balance.Amount)
	}

	// History over gRPC, newest first.
	conn, err := grpc.NewClient(node.GRPCAddress(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = conn.Close() }()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	history, err := ledgertypes.NewQueryClient(conn).History(ctx, &ledgertypes.QueryHistoryRequest{Address: bob, CommunityId: 1})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range history.Entries {
		got = append(got, fmt.Sprintf("%s %s fee %s", e.Type, e.Amount, e.Fee))
	}
	wantHistory := []string{
		"ENTRY_TYPE_CREATION 20000 fee 0",
		"ENTRY_TYPE_SEND 10000 fee 100",
		"ENTRY_TYPE_RECEIVE 50000 fee 0",
	}
	if fmt.Sprint(got) != fmt.Sprint(wantHistory) {
		t.Fatalf("bob's history: got %v, want %v", got, wantHistory)
	}
	for _, e := range history.Entries {
		if e.Type == ledgertypes.EntryTypeSend && (e.Counterparty != carol || e.AdId != 2 || e.Memo != "thanks for the help" || e.Height == 0) {
			t.Fatalf("bob's SEND entry: %+v", e)
		}
	}

	requireInvariants(t, node)
}
