package app_test

import (
	"testing"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/kizuna-chain/kizuna/app"
)

// feeTx is the part of a transaction the fee checker reads.
type feeTx struct {
	sdk.FeeTx
	fee sdk.Coins
	gas uint64
}

func (t feeTx) GetFee() sdk.Coins { return t.fee }
func (t feeTx) GetGas() uint64    { return t.gas }

func TestMinGasPriceFeeChecker(t *testing.T) {
	floor := sdk.NewDecCoinFromDec(app.BondDenom, sdkmath.LegacyNewDecWithPrec(1, 3)) // 0.001ukiz
	local := sdk.NewDecCoins(sdk.NewDecCoinFromDec(app.BondDenom, sdkmath.LegacyNewDecWithPrec(2, 3)))
	check := app.MinGasPriceFeeChecker(floor)

	tests := []struct {
		name    string
		height  int64
		checkTx bool
		local   sdk.DecCoins
		fee     sdk.Coins
		gas     uint64
		wantErr bool
	}{
		{name: "fee at the floor is accepted", height: 5, fee: sdk.NewCoins(sdk.NewInt64Coin("ukiz", 200)), gas: 200_000},
		{name: "fee one ukiz under the floor is rejected", height: 5, fee: sdk.NewCoins(sdk.NewInt64Coin("ukiz", 199)), gas: 200_000, wantErr: true},
		{name: "fee rounds up", height: 5, fee: sdk.NewCoins(sdk.NewInt64Coin("ukiz", 1)), gas: 1, wantErr: false},
		{name: "no fee is rejected", height: 5, gas: 200_000, wantErr: true},
		{name: "fee in another denom is rejected", height: 5, fee: sdk.NewCoins(sdk.NewInt64Coin("uatom", 1000)), gas: 200_000, wantErr: true},
		{name: "genesis transactions are exempt", height: 0, gas: 200_000},
		{name: "validator minimum applies in CheckTx", height: 5, checkTx: true, local: local, fee: sdk.NewCoins(sdk.NewInt64Coin("ukiz", 300)), gas: 200_000, wantErr: true},
		{name: "validator minimum met in CheckTx", height: 5, checkTx: true, local: local, fee: sdk.NewCoins(sdk.NewInt64Coin("ukiz", 400)), gas: 200_000},
		{name: "validator minimum does not apply in DeliverTx", height: 5, local: local, fee: sdk.NewCoins(sdk.NewInt64Coin("ukiz", 300)), gas: 200_000},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := sdk.NewContext(nil, cmtproto.Header{Height: tc.height}, tc.checkTx, nil).
				WithBlockHeight(tc.height).WithIsCheckTx(tc.checkTx).WithMinGasPrices(tc.local)
			fee, priority, err := check(ctx, feeTx{fee: tc.fee, gas: tc.gas})
			if tc.wantErr {
				require.ErrorIs(t, err, sdkerrors.ErrInsufficientFee)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.fee, fee)
			require.GreaterOrEqual(t, priority, int64(0))
		})
	}
}

func TestNewAnteHandler_RequiresFeegrantKeeper(t *testing.T) {
	_, err := app.NewAnteHandler(app.HandlerOptions{MinGasPrice: app.MinGasPrice})
	require.ErrorIs(t, err, sdkerrors.ErrLogic)
}
