package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/kizuna-chain/kizuna/internal/grpcerr"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/ledger/keeper"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// requestPayment sends requester's MsgRequestPayment of amount GDD base
// units from payer; set, if given, changes it further.
func (f *fixture) requestPayment(requester, payer string, amount int64, set func(*types.MsgRequestPayment)) (uint64, error) {
	msg := &types.MsgRequestPayment{Requester: f.addr(requester), CommunityId: garden, Payer: f.addr(payer), Amount: sdkmath.NewInt(amount)}
	if set != nil {
		set(msg)
	}
	res, err := f.msgs.RequestPayment(f.ctx, msg)
	if err != nil {
		return 0, err
	}
	return res.Id, nil
}

// request is requestPayment that must succeed.
func (f *fixture) request(t *testing.T, requester, payer string, amount int64) uint64 {
	t.Helper()
	id, err := f.requestPayment(requester, payer, amount, nil)
	require.NoError(t, err)
	return id
}

// accept sends payer's MsgAcceptPaymentRequest, expecting the fee GDD
// charges.
func (f *fixture) accept(payer string, id uint64) (*types.MsgAcceptPaymentRequestResponse, error) {
	c, err := f.keeper.GetCurrency(f.ctx, garden)
	if err != nil {
		return nil, err
	}
	return f.msgs.AcceptPaymentRequest(f.ctx, &types.MsgAcceptPaymentRequest{Payer: f.addr(payer), RequestId: id, ExpectedFeeBps: c.FeeBps})
}

func (f *fixture) reject(payer string, id uint64, reason string) error {
	_, err := f.msgs.RejectPaymentRequest(f.ctx, &types.MsgRejectPaymentRequest{Payer: f.addr(payer), RequestId: id, Reason: reason})
	return err
}

func (f *fixture) cancel(requester string, id uint64) error {
	_, err := f.msgs.CancelPaymentRequest(f.ctx, &types.MsgCancelPaymentRequest{Requester: f.addr(requester), RequestId: id})
	return err
}

func (f *fixture) paymentRequest(t *testing.T, id uint64) types.PaymentRequest {
	t.Helper()
	res, err := f.query.PaymentRequest(f.ctx, &types.QueryPaymentRequestRequest{Id: id})
	require.NoError(t, err)
	return res.PaymentRequest
}

// endBlock runs the ledger's end of block, as the module's EndBlock does.
func (f *fixture) endBlock(t *testing.T) {
	t.Helper()
	require.NoError(t, f.keeper.EndBlock(f.ctx))
}

// setMaxOpenRequests has governance change max_open_payment_requests.
func (f *fixture) setMaxOpenRequests(t *testing.T, n uint32) {
	t.Helper()
	params := types.DefaultParams()
	params.MaxOpenPaymentRequests = n
	_, err := f.msgs.UpdateParams(f.ctx, newMsgUpdateParams(f.keeper.GetAuthority(), params))
	require.NoError(t, err)
}

func TestRequestPayment_RecordsAPendingRequestAndMovesNothing(t *testing.T) {
	f := newMarket(t)
	now := f.ctx.BlockTime()
	id, err := f.requestPayment("carol", "bob", 10*unit, func(m *types.MsgRequestPayment) { m.Memo, m.AdId = "apples", bobsWantAd })
	require.NoError(t, err)
	require.Equal(t, types.FirstPaymentRequestID, id)

	r := f.paymentRequest(t, id)
	require.Equal(t, types.PaymentRequestStatusPending, r.Status)
	require.Equal(t, garden, r.CommunityId)
	require.Equal(t, f.addr("carol"), r.Requester)
	require.Equal(t, f.addr("bob"), r.Payer)
	require.Equal(t, sdkmath.NewInt(10*unit), r.Amount)
	require.Equal(t, "apples", r.Memo)
	require.Equal(t, bobsWantAd, r.AdId)
	require.True(t, r.CreatedAt.Equal(now))
	require.True(t, r.ExpiresAt.Equal(now.Add(30*day)), "the longest the params allow")
	require.Nil(t, r.DecidedAt)
	require.Zero(t, r.EntryId)
	event := lastEvent[*types.EventPaymentRequested](t, f)
	require.Equal(t, id, event.Id)
	require.Equal(t, gdd, event.Denom)
	require.Equal(t, now.Add(30*day).Unix(), event.ExpiresAt)
	require.Equal(t, sdkmath.NewInt(100*unit), f.balance("bob", gdd))
	require.Equal(t, sdkmath.NewInt(10*unit), f.balance("carol", gdd))
	require.Len(t, f.history(t, "bob"), 1, "no entry is recorded: bob's issuance only")

	id, err = f.requestPayment("carol", "bob", unit, func(m *types.MsgRequestPayment) { m.ExpirySeconds = 3600 })
	require.NoError(t, err)
	require.Equal(t, types.FirstPaymentRequestID+1, id)
	require.True(t, f.paymentRequest(t, id).ExpiresAt.Equal(now.Add(time.Hour)))

	// Expiries are whole seconds: the queue's key is the expiry itself.
	f.advance(1500 * time.Millisecond)
	id = f.request(t, "carol", "bob", unit)
	require.Zero(t, f.paymentRequest(t, id).ExpiresAt.Nanosecond())
	require.True(t, f.paymentRequest(t, id).ExpiresAt.After(f.ctx.BlockTime()))
}

