package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/kizuna-chain/kizuna/internal/grpcerr"
	"github.com/kizuna-chain/kizuna/internal/pagination"
	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

// Messages lists the metadata of a thread's messages by seq, oldest first;
// pagination.reverse lists them newest first. Payloads are not in state:
// clients fetch them by tx search on EventMessagePosted.
func (q queryServer) Messages(ctx context.Context, req *types.QueryMessagesRequest) (*types.QueryMessagesResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	if _, err := q.GetThread(ctx, req.ThreadId); err != nil {
		return nil, err
	}
	msgs, page, err := query.CollectionPaginate(ctx, q.Keeper.Messages, pagination.Bound(req.Pagination),
		func(_ collections.Pair[uint64, uint64], meta types.MessageMeta) (types.MessageMeta, error) {
			return meta, nil
		},
		query.WithCollectionPaginationPairPrefix[uint64, uint64](req.ThreadId),
	)
	if err != nil {
		return nil, err
	}
	return &types.QueryMessagesResponse{Messages: msgs, Pagination: page}, nil
}
