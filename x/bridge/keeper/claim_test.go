package keeper_test

import (
	"math/big"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/x/bridge/keeper"
	"github.com/kizuna-chain/kizuna/x/bridge/types"
	ledgertypes "github.com/kizuna-chain/kizuna/x/ledger/types"
)

// voucherToken is an ERC-20 from Ethereum.
var voucherToken = commonAddr("0x1c7D4B196Cb0C7B01d743Fbc6116a902379C7238")

func TestDepositClaim_BelowTheThresholdDoesNothing(t *testing.T) {
	f := newBridge(t, nil)
	claim := deposit(1, contractHeight+5, voucherToken, keepertest.Addr("bob"), sdkmath.NewInt(500))
	f.claimDeposit(t, validators[:2], claim) // exactly half
	require.Zero(t, f.lastObserved(t))
	require.True(t, f.balance("bob", types.VoucherDenom(voucherToken)).IsZero())
	_, err := f.Keeper.TokenOfContract(f.ctx, voucherToken)
	require.ErrorIs(t, err, types.ErrTokenNotRegistered)
	f.endBlock(t)
	require.Zero(t, f.lastObserved(t), "the end of the block does not observe it either")

	f.claimDeposit(t, validators[2:3], claim) // 3/4
	require.Equal(t, uint64(1), f.lastObserved(t))
	require.Equal(t, sdkmath.NewInt(500), f.balance("bob", types.VoucherDenom(voucherToken)))
}

func TestDepositClaim_TheSameClaimTwiceExecutesOnce(t *testing.T) {
	f := newBridge(t, nil)
	claim := deposit(1, contractHeight+5, voucherToken, keepertest.Addr("bob"), sdkmath.NewInt(500))
	f.claimDeposit(t, validators, claim)
	require.Equal(t, sdkmath.NewInt(500), f.balance("bob", types.VoucherDenom(voucherToken)))

	// The same validator again: refused, its next claim is nonce 2.
	snapshot := keepertest.StoreSnapshot(t, f.ctx, f.StoreKey, f.Ledger.Keys["bank"])
	keepertest.RequireRejected(t, f.ctx, snapshot, types.ErrNonContiguousNonce, func() error {
		_, err := f.msgs.DepositClaim(f.ctx, &types.MsgDepositClaim{Orchestrator: keepertest.Addr("val-a-orch"), Claim: claim})
		return err
	})
	require.Equal(t, sdkmath.NewInt(500), f.balance("bob", types.VoucherDenom(voucherToken)))
	f.endBlock(t)
	require.Equal(t, sdkmath.NewInt(500), f.balance("bob", types.VoucherDenom(voucherToken)), "executed once")
}

func TestDepositClaim_RefusesANonContiguousNonce(t *testing.T) {
	f := newBridge(t, nil)
	snapshot := keepertest.StoreSnapshot(t, f.ctx, f.StoreKey, f.Ledger.Keys["bank"])
	for _, nonce := range []uint64{2, 7} {
		keepertest.RequireRejected(t, f.ctx, snapshot, types.ErrNonContiguousNonce, func() error {
			_, err := f.msgs.DepositClaim(f.ctx, &types.MsgDepositClaim{
				Orchestrator: keepertest.Addr("val-a-orch"),
				Claim:        deposit(nonce, contractHeight+5, voucherToken, keepertest.Addr("bob"), sdkmath.NewInt(1)),
			})
			return err
		})
	}
	// Nonce 2 executes only after nonce 1, whatever the order of quorums.
	f.claimDeposit(t, validators[:1], deposit(1, contractHeight+5, voucherToken, keepertest.Addr("bob"), sdkmath.NewInt(1)))
	f.claimDeposit(t, validators[:1], deposit(2, contractHeight+6, voucherToken, keepertest.Addr("bob"), sdkmath.NewInt(2)))
	for _, v := range validators[1:3] {
		f.claimDeposit(t, []string{v}, deposit(1, contractHeight+5, voucherToken, keepertest.Addr("bob"), sdkmath.NewInt(1)))
		f.claimDeposit(t, []string{v}, deposit(2, contractHeight+6, voucherToken, keepertest.Addr("bob"), sdkmath.NewInt(2)))
	}
	require.Equal(t, uint64(2), f.lastObserved(t))
	require.Equal(t, sdkmath.NewInt(3), f.balance("bob", types.VoucherDenom(voucherToken)))
}

