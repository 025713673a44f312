package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/cosmos/cosmos-sdk/x/feegrant"

	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

func ukiz(n int64) sdk.Coins {
	return sdk.NewCoins(sdk.NewInt64Coin("ukiz", n))
}

func TestFundFeeAccount_RejectsBadInput(t *testing.T) {
	f := newGarden(t)
	f.env.Fund(t, f.ctx, f.accAddr("alice"), ukiz(5_000_000))
	f.env.Fund(t, f.ctx, f.accAddr("bob"), ukiz(5_000_000))
	f.resetEvents()

	valid := func() *types.MsgFundFeeAccount {
		return &types.MsgFundFeeAccount{Admin: f.addr("alice"), CommunityId: garden, Amount: sdkmath.NewInt(2_000_000)}
	}
	tests := []struct {
		name   string
		mutate func(*types.MsgFundFeeAccount)
		want   error
	}{
		{"malformed admin", func(m *types.MsgFundFeeAccount) { m.Admin = "alice" }, sdkerrors.ErrInvalidAddress},
		{"zero amount", func(m *types.MsgFundFeeAccount) { m.Amount = sdkmath.ZeroInt() }, types.ErrInvalidAmount},
		{"negative amount", func(m *types.MsgFundFeeAccount) { m.Amount = sdkmath.NewInt(-1) }, types.ErrInvalidAmount},
		{"unknown community", func(m *types.MsgFundFeeAccount) { m.CommunityId = 99 }, communitytypes.ErrCommunityNotFound},
		{"member, not admin", func(m *types.MsgFundFeeAccount) { m.Admin = f.addr("bob") }, types.ErrNotPermitted},
		{"non-member", func(m *types.MsgFundFeeAccount) { m.Admin = f.addr("dave") }, types.ErrNotMember},
		{"insufficient funds", func(m *types.MsgFundFeeAccount) { m.Amount = sdkmath.NewInt(5_000_001) }, sdkerrors.ErrInsufficientFunds},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := valid()
			tc.mutate(msg)
			f.requireRejected(t, tc.want, func() error {
				_, err := f.msgs.FundFeeAccount(f.ctx, msg)
				return err
			})
		})
	}
}

func TestFundFeeAccount_MovesUkizToTheFeeAccount(t *testing.T) {
	f := newGarden(t)
	f.env.Fund(t, f.ctx, f.accAddr("alice"), ukiz(5_000_000))
	f.resetEvents()
	_, err := f.msgs.FundFeeAccount(f.ctx, &types.MsgFundFeeAccount{Admin: f.addr("alice"), CommunityId: garden, Amount: sdkmath.NewInt(2_000_000)})
	require.NoError(t, err)

	feeAccount := sdk.AccAddress(types.FeeAccountAddress(garden))
	require.Equal(t, sdkmath.NewInt(2_000_000), f.env.Bank.GetBalance(f.ctx, feeAccount, "ukiz").Amount)
	require.Equal(t, sdkmath.NewInt(3_000_000), f.balance("alice", "ukiz"))
	require.True(t, f.env.Account.HasAccount(f.ctx, feeAccount), "x/bank created the fee account, as fee deduction needs")
	require.Equal(t, []string{"kizuna.ledger.v1.EventFeeAccountFunded"}, f.eventTypes())

	res, err := f.query.FeeAccount(f.ctx, &types.QueryFeeAccountRequest{CommunityId: garden})
	require.NoError(t, err)
	want, err := f.keeper.AddressCodec().BytesToString(feeAccount)
	require.NoError(t, err)
	require.Equal(t, want, res.Address)
	require.Equal(t, sdk.NewInt64Coin("ukiz", 2_000_000), res.Balance)

	// Treasury and fee account differ, and differ between communities.
	require.NotEqual(t, types.TreasuryAddress(garden), types.FeeAccountAddress(garden))
	require.NotEqual(t, types.FeeAccountAddress(garden), types.FeeAccountAddress(garden+1))
}

// allowance returns the allowance of a community's fee account to a member,
// or nil.
func (f *fixture) allowance(t *testing.T, community uint64, member string) feegrant.FeeAllowanceI {
	t.Helper()
	a, err := f.env.Feegrant.GetAllowance(f.ctx, types.FeeAccountAddress(community), f.accAddr(member))
	if err != nil {
		require.ErrorIs(t, err, collections.ErrNotFound)
		return nil
	}
	return a
}