func TestRequestPayment_RejectsBadInput(t *testing.T) {
	f := newMarket(t)
	orchard := uint64(2)
	valid := func() *types.MsgRequestPayment {
		return &types.MsgRequestPayment{Requester: f.addr("carol"), CommunityId: garden, Payer: f.addr("bob"), Amount: sdkmath.NewInt(5 * unit), Memo: "apples"}
	}
	tests := []struct {
		name   string
		mutate func(*types.MsgRequestPayment)
		want   error
	}{
		{"malformed requester", func(m *types.MsgRequestPayment) { m.Requester = "carol" }, sdkerrors.ErrInvalidAddress},
		{"malformed payer", func(m *types.MsgRequestPayment) { m.Payer = "" }, sdkerrors.ErrInvalidAddress},
		{"zero amount", func(m *types.MsgRequestPayment) { m.Amount = sdkmath.ZeroInt() }, types.ErrInvalidAmount},
		{"negative amount", func(m *types.MsgRequestPayment) { m.Amount = sdkmath.NewInt(-1) }, types.ErrInvalidAmount},
		{"missing amount", func(m *types.MsgRequestPayment) { m.Amount = sdkmath.Int{} }, types.ErrInvalidAmount},
		{"memo too long", func(m *types.MsgRequestPayment) { m.Memo = long(513) }, types.ErrInvalidMemo},
		{"expiry beyond the params", func(m *types.MsgRequestPayment) { m.ExpirySeconds = 30*24*60*60 + 1 }, types.ErrInvalidExpiry},
		{"asking oneself", func(m *types.MsgRequestPayment) { m.Payer = f.addr("carol") }, types.ErrSelfTransfer},
		{"unknown community", func(m *types.MsgRequestPayment) { m.CommunityId = 99 }, communitytypes.ErrCommunityNotFound},
		{"community without currency", func(m *types.MsgRequestPayment) { m.CommunityId = orchard }, types.ErrCurrencyNotFound},
		{"non-member requester", func(m *types.MsgRequestPayment) { m.Requester = f.addr("dave") }, types.ErrNotMember},
		{"non-member payer", func(m *types.MsgRequestPayment) { m.Payer = f.addr("dave") }, types.ErrNotMember},
		{"payer who left", func(m *types.MsgRequestPayment) { m.Payer = f.addr("erin") }, types.ErrNotMember},
		{"payer of another community", func(m *types.MsgRequestPayment) { m.Payer = f.addr("olive") }, types.ErrNotMember},
		{"unknown ad", func(m *types.MsgRequestPayment) { m.AdId = 42 }, errAdNotFound},
		{"ad of another community", func(m *types.MsgRequestPayment) {
			m.Requester, m.Payer, m.AdId = f.addr("bob"), f.addr("carol"), orchardAd
		}, errAdWrongCommunit},
		{"GIVE ad paid by its owner", func(m *types.MsgRequestPayment) { m.AdId = bobsGiveAd }, errAdNotPayable},
		{"WANT ad paid by a non-owner", func(m *types.MsgRequestPayment) {
			m.Requester, m.Payer, m.AdId = f.addr("bob"), f.addr("carol"), bobsWantAd
		}, errAdNotPayable},
		{"closed ad", func(m *types.MsgRequestPayment) {
			m.Requester, m.Payer, m.AdId = f.addr("bob"), f.addr("carol"), closedGiveAd
		}, errAdClosed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := valid()
			tc.mutate(msg)
			f.requireRejected(t, tc.want, func() error {
				_, err := f.msgs.RequestPayment(f.ctx, msg)
				return err
			})
		})
	}

	msg := valid()
	msg.Memo, msg.ExpirySeconds = long(512), 30*24*60*60
	_, err := f.msgs.RequestPayment(f.ctx, msg)
	require.NoError(t, err, "the valid message of the table is accepted at its limits")
}