func TestClaims_RefuseNonOrchestratorsAndMalformedFields(t *testing.T) {
	f := newBridge(t, nil)
	snapshot := keepertest.StoreSnapshot(t, f.ctx, f.StoreKey, f.Ledger.Keys["bank"])
	good := func() types.DepositClaim {
		return deposit(1, contractHeight+5, voucherToken, keepertest.Addr("bob"), sdkmath.NewInt(1))
	}
	cases := []struct {
		name   string
		from   string
		mutate func(*types.DepositClaim)
		want   error
	}{
		{"a non-validator", "mallory", func(*types.DepositClaim) {}, types.ErrNotOrchestrator},
		{"a validator's operator, not its orchestrator", "val-a", func(*types.DepositClaim) {}, types.ErrNotOrchestrator},
		{"zero height", "val-a-orch", func(c *types.DepositClaim) { c.EthereumHeight = 0 }, types.ErrInvalidClaim},
		{"malformed token", "val-a-orch", func(c *types.DepositClaim) { c.TokenContract = "0x1234" }, types.ErrInvalidClaim},
		{"a token without its checksum", "val-a-orch", func(c *types.DepositClaim) {
			c.TokenContract = strings.ToLower(c.TokenContract)
		}, types.ErrInvalidClaim},
		{"malformed sender", "val-a-orch", func(c *types.DepositClaim) { c.EthereumSender = "alice" }, types.ErrInvalidClaim},
		{"empty receiver", "val-a-orch", func(c *types.DepositClaim) { c.CosmosReceiver = "" }, types.ErrInvalidClaim},
		{"over-long receiver", "val-a-orch", func(c *types.DepositClaim) { c.CosmosReceiver = string(make([]byte, 129)) }, types.ErrInvalidClaim},
		{"zero amount", "val-a-orch", func(c *types.DepositClaim) { c.Amount = sdkmath.ZeroInt() }, types.ErrInvalidClaim},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			claim := good()
			tc.mutate(&claim)
			keepertest.RequireRejected(t, f.ctx, snapshot, tc.want, func() error {
				_, err := f.msgs.DepositClaim(f.ctx, &types.MsgDepositClaim{Orchestrator: keepertest.Addr(tc.from), Claim: claim})
				return err
			})
		})
	}
}

func TestDeposit_VouchersComeAndGoBack(t *testing.T) {
	f := newBridge(t, nil)
	voucher := types.VoucherDenom(voucherToken)
	f.claimDeposit(t, validators[:3], deposit(1, contractHeight+5, voucherToken, keepertest.Addr("bob"), sdkmath.NewInt(900)))
	require.Equal(t, sdkmath.NewInt(900), f.balance("bob", voucher))
	token, err := f.Keeper.TokenOfDenom(f.ctx, voucher)
	require.NoError(t, err)
	require.Equal(t, types.TokenOriginEthereum, token.Origin)

	_, err = f.send("bob", voucher, 600, 50)
	require.NoError(t, err)
	require.Equal(t, sdkmath.NewInt(250), f.balance("bob", voucher))
	require.Equal(t, sdkmath.NewInt(250), f.Ledger.Bank.GetSupply(f.ctx, voucher).Amount, "vouchers leaving are burned")
	f.endBlock(t)
	batch, _ := f.batch(t, voucherToken)
	f.claimBatch(t, validators[:3], 2, contractHeight+9, voucherToken, batch.Nonce)
	_, found := f.batch(t, voucherToken)
	require.False(t, found)
	res, err := f.queries.Transfers(f.ctx, &types.QueryTransfersRequest{})
	require.NoError(t, err)
	require.Empty(t, res.Transfers, "an executed transfer is forgotten")
}

func TestDeposit_UnroutableReceiverGoesToTheCommunityPool(t *testing.T) {
	f := newBridge(t, nil)
	f.claimDeposit(t, validators[:3], deposit(1, contractHeight+5, voucherToken, "not-an-address", sdkmath.NewInt(900)))
	require.Equal(t, uint64(1), f.lastObserved(t))
	require.Equal(t, sdkmath.NewInt(900), f.Ledger.Bank.GetBalance(f.ctx, f.CommunityPool, types.VoucherDenom(voucherToken)).Amount)
}

// A forged deposit of a community currency's ERC-20 that the chain never
// minted on Ethereum, even with a quorum behind it, mints nothing: the
// chain counts what its batches put there.
func TestDeposit_NeverReturnsMoreOfACurrencyThanItsBatchesMinted(t *testing.T) {
	f := newBridge(t, nil)
	supply := f.Ledger.Bank.GetSupply(f.ctx, gdd).Amount
	f.claimDeposit(t, validators[:3], deposit(1, contractHeight+5, f.token, keepertest.Addr("bob"), sdkmath.NewInt(1)))
	require.Equal(t, uint64(1), f.lastObserved(t), "observed, and its failure reported")
	require.True(t, f.balance("bob", gdd).IsZero())
	require.Equal(t, supply, f.Ledger.Bank.GetSupply(f.ctx, gdd).Amount)

	_, err := f.send("alice", gdd, 100, 0)
	require.NoError(t, err)
	f.endBlock(t)
	f.claimBatch(t, validators[:3], 2, contractHeight+6, f.token, 1)
	f.claimDeposit(t, validators[:3], deposit(3, contractHeight+7, f.token, keepertest.Addr("bob"), sdkmath.NewInt(101)))
	require.True(t, f.balance("bob", gdd).IsZero(), "101 of the 100 minted: refused")
	f.claimDeposit(t, validators[:3], deposit(4, contractHeight+8, f.token, keepertest.Addr("bob"), sdkmath.NewInt(100)))
	require.Equal(t, sdkmath.NewInt(100), f.balance("bob", gdd))
	f.checkInvariants(t)
}

