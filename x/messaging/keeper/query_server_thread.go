package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/kizuna-chain/kizuna/internal/grpcerr"
	"github.com/kizuna-chain/kizuna/internal/pagination"
	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

// Thread returns one thread.
func (q queryServer) Thread(ctx context.Context, req *types.QueryThreadRequest) (*types.QueryThreadResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	t, err := q.GetThread(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	res := &types.QueryThreadResponse{Thread: t}
	if t.Kind != types.ThreadKindGroup {
		return res, nil
	}
	invitees, err := q.invitees(ctx, t.Id)
	if err != nil {
		return nil, err
	}
	st := q.newStandings()
	for _, addr := range invitees {
		inv, err := q.Keeper.Invitations.Get(ctx, collections.Join3(addr, t.CommunityId, t.Id))
		if err != nil {
			return nil, err
		}
		ok, err := st.invitationStands(ctx, inv, addr)
		if err != nil {
			return nil, err
		}
		if ok {
			res.Invited = append(res.Invited, inv.Invitee)
		}
	}
	return res, nil
}

// ThreadsOf lists the threads of a member by community and id, or by id in
// one community, each with its last message and the member's unread count.
// A page reads at most pagination.MaxLimit index entries; group threads the
// member no longer counts in are left out of it.
func (q queryServer) ThreadsOf(ctx context.Context, req *types.QueryThreadsOfRequest) (*types.QueryThreadsOfResponse, error) {
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
	keys, page, err := query.CollectionPaginate(ctx, q.ThreadsByMember, pagination.Bound(req.Pagination),
		func(key MemberThreadKey, _ collections.NoValue) (MemberThreadKey, error) { return key, nil },
		func(o *query.CollectionsPaginateOptions[MemberThreadKey]) { o.Prefix = &prefix },
	)
	if err != nil {
		return nil, err
	}
	st := q.newStandings()
	views := make([]types.ThreadView, 0, len(keys))
	for _, key := range keys {
		view, counts, err := q.threadView(ctx, st, key.K3(), member)
		if err != nil {
			return nil, err
		}
		if counts {
			views = append(views, view)
		}
	}
	return &types.QueryThreadsOfResponse{Threads: views, Pagination: page}, nil
}

// UnreadCount sums the unread messages of a member over its threads, or over
// its threads in one community, newest (by community and thread id) first.
// It scans at most types.MaxUnreadThreads threads and says so with
// truncated, so its work does not grow with the member's threads. Group
// threads the member no longer counts in are scanned but not counted.
func (q queryServer) UnreadCount(ctx context.Context, req *types.QueryUnreadCountRequest) (*types.QueryUnreadCountResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	member, err := q.parseQueryAddress("member", req.Member)
	if err != nil {
		return nil, err
	}
	rng := collections.NewPrefixedTripleRangeReversed[sdk.AccAddress, uint64, uint64](member)
	if req.CommunityId != 0 {
		rng = collections.NewSuperPrefixedTripleRangeReversed[sdk.AccAddress, uint64, uint64](member, req.CommunityId)
	}
	res := &types.QueryUnreadCountResponse{MaxThreads: types.MaxUnreadThreads}
	st := q.newStandings()
	scanned := 0
	err = q.ThreadsByMember.Walk(ctx, rng, func(key MemberThreadKey) (bool, error) {
		if scanned == types.MaxUnreadThreads {
			res.Truncated = true
			return true, nil
		}
		scanned++
		t, read, counts, err := q.memberThread(ctx, st, key.K3(), member)
		if err != nil || !counts {
			return err != nil, err
		}
		if unread := unreadOf(t.LastSeq, read); unread > 0 {
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

// threadView returns a thread as member sees it, and whether the thread
// counts member as one of its members: a GROUP member that left the
// community since it joined does not count.
func (k Keeper) threadView(ctx context.Context, st *standings, id uint64, member sdk.AccAddress) (types.ThreadView, bool, error) {
	t, read, counts, err := k.memberThread(ctx, st, id, member)
	if err != nil || !counts {
		return types.ThreadView{}, false, err
	}
	view := types.ThreadView{Thread: t, ReadSeq: read, Unread: unreadOf(t.LastSeq, read)}
	if t.LastSeq > 0 {
		last, err := k.Messages.Get(ctx, collections.Join(id, t.LastSeq))
		if err != nil && !errors.Is(err, collections.ErrNotFound) {
			return types.ThreadView{}, false, err
		}
		if err == nil {
			view.LastMessage = &last
		}
	}
	return view, true, nil
}

func unreadOf(last, read uint64) uint64 {
	if read >= last {
		return 0
	}
	return last - read
}

// memberThread returns a thread of member's index with member's read mark,
// and whether the thread counts member as one of its members.
func (k Keeper) memberThread(ctx context.Context, st *standings, id uint64, member sdk.AccAddress) (types.Thread, uint64, bool, error) {
	t, err := k.GetThread(ctx, id)
	if err != nil {
		return types.Thread{}, 0, false, err
	}
	if t.Kind == types.ThreadKindGroup {
		counts, err := st.countsInGroup(ctx, t, member)
		if err != nil || !counts {
			return types.Thread{}, 0, false, err
		}
	}
	read, err := k.ReadSeq(ctx, id, member)
	if err != nil {
		return types.Thread{}, 0, false, err
	}
	return t, read, true, nil
}
