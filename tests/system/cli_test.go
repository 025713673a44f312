package system_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kizuna-chain/kizuna/testutil/e2e"
	ledgertypes "github.com/kizuna-chain/kizuna/x/ledger/types"
)

// TestCLI_TellsTheTruth runs transaction commands as a user types them, with
// no gas or fee flags: the command returns once its transaction is in a
// block, and a transfer the ledger refuses exits non-zero with the ledger's
// registered error, whether the simulation catches it or the block does.
// Bad arguments are reported by name, without the usage.
func TestCLI_TellsTheTruth(t *testing.T) {
	node := e2e.NewNode(t, kizunad, "alice", "bob", "carol")
	node.Start(t)
	alice, bob, carol := node.Address(t, "alice"), node.Address(t, "bob"), node.Address(t, "carol")

	// The default waits for the block: the transaction is queryable as
	// soon as the command returns, and its fee is what its simulated gas
	// costs at the minimum gas price.
	res := node.TxRaw(t, "alice", "community", "create-community", "Kaga Commons", "alice", "open")
	requireOK(t, res)
	if res.Height == 0 {
		t.Fatalf("create-community returned before its block: %+v", res)
	}
	var tx struct {
		Height    string `json:"height"`
		GasWanted string `json:"gas_wanted"`
		Tx        struct {
			AuthInfo struct {
				Fee struct {
					Amount []struct {
						Amount string `json:"amount"`
					} `json:"amount"`
				} `json:"fee"`
			} `json:"auth_info"`
		} `json:"tx"`
	}
	node.Query(t, &tx, "tx", res.Hash)
	if tx.Height != fmt.Sprint(res.Height) || len(tx.Tx.AuthInfo.Fee.Amount) != 1 {
		t.Fatalf("q tx %s right after the command: %+v", res.Hash, tx)
	}
	var gas, fee int64
	_, _ = fmt.Sscan(tx.GasWanted, &gas)
	_, _ = fmt.Sscan(tx.Tx.AuthInfo.Fee.Amount[0].Amount, &fee)
	if want := (gas + 999) / 1000; fee != want {
		t.Fatalf("fee %d ukiz for %d gas: want %d, the minimum gas price's", fee, gas, want)
	}

	requireOK(t, node.TxRaw(t, "alice", "ledger", "create-currency", "1", "KGA", "Kaga Coin", "4"))
	// Nobody issues to itself: carol, a teller, issues to alice.
	requireOK(t, node.TxRaw(t, "carol", "community", "join", "1", "carol"))
	requireOK(t, node.TxRaw(t, "alice", "community", "set-role", "1", carol, "teller"))
	requireOK(t, node.TxRaw(t, "carol", "ledger", "issue", "1", alice, "10", "start-up"))

	// bob is not a member: the ledger refuses the transfer.
	wantErr := fmt.Sprintf("codespace %s, code %d", ledgertypes.ModuleName, ledgertypes.ErrNotMember.ABCICode())
	transfer := []string{"tx", "ledger", "transfer", "1", bob, "0.05", "--from", "alice", "--yes", "--node", node.RPCAddress()}

	// With simulated gas the simulation catches it and nothing is sent.
	out, err := node.Run(transfer...)
	if err == nil || !strings.Contains(err.Error(), "transaction not sent") || !strings.Contains(err.Error(), wantErr) {
		t.Fatalf("transfer to a non-member: want a non-zero exit with %q, got %v (%s)", wantErr, err, out)
	}

	// With a fixed gas limit the block refuses it: the command prints the
	// committed transaction and exits non-zero with the same error.
	failed := node.TxWithFees(t, "alice", "400ukiz", "ledger", "transfer", "1", bob, "0.05")
	if failed.Height == 0 || failed.Codespace != ledgertypes.ModuleName || failed.Code != ledgertypes.ErrNotMember.ABCICode() {
		t.Fatalf("transfer to a non-member in a block: want the ledger's not-a-member error, got %+v", failed)
	}
	out, err = node.Run(append(transfer, "--gas", "300000")...)
	if err == nil || !strings.Contains(err.Error(), "failed in block") || !strings.Contains(err.Error(), wantErr) {
		t.Fatalf("transfer to a non-member with fixed gas: want a non-zero exit with %q, got %v (%s)", wantErr, err, out)
	}

	// q wait-tx fails for the failed transaction too.
	if _, err := node.Run("q", "wait-tx", failed.Hash, "--node", node.RPCAddress()); err == nil || !strings.Contains(err.Error(), wantErr) {
		t.Fatalf("wait-tx of a failed transaction: want a non-zero exit with %q, got %v", wantErr, err)
	}

	// Async broadcast stays available and does not wait.
	out, err = node.Run(append(transfer, "-b", "async", "-o", "json", "--gas", "300000")...)
	if err != nil || !strings.Contains(string(out), `"height":"0"`) {
		t.Fatalf("async broadcast: want a receipt without height, got %v (%s)", err, out)
	}

	// Bad arguments are named, without the usage.
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"tx", "ledger", "transfer", "1", "xyz", "0.05", "--from", "alice"}, `invalid recipient "xyz"`},
		{[]string{"tx", "ledger", "transfer", "1", bob, "-5", "--from", "alice"}, `invalid amount "-5": must be positive`},
		{[]string{"q", "ledger", "currency", "one"}, `invalid community id "one"`},
	} {
		_, err := node.Run(append(c.args, "--node", node.RPCAddress())...)
		if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "Usage:") {
			t.Errorf("kizunad %s: want an error with %q and no usage, got %v", strings.Join(c.args, " "), c.want, err)
		}
	}
}
