package keeper

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// The ledger's side of the Ethereum bridge. x/bridge moves community
// currencies to Ethereum and back and calls these methods; who may bridge,
// batches, attestations and module accounts are its business, the ledger's
// rules (decay, debt, maximum balances, the history and the totals) these
// methods'. Each checks everything before its first write, so a refusal
// changes nothing, not even in a context without a cache.

// CurrencyOfDenom returns the currency whose x/bank denom is denom, or an
// error wrapping types.ErrCurrencyNotFound when none is: the bridge names
// currencies by denom, cc/{community_id}/{CODE}.
func (k Keeper) CurrencyOfDenom(ctx context.Context, denom string) (types.Currency, error) {
	notFound := func() (types.Currency, error) {
		return types.Currency{}, types.ErrCurrencyNotFound.Wrapf("no currency has denom %q", denom)
	}
	rest, ok := strings.CutPrefix(denom, types.DenomPrefix)
	if !ok {
		return notFound()
	}
	idPart, _, ok := strings.Cut(rest, "/")
	if !ok {
		return notFound()
	}
	id, err := strconv.ParseUint(idPart, 10, 64)
	if err != nil {
		return notFound()
	}
	c, err := k.Currencies.Get(ctx, id)
	if errors.Is(err, collections.ErrNotFound) {
		return notFound()
	}
	if err != nil {
		return types.Currency{}, err
	}
	// The id parsed leniently (leading zeros): only the very denom counts.
	if c.Denom != denom {
		return notFound()
	}
	return c, nil
}

// SendToBridge takes amount of the currency whose denom is denom out of
// sender's balance, for a transfer to ethRecipient on Ethereum: it settles
// the sender's decay first, as a transfer does, then burns amount, adds it
// to the currency's bridged-out total, records a BRIDGE entry (direction
// OUT) in the sender's history and emits EventBridgedOut.
//
// Only a balance held leaves: amount must not exceed the sender's x/bank
// balance after decay, or it fails with types.ErrBridgeNeedsCredit. Credit
// never does, so debt drawn on a mutual-credit currency stays on the chain
// where it can be repaid. Amount must be positive and at most
// types.MaxLimit, ethRecipient 0x and 40 hex digits, memo within the params'
// max_memo_length. Membership is the caller's concern.
func (k Keeper) SendToBridge(ctx context.Context, sender sdk.AccAddress, denom string, amount sdkmath.Int, ethRecipient, memo string) error {
	c, err := k.CurrencyOfDenom(ctx, denom)
	if err != nil {
		return err
	}
	if err := k.checkBridged(ctx, amount, memo); err != nil {
		return err
	}
	if err := types.ValidateEthereumAddress(ethRecipient); err != nil {
		return err
	}
	from, err := k.position(ctx, c, sender)
	if err != nil {
		return err
	}
	if amount.GT(from.balance) {
		return types.ErrBridgeNeedsCredit.Wrapf("%s holds %s%s after decay (debt %s); %s cannot leave for Ethereum",
			k.formatAddress(sender), from.balance, c.Denom, from.debt(), amount)
	}

	if err := k.settle(ctx, c, &from); err != nil {
		return err
	}
	if err := k.burnFrom(ctx, sender, sdk.NewCoins(sdk.NewCoin(c.Denom, amount))); err != nil {
		return err
	}
	from.balance = from.balance.Sub(amount)
	if err := addTotal(ctx, k.BridgedOut, c.CommunityId, amount); err != nil {
		return err
	}
	if err := k.saveAccount(ctx, &from); err != nil {
		return err
	}
	account := k.formatAddress(sender)
	id, err := k.recordEntry(ctx, types.Entry{
		Type: types.EntryTypeBridge, Account: account, CommunityId: c.CommunityId, Denom: c.Denom, Amount: amount,
		Memo: memo, DebtChange: sdkmath.ZeroInt(), EthereumAddress: ethRecipient, BridgeDirection: types.BridgeDirectionOut,
	})
	if err != nil {
		return err
	}
	return emit(ctx, &types.EventBridgedOut{
		CommunityId: c.CommunityId, Denom: c.Denom, Sender: account, EthereumAddress: ethRecipient,
		Amount: amount, Memo: memo, EntryId: id,
	})
}

