package keeper

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/kizuna-chain/kizuna/x/bridge/types"
	ledgertypes "github.com/kizuna-chain/kizuna/x/ledger/types"
)

// SendToEthereum takes amount and bridge_fee out of the sender's balance
// and pools the transfer for the next batch of its token. A community
// currency leaves through the ledger, which settles the sender's decay and
// lets only a positive balance go (debt never leaves, credit is never
// drawn); ERC-20 vouchers are burned. The transfer records what the ERC-20
// will count: static units for a decaying currency.
func (s msgServer) SendToEthereum(ctx context.Context, msg *types.MsgSendToEthereum) (*types.MsgSendToEthereumResponse, error) {
	sender, err := s.addressCodec.StringToBytes(msg.Sender)
	if err != nil {
		return nil, sdkerrors.ErrInvalidAddress.Wrapf("sender: %v", err)
	}
	recipient, err := types.ParseEthereumAddress(msg.EthereumRecipient)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateBridgeDenom(msg.Amount.Denom); err != nil {
		return nil, err
	}
	if !msg.Amount.IsValid() || !msg.Amount.IsPositive() {
		return nil, types.ErrInvalidAmount.Wrapf("amount %s must be positive", msg.Amount)
	}
	if !msg.BridgeFee.IsValid() || msg.BridgeFee.Denom != msg.Amount.Denom {
		return nil, types.ErrInvalidAmount.Wrapf("bridge_fee %s must be of %s and not negative", msg.BridgeFee, msg.Amount.Denom)
	}
	token, err := s.TokenOfDenom(ctx, msg.Amount.Denom)
	if err != nil {
		return nil, err
	}
	p, err := s.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if _, ok := p.Contract(); !ok {
		return nil, types.ErrBridgeNotReady
	}
	tokenAmount, err := s.tokenUnits(ctx, token, msg.Amount.Amount)
	if err != nil {
		return nil, err
	}
	tokenFee, err := s.tokenUnits(ctx, token, msg.BridgeFee.Amount)
	if err != nil {
		return nil, err
	}
	if !tokenAmount.IsPositive() {
		return nil, types.ErrInvalidAmount.Wrapf("%s is worth nothing on Ethereum", msg.Amount)
	}
	if _, err := tokenAmount.SafeAdd(tokenFee); err != nil {
		return nil, types.ErrAmountTooLarge.Wrapf("amount and fee: %v", err)
	}

	id, err := s.NextTransferID.Peek(ctx)
	if err != nil {
		return nil, err
	}
	total := msg.Amount.Amount.Add(msg.BridgeFee.Amount)
	memo := fmt.Sprintf("to Ethereum, transfer %d", id)
	if err := s.takeOut(ctx, token, sender, total, recipient, memo); err != nil {
		return nil, err
	}
	if _, err := s.NextTransferID.Next(ctx); err != nil {
		return nil, err
	}
	transfer := types.OutgoingTransfer{
		Id: id, Sender: msg.Sender, EthereumRecipient: recipient.Hex(), Denom: token.Denom, TokenContract: token.TokenContract,
		Amount: msg.Amount.Amount, BridgeFee: msg.BridgeFee.Amount, TokenAmount: tokenAmount, TokenFee: tokenFee,
	}
	if err := s.Transfers.Set(ctx, id, transfer); err != nil {
		return nil, err
	}
	if err := s.SenderTransfers.Set(ctx, collections.Join(sdk.AccAddress(sender), id)); err != nil {
		return nil, err
	}
	if err := s.pool(ctx, transfer); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventSentToEthereum{Transfer: transfer}); err != nil {
		return nil, err
	}
	return &types.MsgSendToEthereumResponse{Id: id}, nil
}

