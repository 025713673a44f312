package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/kizuna-chain/kizuna/internal/pagination"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

func TestQueryCurrencies_ListsByCommunityWithSupply(t *testing.T) {
	f := newGarden(t)
	orchard := f.createCommunity(t, "olive", "Orchard")
	f.createCurrency(t, orchard, "APL", 2, 0)
	f.issue(t, garden, "alice", "bob", 7)

	res, err := f.query.Currencies(f.ctx, &types.QueryCurrenciesRequest{Pagination: &query.PageRequest{Limit: 1}})
	require.NoError(t, err)
	require.Len(t, res.Currencies, 1)
	require.Equal(t, gdd, res.Currencies[0].Denom)
	res, err = f.query.Currencies(f.ctx, &types.QueryCurrenciesRequest{Pagination: &query.PageRequest{Key: res.Pagination.NextKey}})
	require.NoError(t, err)
	require.Equal(t, "cc/2/APL", res.Currencies[0].Denom)

	one, err := f.query.Currency(f.ctx, &types.QueryCurrencyRequest{CommunityId: garden})
	require.NoError(t, err)
	require.Equal(t, "GDD", one.Currency.Code)
	require.Equal(t, sdk.NewInt64Coin(gdd, 7), one.Supply)
	_, err = f.query.Currency(f.ctx, &types.QueryCurrencyRequest{CommunityId: 9})
	require.ErrorIs(t, err, types.ErrCurrencyNotFound)
}

func TestQueryContributions_FiltersByStatusAndContributor(t *testing.T) {
	f := newGarden(t)
	ids := []uint64{
		f.submit(t, "bob", unit, ""),
		f.submit(t, "carol", unit, ""),
		f.submit(t, "bob", unit, ""),
		f.submit(t, "bob", unit, ""),
	}
	_, err := f.msgs.ConfirmContribution(f.ctx, &types.MsgConfirmContribution{Reviewer: f.addr("mod"), ContributionId: ids[2]})
	require.NoError(t, err)
	orchard := f.createCommunity(t, "olive", "Orchard")

	list := func(req *types.QueryContributionsRequest) []uint64 {
		t.Helper()
		res, err := f.query.Contributions(f.ctx, req)
		require.NoError(t, err)
		var got []uint64
		for _, c := range res.Contributions {
			got = append(got, c.Id)
		}
		return got
	}
	require.Equal(t, ids, list(&types.QueryContributionsRequest{CommunityId: garden}))
	require.Equal(t, []uint64{ids[0], ids[1], ids[3]}, list(&types.QueryContributionsRequest{CommunityId: garden, Status: types.ContributionStatusPending}))
	require.Equal(t, []uint64{ids[0], ids[2], ids[3]}, list(&types.QueryContributionsRequest{CommunityId: garden, Contributor: f.addr("bob")}))
	require.Equal(t, []uint64{ids[2]}, list(&types.QueryContributionsRequest{
		CommunityId: garden, Contributor: f.addr("bob"), Status: types.ContributionStatusConfirmed,
	}))
	require.Equal(t, []uint64{ids[3], ids[2]}, list(&types.QueryContributionsRequest{
		CommunityId: garden, Contributor: f.addr("bob"), Pagination: &query.PageRequest{Limit: 2, Reverse: true},
	}), "newest first on request")
	require.Empty(t, list(&types.QueryContributionsRequest{CommunityId: orchard}))

	_, err = f.query.Contributions(f.ctx, &types.QueryContributionsRequest{CommunityId: garden, Status: 9})
	require.ErrorIs(t, err, types.ErrInvalidStatus)
	_, err = f.query.Contributions(f.ctx, &types.QueryContributionsRequest{CommunityId: garden, Contributor: "bob"})
	require.ErrorIs(t, err, sdkerrors.ErrInvalidAddress)
	_, err = f.query.Contributions(f.ctx, &types.QueryContributionsRequest{CommunityId: 99})
	require.ErrorIs(t, err, communitytypes.ErrCommunityNotFound)

	one, err := f.query.Contribution(f.ctx, &types.QueryContributionRequest{Id: ids[1]})
	require.NoError(t, err)
	require.Equal(t, f.addr("carol"), one.Contribution.Contributor)
	_, err = f.query.Contribution(f.ctx, &types.QueryContributionRequest{Id: 99})
	require.ErrorIs(t, err, types.ErrContributionNotFound)
}

