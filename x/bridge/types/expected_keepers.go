package types

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
)

// StakingKeeper is the part of the staking keeper the bridge reads: who
// validates, and with how much of the bonded power.
type StakingKeeper interface {
	// GetValidator returns a validator, or stakingtypes.ErrNoValidatorFound.
	GetValidator(ctx context.Context, addr sdk.ValAddress) (stakingtypes.Validator, error)
	// GetBondedValidatorsByPower returns the bonded validators, most power
	// first.
	GetBondedValidatorsByPower(ctx context.Context) ([]stakingtypes.Validator, error)
}