func TestAcceptPaymentRequest_PaysUnderEveryRuleOfATransfer(t *testing.T) {
	f := newMarket(t)
	_, err := f.msgs.UpdateCurrency(f.ctx, &types.MsgUpdateCurrency{Admin: f.addr("alice"), CommunityId: garden, FeeBps: 150})
	require.NoError(t, err)
	id, err := f.requestPayment("carol", "bob", 10*unit, func(m *types.MsgRequestPayment) { m.Memo, m.AdId = "apples", bobsWantAd })
	require.NoError(t, err)
	f.resetEvents()

	res, err := f.accept("bob", id)
	require.NoError(t, err)
	require.Equal(t, sdkmath.NewInt(1500), res.Fee, "1.5 % on top, as for a transfer")
	require.Equal(t, sdkmath.NewInt(100*unit-10*unit-1500), f.balance("bob", gdd))
	require.Equal(t, sdkmath.NewInt(20*unit), f.balance("carol", gdd))
	require.True(t, f.ads.ads[bobsWantAd].paid, "the ad is paid for")

	send := f.history(t, "bob")[0]
	require.Equal(t, types.EntryTypeSend, send.Type)
	require.Equal(t, sdkmath.NewInt(1500), send.Fee)
	require.Equal(t, "apples", send.Memo)
	require.Equal(t, bobsWantAd, send.AdId)
	for _, e := range []types.Entry{send, f.history(t, "carol")[0]} {
		require.Equal(t, id, e.PaymentRequestId, "%s entry", e.Type)
	}

	r := f.paymentRequest(t, id)
	require.Equal(t, types.PaymentRequestStatusAccepted, r.Status)
	require.Equal(t, send.Id, r.EntryId, "the payer's SEND entry")
	require.True(t, r.DecidedAt.Equal(f.ctx.BlockTime()))
	require.Empty(t, r.Reason)
	require.Equal(t, []string{
		"kizuna.ledger.v1.EventEntryRecorded", "kizuna.ledger.v1.EventEntryRecorded",
		"kizuna.ledger.v1.EventTransferred", "kizuna.ledger.v1.EventPaymentRequestAccepted",
	}, f.eventTypes())
	transferred := lastEvent[*types.EventTransferred](t, f)
	require.Equal(t, id, transferred.PaymentRequestId)
	require.Equal(t, sdkmath.NewInt(1500), transferred.Fee)
	accepted := lastEvent[*types.EventPaymentRequestAccepted](t, f)
	require.Equal(t, id, accepted.Id)
	require.Equal(t, f.addr("carol"), accepted.Requester)
	require.Equal(t, f.addr("bob"), accepted.Payer)
	has, err := f.keeper.OpenPaymentRequests.Has(f.ctx, collections.Join(garden, f.accAddr("carol")))
	require.NoError(t, err)
	require.False(t, has, "carol has no pending request left")
}

