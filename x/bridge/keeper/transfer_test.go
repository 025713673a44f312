package keeper_test

import (
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/x/bridge/types"
	ledgertypes "github.com/kizuna-chain/kizuna/x/ledger/types"
)

func TestSendToEthereum_BurnsAndPoolsThenBatchesAtTheEndOfTheBlock(t *testing.T) {
	f := newBridge(t, nil)
	supply := f.Ledger.Bank.GetSupply(f.ctx, gdd).Amount
	id, err := f.send("alice", gdd, 10_000, 100)
	require.NoError(t, err)
	require.Equal(t, types.FirstTransferID, id)
	require.Equal(t, sdkmath.NewInt(1_000_000-10_100), f.balance("alice", gdd))
	require.Equal(t, supply.SubRaw(10_100), f.Ledger.Bank.GetSupply(f.ctx, gdd).Amount, "what leaves is burned")
	f.checkInvariants(t)

	_, found := f.batch(t, f.token)
	require.False(t, found, "batched at the end of the block")
	f.endBlock(t)
	batch, found := f.batch(t, f.token)
	require.True(t, found)
	require.Equal(t, uint64(1), batch.Nonce)
	require.Equal(t, []uint64{id}, batch.TransferIds)
	require.Equal(t, contractHeight+types.DefaultBatchTimeoutBlocks, batch.Timeout)

	// A second transfer waits for the next batch: one outstanding per token.
	_, err = f.send("alice", gdd, 5, 0)
	require.NoError(t, err)
	f.endBlock(t)
	again, _ := f.batch(t, f.token)
	require.Equal(t, batch, again)
}

func TestSendToEthereum_RejectsBadInput(t *testing.T) {
	f := newBridge(t, nil)
	snapshot := keepertest.StoreSnapshot(t, f.ctx, f.StoreKey, f.Ledger.Keys["bank"], f.Ledger.Keys["ledger"])
	good := func() *types.MsgSendToEthereum {
		return &types.MsgSendToEthereum{
			Sender: keepertest.Addr("alice"), EthereumRecipient: recipient,
			Amount: sdk.NewInt64Coin(gdd, 10), BridgeFee: sdk.NewInt64Coin(gdd, 1),
		}
	}
	cases := []struct {
		name   string
		mutate func(*types.MsgSendToEthereum)
		want   error
	}{
		{"zero amount", func(m *types.MsgSendToEthereum) { m.Amount.Amount = sdkmath.ZeroInt() }, types.ErrInvalidAmount},
		{"fee of another denom", func(m *types.MsgSendToEthereum) { m.BridgeFee = sdk.NewInt64Coin("ukiz", 1) }, types.ErrInvalidAmount},
		{"unregistered denom", func(m *types.MsgSendToEthereum) {
			m.Amount.Denom, m.BridgeFee.Denom = "cc/9/NOPE", "cc/9/NOPE"
		}, types.ErrTokenNotRegistered},
		{"an address-embedding denom", func(m *types.MsgSendToEthereum) {
			m.Amount.Denom = "cc/1/0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"
			m.BridgeFee.Denom = m.Amount.Denom
		}, types.ErrInvalidDenom},
		{"an over-long denom", func(m *types.MsgSendToEthereum) {
			m.Amount.Denom = "cc/1/GDD" + strings.Repeat("x", 121)
			m.BridgeFee.Denom = m.Amount.Denom
		}, types.ErrInvalidDenom},
		{"malformed recipient", func(m *types.MsgSendToEthereum) { m.EthereumRecipient = "kizuna1xyz" }, types.ErrInvalidEthereumAddress},
		{"zero recipient", func(m *types.MsgSendToEthereum) {
			m.EthereumRecipient = "0x0000000000000000000000000000000000000000"
		}, types.ErrInvalidEthereumAddress},
		{"more than the balance", func(m *types.MsgSendToEthereum) { m.Amount.Amount = sdkmath.NewInt(1_000_000) }, ledgertypes.ErrBridgeNeedsCredit},
		{"a non-holder", func(m *types.MsgSendToEthereum) { m.Sender = keepertest.Addr("bob") }, ledgertypes.ErrBridgeNeedsCredit},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			msg := good()
			tc.mutate(msg)
			keepertest.RequireRejected(t, f.ctx, snapshot, tc.want, func() error {
				_, err := f.msgs.SendToEthereum(f.ctx, msg)
				return err
			})
		})
	}
}

