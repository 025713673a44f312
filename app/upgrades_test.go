package app

import (
	"testing"

	dbm "github.com/cosmos/cosmos-db"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/client/flags"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
)

func TestRegisterUpgrades_SetsHandlers(t *testing.T) {
	a := New(log.NewNopLogger(), dbm.NewMemDB(), true, simtestutil.AppOptionsMap{flags.FlagHome: t.TempDir()})
	t.Cleanup(func() { _ = a.Close() })
	for _, u := range Upgrades {
		require.True(t, a.UpgradeKeeper.HasHandler(u.Name), "every upgrade of Upgrades: %s", u.Name)
	}
	require.False(t, a.UpgradeKeeper.HasHandler("v-next"))

	a.registerUpgrades([]Upgrade{{Name: "v-next", Handler: RunMigrations}})
	require.True(t, a.UpgradeKeeper.HasHandler("v-next"))
}

func TestRegisterUpgrades_RejectsDuplicateOrIncompleteUpgrades(t *testing.T) {
	a := New(log.NewNopLogger(), dbm.NewMemDB(), true, simtestutil.AppOptionsMap{flags.FlagHome: t.TempDir()})
	t.Cleanup(func() { _ = a.Close() })
	for name, upgrades := range map[string][]Upgrade{
		"duplicate name": {{Name: "v4", Handler: RunMigrations}, {Name: "v4", Handler: RunMigrations}},
		"no name":        {{Handler: RunMigrations}},
		"no handler":     {{Name: "v5"}},
	} {
		require.Panics(t, func() { a.registerUpgrades(upgrades) }, name)
	}
}
