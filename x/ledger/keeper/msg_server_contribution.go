package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/internal/seqid"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// SubmitContribution records a pending contribution. Its amount counts
// against the contributor's cap for the target month at once, so that
// pending contributions cannot together exceed it.
func (s msgServer) SubmitContribution(ctx context.Context, msg *types.MsgSubmitContribution) (*types.MsgSubmitContributionResponse, error) {
	contributor, err := s.parseAddress("contributor", msg.Contributor)
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
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	month, err := params.TargetMonth(msg.Month, sdkCtx.BlockTime())
	if err != nil {
		return nil, err
	}
	if _, err := s.communityKeeper.GetCommunity(ctx, msg.CommunityId); err != nil {
		return nil, err
	}
	currency, err := s.GetCurrency(ctx, msg.CommunityId)
	if err != nil {
		return nil, err
	}
	if !currency.IssuancePolicy.AllowsContributions() {
		return nil, types.ErrIssuanceNotAllowed.Wrapf("%s takes no contributions: its policy is %s", currency.Denom, currency.IssuancePolicy)
	}
	if err := s.requireActiveMember(ctx, msg.CommunityId, contributor, "contributor"); err != nil {
		return nil, err
	}
	if err := s.requireMonthSinceJoining(ctx, msg.CommunityId, contributor, month); err != nil {
		return nil, err
	}
	if err := s.checkCap(ctx, params, currency, contributor, month, msg.Amount); err != nil {
		return nil, err
	}

	id, err := seqid.Next(ctx, s.NextContributionID, types.FirstContributionID)
	if err != nil {
		return nil, err
	}
	contribution := types.Contribution{
		Id:          id,
		CommunityId: msg.CommunityId,
		Contributor: s.formatAddress(contributor),
		Amount:      msg.Amount,
		Memo:        msg.Memo,
		Month:       month.String(),
		Status:      types.ContributionStatusPending,
		CreatedAt:   sdkCtx.BlockTime(),
	}
	if err := s.Contributions.Set(ctx, id, contribution); err != nil {
		return nil, err
	}
	if err := s.addMonthlyCreated(ctx, msg.CommunityId, contributor, month, msg.Amount); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventContributionSubmitted{
		Id: id, CommunityId: msg.CommunityId, Contributor: contribution.Contributor, Amount: msg.Amount, Month: contribution.Month,
	}); err != nil {
		return nil, err
	}
	return &types.MsgSubmitContributionResponse{Id: id}, nil
}

// ConfirmContribution confirms a pending contribution and mints its amount
// to the contributor, who must still be an active member. The amount already
// counts against the cap; the target month is not checked again, so a
// contribution confirmed late is still created for the month it claimed.
func (s msgServer) ConfirmContribution(ctx context.Context, msg *types.MsgConfirmContribution) (*types.MsgConfirmContributionResponse, error) {
	reviewer, contribution, contributor, err := s.loadForReview(ctx, msg.Reviewer, msg.ContributionId, msg.CommunityId)
	if err != nil {
		return nil, err
	}
	currency, err := s.GetCurrency(ctx, contribution.CommunityId)
	if err != nil {
		return nil, err
	}
	if !currency.IssuancePolicy.AllowsContributions() {
		return nil, types.ErrIssuanceNotAllowed.Wrapf("%s takes no contributions any more: its policy is %s; deny it instead",
			currency.Denom, currency.IssuancePolicy)
	}
	if err := s.requireActiveMember(ctx, contribution.CommunityId, contributor, "contributor"); err != nil {
		return nil, err
	}
	month, err := types.ParseMonth(contribution.Month)
	if err != nil {
		return nil, err
	}

	c, err := s.prepareCreation(ctx, creation{
		currency:       currency,
		recipient:      contributor,
		amount:         contribution.Amount,
		month:          month,
		by:             s.formatAddress(reviewer),
		memo:           contribution.Memo,
		contributionID: contribution.Id,
	})
	if err != nil {
		return nil, err
	}
	entryID, err := s.create(ctx, c)
	if err != nil {
		return nil, err
	}
	decidedAt := sdk.UnwrapSDKContext(ctx).BlockTime()
	contribution.Status = types.ContributionStatusConfirmed
	contribution.Reviewer = s.formatAddress(reviewer)
	contribution.DecidedAt = &decidedAt
	contribution.EntryId = entryID
	if err := s.Contributions.Set(ctx, contribution.Id, contribution); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventContributionConfirmed{
		Id:          contribution.Id,
		CommunityId: contribution.CommunityId,
		Contributor: contribution.Contributor,
		Reviewer:    contribution.Reviewer,
		Amount:      contribution.Amount,
		Month:       contribution.Month,
		EntryId:     entryID,
	}); err != nil {
		return nil, err
	}
	return &types.MsgConfirmContributionResponse{EntryId: entryID}, nil
}

