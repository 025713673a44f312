package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

func TestSubmitContribution_RejectsBadInput(t *testing.T) {
	f := newGarden(t)
	orchard := f.createCommunity(t, "olive", "Orchard")
	field := f.createCommunity(t, "olive", "Field")
	f.join(t, field, "bob")
	_, err := f.msgs.CreateCurrency(f.ctx, &types.MsgCreateCurrency{
		Admin: f.addr("olive"), CommunityId: field, Code: "FLD", Name: "Field", IssuancePolicy: types.IssuancePolicyAdmin,
	})
	require.NoError(t, err)
	f.submit(t, "carol", monthCap, "") // pending: carol's April cap is used up
	f.resetEvents()

	valid := func() *types.MsgSubmitContribution {
		return &types.MsgSubmitContribution{
			Contributor: f.addr("bob"), CommunityId: garden, Amount: sdkmath.NewInt(20 * unit), Memo: "Garden work, 20 hours", Month: "2025-02",
		}
	}
	tests := []struct {
		name   string
		mutate func(*types.MsgSubmitContribution)
		want   error
	}{
		{"malformed contributor", func(m *types.MsgSubmitContribution) { m.Contributor = "bob" }, sdkerrors.ErrInvalidAddress},
		{"zero amount", func(m *types.MsgSubmitContribution) { m.Amount = sdkmath.ZeroInt() }, types.ErrInvalidAmount},
		{"negative amount", func(m *types.MsgSubmitContribution) { m.Amount = sdkmath.NewInt(-1) }, types.ErrInvalidAmount},
		{"memo too short", func(m *types.MsgSubmitContribution) { m.Memo = "abcd" }, types.ErrInvalidMemo},
		{"empty memo", func(m *types.MsgSubmitContribution) { m.Memo = "" }, types.ErrInvalidMemo},
		{"memo too long", func(m *types.MsgSubmitContribution) { m.Memo = long(513) }, types.ErrInvalidMemo},
		{"target month three months back", func(m *types.MsgSubmitContribution) { m.Month = "2025-01" }, types.ErrMonthOutOfWindow},
		{"target month next month", func(m *types.MsgSubmitContribution) { m.Month = "2025-05" }, types.ErrMonthOutOfWindow},
		{"target month next year", func(m *types.MsgSubmitContribution) { m.Month = "2026-04" }, types.ErrMonthOutOfWindow},
		{"malformed month", func(m *types.MsgSubmitContribution) { m.Month = "April" }, types.ErrInvalidMonth},
		{"year 0", func(m *types.MsgSubmitContribution) { m.Month = "0000-01" }, types.ErrInvalidMonth},
		{"unknown community", func(m *types.MsgSubmitContribution) { m.CommunityId = 99 }, communitytypes.ErrCommunityNotFound},
		{"community without currency", func(m *types.MsgSubmitContribution) { m.CommunityId = orchard }, types.ErrCurrencyNotFound},
		{"currency without contributions", func(m *types.MsgSubmitContribution) { m.CommunityId = field }, types.ErrIssuanceNotAllowed},
		{"non-member", func(m *types.MsgSubmitContribution) { m.Contributor = f.addr("dave") }, types.ErrNotMember},
		{"cap exceeded by one base unit, pending counted", func(m *types.MsgSubmitContribution) {
			m.Contributor, m.Amount, m.Month = f.addr("carol"), sdkmath.OneInt(), ""
		}, types.ErrCapExceeded},
		{"cap exceeded at once", func(m *types.MsgSubmitContribution) { m.Amount = sdkmath.NewInt(monthCap + 1) }, types.ErrCapExceeded},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := valid()
			tc.mutate(msg)
			f.requireRejected(t, tc.want, func() error {
				_, err := f.msgs.SubmitContribution(f.ctx, msg)
				return err
			})
		})
	}

	msg := valid()
	msg.Memo = "abcde"
	_, err = f.msgs.SubmitContribution(f.ctx, msg)
	require.NoError(t, err, "a memo of 5 characters is accepted")
}

func TestSubmitContribution_WindowIsTheBlockMonthAndTheTwoBefore(t *testing.T) {
	f := newGarden(t)
	// Block time 2025-04-01 09:30 UTC.
	for _, month := range []string{"2025-04", "2025-03", "2025-02", ""} {
		f.submit(t, "bob", unit, month)
	}
	// Months are calendar months of UTC: at 00:30 on New Year's Day in
	// Tokyo it is still December in UTC.
	f.ctx = f.ctx.WithBlockTime(time.Date(2026, 1, 1, 0, 30, 0, 0, time.FixedZone("JST", 9*60*60)))
	f.submit(t, "bob", unit, "2025-10")
	f.ctx = f.ctx.WithBlockTime(time.Date(2026, 1, 1, 0, 0, 1, 0, time.UTC))
	f.submit(t, "bob", unit, "2025-11")
	f.requireRejected(t, types.ErrMonthOutOfWindow, func() error {
		_, err := f.msgs.SubmitContribution(f.ctx, &types.MsgSubmitContribution{
			Contributor: f.addr("bob"), CommunityId: garden, Amount: sdkmath.OneInt(), Memo: "late work", Month: "2025-10",
		})
		return err
	})
}

