package app_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	dbm "github.com/cosmos/cosmos-db"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/log/v2"
	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/client/flags"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/app"
	ledgerkeeper "github.com/kizuna-chain/kizuna/x/ledger/keeper"
	ledgertypes "github.com/kizuna-chain/kizuna/x/ledger/types"
)

// A chain started from a genesis with ledger history lists it once its
// first block is committed, and a node that lost its history index, or
// restarts with it, answers the same: the index is rebuilt from the journal.
func TestHistory_FromGenesisAndAfterLosingTheIndex(t *testing.T) {
	db, home := dbm.NewMemDB(), t.TempDir()
	open := func() *app.App {
		a := app.New(log.NewNopLogger(), db, true, simtestutil.AppOptionsMap{flags.FlagHome: home},
			baseapp.SetChainID("kizuna-test-1"))
		t.Cleanup(func() { _ = a.Close() })
		return a
	}
	a := open()
	const denom = "cc/1/KAG"
	var ids []uint64
	member := startChainWith(t, a, func(genesis map[string]json.RawMessage, member sdk.AccAddress) {
		ledger := ledgertypes.DefaultGenesis()
		ledger.Currencies = []ledgertypes.Currency{{
			CommunityId: 1, Code: "KAG", Name: "Kaga", Decimals: 4, Denom: denom,
			IssuancePolicy: ledgertypes.IssuancePolicyAdminAndContribution, Creator: member.String(), CreatedAt: genesisTime,
		}}
		for i := range 3 {
			id := ledgertypes.FirstEntryID + uint64(i)
			ids = append([]uint64{id}, ids...)
			ledger.Entries = append(ledger.Entries, ledgertypes.Entry{
				Id: id, Type: ledgertypes.EntryTypeReceive, Account: member.String(), CommunityId: 1, Denom: denom,
				Counterparty: member.String(), Amount: sdkmath.NewInt(int64(10 * (i + 1))), Height: 1, Time: genesisTime,
				DebtChange: sdkmath.ZeroInt(), Fee: sdkmath.ZeroInt(),
			})
		}
		ledger.NextEntryId = ledgertypes.FirstEntryID + 3
		genesis[ledgertypes.ModuleName] = a.AppCodec().MustMarshalJSON(ledger)
	})
	history := func(a *app.App) []uint64 {
		t.Helper()
		res, err := ledgerkeeper.NewQueryServerImpl(a.LedgerKeeper).History(a.NewContext(true),
			&ledgertypes.QueryHistoryRequest{Address: member.String(), Denom: denom})
		require.NoError(t, err)
		got := make([]uint64, 0, len(res.Entries))
		for _, e := range res.Entries {
			got = append(got, e.Id)
		}
		return got
	}
	require.Equal(t, ids, history(a), "the genesis entries, newest first")
	require.NoError(t, a.Close())

	a = open()
	require.Equal(t, ids, history(a), "after a restart")
	require.NoError(t, a.Close())

	require.NoError(t, os.RemoveAll(filepath.Join(home, "data", app.HistoryDBName+".db")))
	a = open()
	require.Equal(t, ids, history(a), "after losing the index")
}
