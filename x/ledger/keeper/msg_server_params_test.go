package keeper_test

import (
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
