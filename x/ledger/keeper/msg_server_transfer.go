package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// Transfer moves units from the sender to another active member, pays the
// community fee on top to the treasury, and marks the ad paid for, if any.
// Everything is checked, the balance included, before the first write.
func (s msgServer) Transfer(ctx context.Context, msg *types.MsgTransfer) (*types.MsgTransferResponse, error) {
	sender, err := s.parseAddress("sender", msg.Sender)
	if err != nil {
		return nil, err
	}
	recipient, err := s.parseAddress("recipient", msg.Recipient)
	if err != nil {
		return nil, err
	}
	params, err := s.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	if err := msg.Validate(params); err != nil {
		return nil, err
	}
	if sender.Equals(recipient) {
		return nil, types.ErrSelfTransfer.Wrapf("%s", msg.Sender)
	}
	if _, err := s.communityKeeper.GetCommunity(ctx, msg.CommunityId); err != nil {
		return nil, err
	}
	currency, err := s.GetCurrency(ctx, msg.CommunityId)
	if err != nil {
		return nil, err
	}
	if err := s.requireActiveMember(ctx, msg.CommunityId, sender, "sender"); err != nil {
		return nil, err
	}
	if err := s.requireActiveMember(ctx, msg.CommunityId, recipient, "recipient"); err != nil {
		return nil, err
	}
	if msg.ExpectedFeeBps != currency.FeeBps {
		return nil, types.ErrFeeMismatch.Wrapf("the sender expects %d bps, %s charges %d bps", msg.ExpectedFeeBps, currency.Denom, currency.FeeBps)
	}
	ads := s.ads.keeper
	if msg.AdId != 0 {
		if ads == nil {
			return nil, types.ErrAdsUnavailable.Wrapf("transfer names ad %d", msg.AdId)
		}
		if err := ads.CheckPayment(ctx, msg.AdId, msg.CommunityId, sender, recipient); err != nil {
			return nil, err
		}
	}
	fee := types.Fee(msg.Amount, currency.FeeBps)
	total, err := msg.Amount.SafeAdd(fee)
	if err != nil {
		return nil, types.ErrInvalidAmount.Wrapf("amount %s plus fee %s: %s", msg.Amount, fee, err)
	}
	if spendable := s.bankKeeper.SpendableCoin(ctx, sender, currency.Denom); spendable.Amount.LT(total) {
		return nil, sdkerrors.ErrInsufficientFunds.Wrapf("%s can spend %s%s, the transfer needs %s (amount %s, fee %s)",
			msg.Sender, spendable.Amount, currency.Denom, total, msg.Amount, fee)
	}

	if err := s.move(ctx, sender, recipient, sdk.NewCoins(sdk.NewCoin(currency.Denom, msg.Amount))); err != nil {
		return nil, err
	}
	senderStr, recipientStr := s.formatAddress(sender), s.formatAddress(recipient)
	type accountEntry struct {
		account sdk.AccAddress
		entry   types.Entry
	}
	entries := []accountEntry{
		{sender, types.Entry{Type: types.EntryTypeSend, Account: senderStr, Counterparty: recipientStr}},
		{recipient, types.Entry{Type: types.EntryTypeReceive, Account: recipientStr, Counterparty: senderStr}},
	}
	if fee.IsPositive() {
		treasury := sdk.AccAddress(types.TreasuryAddress(currency.CommunityId))
		if err := s.move(ctx, sender, treasury, sdk.NewCoins(sdk.NewCoin(currency.Denom, fee))); err != nil {
			return nil, err
		}
		entries = append(entries, accountEntry{sender, types.Entry{
			Type: types.EntryTypeFee, Account: senderStr, Counterparty: s.formatAddress(treasury), Amount: fee,
		}})
	}
	if msg.AdId != 0 {
		if err := ads.MarkPaid(ctx, msg.AdId, msg.Amount); err != nil {
			return nil, err
		}
	}
	for _, ae := range entries {
		e := ae.entry
		e.CommunityId = currency.CommunityId
		e.Denom = currency.Denom
		if e.Amount.IsNil() {
			e.Amount = msg.Amount
		}
		e.Memo = msg.Memo
		e.AdId = msg.AdId
		if _, err := s.recordEntry(ctx, ae.account, e); err != nil {
			return nil, err
		}
	}
	if err := emitTransferred(ctx, &types.EventTransferred{
		CommunityId: currency.CommunityId,
		Denom:       currency.Denom,
		Sender:      senderStr,
		Recipient:   recipientStr,
		Amount:      msg.Amount,
		Fee:         fee,
		Memo:        msg.Memo,
		AdId:        msg.AdId,
	}); err != nil {
		return nil, err
	}
	return &types.MsgTransferResponse{Fee: fee}, nil
}