func TestSendToEthereum_RefusesATransferThatWouldNeedCredit(t *testing.T) {
	f := newBridge(t, func(m *ledgertypes.MsgCreateCurrency) {
		m.IssuancePolicy = ledgertypes.IssuancePolicyMutualCredit
		m.DefaultCreditLimit = sdkmath.NewInt(50_000)
	})
	// bob pays carol on credit: bob owes 20,000, carol holds 20,000.
	_, err := f.ledger.Transfer(f.ctx, &ledgertypes.MsgTransfer{
		Sender: keepertest.Addr("bob"), Recipient: keepertest.Addr("carol"), CommunityId: garden, Amount: sdkmath.NewInt(20_000),
	})
	require.NoError(t, err)
	snapshot := keepertest.StoreSnapshot(t, f.ctx, f.StoreKey, f.Ledger.Keys["bank"], f.Ledger.Keys["ledger"])
	keepertest.RequireRejected(t, f.ctx, snapshot, ledgertypes.ErrBridgeNeedsCredit, func() error {
		_, err := f.send("bob", gdd, 1, 0)
		return err
	})
	keepertest.RequireRejected(t, f.ctx, snapshot, ledgertypes.ErrBridgeNeedsCredit, func() error {
		_, err := f.send("carol", gdd, 20_000, 1)
		return err
	})
	_, err = f.send("carol", gdd, 19_999, 1)
	require.NoError(t, err, "a positive balance leaves")
	f.checkInvariants(t)
}

func TestCancelSendToEthereum_RefundsOnce(t *testing.T) {
	f := newBridge(t, nil)
	id, err := f.send("alice", gdd, 10_000, 100)
	require.NoError(t, err)
	before := f.balance("alice", gdd)

	_, err = f.msgs.CancelSendToEthereum(f.ctx, &types.MsgCancelSendToEthereum{Sender: keepertest.Addr("bob"), Id: id})
	require.ErrorIs(t, err, types.ErrNotSender)

	res, err := f.msgs.CancelSendToEthereum(f.ctx, &types.MsgCancelSendToEthereum{Sender: keepertest.Addr("alice"), Id: id})
	require.NoError(t, err)
	require.Equal(t, sdkmath.NewInt(10_100), res.Refunded)
	require.Equal(t, before.AddRaw(10_100), f.balance("alice", gdd))
	f.checkInvariants(t)

	snapshot := keepertest.StoreSnapshot(t, f.ctx, f.StoreKey, f.Ledger.Keys["bank"], f.Ledger.Keys["ledger"])
	keepertest.RequireRejected(t, f.ctx, snapshot, types.ErrTransferNotFound, func() error {
		_, err := f.msgs.CancelSendToEthereum(f.ctx, &types.MsgCancelSendToEthereum{Sender: keepertest.Addr("alice"), Id: id})
		return err
	})
	f.endBlock(t)
	_, found := f.batch(t, f.token)
	require.False(t, found, "a cancelled transfer is never batched")
}

func TestCancelSendToEthereum_RefusesABatchedTransfer(t *testing.T) {
	f := newBridge(t, nil)
	id, err := f.send("alice", gdd, 10_000, 0)
	require.NoError(t, err)
	f.endBlock(t)
	snapshot := keepertest.StoreSnapshot(t, f.ctx, f.StoreKey, f.Ledger.Keys["bank"], f.Ledger.Keys["ledger"])
	keepertest.RequireRejected(t, f.ctx, snapshot, types.ErrTransferBatched, func() error {
		_, err := f.msgs.CancelSendToEthereum(f.ctx, &types.MsgCancelSendToEthereum{Sender: keepertest.Addr("alice"), Id: id})
		return err
	})
}

