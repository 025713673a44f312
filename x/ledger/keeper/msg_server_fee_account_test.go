package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/cosmos/cosmos-sdk/x/feegrant"

	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/ledger/keeper"
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

func TestSetFeeSponsorship_RejectsBadInput(t *testing.T) {
	f := newGarden(t)
	valid := func() *types.MsgSetFeeSponsorship {
		return &types.MsgSetFeeSponsorship{Admin: f.addr("alice"), CommunityId: garden, MemberPeriodLimit: 5_000, BudgetPeriodLimit: 50_000}
	}
	tests := []struct {
		name   string
		mutate func(*types.MsgSetFeeSponsorship)
		want   error
	}{
		{"malformed admin", func(m *types.MsgSetFeeSponsorship) { m.Admin = "alice" }, sdkerrors.ErrInvalidAddress},
		{"community 0", func(m *types.MsgSetFeeSponsorship) { m.CommunityId = 0 }, types.ErrInvalidSponsorship},
		{"member limit above its ceiling", func(m *types.MsgSetFeeSponsorship) {
			m.MemberPeriodLimit = types.CeilingFeeAllowancePeriodLimit + 1
		}, types.ErrInvalidSponsorship},
		{"budget above its ceiling", func(m *types.MsgSetFeeSponsorship) {
			m.BudgetPeriodLimit = types.CeilingFeeBudgetPeriodLimit + 1
		}, types.ErrInvalidSponsorship},
		{"unknown community", func(m *types.MsgSetFeeSponsorship) { m.CommunityId = 99 }, communitytypes.ErrCommunityNotFound},
		{"moderator, not admin", func(m *types.MsgSetFeeSponsorship) { m.Admin = f.addr("mod") }, types.ErrNotPermitted},
		{"non-member", func(m *types.MsgSetFeeSponsorship) { m.Admin = f.addr("dave") }, types.ErrNotMember},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := valid()
			tc.mutate(msg)
			f.requireRejected(t, tc.want, func() error {
				_, err := f.msgs.SetFeeSponsorship(f.ctx, msg)
				return err
			})
		})
	}

	f.resetEvents()
	_, err := f.msgs.SetFeeSponsorship(f.ctx, valid())
	require.NoError(t, err)
	require.Equal(t, []string{"kizuna.ledger.v1.EventFeeSponsorshipSet"}, f.eventTypes())
	res, err := f.query.FeeAccount(f.ctx, &types.QueryFeeAccountRequest{CommunityId: garden})
	require.NoError(t, err)
	require.Equal(t, types.FeeSponsorship{CommunityId: garden, MemberPeriodLimit: 5_000, BudgetPeriodLimit: 50_000}, res.Sponsorship)
}

func TestFeeSponsorship_DefaultsToTheParams(t *testing.T) {
	f := newGarden(t)
	res, err := f.query.FeeAccount(f.ctx, &types.QueryFeeAccountRequest{CommunityId: garden, Member: f.addr("bob")})
	require.NoError(t, err)
	require.Equal(t, types.DefaultFeeAllowancePeriodLimit, res.Sponsorship.MemberPeriodLimit)
	require.Equal(t, types.DefaultFeeBudgetPeriodLimit, res.Sponsorship.BudgetPeriodLimit)
	require.True(t, res.MemberSpent.IsZero())
	require.True(t, res.BudgetSpent.IsZero())
	require.Equal(t, uint64(86400), res.PeriodSeconds)
}

// sponsor is what the ante handler consults for a fee granter.
func (f *fixture) sponsor() keeper.Sponsor {
	floor := sdk.NewDecCoinFromDec("ukiz", sdkmath.LegacyNewDecWithPrec(1, 3))
	return keeper.NewSponsor(f.keeper, f.env.Feegrant, floor)
}

