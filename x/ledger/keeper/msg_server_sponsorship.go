package keeper

import (
	"context"

	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// SetFeeSponsorship sets what the community's fee account pays per period,
// for each member and in all. What was spent this period still counts.
func (s msgServer) SetFeeSponsorship(ctx context.Context, msg *types.MsgSetFeeSponsorship) (*types.MsgSetFeeSponsorshipResponse, error) {
	admin, err := s.parseAddress("admin", msg.Admin)
	if err != nil {
		return nil, err
	}
	sponsorship := types.FeeSponsorship{
		CommunityId:       msg.CommunityId,
		MemberPeriodLimit: msg.MemberPeriodLimit,
		BudgetPeriodLimit: msg.BudgetPeriodLimit,
	}
	if err := sponsorship.Validate(); err != nil {
		return nil, err
	}
	if err := s.requireRole(ctx, msg.CommunityId, admin, communitytypes.RoleAdmin); err != nil {
		return nil, err
	}

	if err := s.FeeSponsorships.Set(ctx, msg.CommunityId, sponsorship); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventFeeSponsorshipSet{
		CommunityId:       msg.CommunityId,
		Admin:             s.formatAddress(admin),
		MemberPeriodLimit: msg.MemberPeriodLimit,
		BudgetPeriodLimit: msg.BudgetPeriodLimit,
	}); err != nil {
		return nil, err
	}
	return &types.MsgSetFeeSponsorshipResponse{}, nil
}
