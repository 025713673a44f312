package app

import (
	"encoding/json"
	"errors"
	"fmt"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"

	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	"github.com/cosmos/cosmos-sdk/x/staking"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
)

// ExportAppStateAndValidators exports the state of every module (or of the
// given ones) and the validator set, for `kizunad genesis export`. With
// forZeroHeight the state is prepared for a new chain starting at height 0:
// rewards are paid out and heights reset.
func (app *App) ExportAppStateAndValidators(
	forZeroHeight bool, jailAllowedAddrs, modulesToExport []string,
) (servertypes.ExportedApp, error) {
	ctx := app.NewContextLegacy(true, cmtproto.Header{Height: app.LastBlockHeight()})

	height := app.LastBlockHeight() + 1
	if forZeroHeight {
		height = 0
		if err := app.prepForZeroHeightGenesis(ctx, jailAllowedAddrs); err != nil {
			return servertypes.ExportedApp{}, fmt.Errorf("preparing zero-height genesis: %w", err)
		}
	}

	genState, err := app.ModuleManager.ExportGenesisForModules(ctx, app.appCodec, modulesToExport)
	if err != nil {
		return servertypes.ExportedApp{}, err
	}
	appState, err := json.MarshalIndent(genState, "", "  ")
	if err != nil {
		return servertypes.ExportedApp{}, err
	}
	validators, err := staking.WriteValidators(ctx, app.StakingKeeper)
	if err != nil {
		return servertypes.ExportedApp{}, err
	}
	return servertypes.ExportedApp{
		AppState:        appState,
		Validators:      validators,
		Height:          height,
		ConsensusParams: app.GetConsensusParams(ctx),
	}, nil
}

