package conformance

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// checkGenesis: the default genesis validates and loads into fresh stores,
// a malformed one is refused, and the state of m.Ctx exports, validates,
// imports into fresh stores and exports back identical.
func checkGenesis(t *testing.T, m Module) {
	_, _, cdc, _ := routers(t, m.AppModule)
	am := m.AppModule
	def := am.DefaultGenesis(cdc)
	require.NoError(t, am.ValidateGenesis(cdc, nil, def))
	require.Error(t, am.ValidateGenesis(cdc, nil, []byte(`{`)))
	fresh, ctx := m.Empty(t, m.Ctx)
	fresh.InitGenesis(ctx, cdc, def)
	require.JSONEq(t, string(def), string(fresh.ExportGenesis(ctx, cdc)), "the default genesis exports back identical")

	exported := am.ExportGenesis(m.Ctx, cdc)
	require.NoError(t, am.ValidateGenesis(cdc, nil, exported))
	fresh, ctx = m.Empty(t, m.Ctx)
	fresh.InitGenesis(ctx, cdc, exported)
	require.JSONEq(t, string(exported), string(fresh.ExportGenesis(ctx, cdc)), "the state exports, imports and exports back identical")
}
