package keeper_test

import (
	"testing"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/x/bridge/types"
)

func TestAttestationsInvariant_CatchesAClaimThatIsNotItsHash(t *testing.T) {
	f := newBridge(t, nil)
	f.claimDeposit(t, validators[:1], deposit(1, contractHeight+5, voucherToken, keepertest.Addr("bob"), sdkmath.NewInt(5)))
	f.checkInvariants(t)

	var key collections.Pair[uint64, []byte]
	var att types.Attestation
	require.NoError(t, f.Keeper.Attestations.Walk(f.ctx, nil, func(k collections.Pair[uint64, []byte], a types.Attestation) (bool, error) {
		key, att = k, a
		return true, nil
	}))
	// The claim is changed under its attestation: the amount grows, the
	// hash stays.
	att.GetDeposit().Amount = sdkmath.NewInt(5_000_000)
	require.NoError(t, f.Keeper.Attestations.Set(f.ctx, key, att))
	msg, broken := f.Keeper.AttestationsInvariant(f.ctx)
	require.True(t, broken)
	require.Contains(t, msg, "claim_hash "+hexutil.Encode(key.K2()))

	// Put back, so that the fixture's final check passes.
	att.GetDeposit().Amount = sdkmath.NewInt(5)
	require.NoError(t, f.Keeper.Attestations.Set(f.ctx, key, att))
}

func TestVouchersInvariant_CatchesVouchersMintedOutsideTheBridge(t *testing.T) {
	f := newBridge(t, nil)
	f.claimDeposit(t, validators[:3], deposit(1, contractHeight+5, voucherToken, keepertest.Addr("bob"), sdkmath.NewInt(5)))
	f.checkInvariants(t)
	_, broken := f.Keeper.VouchersInvariant(f.ctx)
	require.False(t, broken)

	f.Ledger.Fund(t, f.ctx, keepertest.AccAddress("mallory"), sdkCoins(types.VoucherDenom(voucherToken), 1))
	msg, broken := f.Keeper.VouchersInvariant(f.ctx)
	require.True(t, broken)
	require.Contains(t, msg, "supply 6")
	burn(t, f, "mallory", types.VoucherDenom(voucherToken), 1)
}

// sdkCoins returns amount of denom.
func sdkCoins(denom string, amount int64) sdk.Coins {
	return sdk.NewCoins(sdk.NewInt64Coin(denom, amount))
}

// burn takes coins from the account named name and burns them.
func burn(t *testing.T, f *fixture, name, denom string, amount int64) {
	t.Helper()
	coins := sdkCoins(denom, amount)
	require.NoError(t, f.Ledger.Bank.SendCoinsFromAccountToModule(f.ctx, keepertest.AccAddress(name), types.ModuleName, coins))
	require.NoError(t, f.Ledger.Bank.BurnCoins(f.ctx, types.ModuleName, coins))
}