func TestFeeSponsorship_GrantedOnJoinRevokedOnLeaveAndRemoval(t *testing.T) {
	f := newGarden(t)
	for _, name := range []string{"alice", "mod", "tom", "bob", "carol"} {
		require.NotNil(t, f.allowance(t, garden, name), "%s became an active member", name)
	}
	require.True(t, f.env.Account.HasAccount(f.ctx, f.accAddr("bob")), "the grantee account is created")

	a, ok := f.allowance(t, garden, "bob").(*feegrant.AllowedMsgAllowance)
	require.True(t, ok)
	require.Equal(t, types.DefaultFeeAllowanceMsgTypeURLs(), a.AllowedMessages)
	inner, err := a.GetAllowance()
	require.NoError(t, err)
	periodic, ok := inner.(*feegrant.PeriodicAllowance)
	require.True(t, ok)
	require.Equal(t, 24*time.Hour, periodic.Period)
	require.Equal(t, ukiz(1_000_000), periodic.PeriodSpendLimit)
	require.Nil(t, periodic.Basic.SpendLimit, "no overall limit: the grant is never used up")
	require.Nil(t, periodic.Basic.Expiration, "no expiry: it lasts as long as the membership")

	// Leaving and removal revoke it; joining again grants it again.
	f.resetEvents()
	_, err = f.community.LeaveCommunity(f.ctx, &communitytypes.MsgLeaveCommunity{Member: f.addr("bob"), CommunityId: garden})
	require.NoError(t, err)
	require.Nil(t, f.allowance(t, garden, "bob"))
	require.Contains(t, f.eventTypes(), "kizuna.ledger.v1.EventFeeAllowanceRevoked")
	_, err = f.community.RemoveMember(f.ctx, &communitytypes.MsgRemoveMember{Admin: f.addr("alice"), CommunityId: garden, Member: f.addr("carol")})
	require.NoError(t, err)
	require.Nil(t, f.allowance(t, garden, "carol"))
	require.NotNil(t, f.allowance(t, garden, "tom"), "other members keep theirs")

	f.resetEvents()
	f.join(t, garden, "bob")
	require.NotNil(t, f.allowance(t, garden, "bob"))
	require.Contains(t, f.eventTypes(), "kizuna.ledger.v1.EventFeeAllowanceGranted")

	// A member of two communities has an allowance from each fee account.
	orchard := f.createCommunity(t, "olive", "Orchard")
	f.join(t, orchard, "bob")
	require.NotNil(t, f.allowance(t, orchard, "bob"))
	require.NotNil(t, f.allowance(t, garden, "bob"))
	_, err = f.community.LeaveCommunity(f.ctx, &communitytypes.MsgLeaveCommunity{Member: f.addr("bob"), CommunityId: orchard})
	require.NoError(t, err)
	require.Nil(t, f.allowance(t, orchard, "bob"))
	require.NotNil(t, f.allowance(t, garden, "bob"), "leaving one community keeps the other's allowance")
}

func TestFeeSponsorship_AllowancePaysKizunaMsgsWithinThePeriodLimit(t *testing.T) {
	f := newGarden(t)
	feeAccount := sdk.AccAddress(types.FeeAccountAddress(garden))
	bob := f.accAddr("bob")
	transfer := []sdk.Msg{&types.MsgTransfer{Sender: f.addr("bob")}}

	// What the ante handler does for a transaction with --fee-granter.
	require.NoError(t, f.env.Feegrant.UseGrantedFees(f.ctx, feeAccount, bob, ukiz(600_000), transfer))
	err := f.env.Feegrant.UseGrantedFees(f.ctx, feeAccount, bob, ukiz(600_000), transfer)
	require.ErrorIs(t, err, feegrant.ErrFeeLimitExceeded, "1 KIZ a day")
	err = f.env.Feegrant.UseGrantedFees(f.ctx, feeAccount, bob, ukiz(1), []sdk.Msg{&banktypes.MsgSend{FromAddress: f.addr("bob")}})
	require.ErrorIs(t, err, feegrant.ErrMessageNotAllowed, "the allowance pays for Kizuna's Msgs only")

	f.ctx = f.ctx.WithBlockTime(f.ctx.BlockTime().Add(24 * time.Hour))
	require.NoError(t, f.env.Feegrant.UseGrantedFees(f.ctx, feeAccount, bob, ukiz(600_000), transfer), "a new day, a new limit")
	require.NotNil(t, f.allowance(t, garden, "bob"), "using the allowance never removes it")
}

func TestFeeSponsorship_ReplacesAnEarlierAllowanceAndHonoursParams(t *testing.T) {
	f := newFixture(t)
	f.createCommunity(t, "alice", "Garden")
	feeAccount := types.FeeAccountAddress(garden)
	expiry := f.ctx.BlockTime().Add(time.Hour)
	f.env.Fund(t, f.ctx, f.accAddr("bob"), ukiz(1))
	require.NoError(t, f.env.Feegrant.GrantAllowance(f.ctx, feeAccount, f.accAddr("bob"),
		&feegrant.BasicAllowance{SpendLimit: ukiz(5), Expiration: &expiry}))

	f.join(t, garden, "bob")
	_, ok := f.allowance(t, garden, "bob").(*feegrant.AllowedMsgAllowance)
	require.True(t, ok, "the ledger's allowance replaces the earlier one")
	var queued int
	require.NoError(t, f.env.Feegrant.FeeAllowanceQueue.Walk(f.ctx, nil,
		func(collections.Triple[time.Time, sdk.AccAddress, sdk.AccAddress], bool) (bool, error) {
			queued++
			return false, nil
		}))
	require.Zero(t, queued, "and the earlier one's expiry left the queue with it")

	// An empty Msg list lets the allowance pay for any Msg; a zero period
	// limit stops sponsoring new members.
	params := types.DefaultParams()
	params.FeeAllowanceMsgTypeUrls = nil
	_, err := f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.keeper.GetAuthority(), Params: params})
	require.NoError(t, err)
	f.join(t, garden, "carol")
	_, ok = f.allowance(t, garden, "carol").(*feegrant.PeriodicAllowance)
	require.True(t, ok)

	params.FeeAllowancePeriodLimit = 0
	_, err = f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.keeper.GetAuthority(), Params: params})
	require.NoError(t, err)
	f.join(t, garden, "dave")
	require.Nil(t, f.allowance(t, garden, "dave"))
	_, err = f.community.LeaveCommunity(f.ctx, &communitytypes.MsgLeaveCommunity{Member: f.addr("dave"), CommunityId: garden})
	require.NoError(t, err, "leaving without an allowance is fine")
	require.NotNil(t, f.allowance(t, garden, "bob"), "allowances granted before keep working")
}
