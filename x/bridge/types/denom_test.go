package types_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/x/bridge/types"
)

func TestValidateBridgeDenom(t *testing.T) {
	valid := []string{
		"cc/1/KGA",
		"cc/18446744073709551615/ABCDEFGH",
		"eth/0xAb5801a7D398351b8bE11C439e05C5B3259aeC9B",
	}
	for _, denom := range valid {
		require.NoError(t, types.ValidateBridgeDenom(denom), denom)
	}
	invalid := map[string]string{
		"empty":                         "",
		"over-long":                     "cc/1/" + strings.Repeat("A", 124),
		"embeds an address":             "cc/1/0xAb5801a7D398351b8bE11C439e05C5B3259aeC9B",
		"embeds an address without 0x":  "ibc/Ab5801a7D398351b8bE11C439e05C5B3259aeC9B",
		"embeds an address in its code": "cc/1/KGA/ab5801a7d398351b8be11c439e05c5b3259aec9b",
		"voucher without checksum":      "eth/0xab5801a7d398351b8be11c439e05c5b3259aec9b",
		"voucher of a wrong checksum":   "eth/0xAB5801a7D398351b8bE11C439e05C5B3259aeC9B",
		"voucher of the zero address":   "eth/0x0000000000000000000000000000000000000000",
		"voucher with a suffix":         "eth/0xAb5801a7D398351b8bE11C439e05C5B3259aeC9B/x",
		"another module's denom":        "ukiz",
		"a currency of community 0":     "cc/0/KGA",
		"a lowercase code":              "cc/1/kga",
	}
	for name, denom := range invalid {
		require.ErrorIs(t, types.ValidateBridgeDenom(denom), types.ErrInvalidDenom, name)
	}
}

func TestGenesis_RefusesAnAddressEmbeddingOrOverLongDenom(t *testing.T) {
	for _, denom := range []string{
		"cc/1/0xAb5801a7D398351b8bE11C439e05C5B3259aeC9B",
		"cc/1/" + strings.Repeat("A", 124),
	} {
		gs := types.DefaultGenesis()
		gs.Tokens = []types.BridgeToken{{
			Denom: denom, TokenContract: "0xAb5801a7D398351b8bE11C439e05C5B3259aeC9B", Origin: types.TokenOriginKizuna,
			Name: "x", Symbol: "X",
		}}
		require.ErrorIs(t, gs.Validate(), types.ErrInvalidGenesis)
		require.ErrorContains(t, gs.Validate(), "denom cannot be bridged")
	}
}

func TestGenesis_RefusesATokenMappedTwice(t *testing.T) {
	gs := types.DefaultGenesis()
	token := "0xAb5801a7D398351b8bE11C439e05C5B3259aeC9B"
	gs.Tokens = []types.BridgeToken{
		{Denom: "cc/1/KGA", TokenContract: token, Origin: types.TokenOriginKizuna, Name: "a", Symbol: "A"},
		{Denom: "cc/2/KGA", TokenContract: token, Origin: types.TokenOriginKizuna, Name: "b", Symbol: "B"},
	}
	require.ErrorIs(t, gs.Validate(), types.ErrInvalidGenesis)
	gs.Tokens = []types.BridgeToken{{Denom: "eth/" + token, TokenContract: "0x1c7D4B196Cb0C7B01d743Fbc6116a902379C7238", Origin: types.TokenOriginEthereum}}
	require.ErrorIs(t, gs.Validate(), types.ErrInvalidGenesis, "a voucher is named by its own token")
}