func TestAcceptPaymentRequest_RejectsBadInput(t *testing.T) {
	f := newMarket(t)
	f.join(t, garden, "gina")
	f.join(t, garden, "hank")
	f.issue(t, garden, "alice", "hank", 10*unit)
	pending := f.request(t, "carol", "bob", 5*unit)
	tooMuch := f.request(t, "carol", "bob", 100*unit+1)
	accepted := f.request(t, "carol", "bob", unit)
	_, err := f.accept("bob", accepted)
	require.NoError(t, err)
	rejected := f.request(t, "carol", "bob", unit)
	require.NoError(t, f.reject("bob", rejected, "no"))
	cancelled := f.request(t, "carol", "bob", unit)
	require.NoError(t, f.cancel("carol", cancelled))
	toGina := f.request(t, "gina", "bob", unit)
	fromHank := f.request(t, "carol", "hank", unit)
	for _, name := range []string{"gina", "hank"} {
		_, err := f.community.LeaveCommunity(f.ctx, &communitytypes.MsgLeaveCommunity{Member: f.addr(name), CommunityId: garden})
		require.NoError(t, err)
	}
	expiring := func(seconds uint64) uint64 {
		id, err := f.requestPayment("carol", "bob", unit, func(m *types.MsgRequestPayment) { m.ExpirySeconds = seconds })
		require.NoError(t, err)
		return id
	}
	expired, due := expiring(60), expiring(120)
	f.advance(60 * time.Second)
	f.endBlock(t)
	f.advance(60 * time.Second) // due has expired, and no end of block has seen it
	f.resetEvents()

	tests := []struct {
		name string
		msg  types.MsgAcceptPaymentRequest
		want error
	}{
		{"malformed payer", types.MsgAcceptPaymentRequest{Payer: "bob", RequestId: pending}, sdkerrors.ErrInvalidAddress},
		{"unknown request", types.MsgAcceptPaymentRequest{Payer: f.addr("bob"), RequestId: 99}, types.ErrRequestNotFound},
		{"the requester accepting", types.MsgAcceptPaymentRequest{Payer: f.addr("carol"), RequestId: pending}, types.ErrNotRequestParty},
		{"a third member accepting", types.MsgAcceptPaymentRequest{Payer: f.addr("mod"), RequestId: pending}, types.ErrNotRequestParty},
		{"another community named", types.MsgAcceptPaymentRequest{Payer: f.addr("bob"), RequestId: pending, CommunityId: 2}, types.ErrCommunityMismatch},
		{"fee expected where there is none", types.MsgAcceptPaymentRequest{Payer: f.addr("bob"), RequestId: pending, ExpectedFeeBps: 100}, types.ErrFeeMismatch},
		{"expected fee above 100 %", types.MsgAcceptPaymentRequest{Payer: f.addr("bob"), RequestId: pending, ExpectedFeeBps: 10_001}, types.ErrInvalidFee},
		{"more than the payer has", types.MsgAcceptPaymentRequest{Payer: f.addr("bob"), RequestId: tooMuch}, sdkerrors.ErrInsufficientFunds},
		{"accepted already", types.MsgAcceptPaymentRequest{Payer: f.addr("bob"), RequestId: accepted}, types.ErrRequestClosed},
		{"rejected", types.MsgAcceptPaymentRequest{Payer: f.addr("bob"), RequestId: rejected}, types.ErrRequestClosed},
		{"cancelled", types.MsgAcceptPaymentRequest{Payer: f.addr("bob"), RequestId: cancelled}, types.ErrRequestClosed},
		{"expired by the end of a block", types.MsgAcceptPaymentRequest{Payer: f.addr("bob"), RequestId: expired}, types.ErrRequestClosed},
		{"past its expiry", types.MsgAcceptPaymentRequest{Payer: f.addr("bob"), RequestId: due}, types.ErrRequestExpired},
		{"requester who left", types.MsgAcceptPaymentRequest{Payer: f.addr("bob"), RequestId: toGina}, types.ErrNotMember},
		{"payer who left", types.MsgAcceptPaymentRequest{Payer: f.addr("hank"), RequestId: fromHank}, types.ErrNotMember},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f.requireRejected(t, tc.want, func() error {
				_, err := f.msgs.AcceptPaymentRequest(f.ctx, &tc.msg)
				return err
			})
		})
	}

	_, err = f.msgs.AcceptPaymentRequest(f.ctx, &types.MsgAcceptPaymentRequest{Payer: f.addr("bob"), RequestId: pending, CommunityId: garden})
	require.NoError(t, err, "a Msg naming the request's own community is accepted")
}