// prepForZeroHeightGenesis pays out all rewards and commissions, resets the
// distribution and slashing records and the unbonding heights, and numbers
// the ledger's entries from 1, so that the exported state starts cleanly at
// height 0.
func (app *App) prepForZeroHeightGenesis(ctx sdk.Context, jailAllowedAddrs []string) error {
	allowedAddrs := make(map[string]bool, len(jailAllowedAddrs))
	for _, addr := range jailAllowedAddrs {
		if _, err := sdk.ValAddressFromBech32(addr); err != nil {
			return fmt.Errorf("jail-allowed address %q: %w", addr, err)
		}
		allowedAddrs[addr] = true
	}
	valCodec := app.StakingKeeper.ValidatorAddressCodec()

	// Pay out validator commissions.
	var iterErr error
	err := app.StakingKeeper.IterateValidators(ctx, func(_ int64, val stakingtypes.ValidatorI) bool {
		valBz, err := valCodec.StringToBytes(val.GetOperator())
		if err != nil {
			iterErr = err
			return true
		}
		if _, err := app.DistrKeeper.WithdrawValidatorCommission(ctx, valBz); err != nil && !errors.Is(err, distrtypes.ErrNoValidatorCommission) {
			iterErr = err
			return true
		}
		return false
	})
	if err = errors.Join(err, iterErr); err != nil {
		return err
	}

	// Pay out delegator rewards.
	delegations, err := app.StakingKeeper.GetAllDelegations(ctx)
	if err != nil {
		return err
	}
	for _, del := range delegations {
		valAddr, err := valCodec.StringToBytes(del.ValidatorAddress)
		if err != nil {
			return err
		}
		delAddr, err := sdk.AccAddressFromBech32(del.DelegatorAddress)
		if err != nil {
			return err
		}
		if _, err := app.DistrKeeper.WithdrawDelegationRewards(ctx, delAddr, valAddr); err != nil {
			return err
		}
	}

	// Clear slash events and historical rewards; they are re-created below.
	app.DistrKeeper.DeleteAllValidatorSlashEvents(ctx)
	app.DistrKeeper.DeleteAllValidatorHistoricalRewards(ctx)

	height := ctx.BlockHeight()
	ctx = ctx.WithBlockHeight(0)

	// Re-initialise every validator's distribution records, moving leftover
	// outstanding rewards to the community pool.
	err = app.StakingKeeper.IterateValidators(ctx, func(_ int64, val stakingtypes.ValidatorI) bool {
		valBz, err := valCodec.StringToBytes(val.GetOperator())
		if err != nil {
			iterErr = err
			return true
		}
		scraps, err := app.DistrKeeper.GetValidatorOutstandingRewardsCoins(ctx, valBz)
		if err != nil {
			iterErr = err
			return true
		}
		feePool, err := app.DistrKeeper.FeePool.Get(ctx)
		if err != nil {
			iterErr = err
			return true
		}
		feePool.CommunityPool = feePool.CommunityPool.Add(scraps...)
		if err := app.DistrKeeper.FeePool.Set(ctx, feePool); err != nil {
			iterErr = err
			return true
		}
		if err := app.DistrKeeper.Hooks().AfterValidatorCreated(ctx, valBz); err != nil {
			iterErr = err
			return true
		}
		return false
	})
	if err = errors.Join(err, iterErr); err != nil {
		return err
	}

	// Re-initialise delegations.
	for _, del := range delegations {
		valAddr, err := valCodec.StringToBytes(del.ValidatorAddress)
		if err != nil {
			return err
		}
		delAddr, err := sdk.AccAddressFromBech32(del.DelegatorAddress)
		if err != nil {
			return err
		}
		if err := app.DistrKeeper.Hooks().BeforeDelegationCreated(ctx, delAddr, valAddr); err != nil {
			return err
		}
		if err := app.DistrKeeper.Hooks().AfterDelegationModified(ctx, delAddr, valAddr); err != nil {
			return err
		}
	}
	ctx = ctx.WithBlockHeight(height)

	// Reset redelegation and unbonding-delegation creation heights.
	err = app.StakingKeeper.IterateRedelegations(ctx, func(_ int64, red stakingtypes.Redelegation) bool {
		for i := range red.Entries {
			red.Entries[i].CreationHeight = 0
		}
		iterErr = app.StakingKeeper.SetRedelegation(ctx, red)
		return iterErr != nil
	})
	if err = errors.Join(err, iterErr); err != nil {
		return err
	}
	err = app.StakingKeeper.IterateUnbondingDelegations(ctx, func(_ int64, ubd stakingtypes.UnbondingDelegation) bool {
		for i := range ubd.Entries {
			ubd.Entries[i].CreationHeight = 0
		}
		iterErr = app.StakingKeeper.SetUnbondingDelegation(ctx, ubd)
		return iterErr != nil
	})
	if err = errors.Join(err, iterErr); err != nil {
		return err
	}

	// Reset validator unbonding heights and jail those not allowed through.
	store := ctx.KVStore(app.keys[stakingtypes.StoreKey])
	iter := storetypes.KVStoreReversePrefixIterator(store, stakingtypes.ValidatorsKey)
	for ; iter.Valid(); iter.Next() {
		addr := sdk.ValAddress(stakingtypes.AddressFromValidatorsKey(iter.Key()))
		validator, err := app.StakingKeeper.GetValidator(ctx, addr)
		if err != nil {
			_ = iter.Close()
			return fmt.Errorf("validator %s: %w", addr, err)
		}
		validator.UnbondingHeight = 0
		if len(allowedAddrs) > 0 && !allowedAddrs[addr.String()] {
			validator.Jailed = true
		}
		if err := app.StakingKeeper.SetValidator(ctx, validator); err != nil {
			_ = iter.Close()
			return err
		}
	}
	if err := iter.Close(); err != nil {
		return err
	}
	if _, err := app.StakingKeeper.ApplyAndReturnValidatorSetUpdates(ctx); err != nil {
		return err
	}

	// Reset the start height of every validator's signing info.
	err = app.SlashingKeeper.IterateValidatorSigningInfos(ctx,
		func(addr sdk.ConsAddress, info slashingtypes.ValidatorSigningInfo) bool {
			info.StartHeight = 0
			iterErr = app.SlashingKeeper.SetValidatorSigningInfo(ctx, addr, info)
			return iterErr != nil
		})
	if err = errors.Join(err, iterErr); err != nil {
		return err
	}

	// Ledger entry ids derive from heights, which start again at 1.
	return app.LedgerKeeper.RenumberEntries(ctx)
}
