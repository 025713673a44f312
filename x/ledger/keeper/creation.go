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
}

// create mints a creation to its recipient and records the CREATION entry.
// The caller has checked the cap and counted the amount against it.
func (k Keeper) create(ctx context.Context, c creation) (uint64, error) {
	if err := k.mint(ctx, c.currency, c.recipient, sdk.NewCoins(sdk.NewCoin(c.currency.Denom, c.amount))); err != nil {
		return 0, err
	}
	return k.recordEntry(ctx, c.recipient, types.Entry{
		Type:           types.EntryTypeCreation,
		Account:        k.formatAddress(c.recipient),
		CommunityId:    c.currency.CommunityId,
		Denom:          c.currency.Denom,
		Counterparty:   c.by,
		Amount:         c.amount,
		Memo:           c.memo,
		ContributionId: c.contributionID,
		Month:          c.month.String(),
	})
}
