package app

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
)

// virtualFeeCollector is the bank keeper the ante handler deducts fees
// with. A fee paid to the fee collector is taken from the payer at once but
// kept in x/bank's object store, under the payer's transaction, until
// x/bank's end blocker, the first of the block's end blockers, adds the
// block's fees to the fee collector's balance in one write
// (bankkeeper.BaseKeeper.CreditVirtualAccounts). Without it, every
// transaction of a block writes the same balance: a write that every other
// transaction's conflicts with, which kept Block-STM from running a
// block's transactions in parallel, and one more IAVL update per
// transaction. Fees collected in a block are distributed at the next
// block's start either way.
type virtualFeeCollector struct {
	bankkeeper.BaseKeeper
}

// SendCoinsFromAccountToModule sends to the fee collector through the
// object store, and to any other module as usual.
func (b virtualFeeCollector) SendCoinsFromAccountToModule(ctx context.Context, from sdk.AccAddress, module string, amt sdk.Coins) error {
	if module == authtypes.FeeCollectorName {
		return b.SendCoinsFromAccountToModuleVirtual(ctx, from, module, amt)
	}
	return b.BaseKeeper.SendCoinsFromAccountToModule(ctx, from, module, amt)
}
