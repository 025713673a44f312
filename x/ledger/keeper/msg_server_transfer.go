package keeper

import (
	"context"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// Transfer moves units from the sender to another active member, pays the
// community fee on top to the treasury, and marks the ad paid for, if any.
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
	if _, err := s.communityKeeper.GetCommunity(ctx, msg.CommunityId); err != nil {
		return nil, err
	}
	currency, err := s.GetCurrency(ctx, msg.CommunityId)
	if err != nil {
		return nil, err
	}
	done, err := s.pay(ctx, payment{
		currency: currency, sender: sender, recipient: recipient, amount: msg.Amount,
		memo: msg.Memo, adID: msg.AdId, expectedFeeBps: msg.ExpectedFeeBps,
	})
	if err != nil {
		return nil, err
	}
	return &types.MsgTransferResponse{Fee: done.fee}, nil
}

// payment is a transfer between two members of a community.
type payment struct {
	currency          types.Currency
	sender, recipient sdk.AccAddress
	amount            sdkmath.Int
	memo              string
	adID              uint64
	expectedFeeBps    uint32
	// requestID is the payment request the payment settles, or 0.
	requestID uint64
}

// paid is what a payment did.
type paid struct {
	fee         sdkmath.Int
	sendEntryID uint64
}

// pay runs a payment under every rule of a transfer: both parties active
// members, the fee the sender expects, the ad's payment rule, decay, the
// sender's credit limit and the recipient's maximum balance. Everything is
// checked before the first write. A sender without the balance draws the
// shortfall on credit; a recipient with debt repays it first.
func (k Keeper) pay(ctx context.Context, p payment) (paid, error) {
	c := p.currency
	if p.sender.Equals(p.recipient) {
		return paid{}, types.ErrSelfTransfer.Wrapf("%s", k.formatAddress(p.sender))
	}
	if err := k.requireActiveMember(ctx, c.CommunityId, p.sender, "sender"); err != nil {
		return paid{}, err
	}
	if err := k.requireActiveMember(ctx, c.CommunityId, p.recipient, "recipient"); err != nil {
		return paid{}, err
	}
	if p.expectedFeeBps != c.FeeBps {
		return paid{}, types.ErrFeeMismatch.Wrapf("the sender expects %d bps, %s charges %d bps", p.expectedFeeBps, c.Denom, c.FeeBps)
	}
	ads := k.ads.keeper
	if p.adID != 0 {
		if ads == nil {
			return paid{}, types.ErrAdsUnavailable.Wrapf("transfer names ad %d", p.adID)
		}
		if err := ads.CheckPayment(ctx, p.adID, c.CommunityId, p.sender, p.recipient); err != nil {
			return paid{}, err
		}
	}
	fee := types.Fee(p.amount, c.FeeBps)
	total, err := p.amount.SafeAdd(fee)
	if err != nil {
		return paid{}, types.ErrInvalidAmount.Wrapf("amount %s plus fee %s: %s", p.amount, fee, err)
	}
	from, err := k.position(ctx, c, p.sender)
	if err != nil {
		return paid{}, err
	}
	to, err := k.recipientPosition(ctx, c, p.recipient)
	if err != nil {
		return paid{}, err
	}
	shortfall, err := k.checkSpend(c, &from, total, p.amount, fee)
	if err != nil {
		return paid{}, err
	}
	if err := k.checkReceipt(c, &to, p.amount); err != nil {
		return paid{}, err
	}

	if err := k.settle(ctx, c, &from); err != nil {
		return paid{}, err
	}
	if err := k.settle(ctx, c, &to); err != nil {
		return paid{}, err
	}
	if shortfall.IsPositive() {
		if err := k.drawCredit(ctx, c, &from, shortfall); err != nil {
			return paid{}, err
		}
	}
	coins := sdk.NewCoins(sdk.NewCoin(c.Denom, p.amount))
	repaid, err := k.receive(ctx, c, &to, p.amount, func() error { return k.move(ctx, p.sender, p.recipient, coins) })
	if err != nil {
		return paid{}, err
	}
	senderStr, recipientStr := k.formatAddress(p.sender), k.formatAddress(p.recipient)
	type accountEntry struct {
		account sdk.AccAddress
		entry   types.Entry
	}
	// The sender's SEND entry carries the fee: one entry fewer per transfer
	// than a FEE entry of its own.
	entries := []accountEntry{
		{p.sender, types.Entry{Type: types.EntryTypeSend, Account: senderStr, Counterparty: recipientStr, DebtChange: shortfall, Fee: fee}},
		{p.recipient, types.Entry{Type: types.EntryTypeReceive, Account: recipientStr, Counterparty: senderStr, DebtChange: repaid.Neg()}},
	}
	if fee.IsPositive() {
		treasury := sdk.AccAddress(types.TreasuryAddress(c.CommunityId))
		if err := k.collectFee(ctx, c, p.sender, treasury, fee); err != nil {
			return paid{}, err
		}
	}
	if err := k.saveAccount(ctx, &from); err != nil {
		return paid{}, err
	}
	if err := k.saveAccount(ctx, &to); err != nil {
		return paid{}, err
	}
	if p.adID != 0 {
		if err := ads.MarkPaid(ctx, p.adID, p.amount); err != nil {
			return paid{}, err
		}
	}
	done := paid{fee: fee}
	for i, ae := range entries {
		e := ae.entry
		e.CommunityId = c.CommunityId
		e.Denom = c.Denom
		e.Amount = p.amount
		e.Memo = p.memo
		e.AdId = p.adID
		e.PaymentRequestId = p.requestID
		id, err := k.recordEntry(ctx, e)
		if err != nil {
			return paid{}, err
		}
		if i == 0 {
			done.sendEntryID = id
		}
	}
	return done, emitTransferred(ctx, &types.EventTransferred{
		CommunityId:      c.CommunityId,
		Denom:            c.Denom,
		Sender:           senderStr,
		Recipient:        recipientStr,
		Amount:           p.amount,
		Fee:              fee,
		Memo:             p.memo,
		AdId:             p.adID,
		CreditDrawn:      shortfall,
		DebtRepaid:       repaid,
		PaymentRequestId: p.requestID,
	})
}