// ReceiveFromBridge mints amount of the currency whose denom is denom to
// recipient: units coming back from ethSender on Ethereum (direction IN),
// or a transfer out that the bridge returns before it left, cancelled or
// timed out with its batch (direction REFUND; ethSender is then the
// recipient the transfer named, or empty). It settles the recipient's
// decay, then credits amount as a transfer's receipt is credited: debt is
// repaid first (burned), the rest stays in the balance. It adds amount to
// the currency's bridged-back total, records a BRIDGE entry whose
// debt_change is minus the debt repaid, emits EventBridgedBack, and returns
// the amount repaid.
//
// Any address may receive, member or not, since a deposit on Ethereum may
// name any; whether it is a module account or an address x/bank blocks is
// the caller's to check first. A recipient whose net balance would pass
// its maximum is refused with types.ErrMaxBalanceExceeded: the caller then
// credits the community treasury instead, which has no maximum. Amount
// must be positive and at most types.MaxLimit, ethSender 0x and 40 hex
// digits (for IN), memo within the params' max_memo_length.
func (k Keeper) ReceiveFromBridge(
	ctx context.Context, recipient sdk.AccAddress, denom string, amount sdkmath.Int, ethSender string,
	direction types.BridgeDirection, memo string,
) (sdkmath.Int, error) {
	c, err := k.CurrencyOfDenom(ctx, denom)
	if err != nil {
		return sdkmath.Int{}, err
	}
	if err := k.checkBridged(ctx, amount, memo); err != nil {
		return sdkmath.Int{}, err
	}
	switch {
	case direction != types.BridgeDirectionIn && direction != types.BridgeDirectionRefund:
		return sdkmath.Int{}, types.ErrInvalidDirection.Wrapf("units come back %s or %s, not %s",
			types.BridgeDirectionIn, types.BridgeDirectionRefund, direction)
	case ethSender != "" || direction == types.BridgeDirectionIn:
		if err := types.ValidateEthereumAddress(ethSender); err != nil {
			return sdkmath.Int{}, err
		}
	}
	to, err := k.recipientPosition(ctx, c, recipient)
	if err != nil {
		return sdkmath.Int{}, err
	}
	if !recipient.Equals(sdk.AccAddress(types.TreasuryAddress(c.CommunityId))) {
		if err := k.checkReceipt(c, &to, amount); err != nil {
			return sdkmath.Int{}, err
		}
	}

	if err := k.settle(ctx, c, &to); err != nil {
		return sdkmath.Int{}, err
	}
	coins := sdk.NewCoins(sdk.NewCoin(c.Denom, amount))
	repaid, err := k.receive(ctx, c, &to, amount, func() error { return k.mintTo(ctx, recipient, coins) })
	if err != nil {
		return sdkmath.Int{}, err
	}
	if err := addTotal(ctx, k.BridgedBack, c.CommunityId, amount); err != nil {
		return sdkmath.Int{}, err
	}
	if err := k.saveAccount(ctx, &to); err != nil {
		return sdkmath.Int{}, err
	}
	account := k.formatAddress(recipient)
	id, err := k.recordEntry(ctx, types.Entry{
		Type: types.EntryTypeBridge, Account: account, CommunityId: c.CommunityId, Denom: c.Denom, Amount: amount,
		Memo: memo, DebtChange: repaid.Neg(), EthereumAddress: ethSender, BridgeDirection: direction,
	})
	if err != nil {
		return sdkmath.Int{}, err
	}
	return repaid, emit(ctx, &types.EventBridgedBack{
		CommunityId: c.CommunityId, Denom: c.Denom, Recipient: account, EthereumAddress: ethSender,
		Amount: amount, Direction: direction, Memo: memo, DebtRepaid: repaid, EntryId: id,
	})
}

// checkBridged checks the amount and memo of a transfer over the bridge.
// The amount is bounded by types.MaxLimit, like every balance a member can
// reach: an amount minted from Ethereum is not bounded by a balance here,
// and x/bank panics on a supply past 256 bits. The memo is bounded as a
// transfer's, so that the entry passes genesis validation.
func (k Keeper) checkBridged(ctx context.Context, amount sdkmath.Int, memo string) error {
	if err := types.ValidateAmount(amount); err != nil {
		return err
	}
	if amount.GT(types.MaxLimit) {
		return types.ErrInvalidAmount.Wrapf("amount %s is above %s", amount, types.MaxLimit)
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	return params.ValidateMemo(memo)
}
