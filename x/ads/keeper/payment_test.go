package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/x/ads/types"
)

func TestCheckPayment_EnforcesThePaymentRule(t *testing.T) {
	m := newMarket(t)
	want := m.createAd(t, "bob", m.garden, types.AdTypeWant, "Help moving", 5)
	give := m.createAd(t, "bob", m.garden, types.AdTypeGive, "Bicycle repair", 20)
	closedAd := m.createAd(t, "bob", m.garden, types.AdTypeGive, "Old offer", 1)
	m.closeAd(t, "bob", closedAd)
	bob, carol := m.accAddr("bob"), m.accAddr("carol")

	tests := []struct {
		name         string
		ad           uint64
		community    uint64
		payer, payee sdk.AccAddress
		want         error
	}{
		{"WANT paid by its owner to a helper", want, m.garden, bob, carol, nil},
		{"WANT paid by a non-owner", want, m.garden, carol, bob, types.ErrPayerNotAllowed},
		{"WANT paid by a non-owner to a third member", want, m.garden, carol, m.accAddr("alice"), types.ErrPayerNotAllowed},
		{"WANT paid by its owner to itself", want, m.garden, bob, bob, types.ErrPayeeNotAllowed},
		{"GIVE paid by another member to the owner", give, m.garden, carol, bob, nil},
		{"GIVE paid by its owner", give, m.garden, bob, carol, types.ErrPayerNotAllowed},
		{"GIVE paid by another member to a third member", give, m.garden, carol, m.accAddr("alice"), types.ErrPayeeNotAllowed},
		{"ad of another community", give, m.orchard, carol, bob, types.ErrWrongCommunity},
		{"closed ad", closedAd, m.garden, carol, bob, types.ErrAdClosed},
		{"unknown ad", 99, m.garden, carol, bob, types.ErrAdNotFound},
		{"empty payer", give, m.garden, nil, bob, sdkerrors.ErrInvalidAddress},
		{"empty payee", want, m.garden, bob, nil, sdkerrors.ErrInvalidAddress},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := m.export(t)
			err := m.keeper.CheckPayment(m.ctx, tc.ad, tc.community, tc.payer, tc.payee)
			if tc.want == nil {
				require.NoError(t, err)
			} else {
				require.ErrorIs(t, err, tc.want)
			}
			require.Equal(t, before, m.export(t), "CheckPayment writes nothing")
		})
	}
}

func TestMarkPaid_MarksTheAdAndEmitsEvent(t *testing.T) {
	m := newMarket(t)
	id := m.createAd(t, "bob", m.garden, types.AdTypeGive, "Bicycle repair", 20)
	later := keepertest.BlockTime.Add(24 * time.Hour)
	m.ctx = m.ctx.WithBlockTime(later)
	m.resetEvents()

	require.NoError(t, m.keeper.MarkPaid(m.ctx, id, math.NewInt(1_000_000)))
	ad := m.ad(t, id)
	require.True(t, ad.Paid)
	require.Equal(t, types.AdStatusOpen, ad.Status, "a paid ad stays open")
	require.True(t, later.Equal(ad.UpdatedAt))
	require.True(t, keepertest.BlockTime.Equal(ad.CreatedAt))
	require.Equal(t, []string{"kizuna.ads.v1.EventAdPaid"}, m.eventTypes())
	event, err := sdk.ParseTypedEvent(abciEvent(m.ctx.EventManager().Events()[0]))
	require.NoError(t, err)
	require.Equal(t, &types.EventAdPaid{AdId: id, CommunityId: m.garden, Owner: m.addr("bob"), Type: types.AdTypeGive}, event)

	require.NoError(t, m.keeper.CheckPayment(m.ctx, id, m.garden, m.accAddr("alice"), m.accAddr("bob")),
		"a GIVE ad may be paid again by someone else")
	require.NoError(t, m.keeper.MarkPaid(m.ctx, id, math.NewInt(1_000_000)))
	require.True(t, m.ad(t, id).Paid)

	m.requireRejected(t, types.ErrAdNotFound, func() error { return m.keeper.MarkPaid(m.ctx, 99, math.NewInt(1_000_000)) })
}

func TestMarkPaid_ATokenPaymentDoesNotFreezeTheAd(t *testing.T) {
	m := newMarket(t)
	id := m.createAd(t, "bob", m.garden, types.AdTypeGive, "Bicycle repair", 20)
	m.resetEvents()

	require.NoError(t, m.keeper.MarkPaid(m.ctx, id, math.NewInt(1)))
	require.False(t, m.ad(t, id).Paid, "1 base unit does not cover a price of 20")
	require.Empty(t, m.eventTypes())
	_, err := m.msgs.UpdateAd(m.ctx, &types.MsgUpdateAd{Owner: m.addr("bob"), AdId: id, Title: "Bicycle repair, fast"})
	require.NoError(t, err, "the owner can still edit the ad")

	require.NoError(t, m.keeper.MarkPaid(m.ctx, id, math.NewInt(19)))
	require.False(t, m.ad(t, id).Paid)
	require.NoError(t, m.keeper.MarkPaid(m.ctx, id, math.NewInt(20)))
	require.True(t, m.ad(t, id).Paid, "a payment of the price marks it paid")
}