// DenyContribution denies a pending contribution and frees its part of the
// cap.
func (s msgServer) DenyContribution(ctx context.Context, msg *types.MsgDenyContribution) (*types.MsgDenyContributionResponse, error) {
	params, err := s.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	if err := msg.Validate(params); err != nil {
		return nil, err
	}
	reviewer, contribution, contributor, err := s.loadForReview(ctx, msg.Reviewer, msg.ContributionId, msg.CommunityId)
	if err != nil {
		return nil, err
	}

	if err := s.close(ctx, contribution, contributor, types.ContributionStatusDenied, func(c *types.Contribution) {
		c.Reviewer = s.formatAddress(reviewer)
		c.DenyReason = msg.Reason
	}); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventContributionDenied{
		Id:          contribution.Id,
		CommunityId: contribution.CommunityId,
		Contributor: contribution.Contributor,
		Reviewer:    s.formatAddress(reviewer),
		Reason:      msg.Reason,
	}); err != nil {
		return nil, err
	}
	return &types.MsgDenyContributionResponse{}, nil
}

// DeleteContribution withdraws the sender's pending contribution and frees
// its part of the cap. Former members may withdraw theirs too.
func (s msgServer) DeleteContribution(ctx context.Context, msg *types.MsgDeleteContribution) (*types.MsgDeleteContributionResponse, error) {
	contributor, err := s.parseAddress("contributor", msg.Contributor)
	if err != nil {
		return nil, err
	}
	contribution, err := s.loadPending(ctx, msg.ContributionId, msg.CommunityId)
	if err != nil {
		return nil, err
	}
	if contribution.Contributor != s.formatAddress(contributor) {
		return nil, types.ErrNotPermitted.Wrapf("contribution %d belongs to %s", contribution.Id, contribution.Contributor)
	}

	if err := s.close(ctx, contribution, contributor, types.ContributionStatusDeleted, nil); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventContributionDeleted{
		Id: contribution.Id, CommunityId: contribution.CommunityId, Contributor: contribution.Contributor,
	}); err != nil {
		return nil, err
	}
	return &types.MsgDeleteContributionResponse{}, nil
}

// loadPending returns a contribution that is still pending, of community
// communityID unless that is 0 (the Msg names no community).
func (s msgServer) loadPending(ctx context.Context, id, communityID uint64) (types.Contribution, error) {
	contribution, err := s.GetContribution(ctx, id)
	if err != nil {
		return types.Contribution{}, err
	}
	if communityID != 0 && contribution.CommunityId != communityID {
		return types.Contribution{}, types.ErrCommunityMismatch.Wrapf("contribution %d belongs to community %d, not %d",
			id, contribution.CommunityId, communityID)
	}
	if contribution.Status != types.ContributionStatusPending {
		return types.Contribution{}, types.ErrContributionClosed.Wrapf("contribution %d is %s", id, contribution.Status)
	}
	return contribution, nil
}

// loadForReview checks that reviewerAddr may confirm or deny the pending
// contribution id: an active moderator or admin of its community who did
// not submit it.
func (s msgServer) loadForReview(
	ctx context.Context, reviewerAddr string, id, communityID uint64,
) (reviewer sdk.AccAddress, contribution types.Contribution, contributor sdk.AccAddress, err error) {
	reviewer, err = s.parseAddress("reviewer", reviewerAddr)
	if err != nil {
		return nil, types.Contribution{}, nil, err
	}
	contribution, err = s.loadPending(ctx, id, communityID)
	if err != nil {
		return nil, types.Contribution{}, nil, err
	}
	if err := s.requireRole(ctx, contribution.CommunityId, reviewer, communitytypes.RoleAdmin, communitytypes.RoleModerator); err != nil {
		return nil, types.Contribution{}, nil, err
	}
	contributor, err = s.addressCodec.StringToBytes(contribution.Contributor)
	if err != nil {
		return nil, types.Contribution{}, nil, err
	}
	if contributor.Equals(reviewer) {
		return nil, types.Contribution{}, nil, types.ErrSelfReview.Wrapf("contribution %d was submitted by %s", id, contribution.Contributor)
	}
	return reviewer, contribution, contributor, nil
}

// close ends a pending contribution without creation and frees its part of
// the contributor's cap; set, if given, fills in the status's own fields.
func (s msgServer) close(
	ctx context.Context, contribution types.Contribution, contributor sdk.AccAddress,
	status types.ContributionStatus, set func(*types.Contribution),
) error {
	month, err := types.ParseMonth(contribution.Month)
	if err != nil {
		return err
	}
	decidedAt := sdk.UnwrapSDKContext(ctx).BlockTime()
	contribution.Status = status
	contribution.DecidedAt = &decidedAt
	if set != nil {
		set(&contribution)
	}
	if err := s.Contributions.Set(ctx, contribution.Id, contribution); err != nil {
		return err
	}
	return s.addMonthlyCreated(ctx, contribution.CommunityId, contributor, month, contribution.Amount.Neg())
}
