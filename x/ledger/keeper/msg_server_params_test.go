package keeper_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/testutil/statetest"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

func newMsgUpdateParams(authority string, params types.Params) *types.MsgUpdateParams {
	return &types.MsgUpdateParams{Authority: authority, Params: params}
}

func TestUpdateParams_OnlyTheAuthoritySetsValidParams(t *testing.T) {
	f := newFixture(t)
	valid, invalid := types.DefaultParams(), types.DefaultParams()
	valid.MonthlyCreationCap, invalid.MaxDecimals = 500, 19
	statetest.NewParamsUpdater(f.ctx, f.keeper, f.msgs.UpdateParams, newMsgUpdateParams, f.requireRejected).
		RequireAuthorityOnly(t, valid, invalid, types.ErrInvalidParams, &types.EventParamsUpdated{})
}

func TestParams_LimitsApplyToMsgs(t *testing.T) {
	f := newGarden(t)
	params := types.DefaultParams()
	params.MonthlyCreationCap = 2
	params.CreationWindowMonths = 0
	params.MinContributionMemoLength = 10
	params.MaxMemoLength = 20
	_, err := f.msgs.UpdateParams(f.ctx, newMsgUpdateParams(f.keeper.GetAuthority(), params))
	require.NoError(t, err)

	f.issue(t, garden, "alice", "bob", 2*unit)
	f.requireRejected(t, types.ErrCapExceeded, func() error {
		_, err := f.msgs.Issue(f.ctx, &types.MsgIssue{Issuer: f.addr("alice"), CommunityId: garden, Recipient: f.addr("bob"), Amount: oneInt()})
		return err
	})
	f.requireRejected(t, types.ErrMonthOutOfWindow, func() error {
		_, err := f.msgs.Issue(f.ctx, &types.MsgIssue{Issuer: f.addr("alice"), CommunityId: garden, Recipient: f.addr("carol"), Amount: oneInt(), Month: "2025-03"})
		return err
	})
	f.requireRejected(t, types.ErrInvalidMemo, func() error {
		_, err := f.msgs.SubmitContribution(f.ctx, &types.MsgSubmitContribution{Contributor: f.addr("carol"), CommunityId: garden, Amount: oneInt(), Memo: "too short"})
		return err
	})
	f.requireRejected(t, types.ErrInvalidMemo, func() error {
		_, err := f.msgs.Transfer(f.ctx, &types.MsgTransfer{Sender: f.addr("bob"), CommunityId: garden, Recipient: f.addr("carol"), Amount: oneInt(), Memo: long(21)})
		return err
	})
}

// GetParams decodes the params once per change of their bytes: what it
// returns is the caller's to change, and a change of the params shows at
// once, also when rolled back.
func TestGetParams_FollowsTheStore(t *testing.T) {
	f := newFixture(t)
	p, err := f.keeper.GetParams(f.ctx)
	require.NoError(t, err)
	want := slices.Clone(p.FeeAllowanceMsgTypeUrls)
	require.NotEmpty(t, want)
	p.FeeAllowanceMsgTypeUrls[0] = "/changed.by.the.Caller"
	again, err := f.keeper.GetParams(f.ctx)
	require.NoError(t, err)
	require.Equal(t, want, again.FeeAllowanceMsgTypeUrls)

	cache, _ := f.ctx.CacheContext()
	changed := again
	changed.MaxMemoLength = again.MaxMemoLength + 1
	_, err = f.msgs.UpdateParams(cache, newMsgUpdateParams(f.keeper.GetAuthority(), changed))
	require.NoError(t, err)
	got, err := f.keeper.GetParams(cache)
	require.NoError(t, err)
	require.Equal(t, changed.MaxMemoLength, got.MaxMemoLength)
	got, err = f.keeper.GetParams(f.ctx)
	require.NoError(t, err)
	require.Equal(t, again.MaxMemoLength, got.MaxMemoLength, "the change was never written")
}
