package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"

	"github.com/kizuna-chain/kizuna/internal/grpcerr"
	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

// MessagingKey returns the messaging key an account published.
func (q queryServer) MessagingKey(ctx context.Context, req *types.QueryMessagingKeyRequest) (*types.QueryMessagingKeyResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	owner, err := q.parseQueryAddress("owner", req.Owner)
	if err != nil {
		return nil, err
	}
	key, err := q.MessagingKeys.Get(ctx, owner)
	if errors.Is(err, collections.ErrNotFound) {
		return nil, types.ErrKeyNotFound.Wrapf("%s has not published a messaging key", req.Owner)
	}
	if err != nil {
		return nil, err
	}
	return &types.QueryMessagingKeyResponse{Key: key}, nil
}

// ThreadKeys returns the members of a thread who may read it, each with its
// messaging key when it published one: what a client seals a payload for.
// A group member who left the community since joining is not listed. The
// work is bounded by max_group_members.
func (q queryServer) ThreadKeys(ctx context.Context, req *types.QueryThreadKeysRequest) (*types.QueryThreadKeysResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	t, err := q.GetThread(ctx, req.ThreadId)
	if err != nil {
		return nil, err
	}
	members, err := q.members(t)
	if err != nil {
		return nil, err
	}
	st := q.newStandings()
	res := &types.QueryThreadKeysResponse{Members: make([]types.ThreadMemberKey, 0, len(members))}
	for _, m := range members {
		if t.Kind == types.ThreadKindGroup {
			counts, err := st.countsInGroup(ctx, t, m)
			if err != nil {
				return nil, err
			}
			if !counts {
				continue
			}
		}
		entry := types.ThreadMemberKey{Member: q.formatAddress(m)}
		key, err := q.MessagingKeys.Get(ctx, m)
		switch {
		case err == nil:
			entry.Key = &key
		case !errors.Is(err, collections.ErrNotFound):
			return nil, err
		}
		res.Members = append(res.Members, entry)
	}
	return res, nil
}
