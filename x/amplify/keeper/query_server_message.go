package keeper

import (
	"context"
	"errors"
	"strings"

	"cosmossdk.io/collections"

	"github.com/kizuna-chain/kizuna/internal/grpcerr"
	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

// List returns messages by position in acceptance order, all types or one.
func (q queryServer) List(ctx context.Context, req *types.QueryListRequest) (*types.QueryListResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	params, err := q.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	if req.Amount == 0 || req.Amount > params.MaxListAmount {
		return nil, grpcerr.InvalidArgument(types.ErrInvalidRequest.Wrapf("amount must be in 1..%d", params.MaxListAmount))
	}
	if req.Type != "" && req.Type != types.TypeAmplify && req.Type != types.TypeComment {
		return nil, grpcerr.InvalidArgument(types.ErrInvalidType.Wrapf("%q", req.Type))
	}
	out := make([]types.StoredMessage, 0, req.Amount)
	for i := uint64(0); i < uint64(req.Amount); i++ {
		pos := req.From + i
		if pos < req.From {
			break
		}
		var index string
		if req.Type == "" {
			index, err = q.Messages.Indexes.Seq.MatchExact(ctx, pos+1)
		} else {
			index, err = q.MessagesByType.Get(ctx, collections.Join(req.Type, pos))
		}
		if errors.Is(err, collections.ErrNotFound) {
			break
		}
		if err != nil {
			return nil, err
		}
		m, err := q.Messages.Get(ctx, index)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return &types.QueryListResponse{Messages: out}, nil
}

// Message returns a message by index.
func (q queryServer) Message(ctx context.Context, req *types.QueryMessageRequest) (*types.QueryMessageResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	m, err := q.Messages.Get(ctx, strings.TrimPrefix(req.Index, types.KiwiPrefix))
	if errors.Is(err, collections.ErrNotFound) {
		return nil, types.ErrMessageNotFound.Wrap(req.Index)
	}
	if err != nil {
		return nil, err
	}
	return &types.QueryMessageResponse{Message: m}, nil
}
