package keeper

import (
	"context"
	"fmt"

	"github.com/kizuna-chain/kizuna/internal/seqid"
	"github.com/kizuna-chain/kizuna/x/ads/types"
)

// InitGenesis loads a validated genesis state into the store. Owners are
// stored in the canonical form of the keeper's address codec.
func (k Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	if err := k.NextAdID.Set(ctx, gs.NextAdId); err != nil {
		return err
	}
	for _, ad := range gs.Ads {
		owner, err := k.parseAddress("owner", ad.Owner)
		if err != nil {
			return fmt.Errorf("ad %d: %w", ad.Id, err)
		}
		ad.Owner = k.formatAddress(owner)
		if err := k.Ads.Set(ctx, ad.Id, ad); err != nil {
			return fmt.Errorf("ad %d: %w", ad.Id, err)
		}
	}
	return nil
}

// ExportGenesis returns the whole module state, ads by id.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	next, err := seqid.Peek(ctx, k.NextAdID, types.FirstAdID)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{
		Params:   params,
		Ads:      []types.Ad{},
		NextAdId: next,
	}
	if err := k.Ads.Walk(ctx, nil, func(_ uint64, ad types.Ad) (bool, error) {
		gs.Ads = append(gs.Ads, ad)
		return false, nil
	}); err != nil {
		return nil, err
	}
	return gs, nil
}