func TestRejectPaymentRequest_ByThePayerOnly(t *testing.T) {
	f := newMarket(t)
	id := f.request(t, "carol", "bob", 5*unit)
	cancelled := f.request(t, "carol", "bob", unit)
	require.NoError(t, f.cancel("carol", cancelled))
	f.resetEvents()

	tests := []struct {
		name string
		msg  types.MsgRejectPaymentRequest
		want error
	}{
		{"malformed payer", types.MsgRejectPaymentRequest{Payer: "x", RequestId: id}, sdkerrors.ErrInvalidAddress},
		{"reason too long", types.MsgRejectPaymentRequest{Payer: f.addr("bob"), RequestId: id, Reason: long(513)}, types.ErrInvalidMemo},
		{"unknown request", types.MsgRejectPaymentRequest{Payer: f.addr("bob"), RequestId: 99}, types.ErrRequestNotFound},
		{"the requester rejecting", types.MsgRejectPaymentRequest{Payer: f.addr("carol"), RequestId: id}, types.ErrNotRequestParty},
		{"a third member rejecting", types.MsgRejectPaymentRequest{Payer: f.addr("alice"), RequestId: id}, types.ErrNotRequestParty},
		{"another community named", types.MsgRejectPaymentRequest{Payer: f.addr("bob"), RequestId: id, CommunityId: 2}, types.ErrCommunityMismatch},
		{"cancelled", types.MsgRejectPaymentRequest{Payer: f.addr("bob"), RequestId: cancelled}, types.ErrRequestClosed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f.requireRejected(t, tc.want, func() error {
				_, err := f.msgs.RejectPaymentRequest(f.ctx, &tc.msg)
				return err
			})
		})
	}

	require.NoError(t, f.reject("bob", id, "I never ordered apples"))
	r := f.paymentRequest(t, id)
	require.Equal(t, types.PaymentRequestStatusRejected, r.Status)
	require.Equal(t, "I never ordered apples", r.Reason)
	require.True(t, r.DecidedAt.Equal(f.ctx.BlockTime()))
	require.Zero(t, r.EntryId)
	require.Equal(t, []string{"kizuna.ledger.v1.EventPaymentRequestRejected"}, f.eventTypes())
	event := lastEvent[*types.EventPaymentRequestRejected](t, f)
	require.Equal(t, "I never ordered apples", event.Reason)
	require.Equal(t, sdkmath.NewInt(100*unit), f.balance("bob", gdd), "nothing moved")

	f.requireRejected(t, types.ErrRequestClosed, func() error { return f.reject("bob", id, "") })
	f.requireRejected(t, types.ErrRequestClosed, func() error { return f.cancel("carol", id) })
	f.requireRejected(t, types.ErrRequestClosed, func() error {
		_, err := f.accept("bob", id)
		return err
	})
}

func TestCancelPaymentRequest_ByTheRequesterOnly(t *testing.T) {
	f := newMarket(t)
	id := f.request(t, "carol", "bob", 5*unit)
	f.resetEvents()

	tests := []struct {
		name string
		msg  types.MsgCancelPaymentRequest
		want error
	}{
		{"malformed requester", types.MsgCancelPaymentRequest{Requester: "x", RequestId: id}, sdkerrors.ErrInvalidAddress},
		{"unknown request", types.MsgCancelPaymentRequest{Requester: f.addr("carol"), RequestId: 99}, types.ErrRequestNotFound},
		{"the payer cancelling", types.MsgCancelPaymentRequest{Requester: f.addr("bob"), RequestId: id}, types.ErrNotRequestParty},
		{"a third member cancelling", types.MsgCancelPaymentRequest{Requester: f.addr("alice"), RequestId: id}, types.ErrNotRequestParty},
		{"another community named", types.MsgCancelPaymentRequest{Requester: f.addr("carol"), RequestId: id, CommunityId: 2}, types.ErrCommunityMismatch},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f.requireRejected(t, tc.want, func() error {
				_, err := f.msgs.CancelPaymentRequest(f.ctx, &tc.msg)
				return err
			})
		})
	}

	// A requester who left may still withdraw its request.
	_, err := f.community.LeaveCommunity(f.ctx, &communitytypes.MsgLeaveCommunity{Member: f.addr("carol"), CommunityId: garden})
	require.NoError(t, err)
	f.resetEvents()
	_, err = f.msgs.CancelPaymentRequest(f.ctx, &types.MsgCancelPaymentRequest{Requester: f.addr("carol"), RequestId: id, CommunityId: garden})
	require.NoError(t, err)
	r := f.paymentRequest(t, id)
	require.Equal(t, types.PaymentRequestStatusCancelled, r.Status)
	require.True(t, r.DecidedAt.Equal(f.ctx.BlockTime()))
	require.Equal(t, []string{"kizuna.ledger.v1.EventPaymentRequestCancelled"}, f.eventTypes())
	require.Equal(t, id, lastEvent[*types.EventPaymentRequestCancelled](t, f).Id)

	f.requireRejected(t, types.ErrRequestClosed, func() error { return f.cancel("carol", id) })
	f.requireRejected(t, types.ErrRequestClosed, func() error {
		_, err := f.accept("bob", id)
		return err
	})
}

