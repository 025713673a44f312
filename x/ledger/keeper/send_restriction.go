package keeper

import (
	"context"
	"strings"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// ledgerMoveKey marks a context in which the ledger itself moves community
// currency, so that its send restriction lets the move through.
type ledgerMoveKey struct{}

// ledgerMove returns ctx marked as a move made by the ledger.
func ledgerMove(ctx context.Context) context.Context {
	return sdk.UnwrapSDKContext(ctx).WithValue(ledgerMoveKey{}, true)
}

// SendRestriction is an x/bank send restriction that keeps community
// currencies (denoms starting with "cc/") from moving except through the
// ledger, which checks membership, the fee and the ad, and records the
// history. Install it with bankKeeper.AppendSendRestriction: without it, a
// plain bank send would bypass every rule of MsgTransfer.
func (k Keeper) SendRestriction(ctx context.Context, _, toAddr sdk.AccAddress, amt sdk.Coins) (sdk.AccAddress, error) {
	if moving, _ := ctx.Value(ledgerMoveKey{}).(bool); moving {
		return toAddr, nil
	}
	for _, coin := range amt {
		if strings.HasPrefix(coin.Denom, types.DenomPrefix) {
			return toAddr, types.ErrCurrencyRestricted.Wrapf("%s cannot be sent with x/bank; use kizunad tx ledger transfer", coin.Denom)
		}
	}
	return toAddr, nil
}

// mint creates amount of the currency for recipient and adds it to the
// currency's created total.
func (k Keeper) mint(ctx context.Context, c types.Currency, recipient sdk.AccAddress, amount sdk.Coins) error {
	if err := k.mintTo(ctx, recipient, amount); err != nil {
		return err
	}
	return k.addCreated(ctx, c.CommunityId, amount.AmountOf(c.Denom))
}

// mintTo mints amount to recipient, counting it in no total: the caller
// does.
func (k Keeper) mintTo(ctx context.Context, recipient sdk.AccAddress, amount sdk.Coins) error {
	ctx = ledgerMove(ctx)
	if err := k.bankKeeper.MintCoins(ctx, types.ModuleName, amount); err != nil {
		return err
	}
	return k.bankKeeper.SendCoinsFromModuleToAccount(ctx, types.ModuleName, recipient, amount)
}

// move sends community currency between accounts on behalf of the ledger.
func (k Keeper) move(ctx context.Context, from, to sdk.AccAddress, amount sdk.Coins) error {
	return k.bankKeeper.SendCoins(ledgerMove(ctx), from, to, amount)
}
