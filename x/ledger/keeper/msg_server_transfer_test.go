package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// Ads of the transfer tests.
const (
	bobsGiveAd   = uint64(1)
	bobsWantAd   = uint64(2)
	orchardAd    = uint64(3)
	closedGiveAd = uint64(4)
)

// newMarket returns the garden with bob holding 100 GDD and carol 10 GDD,
// and ads in the fake ads keeper.
func newMarket(t *testing.T) *fixture {
	t.Helper()
	f := newGarden(t)
	orchard := f.createCommunity(t, "olive", "Orchard")
	f.join(t, garden, "erin")
	_, err := f.community.LeaveCommunity(f.ctx, &communitytypes.MsgLeaveCommunity{Member: f.addr("erin"), CommunityId: garden})
	require.NoError(t, err)
	f.issue(t, garden, "alice", "bob", 100*unit)
	f.issue(t, garden, "alice", "carol", 10*unit)
	bob := f.accAddr("bob").String()
	f.ads.add(bobsGiveAd, fakeAd{community: garden, owner: bob})
	f.ads.add(bobsWantAd, fakeAd{community: garden, owner: bob, want: true})
	f.ads.add(orchardAd, fakeAd{community: orchard, owner: bob})
	f.ads.add(closedGiveAd, fakeAd{community: garden, owner: bob, closed: true})
	f.resetEvents()
	return f
}

func TestTransfer_RejectsBadInput(t *testing.T) {
	f := newMarket(t)
	orchard := uint64(2)

	valid := func() *types.MsgTransfer {
		return &types.MsgTransfer{Sender: f.addr("bob"), CommunityId: garden, Recipient: f.addr("carol"), Amount: sdkmath.NewInt(5 * unit), Memo: "a piece of cake"}
	}
	tests := []struct {
		name   string
		mutate func(*types.MsgTransfer)
		want   error
	}{
		{"malformed sender", func(m *types.MsgTransfer) { m.Sender = "bob" }, sdkerrors.ErrInvalidAddress},
		{"malformed recipient", func(m *types.MsgTransfer) { m.Recipient = "kizuna1xyz" }, sdkerrors.ErrInvalidAddress},
		{"zero amount", func(m *types.MsgTransfer) { m.Amount = sdkmath.ZeroInt() }, types.ErrInvalidAmount},
		{"negative amount", func(m *types.MsgTransfer) { m.Amount = sdkmath.NewInt(-5) }, types.ErrInvalidAmount},
		{"missing amount", func(m *types.MsgTransfer) { m.Amount = sdkmath.Int{} }, types.ErrInvalidAmount},
		{"memo too long", func(m *types.MsgTransfer) { m.Memo = long(513) }, types.ErrInvalidMemo},
		{"self-transfer", func(m *types.MsgTransfer) { m.Recipient = f.addr("bob") }, types.ErrSelfTransfer},
		{"unknown community", func(m *types.MsgTransfer) { m.CommunityId = 99 }, communitytypes.ErrCommunityNotFound},
		{"community without currency", func(m *types.MsgTransfer) { m.CommunityId = orchard }, types.ErrCurrencyNotFound},
		{"non-member sender", func(m *types.MsgTransfer) { m.Sender = f.addr("dave") }, types.ErrNotMember},
		{"sender from another community", func(m *types.MsgTransfer) { m.Sender = f.addr("olive") }, types.ErrNotMember},
		{"non-member recipient", func(m *types.MsgTransfer) { m.Recipient = f.addr("dave") }, types.ErrNotMember},
		{"recipient who left", func(m *types.MsgTransfer) { m.Recipient = f.addr("erin") }, types.ErrNotMember},
		{"insufficient funds", func(m *types.MsgTransfer) {
			m.Sender, m.Recipient, m.Amount = f.addr("carol"), f.addr("bob"), sdkmath.NewInt(50*unit)
		}, sdkerrors.ErrInsufficientFunds},
		{"insufficient funds by one base unit", func(m *types.MsgTransfer) { m.Amount = sdkmath.NewInt(100*unit + 1) }, sdkerrors.ErrInsufficientFunds},
		{"sender without any", func(m *types.MsgTransfer) { m.Sender = f.addr("mod") }, sdkerrors.ErrInsufficientFunds},
		{"largest amount", func(m *types.MsgTransfer) { m.Amount = maxInt() }, sdkerrors.ErrInsufficientFunds},
		{"fee expected where there is none", func(m *types.MsgTransfer) { m.ExpectedFeeBps = 100 }, types.ErrFeeMismatch},
		{"expected fee above 100 %", func(m *types.MsgTransfer) { m.ExpectedFeeBps = 10_001 }, types.ErrInvalidFee},
		{"unknown ad", func(m *types.MsgTransfer) { m.AdId = 42 }, errAdNotFound},
		{"ad of another community", func(m *types.MsgTransfer) { m.Sender, m.Recipient, m.AdId = f.addr("carol"), f.addr("bob"), orchardAd }, errAdWrongCommunit},
		{"WANT paid by a non-owner", func(m *types.MsgTransfer) { m.Sender, m.Recipient, m.AdId = f.addr("carol"), f.addr("bob"), bobsWantAd }, errAdNotPayable},
		{"GIVE paid by its owner", func(m *types.MsgTransfer) { m.AdId = bobsGiveAd }, errAdNotPayable},
		{"GIVE paid to someone but its owner", func(m *types.MsgTransfer) {
			m.Sender, m.Recipient, m.AdId = f.addr("carol"), f.addr("alice"), bobsGiveAd
		}, errAdNotPayable},
		{"closed ad", func(m *types.MsgTransfer) {
			m.Sender, m.Recipient, m.AdId = f.addr("carol"), f.addr("bob"), closedGiveAd
		}, errAdClosed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := valid()
			tc.mutate(msg)
			f.requireRejected(t, tc.want, func() error {
				_, err := f.msgs.Transfer(f.ctx, msg)
				return err
			})
		})
	}
}