func TestContribution_SubmitThenConfirmMints(t *testing.T) {
	f := newGarden(t)
	id := f.submit(t, "bob", 20*unit, "2025-03")
	c := f.contribution(t, id)
	require.Equal(t, types.ContributionStatusPending, c.Status)
	require.Equal(t, "2025-03", c.Month)
	require.Equal(t, f.ctx.BlockTime(), c.CreatedAt)
	require.True(t, f.balance("bob", gdd).IsZero(), "nothing is minted while pending")
	require.Equal(t, sdkmath.NewInt(20*unit), f.created(t, "bob", "2025-03"), "a pending contribution counts against the cap")
	require.Equal(t, []string{"kizuna.ledger.v1.EventContributionSubmitted"}, f.eventTypes())

	f.resetEvents()
	res, err := f.msgs.ConfirmContribution(f.ctx, &types.MsgConfirmContribution{Reviewer: f.addr("mod"), ContributionId: id})
	require.NoError(t, err)
	require.Equal(t, sdkmath.NewInt(20*unit), f.balance("bob", gdd))
	require.Equal(t, sdkmath.NewInt(20*unit), f.created(t, "bob", "2025-03"), "confirming does not count twice")
	c = f.contribution(t, id)
	require.Equal(t, types.ContributionStatusConfirmed, c.Status)
	require.Equal(t, f.addr("mod"), c.Reviewer)
	require.Equal(t, res.EntryId, c.EntryId)
	require.NotNil(t, c.DecidedAt)

	entries := f.history(t, "bob")
	require.Len(t, entries, 1)
	require.Equal(t, types.EntryTypeCreation, entries[0].Type)
	require.Equal(t, f.addr("mod"), entries[0].Counterparty)
	require.Equal(t, id, entries[0].ContributionId)
	require.Equal(t, "garden work", entries[0].Memo, "the contribution's memo")
	require.Equal(t, "2025-03", entries[0].Month)
	require.Equal(t, []string{"kizuna.ledger.v1.EventEntryRecorded", "kizuna.ledger.v1.EventContributionConfirmed"}, f.eventTypes())

	// An admin confirms as well.
	id = f.submit(t, "mod", unit, "")
	_, err = f.msgs.ConfirmContribution(f.ctx, &types.MsgConfirmContribution{Reviewer: f.addr("alice"), ContributionId: id})
	require.NoError(t, err)
	require.Equal(t, sdkmath.NewInt(unit), f.balance("mod", gdd))
}

func TestConfirmContribution_RejectsBadInput(t *testing.T) {
	f := newGarden(t)
	pending := f.submit(t, "bob", unit, "")
	own := f.submit(t, "mod", unit, "")
	confirmed := f.submit(t, "carol", unit, "")
	_, err := f.msgs.ConfirmContribution(f.ctx, &types.MsgConfirmContribution{Reviewer: f.addr("mod"), ContributionId: confirmed})
	require.NoError(t, err)
	denied := f.submit(t, "carol", unit, "")
	_, err = f.msgs.DenyContribution(f.ctx, &types.MsgDenyContribution{Reviewer: f.addr("mod"), ContributionId: denied})
	require.NoError(t, err)
	f.join(t, garden, "erin")
	gone := f.submit(t, "erin", unit, "")
	_, err = f.community.LeaveCommunity(f.ctx, &communitytypes.MsgLeaveCommunity{Member: f.addr("erin"), CommunityId: garden})
	require.NoError(t, err)
	f.resetEvents()

	tests := []struct {
		name     string
		reviewer string
		id       uint64
		want     error
	}{
		{"malformed reviewer", "", pending, sdkerrors.ErrInvalidAddress},
		{"unknown contribution", f.addr("mod"), 99, types.ErrContributionNotFound},
		{"plain member", f.addr("carol"), pending, types.ErrNotPermitted},
		{"teller", f.addr("tom"), pending, types.ErrNotPermitted},
		{"non-member", f.addr("dave"), pending, types.ErrNotMember},
		{"moderator confirming own contribution", f.addr("mod"), own, types.ErrSelfReview},
		{"double confirmation", f.addr("mod"), confirmed, types.ErrContributionClosed},
		{"double confirmation by another reviewer", f.addr("alice"), confirmed, types.ErrContributionClosed},
		{"denied contribution", f.addr("mod"), denied, types.ErrContributionClosed},
		{"contributor no longer a member", f.addr("mod"), gone, types.ErrNotMember},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f.requireRejected(t, tc.want, func() error {
				_, err := f.msgs.ConfirmContribution(f.ctx, &types.MsgConfirmContribution{Reviewer: tc.reviewer, ContributionId: tc.id})
				return err
			})
		})
	}

	_, err = f.msgs.UpdateCurrency(f.ctx, &types.MsgUpdateCurrency{Admin: f.addr("alice"), CommunityId: garden, IssuancePolicy: types.IssuancePolicyAdmin})
	require.NoError(t, err)
	f.requireRejected(t, types.ErrIssuanceNotAllowed, func() error {
		_, err := f.msgs.ConfirmContribution(f.ctx, &types.MsgConfirmContribution{Reviewer: f.addr("mod"), ContributionId: pending})
		return err
	})
	_, err = f.msgs.DenyContribution(f.ctx, &types.MsgDenyContribution{Reviewer: f.addr("mod"), ContributionId: pending})
	require.NoError(t, err, "a contribution the policy no longer allows can still be denied")
}