// Deposits that would take a voucher's supply past 256 bits fail as claims;
// the chain does not halt and the next event executes.
func TestDeposit_OverflowingVouchersFailWithoutHaltingTheChain(t *testing.T) {
	f := newBridge(t, nil)
	maxUint256 := sdkmath.NewIntFromBigInt(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)))
	voucher := types.VoucherDenom(voucherToken)
	f.claimDeposit(t, validators[:3], deposit(1, contractHeight+5, voucherToken, keepertest.Addr("bob"), maxUint256))
	require.Equal(t, maxUint256, f.balance("bob", voucher))
	f.claimDeposit(t, validators[:3], deposit(2, contractHeight+6, voucherToken, keepertest.Addr("carol"), sdkmath.OneInt()))
	require.Equal(t, uint64(2), f.lastObserved(t), "observed, and its failure reported")
	require.True(t, f.balance("carol", voucher).IsZero())
	f.claimDeposit(t, validators[:3], deposit(3, contractHeight+7, erc20Other, keepertest.Addr("carol"), sdkmath.OneInt()))
	require.Equal(t, sdkmath.OneInt(), f.balance("carol", types.VoucherDenom(erc20Other)))
}

// erc20Other is a second ERC-20 from Ethereum.
var erc20Other = commonAddr("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48")

func TestClaims_WaitForTheContract(t *testing.T) {
	fx := keepertest.BridgeKeeper(t)
	fx.RegisterValidator(t, "val-a", 100)
	snapshot := keepertest.StoreSnapshot(t, fx.Ctx, fx.StoreKey)
	keepertest.RequireRejected(t, fx.Ctx, snapshot, types.ErrBridgeNotReady, func() error {
		_, err := keeper.NewMsgServerImpl(fx.Keeper).DepositClaim(fx.Ctx, &types.MsgDepositClaim{
			Orchestrator: keepertest.Addr("val-a-orch"),
			Claim:        deposit(1, contractHeight+5, voucherToken, keepertest.Addr("bob"), sdkmath.NewInt(1)),
		})
		return err
	})
}

func TestClaims_OnlyFromBondedValidators(t *testing.T) {
	f := newBridge(t, nil)
	f.Staking.SetValidator(t, "val-d", 100, false)
	snapshot := keepertest.StoreSnapshot(t, f.ctx, f.StoreKey)
	keepertest.RequireRejected(t, f.ctx, snapshot, types.ErrValidatorNotBonded, func() error {
		_, err := f.msgs.DepositClaim(f.ctx, &types.MsgDepositClaim{
			Orchestrator: keepertest.Addr("val-d-orch"),
			Claim:        deposit(1, contractHeight+5, voucherToken, keepertest.Addr("bob"), sdkmath.NewInt(1)),
		})
		return err
	})
}

// A deposit to a member at its maximum balance goes to the treasury, with
// a memo cut to the ledger's max_memo_length, however short governance
// set it.
func TestDeposit_AboveTheMaximumGoesToTheTreasuryWithAMemoThatFits(t *testing.T) {
	f := newBridge(t, func(m *ledgertypes.MsgCreateCurrency) { m.MaxBalance = sdkmath.NewInt(1_000_000) })
	lp, err := f.Ledger.Keeper.GetParams(f.ctx)
	require.NoError(t, err)
	lp.MaxMemoLength = 16
	_, err = f.ledger.UpdateParams(f.ctx, &ledgertypes.MsgUpdateParams{Authority: f.Keeper.GetAuthority(), Params: lp})
	require.NoError(t, err)
	_, err = f.send("alice", gdd, 100_000, 0)
	require.NoError(t, err)
	f.endBlock(t)
	f.claimBatch(t, validators[:3], 1, contractHeight+3, f.token, 1)

	// bob holds 950,000 of his 1,000,000 maximum; 100,000 to him go to the
	// treasury.
	_, err = f.ledger.Transfer(f.ctx, &ledgertypes.MsgTransfer{
		Sender: keepertest.Addr("alice"), Recipient: keepertest.Addr("bob"), CommunityId: garden, Amount: sdkmath.NewInt(900_000),
	})
	require.NoError(t, err)
	_, err = f.ledger.Issue(f.ctx, &ledgertypes.MsgIssue{
		Issuer: keepertest.Addr("tom"), CommunityId: garden, Recipient: keepertest.Addr("bob"), Amount: sdkmath.NewInt(50_000), Memo: "top-up",
	})
	require.NoError(t, err)
	treasury := sdk.AccAddress(ledgertypes.TreasuryAddress(garden))
	before := f.Ledger.Bank.GetBalance(f.ctx, treasury, gdd).Amount
	f.claimDeposit(t, validators[:3], deposit(2, contractHeight+4, f.token, keepertest.Addr("bob"), sdkmath.NewInt(100_000)))
	require.Equal(t, sdkmath.NewInt(950_000), f.balance("bob", gdd))
	require.Equal(t, before.AddRaw(100_000), f.Ledger.Bank.GetBalance(f.ctx, treasury, gdd).Amount)
	f.checkInvariants(t)
}
