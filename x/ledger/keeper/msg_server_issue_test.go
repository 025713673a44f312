package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

func TestIssue_RejectsBadInput(t *testing.T) {
	f := newGarden(t)
	orchard := f.createCommunity(t, "olive", "Orchard")
	f.join(t, orchard, "bob")
	f.issue(t, garden, "alice", "carol", monthCap) // carol's cap for April is used up
	f.resetEvents()

	valid := func() *types.MsgIssue {
		return &types.MsgIssue{
			Issuer: f.addr("tom"), CommunityId: garden, Recipient: f.addr("bob"), Amount: sdkmath.NewInt(5 * unit), Memo: "top-up",
		}
	}
	tests := []struct {
		name   string
		mutate func(*types.MsgIssue)
		want   error
	}{
		{"malformed issuer", func(m *types.MsgIssue) { m.Issuer = "tom" }, sdkerrors.ErrInvalidAddress},
		{"malformed recipient", func(m *types.MsgIssue) { m.Recipient = "" }, sdkerrors.ErrInvalidAddress},
		{"zero amount", func(m *types.MsgIssue) { m.Amount = sdkmath.ZeroInt() }, types.ErrInvalidAmount},
		{"negative amount", func(m *types.MsgIssue) { m.Amount = sdkmath.NewInt(-5) }, types.ErrInvalidAmount},
		{"missing amount", func(m *types.MsgIssue) { m.Amount = sdkmath.Int{} }, types.ErrInvalidAmount},
		{"memo too long", func(m *types.MsgIssue) { m.Memo = long(513) }, types.ErrInvalidMemo},
		{"memo with a control character", func(m *types.MsgIssue) { m.Memo = "a\x00b" }, types.ErrInvalidMemo},
		{"malformed month", func(m *types.MsgIssue) { m.Month = "2025-4" }, types.ErrInvalidMonth},
		{"month 13", func(m *types.MsgIssue) { m.Month = "2025-13" }, types.ErrInvalidMonth},
		{"three months back", func(m *types.MsgIssue) { m.Month = "2025-01" }, types.ErrMonthOutOfWindow},
		{"next month", func(m *types.MsgIssue) { m.Month = "2025-05" }, types.ErrMonthOutOfWindow},
		{"unknown community", func(m *types.MsgIssue) { m.CommunityId = 99 }, communitytypes.ErrCommunityNotFound},
		{"plain member issuing", func(m *types.MsgIssue) { m.Issuer = f.addr("bob") }, types.ErrNotPermitted},
		{"moderator issuing", func(m *types.MsgIssue) { m.Issuer = f.addr("mod") }, types.ErrNotPermitted},
		{"non-member issuing", func(m *types.MsgIssue) { m.Issuer = f.addr("dave") }, types.ErrNotMember},
		{"community without currency", func(m *types.MsgIssue) { m.Issuer, m.CommunityId = f.addr("olive"), orchard }, types.ErrCurrencyNotFound},
		{"non-member recipient", func(m *types.MsgIssue) { m.Recipient = f.addr("dave") }, types.ErrNotMember},
		{"recipient of another community", func(m *types.MsgIssue) { m.Recipient = f.addr("olive") }, types.ErrNotMember},
		{"cap exceeded by one base unit", func(m *types.MsgIssue) { m.Recipient, m.Amount = f.addr("carol"), sdkmath.OneInt() }, types.ErrCapExceeded},
		{"cap exceeded at once", func(m *types.MsgIssue) { m.Amount = sdkmath.NewInt(monthCap + 1) }, types.ErrCapExceeded},
		{"largest amount", func(m *types.MsgIssue) { m.Amount = maxInt() }, types.ErrCapExceeded},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := valid()
			tc.mutate(msg)
			f.requireRejected(t, tc.want, func() error {
				_, err := f.msgs.Issue(f.ctx, msg)
				return err
			})
		})
	}
}

func TestIssue_MintsToMemberAndRecordsCreation(t *testing.T) {
	f := newGarden(t)
	res, err := f.msgs.Issue(f.ctx, &types.MsgIssue{
		Issuer: f.addr("tom"), CommunityId: garden, Recipient: f.addr("bob"), Amount: sdkmath.NewInt(125_000), Memo: "AGE", Month: "2025-03",
	})
	require.NoError(t, err)

	require.Equal(t, sdkmath.NewInt(125_000), f.balance("bob", gdd), "12.5 GDD")
	require.Equal(t, sdkmath.NewInt(125_000), f.supply(gdd))
	require.Equal(t, sdkmath.NewInt(125_000), f.created(t, "bob", "2025-03"))
	require.True(t, f.created(t, "bob", "2025-04").IsZero(), "the issuance counts for its target month only")

	entries := f.history(t, "bob")
	require.Len(t, entries, 1)
	require.Equal(t, types.Entry{
		Id: res.EntryId, Type: types.EntryTypeCreation, Account: f.addr("bob"), CommunityId: garden, Denom: gdd,
		Counterparty: f.addr("tom"), Amount: sdkmath.NewInt(125_000), Memo: "AGE", Month: "2025-03",
		Height: f.ctx.BlockHeight(), Time: f.ctx.BlockTime(), DebtChange: sdkmath.ZeroInt(), Fee: sdkmath.ZeroInt(),
	}, entries[0])
	require.Equal(t, []string{"kizuna.ledger.v1.EventEntryRecorded", "kizuna.ledger.v1.EventIssued"}, f.eventTypes())

	// Admins issue too, to themselves as well, and up to the cap exactly.
	f.issue(t, garden, "tom", "alice", monthCap)
	require.Equal(t, sdkmath.NewInt(monthCap), f.created(t, "alice", ""))
}