func TestTransfer_MovesFundsAndRecordsBothSides(t *testing.T) {
	f := newMarket(t)
	res, err := f.msgs.Transfer(f.ctx, &types.MsgTransfer{
		Sender: f.addr("bob"), CommunityId: garden, Recipient: f.addr("carol"), Amount: sdkmath.NewInt(25 * unit), Memo: "a gift",
	})
	require.NoError(t, err)
	require.True(t, res.Fee.IsZero())
	require.Equal(t, sdkmath.NewInt(75*unit), f.balance("bob", gdd))
	require.Equal(t, sdkmath.NewInt(35*unit), f.balance("carol", gdd))

	send := f.history(t, "bob")[0]
	require.Equal(t, types.EntryTypeSend, send.Type)
	require.Equal(t, f.addr("carol"), send.Counterparty)
	require.Equal(t, sdkmath.NewInt(25*unit), send.Amount)
	require.Equal(t, "a gift", send.Memo)
	receive := f.history(t, "carol")[0]
	require.Equal(t, types.EntryTypeReceive, receive.Type)
	require.Equal(t, f.addr("bob"), receive.Counterparty)
	require.Equal(t, send.Id+1, receive.Id)
	require.Equal(t, []string{
		"kizuna.ledger.v1.EventEntryRecorded", "kizuna.ledger.v1.EventEntryRecorded", "kizuna.ledger.v1.EventTransferred",
	}, f.eventTypes())

	// The whole balance may be sent.
	_, err = f.msgs.Transfer(f.ctx, &types.MsgTransfer{Sender: f.addr("carol"), CommunityId: garden, Recipient: f.addr("bob"), Amount: sdkmath.NewInt(35 * unit)})
	require.NoError(t, err)
	require.True(t, f.balance("carol", gdd).IsZero())
}

func TestTransfer_PaysTheCommunityFeeOnTop(t *testing.T) {
	f := newMarket(t)
	_, err := f.msgs.UpdateCurrency(f.ctx, &types.MsgUpdateCurrency{Admin: f.addr("alice"), CommunityId: garden, FeeBps: 150})
	require.NoError(t, err)
	treasury := sdk.AccAddress(types.TreasuryAddress(garden))

	transfer := func(amount int64, expected uint32) (*types.MsgTransferResponse, error) {
		return f.msgs.Transfer(f.ctx, &types.MsgTransfer{
			Sender: f.addr("bob"), CommunityId: garden, Recipient: f.addr("carol"), Amount: sdkmath.NewInt(amount), ExpectedFeeBps: expected,
		})
	}
	for _, expected := range []uint32{0, 100, 151} {
		f.requireRejected(t, types.ErrFeeMismatch, func() error {
			_, err := transfer(unit, expected)
			return err
		})
	}
	f.requireRejected(t, sdkerrors.ErrInsufficientFunds, func() error {
		_, err := transfer(100*unit, 150) // the fee comes on top of the whole balance
		return err
	})

	res, err := transfer(10*unit, 150)
	require.NoError(t, err)
	require.Equal(t, sdkmath.NewInt(1500), res.Fee, "1.50 % of 10 GDD is 0.15 GDD")
	require.Equal(t, sdkmath.NewInt(100*unit-10*unit-1500), f.balance("bob", gdd))
	require.Equal(t, sdkmath.NewInt(20*unit), f.balance("carol", gdd))
	require.Equal(t, sdkmath.NewInt(1500), f.env.Bank.GetBalance(f.ctx, treasury, gdd).Amount)

	entries := f.history(t, "bob")
	require.Equal(t, types.EntryTypeSend, entries[0].Type, "one entry for the send and its fee")
	require.Equal(t, sdkmath.NewInt(10*unit), entries[0].Amount)
	require.Equal(t, sdkmath.NewInt(1500), entries[0].Fee)
	require.Equal(t, types.EntryTypeCreation, entries[1].Type, "no FEE entry of its own")
	require.True(t, f.history(t, "carol")[0].Fee.IsZero(), "the recipient paid no fee")
	treasuryStr, err := f.keeper.AddressCodec().BytesToString(treasury)
	require.NoError(t, err)

	// The fee is rounded up: 1.5 % of 66 base units is 0.99, so 1.
	res, err = transfer(66, 150)
	require.NoError(t, err)
	require.Equal(t, sdkmath.NewInt(1), res.Fee)
	require.Equal(t, sdkmath.NewInt(1), f.history(t, "bob")[0].Fee)

	treasuryRes, err := f.query.Treasury(f.ctx, &types.QueryTreasuryRequest{CommunityId: garden})
	require.NoError(t, err)
	require.Equal(t, treasuryStr, treasuryRes.Address)
	require.Equal(t, sdk.NewCoins(sdk.NewInt64Coin(gdd, 1501)), treasuryRes.Balances)
}

