package app

import (
	"context"
	"fmt"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"
)

// Upgrade is a coordinated software upgrade: the name a governance
// proposal schedules, the migration that runs at its height, and the stores it
// adds, renames or deletes. A node started with the new binary (by hand or by
// cosmovisor) resumes from the halt height with the handler applied.
type Upgrade struct {
	Name          string
	Handler       func(app *App) upgradetypes.UpgradeHandler
	StoreUpgrades storetypes.StoreUpgrades
}

// Upgrades lists every upgrade this binary knows, oldest first. A release that
// changes state adds its entry here.
var Upgrades = []Upgrade{
	// v2: x/ledger 1 → 2, entry ids derived from heights and the fee of a
	// transfer in its SEND entry; the history is kept as it is. x/ledger's
	// new store is transient and needs no store upgrade.
	{Name: "v2", Handler: RunMigrations},
	// v3: x/ledger 2 → 3, the history moves from one state entry per
	// account and entry into the journal, one leaf per block; nodes index
	// it by account outside the state (data/ledger-history.db).
	{Name: "v3", Handler: RunMigrations},
}

// RunMigrations is the handler most upgrades use: it runs every module's
// registered consensus-version migrations.
func RunMigrations(app *App) upgradetypes.UpgradeHandler {
	return func(ctx context.Context, _ upgradetypes.Plan, fromVM module.VersionMap) (module.VersionMap, error) {
		return app.ModuleManager.RunMigrations(ctx, app.configurator, fromVM)
	}
}

func (app *App) setUpgradeHandlers() {
	app.registerUpgrades(Upgrades)
}

func (app *App) registerUpgrades(upgrades []Upgrade) {
	seen := make(map[string]bool, len(upgrades))
	for _, u := range upgrades {
		if u.Name == "" || u.Handler == nil || seen[u.Name] {
			panic(fmt.Sprintf("upgrade %q: every upgrade needs a unique name and a handler", u.Name))
		}
		seen[u.Name] = true
		app.UpgradeKeeper.SetUpgradeHandler(u.Name, u.Handler(app))
	}

	plan, err := app.UpgradeKeeper.ReadUpgradeInfoFromDisk()
	if err != nil {
		panic(fmt.Errorf("reading upgrade info from disk: %w", err))
	}
	if plan.Name == "" || app.UpgradeKeeper.IsSkipHeight(plan.Height) {
		return
	}
	for _, u := range upgrades {
		if u.Name == plan.Name {
			stores := u.StoreUpgrades
			app.SetStoreLoader(upgradetypes.UpgradeStoreLoader(plan.Height, &stores))
			return
		}
	}
}
