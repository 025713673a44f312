package keeper

import (
	"context"
	"errors"

	gogoproto "github.com/cosmos/gogoproto/proto"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/bridge/types"
)

// GetParams returns the module params.
func (k Keeper) GetParams(ctx context.Context) (types.Params, error) {
	return k.Params.Get(ctx)
}

// BridgeID returns the chain's bridge id, which genesis fixes from the
// chain id: every hash validators sign starts with it. Queries read it from
// the store, as their context may not carry the chain id.
func (k Keeper) BridgeID(ctx context.Context) [32]byte {
	var id [32]byte
	if stored, err := k.StoredBridgeID.Get(ctx); err == nil && len(stored) == len(id) {
		copy(id[:], stored)
		return id
	}
	return types.BridgeID(sdk.UnwrapSDKContext(ctx).ChainID())
}

// LatestValset returns the newest valset; false when there is none yet.
func (k Keeper) LatestValset(ctx context.Context) (latest types.Valset, found bool, err error) {
	err = k.Valsets.Walk(ctx, new(collections.Range[uint64]).Descending(), func(_ uint64, v types.Valset) (bool, error) {
		latest, found = v, true
		return true, nil
	})
	return latest, found, err
}

// GetValset returns a valset, or types.ErrValsetNotFound.
func (k Keeper) GetValset(ctx context.Context, nonce uint64) (types.Valset, error) {
	v, err := k.Valsets.Get(ctx, nonce)
	if errors.Is(err, collections.ErrNotFound) {
		return types.Valset{}, types.ErrValsetNotFound.Wrapf("no valset %d", nonce)
	}
	return v, err
}

// orchestratorOf returns the validator whose orchestrator is addr and its
// registration, or types.ErrNotOrchestrator.
func (k Keeper) orchestratorOf(ctx context.Context, orchestrator string) (sdk.ValAddress, types.Registration, error) {
	addr, err := k.addressCodec.StringToBytes(orchestrator)
	if err != nil {
		return nil, types.Registration{}, types.ErrNotOrchestrator.Wrapf("orchestrator: %v", err)
	}
	val, err := k.Orchestrators.Get(ctx, addr)
	if errors.Is(err, collections.ErrNotFound) {
		return nil, types.Registration{}, types.ErrNotOrchestrator.Wrapf("%s", orchestrator)
	}
	if err != nil {
		return nil, types.Registration{}, err
	}
	reg, err := k.Registrations.Get(ctx, val)
	return val, reg, err
}

// parseValidator decodes a validator operator address.
func (k Keeper) parseValidator(s string) (sdk.ValAddress, error) {
	bz, err := k.validatorCodec.StringToBytes(s)
	if err != nil {
		return nil, types.ErrValidatorNotFound.Wrapf("validator %q: %v", s, err)
	}
	return bz, nil
}

// formatValidator writes a validator operator address.
func (k Keeper) formatValidator(val sdk.ValAddress) string {
	s, _ := k.validatorCodec.BytesToString(val)
	return s
}

// emit emits typed events on the context's event manager.
func emit(ctx context.Context, events ...gogoproto.Message) error {
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvents(events...)
}
