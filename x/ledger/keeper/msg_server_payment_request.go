package keeper

import (
	"context"
	"errors"
	"time"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/internal/seqid"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// RequestPayment records a member's request to be paid by another member.
// A member has at most max_open_payment_requests pending in a community, so
// no one can bury a payer in requests; every request expires.
func (s msgServer) RequestPayment(ctx context.Context, msg *types.MsgRequestPayment) (*types.MsgRequestPaymentResponse, error) {
	requester, err := s.parseAddress("requester", msg.Requester)
	if err != nil {
		return nil, err
	}
	payer, err := s.parseAddress("payer", msg.Payer)
	if err != nil {
		return nil, err
	}
	params, err := s.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	if err := msg.Validate(params); err != nil {
		return nil, err
	}
	if requester.Equals(payer) {
		return nil, types.ErrSelfTransfer.Wrapf("%s cannot ask itself to pay", msg.Requester)
	}
	if _, err := s.communityKeeper.GetCommunity(ctx, msg.CommunityId); err != nil {
		return nil, err
	}
	currency, err := s.GetCurrency(ctx, msg.CommunityId)
	if err != nil {
		return nil, err
	}
	if err := s.requireActiveMember(ctx, msg.CommunityId, requester, "requester"); err != nil {
		return nil, err
	}
	if err := s.requireActiveMember(ctx, msg.CommunityId, payer, "payer"); err != nil {
		return nil, err
	}
	if msg.AdId != 0 {
		ads := s.ads.keeper
		if ads == nil {
			return nil, types.ErrAdsUnavailable.Wrapf("request names ad %d", msg.AdId)
		}
		if err := ads.CheckPayment(ctx, msg.AdId, msg.CommunityId, payer, requester); err != nil {
			return nil, err
		}
	}
	openKey := collections.Join(msg.CommunityId, requester)
	open, err := s.openRequests(ctx, openKey)
	if err != nil {
		return nil, err
	}
	if open >= params.MaxOpenPaymentRequests {
		return nil, types.ErrTooManyRequests.Wrapf("%s has %d pending requests in community %d, the most allowed; cancel one first",
			msg.Requester, open, msg.CommunityId)
	}
	p, err := s.position(ctx, currency, requester)
	if err != nil {
		return nil, err
	}

	if err := s.settle(ctx, currency, &p); err != nil {
		return nil, err
	}
	if err := s.saveAccount(ctx, &p); err != nil {
		return nil, err
	}
	id, err := seqid.Next(ctx, s.NextPaymentRequestID, types.FirstPaymentRequestID)
	if err != nil {
		return nil, err
	}
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	// Whole seconds, so that the expiry queue's key is the expiry itself.
	expiresAt := time.Unix(now.Unix()+int64(msg.Expiry(params)), 0).UTC()
	req := types.PaymentRequest{
		Id:          id,
		CommunityId: msg.CommunityId,
		Requester:   s.formatAddress(requester),
		Payer:       s.formatAddress(payer),
		Amount:      msg.Amount,
		Memo:        msg.Memo,
		AdId:        msg.AdId,
		Status:      types.PaymentRequestStatusPending,
		CreatedAt:   now,
		ExpiresAt:   expiresAt,
	}
	if err := s.PaymentRequests.Set(ctx, id, req); err != nil {
		return nil, err
	}
	if err := s.PaymentRequestExpiries.Set(ctx, collections.Join(expiresAt.Unix(), id)); err != nil {
		return nil, err
	}
	if err := s.OpenPaymentRequests.Set(ctx, openKey, open+1); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventPaymentRequested{
		Id:          id,
		CommunityId: req.CommunityId,
		Denom:       currency.Denom,
		Requester:   req.Requester,
		Payer:       req.Payer,
		Amount:      req.Amount,
		Memo:        req.Memo,
		AdId:        req.AdId,
		ExpiresAt:   expiresAt.Unix(),
	}); err != nil {
		return nil, err
	}
	return &types.MsgRequestPaymentResponse{Id: id}, nil
}