func TestPaymentRequest_ExpiresAtItsExpiry(t *testing.T) {
	f := newMarket(t)
	hour := func(m *types.MsgRequestPayment) { m.ExpirySeconds = 3600 }
	first, err := f.requestPayment("carol", "bob", unit, hour)
	require.NoError(t, err)
	second, err := f.requestPayment("carol", "bob", unit, hour)
	require.NoError(t, err)

	f.advance(time.Hour - time.Second)
	f.resetEvents()
	f.endBlock(t)
	require.Empty(t, f.eventTypes(), "nothing is due a second before")
	_, err = f.accept("bob", first)
	require.NoError(t, err, "a second before its expiry a request is still accepted")

	f.advance(time.Second)
	f.requireRejected(t, types.ErrRequestExpired, func() error {
		_, err := f.accept("bob", second)
		return err
	})
	f.resetEvents()
	f.endBlock(t)
	r := f.paymentRequest(t, second)
	require.Equal(t, types.PaymentRequestStatusExpired, r.Status)
	require.True(t, r.DecidedAt.Equal(f.ctx.BlockTime()))
	require.Equal(t, []string{"kizuna.ledger.v1.EventPaymentRequestExpired"}, f.eventTypes())
	event := lastEvent[*types.EventPaymentRequestExpired](t, f)
	require.Equal(t, second, event.Id)
	require.Equal(t, f.addr("carol"), event.Requester)
	require.Equal(t, f.addr("bob"), event.Payer)
	require.Equal(t, types.PaymentRequestStatusAccepted, f.paymentRequest(t, first).Status, "an accepted request does not expire")

	f.requireRejected(t, types.ErrRequestClosed, func() error {
		_, err := f.accept("bob", second)
		return err
	})
	f.resetEvents()
	f.endBlock(t)
	require.Empty(t, f.eventTypes(), "a request expires once")
	require.Equal(t, sdkmath.NewInt(99*unit), f.balance("bob", gdd))
}

func TestEndBlock_ExpiresAtMostMaxExpiriesPerBlock(t *testing.T) {
	f := newMarket(t)
	f.setMaxOpenRequests(t, keeper.MaxExpiriesPerBlock+10)
	for range keeper.MaxExpiriesPerBlock + 1 {
		_, err := f.requestPayment("carol", "bob", 1, func(m *types.MsgRequestPayment) { m.ExpirySeconds = 60 })
		require.NoError(t, err)
	}
	count := func(status types.PaymentRequestStatus) int {
		n := 0
		require.NoError(t, f.keeper.PaymentRequests.Walk(f.ctx, nil, func(_ uint64, r types.PaymentRequest) (bool, error) {
			if r.Status == status {
				n++
			}
			return false, nil
		}))
		return n
	}
	f.advance(time.Minute)
	f.endBlock(t)
	require.Equal(t, keeper.MaxExpiriesPerBlock, count(types.PaymentRequestStatusExpired))
	require.Equal(t, 1, count(types.PaymentRequestStatusPending), "the rest waits for the next block")
	f.requireRejected(t, types.ErrRequestExpired, func() error {
		_, err := f.accept("bob", keeper.MaxExpiriesPerBlock+1)
		return err
	})
	f.endBlock(t)
	require.Equal(t, keeper.MaxExpiriesPerBlock+1, count(types.PaymentRequestStatusExpired))
}

