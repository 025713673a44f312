package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// CreateCurrency creates the currency of a community and registers its
// x/bank metadata, so that balances and wallets show its name, symbol and
// decimals.
func (s msgServer) CreateCurrency(ctx context.Context, msg *types.MsgCreateCurrency) (*types.MsgCreateCurrencyResponse, error) {
	admin, err := s.parseAddress("admin", msg.Admin)
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
	if err := s.requireRole(ctx, msg.CommunityId, admin, communitytypes.RoleAdmin); err != nil {
		return nil, err
	}
	if has, err := s.Currencies.Has(ctx, msg.CommunityId); err != nil {
		return nil, err
	} else if has {
		return nil, types.ErrCurrencyExists.Wrapf("community %d", msg.CommunityId)
	}
	denom := types.Denom(msg.CommunityId, msg.Code)
	// Coins of the denom minted outside the ledger (in the bank genesis, say)
	// would break the supply invariant from the start.
	if supply := s.bankKeeper.GetSupply(ctx, denom); !supply.IsZero() {
		return nil, types.ErrDenomInUse.Wrapf("%s already has a supply of %s", denom, supply.Amount)
	}

	currency := types.Currency{
		CommunityId:    msg.CommunityId,
		Code:           msg.Code,
		Name:           msg.Name,
		Decimals:       msg.Decimals,
		Denom:          denom,
		IssuancePolicy: msg.Policy(),
		FeeBps:         msg.FeeBps,
		Creator:        s.formatAddress(admin),
		CreatedAt:      sdk.UnwrapSDKContext(ctx).BlockTime(),
	}
	if err := s.Currencies.Set(ctx, currency.CommunityId, currency); err != nil {
		return nil, err
	}
	s.bankKeeper.SetDenomMetaData(ctx, currency.Metadata())
	if err := emit(ctx, &types.EventCurrencyCreated{
		CommunityId:    currency.CommunityId,
		Denom:          currency.Denom,
		Code:           currency.Code,
		Name:           currency.Name,
		Decimals:       currency.Decimals,
		IssuancePolicy: currency.IssuancePolicy,
		FeeBps:         currency.FeeBps,
		Admin:          currency.Creator,
	}); err != nil {
		return nil, err
	}
	return &types.MsgCreateCurrencyResponse{Denom: denom}, nil
}

// UpdateCurrency changes the name, issuance policy or fee of a currency. A
// new name is written to the x/bank metadata too.
func (s msgServer) UpdateCurrency(ctx context.Context, msg *types.MsgUpdateCurrency) (*types.MsgUpdateCurrencyResponse, error) {
	admin, err := s.parseAddress("admin", msg.Admin)
	if err != nil {
		return nil, err
	}
	params, err := s.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	update, err := msg.Validate(params)
	if err != nil {
		return nil, err
	}
	if err := s.requireRole(ctx, msg.CommunityId, admin, communitytypes.RoleAdmin); err != nil {
		return nil, err
	}
	currency, err := s.GetCurrency(ctx, msg.CommunityId)
	if err != nil {
		return nil, err
	}

	updated := update.Apply(currency)
	if err := s.Currencies.Set(ctx, updated.CommunityId, updated); err != nil {
		return nil, err
	}
	if updated.Name != currency.Name {
		s.bankKeeper.SetDenomMetaData(ctx, updated.Metadata())
	}
	if err := emit(ctx, &types.EventCurrencyUpdated{
		CommunityId:    updated.CommunityId,
		Denom:          updated.Denom,
		Name:           updated.Name,
		IssuancePolicy: updated.IssuancePolicy,
		FeeBps:         updated.FeeBps,
		Admin:          s.formatAddress(admin),
	}); err != nil {
		return nil, err
	}
	return &types.MsgUpdateCurrencyResponse{}, nil
}
