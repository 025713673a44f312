package keeper

import (
	"context"
	"errors"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/contracts"
	"github.com/kizuna-chain/kizuna/x/bridge/types"
	ledgertypes "github.com/kizuna-chain/kizuna/x/ledger/types"
)

// TokenOfDenom returns the registry entry of a denom, or
// types.ErrTokenNotRegistered.
func (k Keeper) TokenOfDenom(ctx context.Context, denom string) (types.BridgeToken, error) {
	t, err := k.Tokens.Get(ctx, denom)
	if errors.Is(err, collections.ErrNotFound) {
		return types.BridgeToken{}, types.ErrTokenNotRegistered.Wrapf("denom %s", types.Truncate(denom))
	}
	return t, err
}

// TokenOfContract returns the registry entry of an ERC-20, or
// types.ErrTokenNotRegistered.
func (k Keeper) TokenOfContract(ctx context.Context, token common.Address) (types.BridgeToken, error) {
	denom, err := k.TokenContracts.Get(ctx, token.Bytes())
	if errors.Is(err, collections.ErrNotFound) {
		return types.BridgeToken{}, types.ErrTokenNotRegistered.Wrapf("ERC-20 %s", token.Hex())
	}
	if err != nil {
		return types.BridgeToken{}, err
	}
	return k.Tokens.Get(ctx, denom)
}

// registerToken adds a registry entry; each side must be new, so that a
// denom maps to one token and a token to one denom.
func (k Keeper) registerToken(ctx context.Context, t types.BridgeToken) error {
	if err := types.ValidateBridgeDenom(t.Denom); err != nil {
		return err
	}
	token := common.HexToAddress(t.TokenContract)
	switch has, err := k.Tokens.Has(ctx, t.Denom); {
	case err != nil:
		return err
	case has:
		return types.ErrTokenRegistered.Wrapf("denom %s already maps to a token", t.Denom)
	}
	switch has, err := k.TokenContracts.Has(ctx, token.Bytes()); {
	case err != nil:
		return err
	case has:
		return types.ErrTokenRegistered.Wrapf("ERC-20 %s already maps to a denom", token.Hex())
	}
	if err := k.Tokens.Set(ctx, t.Denom, t); err != nil {
		return err
	}
	if err := k.TokenContracts.Set(ctx, token.Bytes(), t.Denom); err != nil {
		return err
	}
	return emit(ctx, &types.EventTokenRegistered{Denom: t.Denom, TokenContract: t.TokenContract, Origin: t.Origin})
}

// DeployHash is what validators sign to deploy a community currency's
// ERC-20.
func (k Keeper) DeployHash(ctx context.Context, t types.BridgeToken) common.Hash {
	return contracts.DeployTokenHash(k.BridgeID(ctx), t.Denom, t.Name, t.Symbol, uint8(t.Decimals))
}

// tokenUnits converts an amount of a denom into the units its ERC-20
// counts: static units amount · 2^((now − epoch) / half-life) for a
// decaying community currency, the amount itself otherwise.
func (k Keeper) tokenUnits(ctx context.Context, t types.BridgeToken, amount sdkmath.Int) (sdkmath.Int, error) {
	elapsed, halfLife, err := k.decaySinceEpoch(ctx, t)
	if err != nil || halfLife == 0 || amount.IsZero() {
		return amount, err
	}
	static, err := ledgertypes.Undecayed(amount, elapsed, halfLife)
	if err != nil {
		return sdkmath.Int{}, types.ErrAmountTooLarge.Wrapf("%s%s in static units: %v", amount, t.Denom, err)
	}
	return static, nil
}

// denomUnits converts ERC-20 units back into the denom as of now: the
// inverse of tokenUnits, rounded down.
func (k Keeper) denomUnits(ctx context.Context, t types.BridgeToken, units sdkmath.Int) (sdkmath.Int, error) {
	elapsed, halfLife, err := k.decaySinceEpoch(ctx, t)
	if err != nil || halfLife == 0 {
		return units, err
	}
	return ledgertypes.Decayed(units, elapsed, halfLife), nil
}

// decaySinceEpoch returns the whole seconds from the token's epoch to the
// block time and the currency's half-life; 0 half-life for anything that
// does not decay.
func (k Keeper) decaySinceEpoch(ctx context.Context, t types.BridgeToken) (elapsed, halfLife uint64, err error) {
	if t.Origin != types.TokenOriginKizuna {
		return 0, 0, nil
	}
	c, err := k.ledgerKeeper.CurrencyOfDenom(ctx, t.Denom)
	if err != nil || c.HalfLifeSeconds == 0 {
		return 0, 0, err
	}
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	if now.After(t.Epoch) {
		elapsed = uint64(now.Sub(t.Epoch) / time.Second)
	}
	return elapsed, c.HalfLifeSeconds, nil
}