func TestSponsor_ChecksScopeGasFeeAllowanceAndBudget(t *testing.T) {
	f := newGarden(t)
	f.ctx = f.ctx.WithGasMeter(storetypes.NewGasMeter(200_000))
	_, err := f.msgs.SetFeeSponsorship(f.ctx, &types.MsgSetFeeSponsorship{
		Admin: f.addr("alice"), CommunityId: garden, MemberPeriodLimit: 600, BudgetPeriodLimit: 900,
	})
	require.NoError(t, err)
	feeAccount := sdk.AccAddress(types.FeeAccountAddress(garden))
	transfer := func(sender string) []sdk.Msg {
		return []sdk.Msg{&types.MsgTransfer{Sender: f.addr(sender), CommunityId: garden}}
	}
	use := func(payer string, fee sdk.Coins, msgs []sdk.Msg) error {
		return f.sponsor().UseGrantedFees(f.ctx, feeAccount, f.accAddr(payer), fee, msgs)
	}

	require.ErrorIs(t, use("bob", ukiz(301), transfer("bob")), types.ErrSponsoredFeeTooHigh, "150 % of 200 ukiz is 300")
	require.ErrorIs(t, use("bob", sdk.NewCoins(sdk.NewInt64Coin("uatom", 1)), transfer("bob")), types.ErrSponsoredFeeTooHigh)
	require.ErrorIs(t, use("dave", ukiz(300), transfer("dave")), types.ErrNotSponsored, "dave is no member")
	require.ErrorIs(t, use("bob", ukiz(300), transfer("dave")), types.ErrNotSponsored, "every signer must be a member")
	require.ErrorIs(t, use("bob", ukiz(300), []sdk.Msg{&types.MsgTransfer{Sender: f.addr("bob"), CommunityId: garden + 1}}),
		feegrant.ErrNoAllowance, "naming another community leaves the grant to x/feegrant, which has none")
	require.ErrorIs(t, use("bob", ukiz(300), append(transfer("bob"), &banktypes.MsgSend{FromAddress: f.addr("bob")})),
		types.ErrNotSponsored)
	require.ErrorIs(t, use("bob", ukiz(300), []sdk.Msg{&types.MsgFundFeeAccount{Admin: f.addr("bob"), CommunityId: garden}}),
		types.ErrNotSponsored, "not in fee_allowance_msg_type_urls")
	big := f.ctx.WithGasMeter(storetypes.NewGasMeter(types.DefaultSponsoredMaxGas + 1))
	require.ErrorIs(t, f.sponsor().UseGrantedFees(big, feeAccount, f.accAddr("bob"), ukiz(1), transfer("bob")), types.ErrSponsoredGasTooHigh)

	require.NoError(t, use("bob", ukiz(300), transfer("bob")))
	require.NoError(t, use("bob", ukiz(300), transfer("bob")))
	require.ErrorIs(t, use("bob", ukiz(1), transfer("bob")), types.ErrAllowanceExceeded, "bob spent his 600")
	require.NoError(t, use("carol", ukiz(300), transfer("carol")))
	require.ErrorIs(t, use("tom", ukiz(1), transfer("tom")), types.ErrBudgetExceeded, "the community spent its 900")

	// Leaving and re-joining keeps what was spent; a new period does not.
	_, err = f.community.LeaveCommunity(f.ctx, &communitytypes.MsgLeaveCommunity{Member: f.addr("bob"), CommunityId: garden})
	require.NoError(t, err)
	f.join(t, garden, "bob")
	require.ErrorIs(t, use("bob", ukiz(1), transfer("bob")), types.ErrAllowanceExceeded)
	f.ctx = f.ctx.WithBlockTime(f.ctx.BlockTime().Add(24 * time.Hour))
	require.NoError(t, use("bob", ukiz(300), transfer("bob")))

	// Simulation has no gas limit and usually no fee: only scope is checked.
	sim := f.ctx.WithExecMode(sdk.ExecModeSimulate).WithGasMeter(storetypes.NewInfiniteGasMeter())
	require.NoError(t, f.sponsor().UseGrantedFees(sim, feeAccount, f.accAddr("carol"), nil, transfer("carol")))
	require.ErrorIs(t, f.sponsor().UseGrantedFees(sim, feeAccount, f.accAddr("dave"), nil, transfer("dave")), types.ErrNotSponsored)
}

func TestUpdateParams_SponsorsOnlyMsgsThatNameTheirCommunity(t *testing.T) {
	f := newFixture(t)
	for _, url := range []string{
		"/cosmos.authz.v1beta1.MsgExec",
		"/cosmos.bank.v1beta1.MsgSend",
		"/kizuna.community.v1.MsgCreateCommunity",
		"/kizuna.ledger.v1.Currency",
		"/kizuna.nothing.v1.MsgNothing",
	} {
		params := types.DefaultParams()
		params.FeeAllowanceMsgTypeUrls = append(params.FeeAllowanceMsgTypeUrls, url)
		_, err := f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.keeper.GetAuthority(), Params: params})
		require.ErrorIs(t, err, types.ErrInvalidParams, url)
	}
	params := types.DefaultParams()
	params.FeeAllowanceMsgTypeUrls = nil
	_, err := f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.keeper.GetAuthority(), Params: params})
	require.ErrorIs(t, err, types.ErrInvalidParams, "an empty list no longer means every Msg")
}
