package types_test

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

func TestDenom_IsAValidBankDenom(t *testing.T) {
	require.Equal(t, "cc/1/ABC", types.Denom(1, "ABC"))
	require.NoError(t, sdk.ValidateDenom("cc/1/ABC"))
	require.NoError(t, sdk.ValidateDenom(types.Denom(18446744073709551615, "ABCDEFGHIJKLMNOP")), "the longest denom")
	require.NoError(t, sdk.ValidateDenom(types.Denom(1, "1")), "the shortest code a param allows")
}

func TestCurrencyMetadata_ValidForEveryCodeAndDecimals(t *testing.T) {
	for _, code := range []string{"A", "AB", "1", "12", "100", "GDD", "ABCDEFGHIJKLMNOP", "0ABCDEFGHIJKLMNO"} {
		for _, decimals := range []uint32{0, 1, 4, 18} {
			c := types.Currency{CommunityId: 3, Code: code, Name: "Money", Decimals: decimals, Denom: types.Denom(3, code)}
			md := c.Metadata()
			require.NoError(t, md.Validate(), "%s with %d decimals", code, decimals)
			require.Equal(t, code, md.Symbol)
			require.Equal(t, c.Denom, md.Base)
		}
	}
	require.Equal(t, "GDD", types.DisplayDenom("GDD"))
	require.Equal(t, "cc100", types.DisplayDenom("100"))
	require.Equal(t, "ccAB", types.DisplayDenom("AB"))
}

func TestFee_BasisPointsRoundedUp(t *testing.T) {
	tests := []struct {
		amount int64
		bps    uint32
		want   int64
	}{
		{10_000, 150, 150},
		{66, 150, 1},
		{67, 150, 2},
		{1, 1, 1},
		{1_000_000, 1, 100},
		{1_000_001, 1, 101},
		{999, 10_000, 999},
		{5, 0, 0},
	}
	for _, tc := range tests {
		require.Equal(t, sdkmath.NewInt(tc.want), types.Fee(sdkmath.NewInt(tc.amount), tc.bps), "%d at %d bps", tc.amount, tc.bps)
	}
	require.True(t, types.Fee(sdkmath.Int{}, 100).IsZero())
	huge := sdkmath.NewIntFromBigInt(new(big.Int).Lsh(big.NewInt(1), 255))
	require.Equal(t, huge.QuoRaw(2), types.Fee(huge, 5000), "no overflow near 2^256")
}

func TestMonthlyCap_ScalesWithDecimals(t *testing.T) {
	require.Equal(t, sdkmath.NewInt(1000), types.MonthlyCap(1000, 0))
	require.Equal(t, sdkmath.NewInt(10_000_000), types.MonthlyCap(1000, 4))
	require.Equal(t, "1000000000000000000000000000000000", types.MonthlyCap(types.CeilingMonthlyCreationCap, 18).String())
}

func TestIssuancePolicy_Allows(t *testing.T) {
	require.True(t, types.IssuancePolicyAdmin.AllowsAdminIssuance())
	require.False(t, types.IssuancePolicyAdmin.AllowsContributions())
	require.True(t, types.IssuancePolicyContribution.AllowsContributions())
	require.False(t, types.IssuancePolicyContribution.AllowsAdminIssuance())
	require.True(t, types.IssuancePolicyAdminAndContribution.AllowsAdminIssuance())
	require.True(t, types.IssuancePolicyAdminAndContribution.AllowsContributions())
	require.ErrorIs(t, types.ValidateIssuancePolicy(types.IssuancePolicyUnspecified), types.ErrInvalidIssuancePolicy)
}

func TestAccounts_DerivedPerCommunity(t *testing.T) {
	require.Len(t, types.TreasuryAddress(1), 32)
	require.NoError(t, sdk.VerifyAddressFormat(types.TreasuryAddress(1)))
	require.NotEqual(t, types.TreasuryAddress(1), types.TreasuryAddress(2))
	require.NotEqual(t, types.TreasuryAddress(1), types.FeeAccountAddress(1))
	require.Equal(t, types.FeeAccountAddress(7), types.FeeAccountAddress(7))
}
