package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/internal/seqid"
	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

// InitGenesis loads a validated genesis state into the store and rebuilds
// the indexes (threads by member, AD and DIRECT lookups). Addresses are
// stored in the canonical form of the keeper's address codec.
func (k Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	if err := k.NextThreadID.Set(ctx, gs.NextThreadId); err != nil {
		return err
	}
	for _, t := range gs.Threads {
		if err := k.initThread(ctx, t); err != nil {
			return fmt.Errorf("thread %d: %w", t.Id, err)
		}
	}
	for _, m := range gs.Messages {
		sender, err := k.parseAddress("sender", m.Sender)
		if err != nil {
			return fmt.Errorf("message %d/%d: %w", m.ThreadId, m.Seq, err)
		}
		m.Sender = k.formatAddress(sender)
		if err := k.Messages.Set(ctx, collections.Join(m.ThreadId, m.Seq), m); err != nil {
			return err
		}
	}
	for _, r := range gs.ReadMarks {
		member, err := k.parseAddress("member", r.Member)
		if err != nil {
			return fmt.Errorf("read mark of thread %d: %w", r.ThreadId, err)
		}
		if err := k.ReadMarks.Set(ctx, collections.Join(r.ThreadId, member), r.Seq); err != nil {
			return err
		}
	}
	return k.initConsent(ctx, gs)
}

// initConsent loads the departure counts, group memberships and
// invitations, and rebuilds the invitations' thread index.
func (k Keeper) initConsent(ctx context.Context, gs *types.GenesisState) error {
	for _, d := range gs.Departures {
		member, err := k.parseAddress("member", d.Member)
		if err != nil {
			return fmt.Errorf("departures in community %d: %w", d.CommunityId, err)
		}
		if err := k.Departures.Set(ctx, collections.Join(d.CommunityId, member), d.Count); err != nil {
			return err
		}
	}
	for _, m := range gs.GroupMemberships {
		member, err := k.parseAddress("member", m.Member)
		if err != nil {
			return fmt.Errorf("group membership in thread %d: %w", m.ThreadId, err)
		}
		if err := k.GroupMembers.Set(ctx, collections.Join(m.ThreadId, member), m.Departures); err != nil {
			return err
		}
	}
	for _, inv := range gs.Invitations {
		invitee, err := k.parseAddress("invitee", inv.Invitee)
		if err != nil {
			return fmt.Errorf("invitation to thread %d: %w", inv.ThreadId, err)
		}
		inviter, err := k.parseAddress("inviter", inv.Inviter)
		if err != nil {
			return fmt.Errorf("invitation to thread %d: %w", inv.ThreadId, err)
		}
		inv.Invitee, inv.Inviter = k.formatAddress(invitee), k.formatAddress(inviter)
		if err := k.Invitations.Set(ctx, collections.Join3(invitee, inv.CommunityId, inv.ThreadId), inv); err != nil {
			return err
		}
		if err := k.ThreadInvitees.Set(ctx, collections.Join(inv.ThreadId, invitee)); err != nil {
			return err
		}
	}
	for _, key := range gs.MessagingKeys {
		owner, err := k.parseAddress("owner", key.Owner)
		if err != nil {
			return fmt.Errorf("messaging key: %w", err)
		}
		key.Owner = k.formatAddress(owner)
		if err := k.MessagingKeys.Set(ctx, owner, key); err != nil {
			return err
		}
	}
	return nil
}

func (k Keeper) initThread(ctx context.Context, t types.Thread) error {
	creator, err := k.parseAddress("creator", t.Creator)
	if err != nil {
		return err
	}
	t.Creator = k.formatAddress(creator)
	members := make([]sdk.AccAddress, 0, len(t.Members))
	for _, m := range t.Members {
		addr, err := k.parseAddress("member", m)
		if err != nil {
			return err
		}
		members = append(members, addr)
		if err := k.ThreadsByMember.Set(ctx, collections.Join3(addr, t.CommunityId, t.Id)); err != nil {
			return err
		}
	}
	t.Members = k.formatAddresses(members)
	switch t.Kind {
	case types.ThreadKindAd:
		if err := k.AdThreads.Set(ctx, collections.Join(t.AdId, creator), t.Id); err != nil {
			return err
		}
	case types.ThreadKindDirect:
		lo, hi := types.OrderPair(members[0], members[1])
		if err := k.DirectThreads.Set(ctx, collections.Join3(t.CommunityId, lo, hi), t.Id); err != nil {
			return err
		}
	}
	return k.Threads.Set(ctx, t.Id, t)
}

// ExportGenesis returns the whole module state: threads by id, messages by
// thread and seq, read marks by thread and member address bytes, departure
// counts by community and member, group memberships by thread and member,
// invitations by invitee, community and thread.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	next, err := seqid.Peek(ctx, k.NextThreadID, types.FirstThreadID)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{
		Params:       params,
		Threads:      []types.Thread{},
		Messages:     []types.MessageMeta{},
		ReadMarks:    []types.ReadMark{},
		NextThreadId: next,

		Departures:       []types.Departures{},
		GroupMemberships: []types.GroupMembership{},
		Invitations:      []types.Invitation{},
		MessagingKeys:    []types.MessagingKey{},
	}
	if err := k.Threads.Walk(ctx, nil, func(_ uint64, t types.Thread) (bool, error) {
		gs.Threads = append(gs.Threads, t)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Messages.Walk(ctx, nil, func(_ collections.Pair[uint64, uint64], m types.MessageMeta) (bool, error) {
		gs.Messages = append(gs.Messages, m)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.ReadMarks.Walk(ctx, nil, func(key collections.Pair[uint64, sdk.AccAddress], seq uint64) (bool, error) {
		gs.ReadMarks = append(gs.ReadMarks, types.ReadMark{ThreadId: key.K1(), Member: k.formatAddress(key.K2()), Seq: seq})
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Departures.Walk(ctx, nil, func(key collections.Pair[uint64, sdk.AccAddress], n uint64) (bool, error) {
		gs.Departures = append(gs.Departures, types.Departures{CommunityId: key.K1(), Member: k.formatAddress(key.K2()), Count: n})
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.GroupMembers.Walk(ctx, nil, func(key collections.Pair[uint64, sdk.AccAddress], n uint64) (bool, error) {
		gs.GroupMemberships = append(gs.GroupMemberships, types.GroupMembership{ThreadId: key.K1(), Member: k.formatAddress(key.K2()), Departures: n})
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Invitations.Walk(ctx, nil, func(_ InvitationKey, inv types.Invitation) (bool, error) {
		gs.Invitations = append(gs.Invitations, inv)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.MessagingKeys.Walk(ctx, nil, func(_ sdk.AccAddress, key types.MessagingKey) (bool, error) {
		gs.MessagingKeys = append(gs.MessagingKeys, key)
		return false, nil
	}); err != nil {
		return nil, err
	}
	return gs, nil
}