// AcceptPaymentRequest pays a pending, unexpired request made to the sender
// with a transfer under every rule of MsgTransfer.
func (s msgServer) AcceptPaymentRequest(ctx context.Context, msg *types.MsgAcceptPaymentRequest) (*types.MsgAcceptPaymentRequestResponse, error) {
	if err := msg.Validate(); err != nil {
		return nil, err
	}
	req, payer, err := s.loadPendingRequest(ctx, msg.Payer, "payer", msg.RequestId, msg.CommunityId)
	if err != nil {
		return nil, err
	}
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	if !now.Before(req.ExpiresAt) {
		return nil, types.ErrRequestExpired.Wrapf("payment request %d expired at %s", req.Id, req.ExpiresAt.Format(time.RFC3339))
	}
	requester, err := s.parseAddress("requester", req.Requester)
	if err != nil {
		return nil, err
	}
	currency, err := s.GetCurrency(ctx, req.CommunityId)
	if err != nil {
		return nil, err
	}
	done, err := s.pay(ctx, payment{
		currency: currency, sender: payer, recipient: requester, amount: req.Amount,
		memo: req.Memo, adID: req.AdId, expectedFeeBps: msg.ExpectedFeeBps, requestID: req.Id,
	})
	if err != nil {
		return nil, err
	}
	req.EntryId = done.sendEntryID
	if err := s.closeRequest(ctx, req, types.PaymentRequestStatusAccepted, ""); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventPaymentRequestAccepted{
		Id: req.Id, CommunityId: req.CommunityId, Requester: req.Requester, Payer: req.Payer,
	}); err != nil {
		return nil, err
	}
	return &types.MsgAcceptPaymentRequestResponse{Fee: done.fee}, nil
}

// RejectPaymentRequest lets the payer turn down a pending request.
func (s msgServer) RejectPaymentRequest(ctx context.Context, msg *types.MsgRejectPaymentRequest) (*types.MsgRejectPaymentRequestResponse, error) {
	params, err := s.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	if err := msg.Validate(params); err != nil {
		return nil, err
	}
	req, _, err := s.loadPendingRequest(ctx, msg.Payer, "payer", msg.RequestId, msg.CommunityId)
	if err != nil {
		return nil, err
	}
	if err := s.closeRequest(ctx, req, types.PaymentRequestStatusRejected, msg.Reason); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventPaymentRequestRejected{
		Id: req.Id, CommunityId: req.CommunityId, Requester: req.Requester, Payer: req.Payer, Reason: msg.Reason,
	}); err != nil {
		return nil, err
	}
	return &types.MsgRejectPaymentRequestResponse{}, nil
}

// CancelPaymentRequest lets the requester withdraw a pending request.
func (s msgServer) CancelPaymentRequest(ctx context.Context, msg *types.MsgCancelPaymentRequest) (*types.MsgCancelPaymentRequestResponse, error) {
	req, _, err := s.loadPendingRequest(ctx, msg.Requester, "requester", msg.RequestId, msg.CommunityId)
	if err != nil {
		return nil, err
	}
	if err := s.closeRequest(ctx, req, types.PaymentRequestStatusCancelled, ""); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventPaymentRequestCancelled{
		Id: req.Id, CommunityId: req.CommunityId, Requester: req.Requester, Payer: req.Payer,
	}); err != nil {
		return nil, err
	}
	return &types.MsgCancelPaymentRequestResponse{}, nil
}

// loadPendingRequest returns the pending request id and the signer, which
// must be the request's party named by role ("payer" or "requester"); a
// communityID other than 0 must be the request's community.
func (k Keeper) loadPendingRequest(ctx context.Context, signer, role string, id, communityID uint64) (types.PaymentRequest, sdk.AccAddress, error) {
	addr, err := k.parseAddress(role, signer)
	if err != nil {
		return types.PaymentRequest{}, nil, err
	}
	req, err := k.GetPaymentRequest(ctx, id)
	if err != nil {
		return types.PaymentRequest{}, nil, err
	}
	if communityID != 0 && communityID != req.CommunityId {
		return types.PaymentRequest{}, nil, types.ErrCommunityMismatch.Wrapf("payment request %d belongs to community %d, not %d",
			id, req.CommunityId, communityID)
	}
	party := req.Payer
	if role == "requester" {
		party = req.Requester
	}
	if k.formatAddress(addr) != party {
		return types.PaymentRequest{}, nil, types.ErrNotRequestParty.Wrapf("%s is not the %s of payment request %d", signer, role, id)
	}
	if req.Status != types.PaymentRequestStatusPending {
		return types.PaymentRequest{}, nil, types.ErrRequestClosed.Wrapf("payment request %d is %s", id, req.Status)
	}
	return req, addr, nil
}