func TestDenyContribution_FreesTheCap(t *testing.T) {
	f := newGarden(t)
	id := f.submit(t, "bob", monthCap, "")
	f.resetEvents()
	_, err := f.msgs.DenyContribution(f.ctx, &types.MsgDenyContribution{Reviewer: f.addr("alice"), ContributionId: id, Reason: "not garden work"})
	require.NoError(t, err)

	c := f.contribution(t, id)
	require.Equal(t, types.ContributionStatusDenied, c.Status)
	require.Equal(t, f.addr("alice"), c.Reviewer)
	require.Equal(t, "not garden work", c.DenyReason)
	require.True(t, f.created(t, "bob", "").IsZero())
	require.True(t, f.supply(gdd).IsZero())
	require.Equal(t, []string{"kizuna.ledger.v1.EventContributionDenied"}, f.eventTypes())
	f.submit(t, "bob", monthCap, "")
}

func TestDenyContribution_RejectsBadInput(t *testing.T) {
	f := newGarden(t)
	pending := f.submit(t, "bob", unit, "")
	own := f.submit(t, "alice", unit, "")
	f.resetEvents()

	tests := []struct {
		name string
		msg  types.MsgDenyContribution
		want error
	}{
		{"reason too long", types.MsgDenyContribution{Reviewer: f.addr("mod"), ContributionId: pending, Reason: long(513)}, types.ErrInvalidMemo},
		{"unknown contribution", types.MsgDenyContribution{Reviewer: f.addr("mod"), ContributionId: 42}, types.ErrContributionNotFound},
		{"plain member", types.MsgDenyContribution{Reviewer: f.addr("carol"), ContributionId: pending}, types.ErrNotPermitted},
		{"admin denying own contribution", types.MsgDenyContribution{Reviewer: f.addr("alice"), ContributionId: own}, types.ErrSelfReview},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f.requireRejected(t, tc.want, func() error {
				_, err := f.msgs.DenyContribution(f.ctx, &tc.msg)
				return err
			})
		})
	}
}

func TestDeleteContribution_ByItsContributorWhilePending(t *testing.T) {
	f := newGarden(t)
	id := f.submit(t, "bob", monthCap, "2025-02")
	confirmed := f.submit(t, "carol", unit, "")
	_, err := f.msgs.ConfirmContribution(f.ctx, &types.MsgConfirmContribution{Reviewer: f.addr("mod"), ContributionId: confirmed})
	require.NoError(t, err)
	f.resetEvents()

	for _, tc := range []struct {
		name        string
		contributor string
		id          uint64
		want        error
	}{
		{"malformed contributor", "x", id, sdkerrors.ErrInvalidAddress},
		{"unknown contribution", f.addr("bob"), 42, types.ErrContributionNotFound},
		{"someone else's contribution", f.addr("alice"), id, types.ErrNotPermitted},
		{"confirmed contribution", f.addr("carol"), confirmed, types.ErrContributionClosed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f.requireRejected(t, tc.want, func() error {
				_, err := f.msgs.DeleteContribution(f.ctx, &types.MsgDeleteContribution{Contributor: tc.contributor, ContributionId: tc.id})
				return err
			})
		})
	}

	// Former members withdraw their contributions too.
	_, err = f.community.LeaveCommunity(f.ctx, &communitytypes.MsgLeaveCommunity{Member: f.addr("bob"), CommunityId: garden})
	require.NoError(t, err)
	f.resetEvents()
	_, err = f.msgs.DeleteContribution(f.ctx, &types.MsgDeleteContribution{Contributor: f.addr("bob"), ContributionId: id})
	require.NoError(t, err)
	c := f.contribution(t, id)
	require.Equal(t, types.ContributionStatusDeleted, c.Status)
	require.Empty(t, c.Reviewer)
	require.True(t, f.created(t, "bob", "2025-02").IsZero(), "deleting frees the cap")
	require.Equal(t, []string{"kizuna.ledger.v1.EventContributionDeleted"}, f.eventTypes())

	f.requireRejected(t, types.ErrContributionClosed, func() error {
		_, err := f.msgs.DeleteContribution(f.ctx, &types.MsgDeleteContribution{Contributor: f.addr("bob"), ContributionId: id})
		return err
	})
}