func TestQueryHistory_NewestFirstPaginatedPerCurrency(t *testing.T) {
	f := newGarden(t)
	orchard := f.createCommunity(t, "olive", "Orchard")
	f.join(t, orchard, "bob")
	f.createCurrency(t, orchard, "APL", 0, 0)
	f.issue(t, orchard, "olive", "bob", 9) // another currency, another history

	f.issue(t, garden, "alice", "bob", 100*unit)
	for i := int64(1); i <= 5; i++ {
		_, err := f.msgs.Transfer(f.ctx, &types.MsgTransfer{
			Sender: f.addr("bob"), CommunityId: garden, Recipient: f.addr("carol"), Amount: sdkmath.NewInt(i),
		})
		require.NoError(t, err)
	}
	all := f.history(t, "bob")
	require.Len(t, all, 6)
	for i := 1; i < len(all); i++ {
		require.Greater(t, all[i-1].Id, all[i].Id, "newest first")
	}
	require.Equal(t, sdkmath.NewInt(5), all[0].Amount)
	require.Equal(t, types.EntryTypeCreation, all[5].Type)
	for _, e := range all {
		// The stored entry leaves out what its key holds; the query puts
		// it back.
		require.Equal(t, f.addr("bob"), e.Account)
		require.Equal(t, gdd, e.Denom)
		require.NotZero(t, e.Id)
	}

	page := func(req *types.QueryHistoryRequest) *types.QueryHistoryResponse {
		t.Helper()
		req.Address = f.addr("bob")
		res, err := f.query.History(f.ctx, req)
		require.NoError(t, err)
		return res
	}
	first := page(&types.QueryHistoryRequest{CommunityId: garden, Pagination: &query.PageRequest{Limit: 4, CountTotal: true}})
	require.Equal(t, all[:4], first.Entries)
	require.Equal(t, uint64(6), first.Pagination.Total)
	second := page(&types.QueryHistoryRequest{Denom: gdd, Pagination: &query.PageRequest{Key: first.Pagination.NextKey, Limit: 4}})
	require.Equal(t, all[4:], second.Entries)
	require.Empty(t, second.Pagination.NextKey)
	oldest := page(&types.QueryHistoryRequest{CommunityId: garden, Denom: gdd, Pagination: &query.PageRequest{Limit: 1, Reverse: true}})
	require.Equal(t, all[5:], oldest.Entries, "reverse lists the oldest first")

	apples := page(&types.QueryHistoryRequest{CommunityId: orchard})
	require.Len(t, apples.Entries, 1)
	require.Equal(t, "cc/2/APL", apples.Entries[0].Denom)
	require.Empty(t, page(&types.QueryHistoryRequest{Denom: "cc/9/NONE"}).Entries)

	for _, tc := range []struct {
		req  *types.QueryHistoryRequest
		want error
	}{
		{&types.QueryHistoryRequest{Address: f.addr("bob")}, types.ErrInvalidRequest},
		{&types.QueryHistoryRequest{Address: f.addr("bob"), Denom: "1/GDD"}, types.ErrInvalidRequest},
		{&types.QueryHistoryRequest{Address: f.addr("bob"), CommunityId: garden, Denom: "cc/2/APL"}, types.ErrInvalidRequest},
		{&types.QueryHistoryRequest{Address: f.addr("bob"), CommunityId: 9}, types.ErrCurrencyNotFound},
		{&types.QueryHistoryRequest{Address: "bob", CommunityId: garden}, sdkerrors.ErrInvalidAddress},
	} {
		_, err := f.query.History(f.ctx, tc.req)
		require.ErrorIs(t, err, tc.want)
	}
}

