package keeper

import (
	"context"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

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

		HalfLifeSeconds:    msg.HalfLifeSeconds,
		DefaultCreditLimit: types.IntOrZero(msg.DefaultCreditLimit),
		MaxBalance:         types.IntOrZero(msg.MaxBalance),
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

		HalfLifeSeconds:    currency.HalfLifeSeconds,
		DefaultCreditLimit: currency.DefaultCreditLimit,
		MaxBalance:         currency.MaxBalance,
	}); err != nil {
		return nil, err
	}
	return &types.MsgCreateCurrencyResponse{Denom: denom}, nil
}

// UpdateCurrency changes the name, issuance policy, fee, default credit limit
// or maximum balance of a currency. A new name is written to the x/bank
// metadata too. No change may leave a member beyond its limits: leaving
// mutual credit needs every debt repaid, a lower default credit limit or
// maximum balance needs every member that follows it within it.
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
	if err := updated.ValidateCredit(); err != nil {
		return nil, err
	}
	if err := s.checkCurrencyLimits(ctx, currency, updated); err != nil {
		return nil, err
	}
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

		DefaultCreditLimit: updated.DefaultCreditLimit,
		MaxBalance:         updated.MaxBalance,
	}); err != nil {
		return nil, err
	}
	return &types.MsgUpdateCurrencyResponse{}, nil
}

// checkCurrencyLimits fails unless every member stays within its limits
// under the updated settings. It reads the debtors of the community when the
// default credit limit falls, and every holder of the currency when the
// maximum balance falls: the admin who tightens the rules pays the gas of
// checking them.
func (s msgServer) checkCurrencyLimits(ctx context.Context, old, updated types.Currency) error {
	if old.IssuancePolicy.AllowsCredit() && !updated.IssuancePolicy.AllowsCredit() {
		debt, err := totalOf(ctx, s.TotalDebt, updated.CommunityId)
		if err != nil {
			return err
		}
		if debt.IsPositive() {
			return types.ErrDebtOutstanding.Wrapf("members owe %s%s; %s needs every debt repaid", debt, updated.Denom, updated.IssuancePolicy)
		}
	}
	oldLimit, _ := old.CreditLimit(types.Account{})
	newLimit, _ := updated.CreditLimit(types.Account{})
	if newLimit.LT(oldLimit) {
		rng := collections.NewPrefixedPairRange[uint64, sdk.AccAddress](updated.CommunityId)
		err := s.Accounts.Walk(ctx, rng, func(_ AccountKey, a types.Account) (bool, error) {
			if a.CreditLimit == nil && a.Debt.GT(newLimit) {
				return true, types.ErrLimitBelowDebt.Wrapf("%s owes %s%s, more than the new default credit limit %s; give it a limit of its own first",
					a.Address, a.Debt, updated.Denom, newLimit)
			}
			return false, nil
		})
		if err != nil {
			return err
		}
	}
	oldMax, _ := old.MaxBalanceOf(types.Account{})
	newMax, _ := updated.MaxBalanceOf(types.Account{})
	if newMax.IsPositive() && (oldMax.IsZero() || newMax.LT(oldMax)) {
		return s.checkHoldersWithin(ctx, updated, newMax)
	}
	return nil
}

// checkHoldersWithin fails with types.ErrMaxBelowBalance when a holder of the
// currency that follows its maximum balance holds more than max, decay
// counted. The treasury has no maximum.
func (s msgServer) checkHoldersWithin(ctx context.Context, c types.Currency, max sdkmath.Int) error {
	return s.walkMemberPositions(ctx, c, func(p *position) error {
		if p.record.MaxBalance == nil && p.net().GT(max) {
			return types.ErrMaxBelowBalance.Wrapf("%s holds %s%s, more than the new maximum %s; give it a maximum of its own first",
				s.formatAddress(p.addr), p.net(), c.Denom, max)
		}
		return nil
	})
}
