package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// Issue mints units to an active member (admin issuance, Commons OS's
// top-up). It counts against the recipient's monthly cap like any creation.
func (s msgServer) Issue(ctx context.Context, msg *types.MsgIssue) (*types.MsgIssueResponse, error) {
	issuer, err := s.parseAddress("issuer", msg.Issuer)
	if err != nil {
		return nil, err
	}
	recipient, err := s.parseAddress("recipient", msg.Recipient)
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
	month, err := params.TargetMonth(msg.Month, sdk.UnwrapSDKContext(ctx).BlockTime())
	if err != nil {
		return nil, err
	}
	if err := s.requireRole(ctx, msg.CommunityId, issuer, communitytypes.RoleAdmin, communitytypes.RoleTeller); err != nil {
		return nil, err
	}
	currency, err := s.GetCurrency(ctx, msg.CommunityId)
	if err != nil {
		return nil, err
	}
	if !currency.IssuancePolicy.AllowsAdminIssuance() {
		return nil, types.ErrIssuanceNotAllowed.Wrapf("%s is issued by %s only", currency.Denom, currency.IssuancePolicy)
	}
	if issuer.Equals(recipient) && !params.AllowSelfIssuance {
		return nil, types.ErrSelfIssuance.Wrapf("%s cannot issue to itself; another admin or teller issues to it", msg.Issuer)
	}
	if err := s.requireActiveMember(ctx, msg.CommunityId, recipient, "recipient"); err != nil {
		return nil, err
	}
	if err := s.requireMonthSinceJoining(ctx, msg.CommunityId, recipient, month); err != nil {
		return nil, err
	}
	if err := s.checkCap(ctx, params, currency, recipient, month, msg.Amount); err != nil {
		return nil, err
	}
	c, err := s.prepareCreation(ctx, creation{
		currency:  currency,
		recipient: recipient,
		amount:    msg.Amount,
		month:     month,
		by:        s.formatAddress(issuer),
		memo:      msg.Memo,
	})
	if err != nil {
		return nil, err
	}

	if err := s.addMonthlyCreated(ctx, currency.CommunityId, recipient, month, msg.Amount); err != nil {
		return nil, err
	}
	entryID, err := s.create(ctx, c)
	if err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventIssued{
		CommunityId: currency.CommunityId,
		Denom:       currency.Denom,
		Issuer:      s.formatAddress(issuer),
		Recipient:   s.formatAddress(recipient),
		Amount:      msg.Amount,
		Month:       month.String(),
		EntryId:     entryID,
	}); err != nil {
		return nil, err
	}
	return &types.MsgIssueResponse{EntryId: entryID}, nil
}
