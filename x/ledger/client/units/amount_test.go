package units

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

func TestParseAmount_ReadsDisplayAndBaseUnits(t *testing.T) {
	kga := types.Currency{CommunityId: 1, Code: "KGA", Decimals: 4, Denom: "cc/1/KGA"}
	whole := types.Currency{CommunityId: 1, Code: "HOUR", Decimals: 0, Denom: "cc/1/HOUR"}
	for _, tc := range []struct {
		in   string
		c    types.Currency
		want int64
	}{
		{"12.5", kga, 125000},
		{"12.5KGA", kga, 125000},
		{"12.5kga", kga, 125000},
		{" 12.5 ", kga, 125000},
		{"0.0001", kga, 1},
		{".5", kga, 5000},
		{"12.50000", kga, 125000},
		{"0012", kga, 120000},
		{"0", kga, 0},
		{"125000cc/1/KGA", kga, 125000},
		{"3", whole, 3},
		{"3.0HOUR", whole, 3},
	} {
		a, err := parseAmount(tc.in, tc.c.CommunityId)
		require.NoError(t, err, tc.in)
		got, err := a.resolve(tc.c)
		require.NoError(t, err, tc.in)
		require.Equal(t, sdkmath.NewInt(tc.want), got, tc.in)
	}
}

func TestParseAmount_RefusesWhatItCannotReadExactly(t *testing.T) {
	kga := types.Currency{CommunityId: 1, Code: "KGA", Decimals: 4, Denom: "cc/1/KGA"}
	for _, tc := range []struct{ in, want string }{
		{"-5", "must be positive"},
		{"", "give a number"},
		{"KGA", "give a number"},
		{"1.2.3", "not a number"},
		{"12.", "not a number"},
		{".", "not a number"},
		{"12.34567", "KGA has 4 decimals: its smallest unit is 0.0001"},
		{"12GDD", "the currency of community 1 is KGA"},
		{"12 KGA x", "the currency of community 1 is KGA"},
		{"5cc/2/KGA", "not the currency of community 1"},
		{"5cc/1/GDD", "the currency of community 1 is cc/1/KGA"},
		{"1.5cc/1/KGA", "base units (cc/1/KGA) are whole numbers"},
		{"1e5", "the currency of community 1 is KGA"},
		{"1111111111111111111111111111111111111111111111111111111111111", "more than 60 digits"},
	} {
		a, err := parseAmount(tc.in, 1)
		if err == nil {
			_, err = a.resolve(kga)
		}
		require.ErrorContains(t, err, tc.want, tc.in)
	}
	a, err := parseAmount("999999999999999999999999999999999999999999999999999999999999", 1)
	require.NoError(t, err)
	_, err = a.resolve(types.Currency{CommunityId: 1, Code: "WEI", Decimals: 18})
	require.ErrorContains(t, err, "too large")
}

func TestFormatAmount_WritesDisplayUnitsWithoutTrailingZeros(t *testing.T) {
	kga := types.Currency{Code: "KGA", Decimals: 4}
	for in, want := range map[int64]string{
		2207980: "220.798 KGA",
		125000:  "12.5 KGA",
		1:       "0.0001 KGA",
		0:       "0 KGA",
		10000:   "1 KGA",
		-35000:  "-3.5 KGA",
	} {
		require.Equal(t, want, FormatAmount(sdkmath.NewInt(in), kga))
	}
	require.Equal(t, "7 HOUR", FormatAmount(sdkmath.NewInt(7), types.Currency{Code: "HOUR"}))
}

func TestAmountIsZero_OnlyForAPlainZero(t *testing.T) {
	for in, want := range map[string]bool{"0": true, "0.00": true, ".0": true, "0KGA": false, "0cc/1/KGA": false, "0.01": false, "10": false} {
		a, err := parseAmount(in, 1)
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		if a.isZero() != want {
			t.Errorf("%q: isZero %v, want %v", in, a.isZero(), want)
		}
	}
}
