package keeper

import (
	"context"
	"errors"

	gogoproto "github.com/cosmos/gogoproto/proto"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/internal/accaddr"
	"github.com/kizuna-chain/kizuna/internal/seqid"
	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

// GetParams returns the module params.
func (k Keeper) GetParams(ctx context.Context) (types.Params, error) {
	return k.Params.Get(ctx)
}

// GetThread returns a thread, or an error wrapping types.ErrThreadNotFound.
func (k Keeper) GetThread(ctx context.Context, id uint64) (types.Thread, error) {
	t, err := k.Threads.Get(ctx, id)
	if errors.Is(err, collections.ErrNotFound) {
		return types.Thread{}, types.ErrThreadNotFound.Wrapf("thread %d", id)
	}
	return t, err
}

// ReadSeq returns the read mark of member in a thread; 0 if none was set.
func (k Keeper) ReadSeq(ctx context.Context, threadID uint64, member sdk.AccAddress) (uint64, error) {
	seq, err := k.ReadMarks.Get(ctx, collections.Join(threadID, member))
	if errors.Is(err, collections.ErrNotFound) {
		return 0, nil
	}
	return seq, err
}

// requireActiveMember returns nil if addr is an active member of an existing
// community, and a registered error saying why not otherwise.
func (k Keeper) requireActiveMember(ctx context.Context, communityID uint64, addr sdk.AccAddress) error {
	active, err := k.communityKeeper.IsActiveMember(ctx, communityID, addr)
	if err != nil {
		return err
	}
	if !active {
		return types.ErrNotMember.Wrapf("%s in community %d", k.formatAddress(addr), communityID)
	}
	return nil
}

// members decodes the members of a thread.
func (k Keeper) members(t types.Thread) ([]sdk.AccAddress, error) {
	out := make([]sdk.AccAddress, 0, len(t.Members))
	for _, m := range t.Members {
		addr, err := k.addressCodec.StringToBytes(m)
		if err != nil {
			return nil, err
		}
		out = append(out, addr)
	}
	return out, nil
}

// createThread stores a new thread with the next id, indexes its members
// and emits EventThreadOpened, naming the accounts the caller invites.
func (k Keeper) createThread(ctx context.Context, t types.Thread, members, invited []sdk.AccAddress) (uint64, error) {
	id, err := k.nextThreadID(ctx)
	if err != nil {
		return 0, err
	}
	t.Id = id
	t.CreatedAt = sdk.UnwrapSDKContext(ctx).BlockTime()
	t.Members = k.formatAddresses(members)
	if err := k.Threads.Set(ctx, id, t); err != nil {
		return 0, err
	}
	for _, m := range members {
		if t.Kind == types.ThreadKindGroup {
			if err := k.joinGroup(ctx, t, m); err != nil {
				return 0, err
			}
			continue
		}
		if err := k.ThreadsByMember.Set(ctx, collections.Join3(m, t.CommunityId, id)); err != nil {
			return 0, err
		}
	}
	if err := emit(ctx, &types.EventThreadOpened{
		ThreadId:    id,
		CommunityId: t.CommunityId,
		Kind:        t.Kind,
		AdId:        t.AdId,
		Creator:     t.Creator,
		Members:     t.Members,
		Invited:     k.formatAddresses(invited),
	}); err != nil {
		return 0, err
	}
	return id, nil
}

// dropMember removes member from a thread's index, read marks and group
// memberships; the caller rewrites the thread's member list.
func (k Keeper) dropMember(ctx context.Context, t types.Thread, member sdk.AccAddress) error {
	if err := k.ThreadsByMember.Remove(ctx, collections.Join3(member, t.CommunityId, t.Id)); err != nil {
		return err
	}
	if err := k.GroupMembers.Remove(ctx, collections.Join(t.Id, member)); err != nil {
		return err
	}
	return k.ReadMarks.Remove(ctx, collections.Join(t.Id, member))
}

// nextThreadID hands out thread ids from types.FirstThreadID on.
func (k Keeper) nextThreadID(ctx context.Context) (uint64, error) {
	return seqid.Next(ctx, k.NextThreadID, types.FirstThreadID)
}

// parseAddress decodes an account address from a Msg or genesis, wrapping
// the failure in sdkerrors.ErrInvalidAddress.
func (k Keeper) parseAddress(field, s string) (sdk.AccAddress, error) {
	return accaddr.Parse(k.addressCodec, field, s)
}

func (k Keeper) formatAddress(addr sdk.AccAddress) string {
	return accaddr.Format(k.addressCodec, addr)
}

func (k Keeper) formatAddresses(addrs []sdk.AccAddress) []string {
	out := make([]string, 0, len(addrs))
	for _, a := range addrs {
		out = append(out, k.formatAddress(a))
	}
	return out
}

// indexOf returns the position of addr in addrs, or -1.
func indexOf(addrs []sdk.AccAddress, addr sdk.AccAddress) int {
	for i, a := range addrs {
		if a.Equals(addr) {
			return i
		}
	}
	return -1
}

// emit emits typed events on the context's event manager.
func emit(ctx context.Context, events ...gogoproto.Message) error {
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvents(events...)
}
