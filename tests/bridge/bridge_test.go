package bridge_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/relayer"
	bridgetypes "github.com/kizuna-chain/kizuna/x/bridge/types"
)

// e2eChainID is scripts/localnet.sh's chain id.
const e2eChainID = "kizuna-localnet-1"

// settle bounds the wait for anything the bridge moves: confirmations on
// the chain, a batch or deposit on Ethereum and its claims, with blocks
// of about a second on both sides.
const settle = 90 * time.Second

// TestBridge_EndToEnd moves a community currency and an Ethereum ERC-20
// both ways through four validators' relayers, crashes one relayer in the
// middle of a batch, runs on three of four and stops on two of four, and
// counts on both chains that nothing was lost or doubled. Non-validators'
// forged and replayed claims are refused.
func TestBridge_EndToEnd(t *testing.T) {
	n := startLocalnetWithBridge(t)
	contract := common.HexToAddress(n.info().ContractAddress)
	if contract == (common.Address{}) {
		t.Fatal("the chain has no bridge contract after localnet.sh bridge")
	}
	eth := dialEthereum(t, n.ethURL(), contract)

	// A community whose currency GDD (4 decimals) member holds, issued by
	// a teller; the admin (validator 0's operator) registers its ERC-20.
	member, teller, back := n.addKey("member"), n.addKey("teller"), n.addKey("back")
	for _, a := range []string{member, teller, back} {
		n.requireTx("validator", "bank", "send", "validator", a, "100000000ukiz")
	}
	n.requireTx("validator", "community", "create-community", "Bridge Commons", "admin", "open")
	n.requireTx("member", "community", "join", "1", "member")
	n.requireTx("teller", "community", "join", "1", "teller")
	n.requireTx("validator", "community", "set-role", "1", teller, "teller")
	n.requireTx("validator", "ledger", "create-currency", "1", "GDD", "Gradido", "4")
	const gddDenom = "cc/1/GDD"
	n.requireTx("teller", "ledger", "issue", "1", member, "100", "start-up balance")
	n.requireTx("validator", "bridge", "register-currency-token", "1")
	var tok struct {
		Token struct {
			TokenContract string `json:"token_contract"`
		} `json:"token"`
	}
	n.query(&tok, "bridge", "token", "--denom", gddDenom)
	gdd := common.HexToAddress(tok.Token.TokenContract)
	eventually(t, settle, "the relayers deploy GDD's ERC-20", func() bool {
		code, err := eth.client.CodeAt(context.Background(), gdd, nil)
		return err == nil && len(code) > 0
	})

	// What the test sent each way, to count both chains at the end.
	var (
		memberStart = n.balance(member, gddDenom)
		leftMember  = new(big.Int) // amounts and bridge fees member sent
		minted      = new(big.Int) // GDD units minted on Ethereum, fees included
		burned      = new(big.Int) // GDD units sent back
	)
	sendOut := func(recipient common.Address, amount, fee int64) {
		t.Helper()
		n.requireTx("member", "bridge", "send-to-ethereum", recipient.Hex(),
			fmt.Sprintf("%d%s", amount, gddDenom), fmt.Sprintf("%d%s", fee, gddDenom))
		leftMember.Add(leftMember, big.NewInt(amount+fee))
		minted.Add(minted, big.NewInt(amount+fee))
	}
	sendBack := func(amount int64) {
		t.Helper()
		eth.sendToCosmos(gdd, back, amount)
		burned.Add(burned, big.NewInt(amount))
	}
	// The phases run one after another on the same network; each depends
	// on the state the previous ones left.
	phase := func(name string, f func()) {
		t.Helper()
		t.Logf("phase: %s", name)
		f()
	}
	requireDrained := func(what string) {
		t.Helper()
		eventually(t, settle, what+": nothing left in the pool or in a batch", func() bool {
			transfers, batches := n.outgoing()
			return transfers == 0 && batches == 0
		})
	}

	phase("a community currency goes to Ethereum and back", func() {
		sendOut(eth.address(), 100_000, 100)
		eventually(t, settle, "100000 GDD on Ethereum", func() bool { return eth.balanceOf(gdd, eth.address()).Int64() == 100_000 })
		requireDrained("after the batch")
		sendBack(40_000)
		eventually(t, settle, "40000 GDD back on the chain", func() bool { return n.balance(back, gddDenom).Int64() == 40_000 })
	})

	phase("an ERC-20 from Ethereum arrives as a voucher and goes back", func() {
		usd := eth.deployToken("Test Dollar", "TUSD", 6, big.NewInt(1_000_000))
		voucher := bridgetypes.VoucherDenom(usd)
		eth.sendToCosmos(usd, back, 250_000)
		eventually(t, settle, "a 250000 "+voucher+" voucher", func() bool { return n.balance(back, voucher).Int64() == 250_000 })
		recipient := common.HexToAddress("0x2222222222222222222222222222222222222222")
		n.requireTx("back", "bridge", "send-to-ethereum", recipient.Hex(), "100000"+voucher, "0"+voucher)
		eventually(t, settle, "100000 TUSD released", func() bool { return eth.balanceOf(usd, recipient).Int64() == 100_000 })
		if locked := eth.balanceOf(usd, contract); locked.Int64() != 150_000 {
			t.Fatalf("the bridge holds %s TUSD, want 150000", locked)
		}
		if left := n.balance(back, voucher); left.Int64() != 150_000 {
			t.Fatalf("back holds %s of the voucher, want 150000", left)
		}
		requireDrained("after the voucher's batch")
	})

	phase("a valset change reaches the contract", func() {
		// Validator 0 bonds half as much again: its power moves by more
		// than 5 %, the chain snapshots a valset, and the relayers sign and
		// submit it; the batches below are signed by the new valset.
		before := n.latestValset()
		out, err := n.cli("keys", "show", "validator", "--bech", "val", "-a", "--keyring-backend", "test")
		if err != nil {
			t.Fatal(err)
		}
		n.requireTx("validator", "staking", "delegate", strings.TrimSpace(string(out)), "50000000000ukiz")
		eventually(t, settle, "a new valset on the chain", func() bool { return n.latestValset() > before })
		latest := n.latestValset()
		eventually(t, settle, "the contract holding the new valset", func() bool { return eth.valsetNonce() == latest })
	})

	phase("a relayer killed mid-batch loses and doubles nothing", func() {
		recipient := common.HexToAddress("0x3333333333333333333333333333333333333333")
		for range 3 {
			sendOut(recipient, 1_000, 10)
		}
		eventually(t, settle, "a batch on the chain", func() bool { _, batches := n.outgoing(); return batches > 0 })
		// Relayer 0 relays first (no relay delay): kill it while the batch
		// is being confirmed and relayed, and bring it back.
		n.relayer("kill", 0)
		time.Sleep(3 * time.Second)
		n.relayer("start", 0)
		eventually(t, settle, "3000 GDD for the recipient", func() bool { return eth.balanceOf(gdd, recipient).Int64() == 3_000 })
		requireDrained("after the crash")
		time.Sleep(5 * time.Second)
		if got := eth.balanceOf(gdd, recipient).Int64(); got != 3_000 {
			t.Fatalf("the recipient holds %d GDD after the relayer's restart, want 3000", got)
		}
	})

	phase("three of four relayers keep the bridge working", func() {
		n.relayer("kill", 3)
		recipient := common.HexToAddress("0x4444444444444444444444444444444444444444")
		sendOut(recipient, 5_000, 50)
		eventually(t, settle, "5000 GDD with relayer 3 down", func() bool { return eth.balanceOf(gdd, recipient).Int64() == 5_000 })
		before := n.balance(back, gddDenom).Int64()
		sendBack(1_000)
		eventually(t, settle, "1000 GDD back with relayer 3 down", func() bool { return n.balance(back, gddDenom).Int64() == before+1_000 })
		requireDrained("with three relayers")
	})

	phase("two of four relayers down stop the bridge, which resumes when they return", func() {
		n.relayer("stop", 2)
		recipient := common.HexToAddress("0x5555555555555555555555555555555555555555")
		observed := n.info().LastObservedEventNonce
		backBefore := n.balance(back, gddDenom).Int64()
		sendOut(recipient, 7_000, 70)
		sendBack(2_000)
		time.Sleep(20 * time.Second)
		if got := eth.balanceOf(gdd, recipient).Int64(); got != 0 {
			t.Fatalf("a batch was relayed with half of the power: the recipient holds %d", got)
		}
		if got := n.info().LastObservedEventNonce; got != observed {
			t.Fatalf("a deposit was observed with half of the power: nonce %s, was %s", got, observed)
		}
		if got := n.balance(back, gddDenom).Int64(); got != backBefore {
			t.Fatalf("back received %d GDD with half of the power", got-backBefore)
		}
		if transfers, batches := n.outgoing(); transfers+batches == 0 {
			t.Fatal("the transfer left the chain's pool and batches with half of the power")
		}
		n.relayer("start", 2)
		n.relayer("start", 3)
		eventually(t, settle, "7000 GDD once the relayers return", func() bool { return eth.balanceOf(gdd, recipient).Int64() == 7_000 })
		eventually(t, settle, "2000 GDD back once the relayers return", func() bool { return n.balance(back, gddDenom).Int64() == backBefore+2_000 })
		requireDrained("after the relayers returned")
	})

	phase("both chains count every unit once", func() {
		if got, want := new(big.Int).Sub(memberStart, n.balance(member, gddDenom)), leftMember; got.Cmp(want) != 0 {
			t.Fatalf("member's GDD fell by %s, want the %s sent with bridge fees", got, want)
		}
		want := new(big.Int).Sub(minted, burned)
		if got := eth.totalSupply(gdd); got.Cmp(want) != 0 {
			t.Fatalf("GDD's ERC-20 supply is %s, want %s minted − %s sent back", got, minted, burned)
		}
		// Each batch nonce executed once, and every contract event observed
		// by the chain once.
		executed := eth.executedBatches(gdd)
		if last := eth.lastBatchNonce(gdd); executed == 0 || uint64(executed) != last {
			t.Fatalf("the contract emitted %d BatchExecuted events for GDD, its last batch nonce is %d", executed, last)
		}
		if got, want := n.info().LastObservedEventNonce, fmt.Sprint(eth.eventNonce()); got != want {
			t.Fatalf("the chain observed events up to nonce %s, the contract emitted %s", got, want)
		}
		requireInvariants(t, n)
	})

	phase("forged and replayed claims from a non-validator are refused", func() {
		// The CLI prints an attestation's claim as amino JSON: its type and
		// its value, the oneof's field.
		var atts struct {
			Attestations []struct {
				Claim struct {
					Type  string `json:"type"`
					Value struct {
						Deposit json.RawMessage `json:"deposit"`
					} `json:"value"`
				} `json:"claim"`
			} `json:"attestations"`
		}
		n.query(&atts, "bridge", "attestations")
		var observed json.RawMessage
		for _, a := range atts.Attestations {
			if a.Claim.Type == "kizuna/bridge/DepositClaim" {
				observed = a.Claim.Value.Deposit
			}
		}
		if observed == nil {
			out, _ := n.cli("q", "bridge", "attestations", "-o", "json")
			t.Fatalf("no deposit attestation to replay in %s", out)
		}
		forged := fmt.Sprintf(`{"event_nonce":"999","ethereum_height":"5","token_contract":"%s","ethereum_sender":"%s","cosmos_receiver":"%s","amount":"1000000000"}`,
			gdd.Hex(), eth.address().Hex(), member)
		before := n.balance(member, gddDenom)
		for name, claim := range map[string]string{"forged": forged, "replayed": string(observed)} {
			res := n.tx("member", "bridge", "deposit-claim", claim)
			if res.Codespace != bridgetypes.ModuleName || res.Code != bridgetypes.ErrNotOrchestrator.ABCICode() {
				t.Fatalf("a %s deposit claim by a non-validator: %s code %d (%s), want %s", name, res.Codespace, res.Code, res.RawLog, bridgetypes.ErrNotOrchestrator)
			}
		}
		// A non-validator cannot make itself an orchestrator either, even
		// with a valid proof of its Ethereum key.
		memberBytes, err := sdk.GetFromBech32(member, "kizuna")
		memberAddr := sdk.AccAddress(memberBytes)
		if err != nil {
			t.Fatal(err)
		}
		sig, err := relayer.RegistrationSignature(e2eChainID, sdk.ValAddress(memberAddr), memberAddr, eth.key)
		if err != nil {
			t.Fatal(err)
		}
		res := n.tx("member", "bridge", "register-ethereum-key", member, eth.address().Hex(), hexutil.Encode(sig))
		if res.Codespace != bridgetypes.ModuleName || res.Code != bridgetypes.ErrValidatorNotFound.ABCICode() {
			t.Fatalf("a non-validator's registration: %s code %d (%s), want %s", res.Codespace, res.Code, res.RawLog, bridgetypes.ErrValidatorNotFound)
		}
		if got := n.balance(member, gddDenom); got.Cmp(before) != 0 {
			t.Fatalf("member's GDD went from %s to %s", before, got)
		}
	})
}

// requireInvariants checks the ledger's invariants on validator 0's node.
func requireInvariants(t *testing.T, n *localnet) {
	t.Helper()
	var res struct {
		Checked []string          `json:"checked"`
		Broken  []json.RawMessage `json:"broken"`
	}
	n.query(&res, "ledger", "invariants")
	if len(res.Checked) == 0 || len(res.Broken) != 0 {
		t.Fatalf("ledger invariants: checked %v, broken %s", res.Checked, res.Broken)
	}
}
