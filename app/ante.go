package app

import (
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	"github.com/cosmos/cosmos-sdk/x/auth/ante"
)

// HandlerOptions are the keepers and settings the Kizuna ante handler needs.
type HandlerOptions struct {
	ante.HandlerOptions
	// MinGasPrice is the chain-wide gas price floor; zero disables it.
	MinGasPrice sdk.DecCoin
	// SignatureCache, when set, carries verified signatures from CheckTx to
	// FinalizeBlock.
	SignatureCache *SignatureCache
}

// NewAnteHandler returns the SDK's standard ante chain (signatures, sequence,
// fee deduction honouring fee grants) with a fee checker that enforces both
// the chain-wide gas price floor and the validator's local minimum-gas-prices,
// and the signature cache if there is one.
func NewAnteHandler(options HandlerOptions) (sdk.AnteHandler, error) {
	if options.FeegrantKeeper == nil {
		return nil, errorsmod.Wrap(sdkerrors.ErrLogic, "feegrant keeper is required for the ante handler")
	}
	if err := options.MinGasPrice.Validate(); err != nil {
		return nil, errorsmod.Wrapf(sdkerrors.ErrLogic, "invalid minimum gas price: %v", err)
	}
	opts := options.HandlerOptions
	opts.TxFeeChecker = MinGasPriceFeeChecker(options.MinGasPrice)
	handler, err := ante.NewAnteHandler(opts)
	if err != nil || options.SignatureCache == nil {
		return handler, err
	}
	return withSignatureCache(options.SignatureCache, options.AccountKeeper, options.SignModeHandler, handler), nil
}

// MinGasPriceFeeChecker returns a TxFeeChecker that requires
// fee >= ceil(gas × price) for the chain floor in every mode after genesis,
// and for the node's configured minimum-gas-prices during CheckTx. Genesis
// transactions (block height 0) are exempt from the floor: they are validator
// gentxs that every validator checks when it starts the chain.
func MinGasPriceFeeChecker(floor sdk.DecCoin) ante.TxFeeChecker {
	return func(ctx sdk.Context, tx sdk.Tx) (sdk.Coins, int64, error) {
		feeTx, ok := tx.(sdk.FeeTx)
		if !ok {
			return nil, 0, errorsmod.Wrap(sdkerrors.ErrTxDecode, "transaction must be a FeeTx")
		}
		fee := feeTx.GetFee()
		gas := feeTx.GetGas()

		if ctx.BlockHeight() > 0 && floor.IsPositive() {
			if required := requiredFee(floor, gas); !fee.IsAllGTE(sdk.NewCoins(required)) {
				return nil, 0, errorsmod.Wrapf(sdkerrors.ErrInsufficientFee,
					"fee %s is below the chain minimum %s for %d gas (gas price %s)", fee, required, gas, floor)
			}
		}

		if ctx.IsCheckTx() {
			local := ctx.MinGasPrices()
			if !local.IsZero() {
				required := make(sdk.Coins, 0, len(local))
				for _, price := range local {
					required = append(required, requiredFee(price, gas))
				}
				if !fee.IsAnyGTE(required) {
					return nil, 0, errorsmod.Wrapf(sdkerrors.ErrInsufficientFee,
						"insufficient fees; got: %s required: %s", fee, required)
				}
			}
		}

		return fee, txPriority(fee, gas), nil
	}
}

func requiredFee(price sdk.DecCoin, gas uint64) sdk.Coin {
	amount := price.Amount.Mul(sdkmath.LegacyNewDecFromInt(sdkmath.NewIntFromUint64(gas)))
	return sdk.NewCoin(price.Denom, amount.Ceil().RoundInt())
}

// txPriority ranks transactions by the gas price they pay in ukiz.
func txPriority(fee sdk.Coins, gas uint64) int64 {
	if gas == 0 {
		return 0
	}
	price := fee.AmountOf(BondDenom).Quo(sdkmath.NewIntFromUint64(gas))
	if !price.IsInt64() {
		return int64(^uint64(0) >> 1)
	}
	return price.Int64()
}