func TestTransfer_SplittingAPaymentDoesNotAvoidTheFee(t *testing.T) {
	f := newGarden(t)
	_, err := f.msgs.UpdateCurrency(f.ctx, &types.MsgUpdateCurrency{Admin: f.addr("alice"), CommunityId: garden, FeeBps: 100})
	require.NoError(t, err)
	f.issue(t, garden, "alice", "bob", 1000)
	treasury := sdk.AccAddress(types.TreasuryAddress(garden))
	transfer := func(amount int64) sdkmath.Int {
		res, err := f.msgs.Transfer(f.ctx, &types.MsgTransfer{
			Sender: f.addr("bob"), CommunityId: garden, Recipient: f.addr("carol"), Amount: sdkmath.NewInt(amount), ExpectedFeeBps: 100,
		})
		require.NoError(t, err)
		return res.Fee
	}
	denom := types.Denom(garden, "GDD")
	require.Equal(t, sdkmath.NewInt(5), transfer(495), "one transfer of 495 pays 4.95, rounded up")
	for range 5 {
		require.Equal(t, sdkmath.OneInt(), transfer(99), "each transfer of 99 pays at least one unit")
	}
	require.Equal(t, sdkmath.NewInt(10), f.env.Bank.GetBalance(f.ctx, treasury, denom).Amount,
		"five transfers of 99 pay as much as one of 495, or more")
}

func TestTransfer_PaysForAnAdFollowingItsRule(t *testing.T) {
	f := newMarket(t)
	// Anyone but the owner pays the owner of a GIVE ad.
	_, err := f.msgs.Transfer(f.ctx, &types.MsgTransfer{
		Sender: f.addr("carol"), CommunityId: garden, Recipient: f.addr("bob"), Amount: sdkmath.NewInt(unit), AdId: bobsGiveAd,
	})
	require.NoError(t, err)
	require.True(t, f.ads.ads[bobsGiveAd].paid)
	require.Equal(t, bobsGiveAd, f.history(t, "carol")[0].AdId)
	require.Equal(t, bobsGiveAd, f.history(t, "bob")[0].AdId)

	// The owner of a WANT ad pays whoever helped.
	_, err = f.msgs.Transfer(f.ctx, &types.MsgTransfer{
		Sender: f.addr("bob"), CommunityId: garden, Recipient: f.addr("carol"), Amount: sdkmath.NewInt(unit), AdId: bobsWantAd,
	})
	require.NoError(t, err)
	require.True(t, f.ads.ads[bobsWantAd].paid)
	require.False(t, f.ads.ads[orchardAd].paid)
}

func TestSendRestriction_KeepsCurrencyInTheLedger(t *testing.T) {
	f := newMarket(t)
	err := f.env.Bank.SendCoins(f.ctx, f.accAddr("bob"), f.accAddr("dave"), sdk.NewCoins(sdk.NewInt64Coin(gdd, 1)))
	require.ErrorIs(t, err, types.ErrCurrencyRestricted, "a plain bank send would bypass membership, fees and history")
	require.Equal(t, sdkmath.NewInt(100*unit), f.balance("bob", gdd))

	f.env.Fund(t, f.ctx, f.accAddr("bob"), sdk.NewCoins(sdk.NewInt64Coin("ukiz", 10)))
	require.NoError(t, f.env.Bank.SendCoins(f.ctx, f.accAddr("bob"), f.accAddr("dave"), sdk.NewCoins(sdk.NewInt64Coin("ukiz", 10))),
		"other denoms move freely")
}
