package statetest

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/testutil/conformance"
)

// GenesisKeeper is the part of a module's keeper that exports and imports
// its genesis state G.
type GenesisKeeper[G any] interface {
	InitGenesis(context.Context, G) error
	ExportGenesis(context.Context) (G, error)
}

// RequireRoundTrip exports the state of from, checks that it validates,
// imports it into to (fresh stores, with the state of the modules it
// depends on already imported) and checks that to exports it back
// identical. It returns the export, for the module to check what it holds
// and what the import rebuilt.
func RequireRoundTrip[G interface{ Validate() error }](
	t *testing.T, from GenesisKeeper[G], fromCtx context.Context, to GenesisKeeper[G], toCtx context.Context,
) G {
	t.Helper()
	exported, err := from.ExportGenesis(fromCtx)
	require.NoError(t, err)
	require.NoError(t, exported.Validate())
	require.NoError(t, to.InitGenesis(toCtx, exported))
	again, err := to.ExportGenesis(toCtx)
	require.NoError(t, err)
	require.Equal(t, exported, again, "the imported state exports back identical")
	return exported
}

// Address returns the Kizuna account address of 20 bytes ending in b, for
// the addresses of a genesis state written by hand.
func Address(b byte) string {
	return sdk.MustBech32ifyAddressBytes(conformance.Bech32AccountPrefix, append(make([]byte, 19), b))
}