// CancelSendToEthereum refunds a transfer still in the pool to its sender,
// once: a batched transfer waits for its batch to execute or time out.
func (s msgServer) CancelSendToEthereum(ctx context.Context, msg *types.MsgCancelSendToEthereum) (*types.MsgCancelSendToEthereumResponse, error) {
	transfer, err := s.Transfers.Get(ctx, msg.Id)
	if errors.Is(err, collections.ErrNotFound) {
		return nil, types.ErrTransferNotFound.Wrapf("no pending transfer %d", msg.Id)
	}
	if err != nil {
		return nil, err
	}
	if transfer.Sender != msg.Sender {
		return nil, types.ErrNotSender.Wrapf("transfer %d was sent by %s", msg.Id, transfer.Sender)
	}
	if transfer.BatchNonce != 0 {
		return nil, types.ErrTransferBatched.Wrapf("transfer %d is in batch %d of %s", msg.Id, transfer.BatchNonce, transfer.TokenContract)
	}
	token := common.HexToAddress(transfer.TokenContract)
	if err := s.Pool.Remove(ctx, poolKey(transfer)); err != nil {
		return nil, err
	}
	if err := s.unpoolTokenIfEmpty(ctx, token); err != nil {
		return nil, err
	}
	refunded, to, err := s.refund(ctx, transfer, fmt.Sprintf("transfer %d to Ethereum cancelled", transfer.Id))
	if err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventSendToEthereumCanceled{Id: transfer.Id, Sender: transfer.Sender, Refunded: refunded, RefundedTo: to}); err != nil {
		return nil, err
	}
	return &types.MsgCancelSendToEthereumResponse{Refunded: refunded}, nil
}

// takeOut removes total of the token's denom from sender: through the
// ledger for a community currency, by burning for vouchers.
func (k Keeper) takeOut(ctx context.Context, token types.BridgeToken, sender sdk.AccAddress, total sdkmath.Int, recipient common.Address, memo string) error {
	if token.Origin == types.TokenOriginKizuna {
		memo, err := k.fitMemo(ctx, memo)
		if err != nil {
			return err
		}
		return k.ledgerKeeper.SendToBridge(ctx, sender, token.Denom, total, recipient.Hex(), memo)
	}
	coins := sdk.NewCoins(sdk.NewCoin(token.Denom, total))
	if err := k.bankKeeper.SendCoinsFromAccountToModule(ctx, sender, types.ModuleName, coins); err != nil {
		return err
	}
	return k.bankKeeper.BurnCoins(ctx, types.ModuleName, coins)
}

// refund gives a transfer that never left back to its sender and forgets
// it: its amount and fee, less what a decaying currency lost since it was
// sent (its static units are worth that much now). A community currency
// the sender has no room for under its maximum balance goes to the
// community's treasury instead, which has none. It returns what was
// refunded and to whom.
func (k Keeper) refund(ctx context.Context, transfer types.OutgoingTransfer, memo string) (sdkmath.Int, string, error) {
	token, err := k.TokenOfDenom(ctx, transfer.Denom)
	if err != nil {
		return sdkmath.Int{}, "", err
	}
	sender, err := k.addressCodec.StringToBytes(transfer.Sender)
	if err != nil {
		return sdkmath.Int{}, "", err
	}
	back := transfer.Amount.Add(transfer.BridgeFee)
	to := transfer.Sender
	if token.Origin == types.TokenOriginKizuna {
		if back, err = k.denomUnits(ctx, token, transfer.TokenAmount.Add(transfer.TokenFee)); err != nil {
			return sdkmath.Int{}, "", err
		}
		if to, err = k.credit(ctx, token, sender, back, "", ledgertypes.BridgeDirectionRefund, memo); err != nil {
			return sdkmath.Int{}, "", err
		}
	} else {
		coins := sdk.NewCoins(sdk.NewCoin(token.Denom, back))
		if err := k.bankKeeper.MintCoins(ctx, types.ModuleName, coins); err != nil {
			return sdkmath.Int{}, "", err
		}
		if err := k.bankKeeper.SendCoinsFromModuleToAccount(ctx, types.ModuleName, sender, coins); err != nil {
			return sdkmath.Int{}, "", err
		}
	}
	if err := k.forget(ctx, transfer, sender); err != nil {
		return sdkmath.Int{}, "", err
	}
	return back, to, nil
}