func TestBatch_TimedOutReturnsItsTransfersToThePoolOnce(t *testing.T) {
	f := newBridge(t, nil)
	first, err := f.send("alice", gdd, 10_000, 0)
	require.NoError(t, err)
	f.endBlock(t)
	batch, _ := f.batch(t, f.token)

	// An event observed at the timeout's height, a deposit of another
	// ERC-20: the batch can never execute, its transfer goes back to the
	// pool, and the same end of block batches it again under the same nonce.
	other := commonAddr(keepertest.EthAddress(t, "some erc20"))
	events := len(f.ctx.EventManager().Events())
	f.claimDeposit(t, validators[:3], deposit(1, batch.Timeout, other, keepertest.Addr("bob"), sdkmath.NewInt(7)))
	require.Equal(t, uint64(1), f.lastObserved(t))
	require.Equal(t, 1, countEvents(f.ctx.EventManager().Events()[events:], "kizuna.bridge.v1.EventBatchTimedOut"))
	again, found := f.batch(t, f.token)
	require.True(t, found)
	require.Equal(t, batch.Nonce, again.Nonce, "a timed-out batch's nonce is free again")
	require.Equal(t, []uint64{first}, again.TransferIds)
	require.Greater(t, again.Timeout, batch.Timeout)
	require.Equal(t, sdkmath.NewInt(1_000_000-10_000), f.balance("alice", gdd), "nothing refunded: it left in the next batch")

	// The late validator's claim of the same event times out nothing more.
	events = len(f.ctx.EventManager().Events())
	f.claimDeposit(t, validators[3:], deposit(1, batch.Timeout, other, keepertest.Addr("bob"), sdkmath.NewInt(7)))
	require.Zero(t, countEvents(f.ctx.EventManager().Events()[events:], "kizuna.bridge.v1.EventBatchTimedOut"))
	still, _ := f.batch(t, f.token)
	require.Equal(t, again, still)
	require.Equal(t, sdkmath.NewInt(7), f.balance("bob", types.VoucherDenom(other)), "the deposit executed once")
	f.checkInvariants(t)
}

// countEvents counts the events of a type.
func countEvents(events sdk.Events, eventType string) int {
	n := 0
	for _, e := range events {
		if e.Type == eventType {
			n++
		}
	}
	return n
}

func TestDeposit_DecayingCurrencyOutAndBackAfterAYearReturnsHalf(t *testing.T) {
	const year = 31_556_952
	f := newBridge(t, func(m *ledgertypes.MsgCreateCurrency) { m.HalfLifeSeconds = year })
	f.advance(90 * 24 * time.Hour) // the token's epoch is three months behind
	_, err := f.send("alice", gdd, 400_000, 0)
	require.NoError(t, err)
	f.endBlock(t)
	batch, _ := f.batch(t, f.token)
	res, err := f.queries.Batch(f.ctx, &types.QueryBatchRequest{TokenContract: f.token.Hex()})
	require.NoError(t, err)
	static := res.Transfers[0].TokenAmount
	require.True(t, static.GT(sdkmath.NewInt(400_000)), "static units count from the epoch: %s", static)

	f.claimBatch(t, validators[:3], 1, contractHeight+10, f.token, batch.Nonce)
	f.advance(year * time.Second)
	f.claimDeposit(t, validators[:3], deposit(2, contractHeight+20, f.token, keepertest.Addr("bob"), static))
	back := f.balance("bob", gdd)
	require.True(t, back.Sub(sdkmath.NewInt(200_000)).Abs().LTE(sdkmath.OneInt()), "came back %s, want 200000 ± 1", back)
	f.checkInvariants(t)
}

// commonAddr parses a checksummed address.
func commonAddr(s string) common.Address {
	addr, err := types.ParseEthereumAddress(s)
	if err != nil {
		panic(err)
	}
	return addr
}

func TestBatch_TakesTheHighestFeesFirst(t *testing.T) {
	f := newBridge(t, nil)
	p, err := f.Keeper.GetParams(f.ctx)
	require.NoError(t, err)
	p.MaxBatchTransfers = 2
	authority := f.Keeper.GetAuthority()
	_, err = f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: authority, Params: p})
	require.NoError(t, err)
	// A flood of fee-less transfers first, then two that pay.
	for range 5 {
		_, err := f.send("alice", gdd, 1, 0)
		require.NoError(t, err)
	}
	low, err := f.send("alice", gdd, 10, 3)
	require.NoError(t, err)
	high, err := f.send("alice", gdd, 10, 7)
	require.NoError(t, err)
	f.endBlock(t)
	batch, found := f.batch(t, f.token)
	require.True(t, found)
	require.Equal(t, []uint64{high, low}, batch.TransferIds)
}
