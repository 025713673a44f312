package keeper

import (
	"context"

	"github.com/ethereum/go-ethereum/common"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/contracts"
	"github.com/kizuna-chain/kizuna/x/bridge/types"
)

// InitGenesis loads a genesis state after validating it, and checks every
// valset signature against the chain's bridge id.
func (k Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	for _, r := range gs.Registrations {
		val, err := k.parseValidator(r.Validator)
		if err != nil {
			return err
		}
		orchestrator, err := k.addressCodec.StringToBytes(r.Orchestrator)
		if err != nil {
			return err
		}
		if err := k.Registrations.Set(ctx, val, r); err != nil {
			return err
		}
		if err := k.EthereumOwners.Set(ctx, common.HexToAddress(r.EthereumAddress).Bytes(), val); err != nil {
			return err
		}
		if err := k.Orchestrators.Set(ctx, orchestrator, val); err != nil {
			return err
		}
	}
	bridgeID := k.BridgeID(ctx)
	checkpoints := make(map[uint64]common.Hash, len(gs.Valsets))
	for _, v := range gs.Valsets {
		if err := k.Valsets.Set(ctx, v.Nonce, v); err != nil {
			return err
		}
		checkpoints[v.Nonce] = v.Checkpoint(bridgeID)
	}
	for _, c := range gs.ValsetConfirms {
		sig, err := types.ParseSignature(c.Signature)
		if err != nil {
			return err
		}
		signer, err := contracts.RecoverSigner(checkpoints[c.Nonce], sig)
		if err != nil || signer != common.HexToAddress(c.EthereumAddress) {
			return types.ErrInvalidGenesis.Wrapf("valset %d confirm of %s is not signed by its key", c.Nonce, c.Validator)
		}
		val, err := k.parseValidator(c.Validator)
		if err != nil {
			return err
		}
		if err := k.ValsetConfirms.Set(ctx, collections.Join(c.Nonce, val), c); err != nil {
			return err
		}
	}
	return nil
}

// ExportGenesis exports the module state.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	gs := types.DefaultGenesis()
	gs.Params = params
	if err := k.Registrations.Walk(ctx, nil, func(_ sdk.ValAddress, r types.Registration) (bool, error) {
		gs.Registrations = append(gs.Registrations, r)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Valsets.Walk(ctx, nil, func(_ uint64, v types.Valset) (bool, error) {
		gs.Valsets = append(gs.Valsets, v)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.ValsetConfirms.Walk(ctx, nil, func(_ ValsetConfirmKey, c types.ValsetConfirm) (bool, error) {
		gs.ValsetConfirms = append(gs.ValsetConfirms, c)
		return false, nil
	}); err != nil {
		return nil, err
	}
	return gs, nil
}
