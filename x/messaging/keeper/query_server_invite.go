package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/kizuna-chain/kizuna/internal/grpcerr"
	"github.com/kizuna-chain/kizuna/internal/pagination"
	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

// Invitations lists the pending group invitations of an account, in all
// its communities or in one, by community and thread. A page reads at most
// pagination.MaxLimit invitations; those that lapsed are left out of it.
func (q queryServer) Invitations(ctx context.Context, req *types.QueryInvitationsRequest) (*types.QueryInvitationsResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	member, err := q.parseQueryAddress("member", req.Member)
	if err != nil {
		return nil, err
	}
	prefix := collections.TriplePrefix[sdk.AccAddress, uint64, uint64](member)
	if req.CommunityId != 0 {
		prefix = collections.TripleSuperPrefix[sdk.AccAddress, uint64, uint64](member, req.CommunityId)
	}
	page, res, err := query.CollectionPaginate(ctx, q.Keeper.Invitations, pagination.Bound(req.Pagination),
		func(_ InvitationKey, inv types.Invitation) (types.Invitation, error) { return inv, nil },
		func(o *query.CollectionsPaginateOptions[InvitationKey]) { o.Prefix = &prefix },
	)
	if err != nil {
		return nil, err
	}
	st := q.newStandings()
	out := make([]types.Invitation, 0, len(page))
	for _, inv := range page {
		ok, err := st.invitationStands(ctx, inv, member)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, inv)
		}
	}
	return &types.QueryInvitationsResponse{Invitations: out, Pagination: res}, nil
}