// GetPaymentRequest returns a payment request, or an error wrapping
// types.ErrRequestNotFound.
func (k Keeper) GetPaymentRequest(ctx context.Context, id uint64) (types.PaymentRequest, error) {
	r, err := k.PaymentRequests.Get(ctx, id)
	if errors.Is(err, collections.ErrNotFound) {
		return types.PaymentRequest{}, types.ErrRequestNotFound.Wrapf("payment request %d", id)
	}
	return r, err
}

// closeRequest moves a pending request to a final status: it leaves the
// expiry queue and its requester's count of pending requests.
func (k Keeper) closeRequest(ctx context.Context, req types.PaymentRequest, status types.PaymentRequestStatus, reason string) error {
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	req.Status = status
	req.DecidedAt = &now
	req.Reason = reason
	if err := k.PaymentRequests.Set(ctx, req.Id, req); err != nil {
		return err
	}
	if err := k.PaymentRequestExpiries.Remove(ctx, collections.Join(req.ExpiresAt.Unix(), req.Id)); err != nil {
		return err
	}
	requester, err := k.parseAddress("requester", req.Requester)
	if err != nil {
		return err
	}
	key := collections.Join(req.CommunityId, requester)
	open, err := k.openRequests(ctx, key)
	if err != nil {
		return err
	}
	if open <= 1 {
		return k.OpenPaymentRequests.Remove(ctx, key)
	}
	return k.OpenPaymentRequests.Set(ctx, key, open-1)
}

// openRequests returns how many pending requests a member has in a community.
func (k Keeper) openRequests(ctx context.Context, key AccountKey) (uint32, error) {
	n, err := k.OpenPaymentRequests.Get(ctx, key)
	if errors.Is(err, collections.ErrNotFound) {
		return 0, nil
	}
	return n, err
}

// MaxExpiriesPerBlock bounds the work of the end of a block: requests due
// beyond it expire in the next blocks. Accepting a due request fails all the
// same.
const MaxExpiriesPerBlock = 200

// EndBlock ends a block: it expires the pending payment requests whose
// expiry has come and writes the block's entries to the journal. The app
// runs the ledger's end-blocker after every other module's, so that the
// journal holds what they recorded.
func (k Keeper) EndBlock(ctx context.Context) error {
	if err := k.expirePaymentRequests(ctx); err != nil {
		return err
	}
	return k.writeJournal(ctx)
}

// expirePaymentRequests expires the pending payment requests whose expiry
// has come, at most MaxExpiriesPerBlock of them.
func (k Keeper) expirePaymentRequests(ctx context.Context) error {
	now := sdk.UnwrapSDKContext(ctx).BlockTime().Unix()
	rng := new(collections.Range[collections.Pair[int64, uint64]]).
		EndInclusive(collections.Join(now, uint64(1<<64-1)))
	var due []types.PaymentRequest
	err := k.PaymentRequestExpiries.Walk(ctx, rng, func(key collections.Pair[int64, uint64]) (bool, error) {
		req, err := k.GetPaymentRequest(ctx, key.K2())
		if err != nil {
			return true, err
		}
		due = append(due, req)
		return len(due) >= MaxExpiriesPerBlock, nil
	})
	if err != nil {
		return err
	}
	for _, req := range due {
		if err := k.closeRequest(ctx, req, types.PaymentRequestStatusExpired, ""); err != nil {
			return err
		}
		if err := emit(ctx, &types.EventPaymentRequestExpired{
			Id: req.Id, CommunityId: req.CommunityId, Requester: req.Requester, Payer: req.Payer,
		}); err != nil {
			return err
		}
	}
	return nil
}