func TestQueryMonthlyCreated_ReportsCapUse(t *testing.T) {
	f := newGarden(t)
	f.issue(t, garden, "alice", "bob", 300*unit)
	f.submit(t, "bob", 200*unit, "")

	res, err := f.query.MonthlyCreated(f.ctx, &types.QueryMonthlyCreatedRequest{CommunityId: garden, Address: f.addr("bob")})
	require.NoError(t, err)
	require.Equal(t, &types.QueryMonthlyCreatedResponse{
		Month: "2025-04", Created: sdkmath.NewInt(500 * unit), Cap: sdkmath.NewInt(monthCap), Remaining: sdkmath.NewInt(500 * unit),
	}, res)

	params := types.DefaultParams()
	params.MonthlyCreationCap = 100
	_, err = f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.keeper.GetAuthority(), Params: params})
	require.NoError(t, err)
	res, err = f.query.MonthlyCreated(f.ctx, &types.QueryMonthlyCreatedRequest{CommunityId: garden, Address: f.addr("bob"), Month: "2025-04"})
	require.NoError(t, err)
	require.True(t, res.Remaining.IsZero(), "a lowered cap already exceeded leaves nothing, not a negative amount")

	_, err = f.query.MonthlyCreated(f.ctx, &types.QueryMonthlyCreatedRequest{CommunityId: garden, Address: f.addr("bob"), Month: "04/2025"})
	require.ErrorIs(t, err, types.ErrInvalidMonth)
	_, err = f.query.MonthlyCreated(f.ctx, &types.QueryMonthlyCreatedRequest{CommunityId: 7, Address: f.addr("bob")})
	require.ErrorIs(t, err, types.ErrCurrencyNotFound)
}

func TestQueryTreasuryAndFeeAccount_NeedACommunity(t *testing.T) {
	f := newFixture(t)
	_, err := f.query.Treasury(f.ctx, &types.QueryTreasuryRequest{CommunityId: 1})
	require.ErrorIs(t, err, communitytypes.ErrCommunityNotFound)
	_, err = f.query.FeeAccount(f.ctx, &types.QueryFeeAccountRequest{CommunityId: 1})
	require.ErrorIs(t, err, communitytypes.ErrCommunityNotFound)

	f.createCommunity(t, "alice", "Garden")
	res, err := f.query.FeeAccount(f.ctx, &types.QueryFeeAccountRequest{CommunityId: 1})
	require.NoError(t, err)
	require.Equal(t, sdk.NewInt64Coin("ukiz", 0), res.Balance)
}

func TestQueries_CapTheirPageSize(t *testing.T) {
	f := newGarden(t)
	f.issue(t, garden, "alice", "bob", 1000*unit)
	for range pagination.MaxLimit + 5 {
		_, err := f.msgs.Transfer(f.ctx, &types.MsgTransfer{
			Sender: f.addr("bob"), CommunityId: garden, Recipient: f.addr("carol"), Amount: sdkmath.NewInt(1),
		})
		require.NoError(t, err)
	}
	huge := &query.PageRequest{Limit: 1_000_000_000}
	history, err := f.query.History(f.ctx, &types.QueryHistoryRequest{Address: f.addr("bob"), CommunityId: garden, Pagination: huge})
	require.NoError(t, err)
	require.Len(t, history.Entries, int(pagination.MaxLimit))
	require.NotEmpty(t, history.Pagination.NextKey)

	history, err = f.query.History(f.ctx, &types.QueryHistoryRequest{Address: f.addr("bob"), CommunityId: garden})
	require.NoError(t, err)
	require.Len(t, history.Entries, int(pagination.DefaultLimit))

	for range 3 {
		f.submit(t, "carol", 1, "")
	}
	contributions, err := f.query.Contributions(f.ctx, &types.QueryContributionsRequest{CommunityId: garden, Pagination: &query.PageRequest{Limit: 1 << 40}})
	require.NoError(t, err)
	require.Len(t, contributions.Contributions, 3)
	currencies, err := f.query.Currencies(f.ctx, &types.QueryCurrenciesRequest{Pagination: huge})
	require.NoError(t, err)
	require.Len(t, currencies.Currencies, 1)
}
