package keeper

import (
	"context"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/internal/grpcerr"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// Treasury returns a community's treasury address and balances.
func (q queryServer) Treasury(ctx context.Context, req *types.QueryTreasuryRequest) (*types.QueryTreasuryResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	if _, err := q.communityKeeper.GetCommunity(ctx, req.CommunityId); err != nil {
		return nil, err
	}
	treasury := sdk.AccAddress(types.TreasuryAddress(req.CommunityId))
	return &types.QueryTreasuryResponse{
		Address:  q.formatAddress(treasury),
		Balances: q.bankKeeper.GetAllBalances(ctx, treasury),
	}, nil
}

// FeeAccount returns a community's fee account address and its balance in
// fee_denom.
func (q queryServer) FeeAccount(ctx context.Context, req *types.QueryFeeAccountRequest) (*types.QueryFeeAccountResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	if _, err := q.communityKeeper.GetCommunity(ctx, req.CommunityId); err != nil {
		return nil, err
	}
	params, err := q.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	var member sdk.AccAddress
	if req.Member != "" {
		if member, err = q.parseAddress("member", req.Member); err != nil {
			return nil, err
		}
	}
	sponsorship, err := q.FeeSponsorshipOf(ctx, req.CommunityId, params)
	if err != nil {
		return nil, err
	}
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	period := params.SponsoredPeriod(now.Unix())
	budgetSpent, err := sponsoredSpent(ctx, q.SponsoredByCommunity.Get, req.CommunityId, period)
	if err != nil {
		return nil, err
	}
	memberSpent := sdkmath.ZeroInt()
	if member != nil {
		if memberSpent, err = sponsoredSpent(ctx, q.SponsoredByMember.Get, collections.Join(req.CommunityId, member), period); err != nil {
			return nil, err
		}
	}
	feeAccount := sdk.AccAddress(types.FeeAccountAddress(req.CommunityId))
	return &types.QueryFeeAccountResponse{
		Address:       q.formatAddress(feeAccount),
		Balance:       q.bankKeeper.GetBalance(ctx, feeAccount, params.FeeDenom),
		Sponsorship:   sponsorship,
		PeriodSeconds: params.FeeAllowancePeriodSeconds,
		PeriodEnd:     sponsoredPeriodEnd(params, now),
		BudgetSpent:   budgetSpent,
		MemberSpent:   memberSpent,
		MaxGas:        params.SponsoredMaxGas,
	}, nil
}

// MonthlyCreated returns how much of a member's cap a target month has used.
func (q queryServer) MonthlyCreated(ctx context.Context, req *types.QueryMonthlyCreatedRequest) (*types.QueryMonthlyCreatedResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	member, err := q.parseAddress("address", req.Address)
	if err != nil {
		return nil, err
	}
	month := types.MonthOf(sdk.UnwrapSDKContext(ctx).BlockTime())
	if req.Month != "" {
		if month, err = types.ParseMonth(req.Month); err != nil {
			return nil, err
		}
	}
	currency, err := q.GetCurrency(ctx, req.CommunityId)
	if err != nil {
		return nil, err
	}
	params, err := q.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	created, err := q.MonthlyCreatedOf(ctx, req.CommunityId, member, month)
	if err != nil {
		return nil, err
	}
	limit := types.MonthlyCap(params.MonthlyCreationCap, currency.Decimals)
	remaining := limit.Sub(created)
	if remaining.IsNegative() {
		remaining = sdkmath.ZeroInt()
	}
	return &types.QueryMonthlyCreatedResponse{Month: month.String(), Created: created, Cap: limit, Remaining: remaining}, nil
}

// Account returns a member's position in a currency as of the current block:
// the decay due since its last touch is taken off its balance, as the next
// touch will burn it.
func (q queryServer) Account(ctx context.Context, req *types.QueryAccountRequest) (*types.QueryAccountResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	addr, err := q.parseAddress("address", req.Address)
	if err != nil {
		return nil, err
	}
	currency, err := q.GetCurrency(ctx, req.CommunityId)
	if err != nil {
		return nil, err
	}
	p, err := q.position(ctx, currency, addr)
	if err != nil {
		return nil, err
	}
	limit, limitIsDefault := currency.CreditLimit(p.record)
	maxBalance, maxIsDefault := currency.MaxBalanceOf(p.record)
	return &types.QueryAccountResponse{
		Denom:                currency.Denom,
		Balance:              p.balance,
		PendingDecay:         p.decay,
		Debt:                 p.debt(),
		NetBalance:           p.net(),
		CreditLimit:          limit,
		CreditLimitIsDefault: limitIsDefault,
		MaxBalance:           maxBalance,
		MaxBalanceIsDefault:  maxIsDefault,
		Available:            sdkmath.MaxInt(p.net().Add(limit), sdkmath.ZeroInt()),
		HalfLifeSeconds:      currency.HalfLifeSeconds,
	}, nil
}