// credit mints amount of a community currency to recipient through the
// ledger, or to the community's treasury when the recipient's maximum
// balance leaves no room. It returns who was credited.
func (k Keeper) credit(ctx context.Context, token types.BridgeToken, recipient sdk.AccAddress, amount sdkmath.Int,
	ethSender string, direction ledgertypes.BridgeDirection, memo string,
) (string, error) {
	if !amount.IsPositive() {
		return k.formatAccount(recipient), nil
	}
	fitted, err := k.fitMemo(ctx, memo)
	if err != nil {
		return "", err
	}
	_, err = k.ledgerKeeper.ReceiveFromBridge(ctx, recipient, token.Denom, amount, ethSender, direction, fitted)
	if !errors.Is(err, ledgertypes.ErrMaxBalanceExceeded) {
		return k.formatAccount(recipient), err
	}
	c, err := k.ledgerKeeper.CurrencyOfDenom(ctx, token.Denom)
	if err != nil {
		return "", err
	}
	treasury := sdk.AccAddress(ledgertypes.TreasuryAddress(c.CommunityId))
	if fitted, err = k.fitMemo(ctx, memo+" (for "+k.formatAccount(recipient)+", above its maximum balance)"); err != nil {
		return "", err
	}
	if _, err := k.ledgerKeeper.ReceiveFromBridge(ctx, treasury, token.Denom, amount, ethSender, direction, fitted); err != nil {
		return "", err
	}
	return k.formatAccount(treasury), nil
}

// fitMemo cuts a memo the bridge writes to the ledger's max_memo_length:
// however governance sets it, a crossing is never refused, nor a deposit
// lost, for the length of its memo. The bridge's memos are ASCII.
func (k Keeper) fitMemo(ctx context.Context, memo string) (string, error) {
	p, err := k.ledgerKeeper.GetParams(ctx)
	if err != nil {
		return "", err
	}
	if n := int(p.MaxMemoLength); len(memo) > n {
		memo = strings.TrimSpace(memo[:n])
	}
	return memo, nil
}

// pool puts a transfer in its token's pool.
func (k Keeper) pool(ctx context.Context, transfer types.OutgoingTransfer) error {
	if err := k.Pool.Set(ctx, poolKey(transfer)); err != nil {
		return err
	}
	return k.PoolTokens.Set(ctx, common.HexToAddress(transfer.TokenContract).Bytes())
}

// poolKey is a pooled transfer's key: batches take the highest fees first,
// so that nobody can hold a token's transfers back with a flood of small
// ones without outbidding them.
func poolKey(t types.OutgoingTransfer) PoolKey {
	rank := make([]byte, 32)
	t.TokenFee.BigInt().FillBytes(rank)
	for i := range rank {
		rank[i] = ^rank[i]
	}
	return collections.Join3(common.HexToAddress(t.TokenContract).Bytes(), rank, t.Id)
}

// unpoolTokenIfEmpty drops a token from PoolTokens when none of its
// transfers waits.
func (k Keeper) unpoolTokenIfEmpty(ctx context.Context, token common.Address) error {
	empty := true
	err := k.Pool.Walk(ctx, collections.NewPrefixedTripleRange[[]byte, []byte, uint64](token.Bytes()),
		func(PoolKey) (bool, error) {
			empty = false
			return true, nil
		})
	if err != nil || !empty {
		return err
	}
	return k.PoolTokens.Remove(ctx, token.Bytes())
}

// forget removes a transfer that was refunded or executed.
func (k Keeper) forget(ctx context.Context, transfer types.OutgoingTransfer, sender sdk.AccAddress) error {
	if err := k.Transfers.Remove(ctx, transfer.Id); err != nil {
		return err
	}
	return k.SenderTransfers.Remove(ctx, collections.Join(sender, transfer.Id))
}

// formatAccount writes an account address.
func (k Keeper) formatAccount(addr sdk.AccAddress) string {
	s, _ := k.addressCodec.BytesToString(addr)
	return s
}
