package keeper

import (
	"context"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// creation is newly created money on its way to a member.
type creation struct {
	currency  types.Currency
	recipient sdk.AccAddress
	amount    sdkmath.Int
	month     types.Month
	// by is who issued or confirmed it: the entry's counterparty.
	by             string
	memo           string
	contributionID uint64
	// to is the recipient's position, set by prepareCreation.
	to *position
}

// prepareCreation reads the recipient's position and checks that the
// creation keeps it within its maximum balance. It writes nothing.
func (k Keeper) prepareCreation(ctx context.Context, c creation) (creation, error) {
	to, err := k.position(ctx, c.currency, c.recipient)
	if err != nil {
		return creation{}, err
	}
	if err := k.checkReceipt(c.currency, &to, c.amount); err != nil {
		return creation{}, err
	}
	c.to = &to
	return c, nil
}

// create mints a prepared creation to its recipient, which repays its debt
// first, and records the CREATION entry. The caller has checked the cap and
// counted the amount against it.
func (k Keeper) create(ctx context.Context, c creation) (uint64, error) {
	to := c.to
	if err := k.settle(ctx, c.currency, to); err != nil {
		return 0, err
	}
	coins := sdk.NewCoins(sdk.NewCoin(c.currency.Denom, c.amount))
	repaid, err := k.receive(ctx, c.currency, to, c.amount, func() error { return k.mint(ctx, c.currency, c.recipient, coins) })
	if err != nil {
		return 0, err
	}
	if err := k.saveAccount(ctx, to); err != nil {
		return 0, err
	}
	return k.recordEntry(ctx, types.Entry{
		Type:           types.EntryTypeCreation,
		Account:        k.formatAddress(c.recipient),
		CommunityId:    c.currency.CommunityId,
		Denom:          c.currency.Denom,
		Counterparty:   c.by,
		Amount:         c.amount,
		Memo:           c.memo,
		ContributionId: c.contributionID,
		Month:          c.month.String(),
		DebtChange:     repaid.Neg(),
	})
}
