package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/bech32"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/testutil/statetest"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/ledger/keeper"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// newBusyMarket returns a market with every kind of state: a fee, issuance
// in two months, contributions pending, confirmed, denied and deleted,
// transfers with fee and ad.
func newBusyMarket(t *testing.T) *fixture {
	t.Helper()
	f := newMarket(t)
	_, err := f.msgs.UpdateCurrency(f.ctx, &types.MsgUpdateCurrency{Admin: f.addr("alice"), CommunityId: garden, FeeBps: 250})
	require.NoError(t, err)
	_, err = f.msgs.Issue(f.ctx, &types.MsgIssue{
		Issuer: f.addr("tom"), CommunityId: garden, Recipient: f.addr("bob"), Amount: sdkmath.NewInt(3 * unit), Month: "2025-02",
	})
	require.NoError(t, err)
	f.submit(t, "bob", 2*unit, "")
	confirmed := f.submit(t, "carol", 4*unit, "2025-03")
	_, err = f.msgs.ConfirmContribution(f.ctx, &types.MsgConfirmContribution{Reviewer: f.addr("mod"), ContributionId: confirmed})
	require.NoError(t, err)
	denied := f.submit(t, "carol", unit, "")
	_, err = f.msgs.DenyContribution(f.ctx, &types.MsgDenyContribution{Reviewer: f.addr("alice"), ContributionId: denied, Reason: "no"})
	require.NoError(t, err)
	deleted := f.submit(t, "bob", unit, "")
	_, err = f.msgs.DeleteContribution(f.ctx, &types.MsgDeleteContribution{Contributor: f.addr("bob"), ContributionId: deleted})
	require.NoError(t, err)
	_, err = f.msgs.Transfer(f.ctx, &types.MsgTransfer{
		Sender: f.addr("carol"), CommunityId: garden, Recipient: f.addr("bob"), Amount: sdkmath.NewInt(unit), AdId: bobsGiveAd, ExpectedFeeBps: 250, Memo: "thanks",
	})
	require.NoError(t, err)
	return f
}

func TestGenesis_ExportImportRoundTrip(t *testing.T) {
	f := newBusyMarket(t)
	// A new chain from the exported community, bank and ledger state.
	env := keepertest.LedgerKeeper(t)
	communityState, err := f.env.Community.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, env.Community.InitGenesis(env.Ctx, communityState))
	env.Bank.InitGenesis(env.Ctx, withPrefix(t, f.env.Bank.ExportGenesis(f.ctx), keepertest.Bech32AccountPrefix))
	exported := statetest.RequireRoundTrip(t, f.keeper, f.ctx, env.Keeper, env.Ctx)
	require.NoError(t, env.Keeper.CheckInvariants(env.Ctx))

	require.Len(t, exported.Currencies, 1)
	require.Len(t, exported.Contributions, 4)
	require.Equal(t, uint64(5), exported.NextContributionId)
	for i := 1; i < len(exported.Entries); i++ {
		require.Less(t, exported.Entries[i-1].Id, exported.Entries[i].Id, "entries are exported by id")
	}
	require.Equal(t, exported.Entries[len(exported.Entries)-1].Id+1, exported.NextEntryId)

	// The derived state is rebuilt: cap usage and created totals.
	for _, month := range []types.Month{mustMonth(t, "2025-02"), mustMonth(t, "2025-03"), mustMonth(t, "2025-04")} {
		for _, name := range []string{"bob", "carol"} {
			want, err := f.keeper.MonthlyCreatedOf(f.ctx, garden, f.accAddr(name), month)
			require.NoError(t, err)
			got, err := env.Keeper.MonthlyCreatedOf(env.Ctx, garden, f.accAddr(name), month)
			require.NoError(t, err)
			require.Equal(t, want, got, "%s in %s", name, month)
		}
	}
	wantCreated, err := f.keeper.Created.Get(f.ctx, garden)
	require.NoError(t, err)
	gotCreated, err := env.Keeper.Created.Get(env.Ctx, garden)
	require.NoError(t, err)
	require.Equal(t, wantCreated, gotCreated)

	// The imported chain carries on: ids continue, the cap still holds.
	msgs := keeper.NewMsgServerImpl(env.Keeper)
	res, err := msgs.SubmitContribution(env.Ctx, &types.MsgSubmitContribution{
		Contributor: f.addr("bob"), CommunityId: garden, Amount: sdkmath.NewInt(unit), Memo: "after the upgrade",
	})
	require.NoError(t, err)
	require.Equal(t, exported.NextContributionId, res.Id)
	_, err = msgs.SubmitContribution(env.Ctx, &types.MsgSubmitContribution{
		Contributor: f.addr("bob"), CommunityId: garden, Amount: sdkmath.NewInt(monthCap), Memo: "after the upgrade",
	})
	require.ErrorIs(t, err, types.ErrCapExceeded)
}

func TestInitGenesis_RejectsCurrencyOfMissingCommunity(t *testing.T) {
	f := newBusyMarket(t)
	exported, err := f.keeper.ExportGenesis(f.ctx)
	require.NoError(t, err)

	env := keepertest.LedgerKeeper(t) // no communities
	require.ErrorIs(t, env.Keeper.InitGenesis(env.Ctx, exported), communitytypes.ErrCommunityNotFound)

	bad := *exported
	bad.NextEntryId = 1
	require.ErrorIs(t, env.Keeper.InitGenesis(env.Ctx, &bad), types.ErrInvalidGenesis)
}

func TestInitGenesis_CreatesTheModuleAccount(t *testing.T) {
	env := keepertest.LedgerKeeper(t)
	addr := env.Account.GetModuleAddress(types.ModuleName)
	require.True(t, env.Account.HasAccount(env.Ctx, addr))
	acc := env.Account.GetModuleAccount(env.Ctx, types.ModuleName)
	require.ElementsMatch(t, []string{"minter", "burner"}, acc.GetPermissions())
	require.True(t, env.Bank.GetAllBalances(env.Ctx, addr).Equal(sdk.NewCoins()))
}

// withPrefix rewrites the addresses of a bank genesis state, which x/bank
// exports with the global bech32 prefix, to prefix.
func withPrefix(t *testing.T, gs *banktypes.GenesisState, prefix string) *banktypes.GenesisState {
	t.Helper()
	for i, b := range gs.Balances {
		_, bz, err := bech32.DecodeAndConvert(b.Address)
		require.NoError(t, err)
		gs.Balances[i].Address, err = bech32.ConvertAndEncode(prefix, bz)
		require.NoError(t, err)
	}
	return gs
}

func mustMonth(t *testing.T, s string) types.Month {
	t.Helper()
	m, err := types.ParseMonth(s)
	require.NoError(t, err)
	return m
}
