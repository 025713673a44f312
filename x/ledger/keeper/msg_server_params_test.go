package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

func TestUpdateParams_GovernanceOnly(t *testing.T) {
	f := newFixture(t)
	params := types.DefaultParams()
	params.MonthlyCreationCap = 500

	f.requireRejected(t, sdkerrors.ErrUnauthorized, func() error {
		_, err := f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.addr("alice"), Params: params})
		return err
	})
	bad := params
	bad.MaxDecimals = 19
	f.requireRejected(t, types.ErrInvalidParams, func() error {
		_, err := f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.keeper.GetAuthority(), Params: bad})
		return err
	})

	_, err := f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.keeper.GetAuthority(), Params: params})
	require.NoError(t, err)
	got, err := f.keeper.GetParams(f.ctx)
	require.NoError(t, err)
	require.Equal(t, params, got)
	require.Equal(t, []string{"kizuna.ledger.v1.EventParamsUpdated"}, f.eventTypes())
}

func TestParams_LimitsApplyToMsgs(t *testing.T) {
	f := newGarden(t)
	params := types.DefaultParams()
	params.MonthlyCreationCap = 2
	params.CreationWindowMonths = 0
	params.MinContributionMemoLength = 10
	params.MaxMemoLength = 20
	_, err := f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.keeper.GetAuthority(), Params: params})
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