// checkSpend checks that the account at from may pay total (amount plus
// fee) and returns the part it must draw on credit: what total exceeds the
// balance by. Without a mutual-credit policy there is no credit.
func (k Keeper) checkSpend(c types.Currency, from *position, total, amount, fee sdkmath.Int) (sdkmath.Int, error) {
	if total.LTE(from.balance) {
		return sdkmath.ZeroInt(), nil
	}
	shortfall := total.Sub(from.balance)
	if !c.IssuancePolicy.AllowsCredit() {
		return sdkmath.Int{}, sdkerrors.ErrInsufficientFunds.Wrapf("%s can spend %s%s, the transfer needs %s (amount %s, fee %s)",
			k.formatAddress(from.addr), from.balance, c.Denom, total, amount, fee)
	}
	limit, _ := c.CreditLimit(from.record)
	if from.debt().Add(shortfall).GT(limit) {
		available := sdkmath.MaxInt(from.net().Add(limit), sdkmath.ZeroInt())
		return sdkmath.Int{}, types.ErrCreditLimitExceeded.Wrapf(
			"%s can pay %s%s (net balance %s, credit limit %s); the transfer needs %s (amount %s, fee %s)",
			k.formatAddress(from.addr), available, c.Denom, from.net(), limit, total, amount, fee)
	}
	return shortfall, nil
}

// collectFee moves a transfer's fee to the community treasury, which decays
// like any other holder (and has no other reason for a record).
func (k Keeper) collectFee(ctx context.Context, c types.Currency, sender, treasury sdk.AccAddress, fee sdkmath.Int) error {
	coins := sdk.NewCoins(sdk.NewCoin(c.Denom, fee))
	if c.HalfLifeSeconds == 0 {
		return k.move(ctx, sender, treasury, coins)
	}
	t, err := k.position(ctx, c, treasury)
	if err != nil {
		return err
	}
	if err := k.settle(ctx, c, &t); err != nil {
		return err
	}
	if err := k.move(ctx, sender, treasury, coins); err != nil {
		return err
	}
	return k.saveAccount(ctx, &t)
}
