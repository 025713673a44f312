package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

// Thread returns one thread.
func (q queryServer) Thread(ctx context.Context, req *types.QueryThreadRequest) (*types.QueryThreadResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	t, err := q.GetThread(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	return &types.QueryThreadResponse{Thread: t}, nil
}

// ThreadsOf lists the threads of a member by community and id, or by id in
// one community, each with its last message and the member's unread count.
func (q queryServer) ThreadsOf(ctx context.Context, req *types.QueryThreadsOfRequest) (*types.QueryThreadsOfResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	member, err := q.parseQueryAddress("member", req.Member)
	if err != nil {
		return nil, err
	}
	prefix := collections.TriplePrefix[sdk.AccAddress, uint64, uint64](member)
	if req.CommunityId != 0 {
		prefix = collections.TripleSuperPrefix[sdk.AccAddress, uint64, uint64](member, req.CommunityId)
	}
	views, page, err := query.CollectionPaginate(ctx, q.ThreadsByMember, req.Pagination,
		func(key MemberThreadKey, _ collections.NoValue) (types.ThreadView, error) {
			return q.threadView(ctx, key.K3(), member)
		},
		func(o *query.CollectionsPaginateOptions[MemberThreadKey]) { o.Prefix = &prefix },
	)
	if err != nil {
		return nil, err
	}
	return &types.QueryThreadsOfResponse{Threads: views, Pagination: page}, nil
}

// UnreadCount sums the unread messages of a member over its threads, or over
// its threads in one community.
func (q queryServer) UnreadCount(ctx context.Context, req *types.QueryUnreadCountRequest) (*types.QueryUnreadCountResponse, error) {
	if req == nil {
		return nil, errEmptyRequest
	}
	member, err := q.parseQueryAddress("member", req.Member)
	if err != nil {
		return nil, err
	}
	rng := collections.NewPrefixedTripleRange[sdk.AccAddress, uint64, uint64](member)
	if req.CommunityId != 0 {
		rng = collections.NewSuperPrefixedTripleRange[sdk.AccAddress, uint64, uint64](member, req.CommunityId)
	}
	res := &types.QueryUnreadCountResponse{}
	err = q.ThreadsByMember.Walk(ctx, rng, func(key MemberThreadKey) (bool, error) {
		unread, err := q.unread(ctx, key.K3(), member)
		if err != nil {
			return true, err
		}
		if unread > 0 {
			res.Unread += unread
			res.Threads++
		}
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// threadView returns a thread as member sees it.
func (k Keeper) threadView(ctx context.Context, id uint64, member sdk.AccAddress) (types.ThreadView, error) {
	t, err := k.GetThread(ctx, id)
	if err != nil {
		return types.ThreadView{}, err
	}
	read, err := k.ReadSeq(ctx, id, member)
	if err != nil {
		return types.ThreadView{}, err
	}
	view := types.ThreadView{Thread: t, ReadSeq: read, Unread: unreadOf(t.LastSeq, read)}
	if t.LastSeq > 0 {
		last, err := k.Messages.Get(ctx, collections.Join(id, t.LastSeq))
		if err != nil && !errors.Is(err, collections.ErrNotFound) {
			return types.ThreadView{}, err
		}
		if err == nil {
			view.LastMessage = &last
		}
	}
	return view, nil
}

// unread returns the number of messages of a thread member has not read.
func (k Keeper) unread(ctx context.Context, id uint64, member sdk.AccAddress) (uint64, error) {
	t, err := k.GetThread(ctx, id)
	if err != nil {
		return 0, err
	}
	read, err := k.ReadSeq(ctx, id, member)
	if err != nil {
		return 0, err
	}
	return unreadOf(t.LastSeq, read), nil
}

func unreadOf(last, read uint64) uint64 {
	if read >= last {
		return 0
	}
	return last - read
}