func TestIssue_CapIsPerMemberMonthAndCurrencyDecimals(t *testing.T) {
	f := newGarden(t)
	f.issue(t, garden, "alice", "bob", monthCap)
	f.issue(t, garden, "alice", "carol", monthCap) // another member has its own cap
	_, err := f.msgs.Issue(f.ctx, &types.MsgIssue{
		Issuer: f.addr("alice"), CommunityId: garden, Recipient: f.addr("bob"), Amount: sdkmath.NewInt(monthCap), Month: "2025-02",
	})
	require.NoError(t, err, "another month has its own cap")

	// A currency without decimals caps at 1000 base units.
	orchard := f.createCommunity(t, "olive", "Orchard")
	f.join(t, orchard, "bob")
	f.createCurrency(t, orchard, "HRS", 0, 0)
	_, err = f.msgs.Issue(f.ctx, &types.MsgIssue{Issuer: f.addr("olive"), CommunityId: orchard, Recipient: f.addr("bob"), Amount: sdkmath.NewInt(1000)})
	require.NoError(t, err, "the cap of one community does not touch another's")
	f.requireRejected(t, types.ErrCapExceeded, func() error {
		_, err := f.msgs.Issue(f.ctx, &types.MsgIssue{Issuer: f.addr("olive"), CommunityId: orchard, Recipient: f.addr("bob"), Amount: sdkmath.OneInt()})
		return err
	})
}

func TestIssue_ToOneselfFollowsTheParam(t *testing.T) {
	f := newGarden(t)
	selfIssue := func(issuer string) error {
		_, err := f.msgs.Issue(f.ctx, &types.MsgIssue{
			Issuer: f.addr(issuer), CommunityId: garden, Recipient: f.addr(issuer), Amount: sdkmath.NewInt(100), Memo: "for me",
		})
		return err
	}
	f.requireRejected(t, types.ErrSelfIssuance, func() error { return selfIssue("alice") })
	f.requireRejected(t, types.ErrSelfIssuance, func() error { return selfIssue("tom") })
	require.True(t, f.balance("alice", gdd).IsZero())

	params := types.DefaultParams()
	params.AllowSelfIssuance = true
	_, err := f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.keeper.GetAuthority(), Params: params})
	require.NoError(t, err)
	require.NoError(t, selfIssue("tom"))
	require.Equal(t, sdkmath.NewInt(100), f.balance("tom", gdd))
}

// A member who joined this month gets at most one month's cap at once:
// creation may not target the months before it joined.
func TestCreation_NeverTargetsAMonthBeforeJoining(t *testing.T) {
	f := newGarden(t)
	_, err := f.community.JoinCommunity(f.ctx, &communitytypes.MsgJoinCommunity{Member: f.addr("dave"), CommunityId: garden, Username: "dave"})
	require.NoError(t, err)

	for _, month := range []string{"2025-02", "2025-03"} {
		f.requireRejected(t, types.ErrMonthBeforeJoining, func() error {
			_, err := f.msgs.Issue(f.ctx, &types.MsgIssue{
				Issuer: f.addr("alice"), CommunityId: garden, Recipient: f.addr("dave"), Amount: sdkmath.NewInt(monthCap), Month: month,
			})
			return err
		})
		f.requireRejected(t, types.ErrMonthBeforeJoining, func() error {
			_, err := f.msgs.SubmitContribution(f.ctx, &types.MsgSubmitContribution{
				Contributor: f.addr("dave"), CommunityId: garden, Amount: sdkmath.NewInt(monthCap), Memo: "back-dated work", Month: month,
			})
			return err
		})
	}
	f.issue(t, garden, "alice", "dave", monthCap)
	f.requireRejected(t, types.ErrCapExceeded, func() error {
		_, err := f.msgs.Issue(f.ctx, &types.MsgIssue{
			Issuer: f.addr("alice"), CommunityId: garden, Recipient: f.addr("dave"), Amount: sdkmath.NewInt(1),
		})
		return err
	})
	require.Equal(t, sdkmath.NewInt(monthCap), f.balance("dave", gdd), "one month's cap, not three")
}