func TestAcceptPaymentRequest_AfterThePayersCreditShrankIsRefused(t *testing.T) {
	f := newCreditGarden(t)
	f.pay(t, "bob", "carol", 20*unit)
	id := f.request(t, "carol", "bob", 25*unit)
	require.NoError(t, f.setLimits("bob", func(m *types.MsgSetAccountLimits) { m.CreditLimit = intPtr(40 * unit) }))

	f.requireRejected(t, types.ErrCreditLimitExceeded, func() error {
		_, err := f.accept("bob", id)
		return err
	})
	require.Equal(t, types.PaymentRequestStatusPending, f.paymentRequest(t, id).Status, "the request waits")

	require.NoError(t, f.setLimits("bob", func(m *types.MsgSetAccountLimits) { m.ClearFields = []string{types.AccountFieldCreditLimit} }))
	_, err := f.accept("bob", id)
	require.NoError(t, err)
	require.Equal(t, sdkmath.NewInt(45*unit), f.account(t, "bob").Debt)
	require.Equal(t, sdkmath.NewInt(25*unit), f.history(t, "bob")[0].DebtChange)
}

func TestRequestPayment_BoundsThePendingRequestsOfARequester(t *testing.T) {
	f := newMarket(t)
	f.setMaxOpenRequests(t, 3)
	ids := []uint64{f.request(t, "carol", "bob", unit), f.request(t, "carol", "bob", unit), f.request(t, "carol", "mod", unit)}
	tooMany := func() error {
		_, err := f.requestPayment("carol", "alice", unit, nil)
		return err
	}
	f.requireRejected(t, types.ErrTooManyRequests, tooMany)
	f.request(t, "bob", "carol", unit) // every requester has its own bound

	// Any way a request closes frees its slot.
	require.NoError(t, f.cancel("carol", ids[0]))
	require.NoError(t, tooMany())
	f.requireRejected(t, types.ErrTooManyRequests, tooMany)
	require.NoError(t, f.reject("bob", ids[1], ""))
	require.NoError(t, tooMany())
	_, err := f.accept("mod", ids[2])
	require.ErrorIs(t, err, sdkerrors.ErrInsufficientFunds, "mod has nothing")
	f.issue(t, garden, "alice", "mod", unit)
	_, err = f.accept("mod", ids[2])
	require.NoError(t, err)
	require.NoError(t, tooMany())
	f.requireRejected(t, types.ErrTooManyRequests, tooMany)
	n, err := f.keeper.OpenPaymentRequests.Get(f.ctx, collections.Join(garden, f.accAddr("carol")))
	require.NoError(t, err)
	require.Equal(t, uint32(3), n)
}

