package app_test

import (
	"encoding/binary"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"

	"github.com/kizuna-chain/kizuna/testutil/apptest"
	ledgerkeeper "github.com/kizuna-chain/kizuna/x/ledger/keeper"
	ledgertypes "github.com/kizuna-chain/kizuna/x/ledger/types"
)

// TestUpgrades_KeepTheLedgerHistory runs each ledger upgrade as a node does:
// a chain whose ledger is at an older consensus version, with the history
// that version recorded (version 1: the sequential counter, a FEE entry
// beside its SEND; both: one state entry per account and entry), schedules
// the upgrade; at the plan's height x/upgrade runs the handler of Upgrades.
// The ledger is at the current version, the old layout is gone, and the
// history reads as before, from the journal and then from the node's index.
func TestUpgrades_KeepTheLedgerHistory(t *testing.T) {
	for _, tc := range []struct {
		plan string
		from uint64
	}{
		{"v2", 1},
		{"v3", 2},
	} {
		t.Run(tc.plan, func(t *testing.T) {
			c := apptest.New(t, []string{"alice", "bob"}, nil)
			a := c.App
			member, other := c.Account(t, "alice").Addr, c.Addr(t, "bob")
			const denom = "cc/1/KAG"

			ctx := c.WriteCtx()
			for id, e := range map[uint64]ledgertypes.Entry{
				1: {Type: ledgertypes.EntryTypeCreation, Counterparty: other, Amount: sdkmath.NewInt(500), Month: "2026-01"},
				2: {Type: ledgertypes.EntryTypeSend, Counterparty: other, Amount: sdkmath.NewInt(100)},
				3: {Type: ledgertypes.EntryTypeFee, Counterparty: other, Amount: sdkmath.NewInt(1)},
			} {
				e.CommunityId, e.Height, e.Time, e.DebtChange = 1, 1, c.Time, sdkmath.ZeroInt()
				require.NoError(t, a.LedgerKeeper.HistoryV2.Set(ctx, collections.Join3(member, denom, math.MaxUint64-id), e))
			}
			if tc.from == 1 {
				ctx.KVStore(a.GetKey(ledgertypes.StoreKey)).Set(ledgertypes.NextEntryIDKey.Bytes(), binary.BigEndian.AppendUint64(nil, 4))
			}
			versions := a.ModuleManager.GetVersionMap()
			versions[ledgertypes.ModuleName] = tc.from
			require.NoError(t, a.UpgradeKeeper.SetModuleVersionMap(ctx, versions))
			// The plan's height is the next block's: before it, x/upgrade
			// stops a binary that already has the plan's handler.
			upgradeHeight := a.LastBlockHeight() + 1
			require.NoError(t, a.UpgradeKeeper.ScheduleUpgrade(ctx, upgradetypes.Plan{Name: tc.plan, Height: upgradeHeight}))

			c.Advance(t, time.Second)

			ctx = c.Ctx()
			done, err := a.UpgradeKeeper.GetDoneHeight(ctx, tc.plan)
			require.NoError(t, err)
			require.Equal(t, upgradeHeight, done)
			versions, err = a.UpgradeKeeper.GetModuleVersionMap(ctx)
			require.NoError(t, err)
			require.Equal(t, uint64(3), versions[ledgertypes.ModuleName])
			require.Nil(t, ctx.KVStore(a.GetKey(ledgertypes.StoreKey)).Get(ledgertypes.NextEntryIDKey.Bytes()), "the counter is gone")
			empty, err := a.LedgerKeeper.HistoryV2.Iterate(ctx, nil)
			require.NoError(t, err)
			require.False(t, empty.Valid(), "the per-account layout is gone")
			require.NoError(t, empty.Close())

			history := func(ctx sdk.Context) []ledgertypes.Entry {
				res, err := ledgerkeeper.NewQueryServerImpl(a.LedgerKeeper).History(ctx, &ledgertypes.QueryHistoryRequest{Address: member.String(), Denom: denom})
				require.NoError(t, err)
				return res.Entries
			}
			got := history(ctx)
			require.Equal(t, []uint64{3, 2, 1}, []uint64{got[0].Id, got[1].Id, got[2].Id}, "newest first")
			require.Equal(t, member.String(), got[2].Account)
			require.Equal(t, sdkmath.NewInt(500), got[2].Amount)
		})
	}
}
