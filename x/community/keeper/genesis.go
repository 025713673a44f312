package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"

	"github.com/kizuna-chain/kizuna/internal/seqid"
	"github.com/kizuna-chain/kizuna/x/community/types"
)

// InitGenesis loads a validated genesis state into the store. Addresses are
// stored in the canonical form of the keeper's address codec.
func (k Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	if err := k.NextCommunityID.Set(ctx, gs.NextCommunityId); err != nil {
		return err
	}
	for _, c := range gs.Communities {
		creator, err := k.parseAddress("creator", c.Creator)
		if err != nil {
			return fmt.Errorf("community %d: %w", c.Id, err)
		}
		c.Creator = k.formatAddress(creator)
		if err := k.Communities.Set(ctx, c.Id, c); err != nil {
			return fmt.Errorf("community %d: %w", c.Id, err)
		}
	}
	for _, m := range gs.Members {
		addr, err := k.parseAddress("member", m.Address)
		if err != nil {
			return fmt.Errorf("member of community %d: %w", m.CommunityId, err)
		}
		m.Address = k.formatAddress(addr)
		if err := k.Members.Set(ctx, collections.Join(m.CommunityId, addr), m); err != nil {
			return fmt.Errorf("member %s of community %d: %w", m.Address, m.CommunityId, err)
		}
	}
	return nil
}

// ExportGenesis returns the whole module state, communities by id and
// members by community and address.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	next, err := seqid.Peek(ctx, k.NextCommunityID, types.FirstCommunityID)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{
		Params:          params,
		Communities:     []types.Community{},
		Members:         []types.Member{},
		NextCommunityId: next,
	}
	if err := k.Communities.Walk(ctx, nil, func(_ uint64, c types.Community) (bool, error) {
		gs.Communities = append(gs.Communities, c)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Members.Walk(ctx, nil, func(_ MemberKey, m types.Member) (bool, error) {
		gs.Members = append(gs.Members, m)
		return false, nil
	}); err != nil {
		return nil, err
	}
	return gs, nil
}