func TestQueryPaymentRequests_FiltersByPartyAndStatusAndPaginates(t *testing.T) {
	f := newMarket(t)
	orchard := uint64(2)
	ids := []uint64{
		f.request(t, "carol", "bob", unit), // 0 accepted
		f.request(t, "carol", "bob", unit), // 1 pending
		f.request(t, "bob", "carol", unit), // 2 pending
		f.request(t, "mod", "bob", unit),   // 3 rejected
		f.request(t, "carol", "mod", unit), // 4 pending
	}
	_, err := f.accept("bob", ids[0])
	require.NoError(t, err)
	require.NoError(t, f.reject("bob", ids[3], "no"))

	list := func(req *types.QueryPaymentRequestsRequest) []uint64 {
		t.Helper()
		res, err := f.query.PaymentRequests(f.ctx, req)
		require.NoError(t, err)
		got := []uint64{}
		for _, r := range res.PaymentRequests {
			got = append(got, r.Id)
		}
		return got
	}
	for _, tc := range []struct {
		name string
		req  types.QueryPaymentRequestsRequest
		want []uint64
	}{
		{"the community's", types.QueryPaymentRequestsRequest{CommunityId: garden}, ids},
		{"made to bob", types.QueryPaymentRequestsRequest{CommunityId: garden, Payer: f.addr("bob")}, []uint64{ids[0], ids[1], ids[3]}},
		{"made by carol", types.QueryPaymentRequestsRequest{CommunityId: garden, Requester: f.addr("carol")}, []uint64{ids[0], ids[1], ids[4]}},
		{"made by carol to bob", types.QueryPaymentRequestsRequest{CommunityId: garden, Payer: f.addr("bob"), Requester: f.addr("carol")}, []uint64{ids[0], ids[1]}},
		{"pending", types.QueryPaymentRequestsRequest{CommunityId: garden, Status: types.PaymentRequestStatusPending}, []uint64{ids[1], ids[2], ids[4]}},
		{"pending, made to bob", types.QueryPaymentRequestsRequest{
			CommunityId: garden, Payer: f.addr("bob"), Status: types.PaymentRequestStatusPending,
		}, []uint64{ids[1]}},
		{"rejected, made by mod", types.QueryPaymentRequestsRequest{
			CommunityId: garden, Requester: f.addr("mod"), Status: types.PaymentRequestStatusRejected,
		}, []uint64{ids[3]}},
		{"expired", types.QueryPaymentRequestsRequest{CommunityId: garden, Status: types.PaymentRequestStatusExpired}, []uint64{}},
		{"made to someone without any", types.QueryPaymentRequestsRequest{CommunityId: garden, Payer: f.addr("dave")}, []uint64{}},
		{"another community's", types.QueryPaymentRequestsRequest{CommunityId: orchard}, []uint64{}},
		{"newest first", types.QueryPaymentRequestsRequest{
			CommunityId: garden, Requester: f.addr("carol"), Pagination: &query.PageRequest{Reverse: true},
		}, []uint64{ids[4], ids[1], ids[0]}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, list(&tc.req))
		})
	}

	// Pages of two, filtered, follow on from their next key.
	var got []uint64
	req := &types.QueryPaymentRequestsRequest{CommunityId: garden, Status: types.PaymentRequestStatusPending, Pagination: &query.PageRequest{Limit: 2, CountTotal: true}}
	res, err := f.query.PaymentRequests(f.ctx, req)
	require.NoError(t, err)
	require.Len(t, res.PaymentRequests, 2)
	for _, r := range res.PaymentRequests {
		got = append(got, r.Id)
	}
	require.NotEmpty(t, res.Pagination.NextKey)
	req.Pagination = &query.PageRequest{Key: res.Pagination.NextKey, Limit: 2}
	res, err = f.query.PaymentRequests(f.ctx, req)
	require.NoError(t, err)
	for _, r := range res.PaymentRequests {
		got = append(got, r.Id)
	}
	require.Equal(t, []uint64{ids[1], ids[2], ids[4]}, got)

	for _, tc := range []struct {
		name string
		req  *types.QueryPaymentRequestsRequest
		want error
	}{
		{"no request", nil, grpcerr.ErrEmptyRequest},
		{"unknown status", &types.QueryPaymentRequestsRequest{CommunityId: garden, Status: 9}, types.ErrInvalidStatus},
		{"malformed payer", &types.QueryPaymentRequestsRequest{CommunityId: garden, Payer: "bob"}, sdkerrors.ErrInvalidAddress},
		{"malformed requester", &types.QueryPaymentRequestsRequest{CommunityId: garden, Requester: "carol"}, sdkerrors.ErrInvalidAddress},
		{"unknown community", &types.QueryPaymentRequestsRequest{CommunityId: 99}, communitytypes.ErrCommunityNotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := f.query.PaymentRequests(f.ctx, tc.req)
			require.ErrorIs(t, err, tc.want)
		})
	}

	one, err := f.query.PaymentRequest(f.ctx, &types.QueryPaymentRequestRequest{Id: ids[2]})
	require.NoError(t, err)
	require.Equal(t, f.addr("bob"), one.PaymentRequest.Requester)
	_, err = f.query.PaymentRequest(f.ctx, &types.QueryPaymentRequestRequest{Id: 99})
	require.ErrorIs(t, err, types.ErrRequestNotFound)
	_, err = f.query.PaymentRequest(f.ctx, nil)
	require.ErrorIs(t, err, grpcerr.ErrEmptyRequest)
}
