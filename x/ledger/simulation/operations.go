// Package simulation builds random Msgs of the ledger module for the chain
// simulation: currencies of every issuance policy, with and without decay,
// credit limits and maximum balances; issuance and contributions under the
// monthly cap; transfers within and beyond what the payer may spend, for
// ads too; payment requests made, paid, rejected, cancelled and left to
// expire; fee accounts funded and sponsorship set. Amounts are drawn around
// the limits the state sets, so that the chain both accepts and refuses.
package simulation

import (
	"fmt"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/internal/simops"
	adskeeper "github.com/kizuna-chain/kizuna/x/ads/keeper"
	adssim "github.com/kizuna-chain/kizuna/x/ads/simulation"
	adstypes "github.com/kizuna-chain/kizuna/x/ads/types"
	communitykeeper "github.com/kizuna-chain/kizuna/x/community/keeper"
	communitysim "github.com/kizuna-chain/kizuna/x/community/simulation"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/ledger/keeper"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// Operations returns the ledger module's operations; MsgUpdateParams is
// governance's and is simulated by the runner.
func Operations(k keeper.Keeper, ck communitykeeper.Keeper, ak adskeeper.Keeper) []simops.Operation {
	s := state{k: k, ck: ck, ak: ak, query: keeper.NewQueryServerImpl(k)}
	return []simops.Operation{
		simops.New(&types.MsgCreateCurrency{}, 4, s.createCurrency),
		simops.New(&types.MsgUpdateCurrency{}, 3, s.updateCurrency),
		simops.New(&types.MsgIssue{}, 10, s.issue),
		simops.New(&types.MsgSubmitContribution{}, 5, s.submitContribution),
		simops.New(&types.MsgConfirmContribution{}, 4, s.confirmContribution),
		simops.New(&types.MsgDenyContribution{}, 1, s.denyContribution),
		simops.New(&types.MsgDeleteContribution{}, 1, s.deleteContribution),
		simops.New(&types.MsgTransfer{}, 30, s.transfer),
		simops.New(&types.MsgFundFeeAccount{}, 1, s.fundFeeAccount),
		simops.New(&types.MsgSetFeeSponsorship{}, 1, s.setFeeSponsorship),
		simops.New(&types.MsgSetAccountLimits{}, 3, s.setAccountLimits),
		simops.New(&types.MsgRequestPayment{}, 8, s.requestPayment),
		simops.New(&types.MsgAcceptPaymentRequest{}, 6, s.acceptPaymentRequest),
		simops.New(&types.MsgRejectPaymentRequest{}, 2, s.rejectPaymentRequest),
		simops.New(&types.MsgCancelPaymentRequest{}, 1, s.cancelPaymentRequest),
	}
}

type state struct {
	k     keeper.Keeper
	ck    communitykeeper.Keeper
	ak    adskeeper.Keeper
	query types.QueryServer
}

var nothing = simops.Account{}

// currencies returns every currency.
func (s state) currencies(env *simops.Env) []types.Currency {
	var out []types.Currency
	_ = s.k.Currencies.Walk(env.Ctx, nil, func(_ uint64, c types.Currency) (bool, error) {
		out = append(out, c)
		return false, nil
	})
	return out
}

// pickCurrency returns a random currency and the active members of its
// community.
func (s state) pickCurrency(env *simops.Env) (types.Currency, []simops.Account, bool) {
	return s.pickCurrencyWhere(env, nil)
}

// pickCurrencyWhere is pickCurrency among the currencies that satisfy ok
// (nil: all), and now and then among all of them.
func (s state) pickCurrencyWhere(env *simops.Env, ok func(types.Currency) bool) (types.Currency, []simops.Account, bool) {
	var cs []types.Currency
	for _, c := range s.currencies(env) {
		if ok == nil || ok(c) || simops.Chance(env.R, 5) {
			cs = append(cs, c)
		}
	}
	if len(cs) == 0 {
		return types.Currency{}, nil, false
	}
	c := simops.Pick(env.R, cs)
	members := communitysim.Members(env, s.ck, c.CommunityId, communitytypes.MemberStatusActive)
	if len(members) == 0 {
		return types.Currency{}, nil, false
	}
	return c, members, true
}

// other returns a member other than a, or now and then a itself, whose Msg
// the chain refuses.
func other(env *simops.Env, members []simops.Account, a simops.Account) simops.Account {
	var rest []simops.Account
	for _, m := range members {
		if !m.Address.Equals(a.Address) {
			rest = append(rest, m)
		}
	}
	if len(rest) == 0 || simops.Chance(env.R, 3) {
		return a
	}
	return simops.Pick(env.R, rest)
}

// payer returns a member that may spend something, or now and then any.
func (s state) payer(env *simops.Env, c types.Currency, members []simops.Account) simops.Account {
	var able []simops.Account
	for _, m := range members {
		if s.spendable(env, c, m).IsPositive() {
			able = append(able, m)
		}
	}
	if len(able) == 0 || simops.Chance(env.R, 5) {
		return simops.Pick(env.R, members)
	}
	return simops.Pick(env.R, able)
}

// roleHolder returns an active member with one of roles, or now and then
// any member, whose Msg the chain refuses unless it holds the role.
func (s state) roleHolder(env *simops.Env, communityID uint64, members []simops.Account, roles ...communitytypes.Role) simops.Account {
	holders := communitysim.Members(env, s.ck, communityID, communitytypes.MemberStatusActive, roles...)
	if len(holders) == 0 || simops.Chance(env.R, 10) {
		return simops.Pick(env.R, members)
	}
	return simops.Pick(env.R, holders)
}

// around returns a random amount near limit: mostly within it, sometimes
// exactly it, sometimes just beyond it.
func around(env *simops.Env, limit sdkmath.Int) sdkmath.Int {
	switch n := env.R.Intn(100); {
	case n < 8:
		return limit.AddRaw(1 + env.R.Int63n(1000))
	case n < 15 && limit.IsPositive():
		return limit
	case !limit.IsPositive():
		return sdkmath.NewInt(1 + env.R.Int63n(1000))
	default:
		if limit.IsInt64() {
			return sdkmath.NewInt(1 + env.R.Int63n(limit.Int64()))
		}
		return sdkmath.NewInt(1 + env.R.Int63n(1<<62))
	}
}

// scaled returns units whole units of a currency, in base units.
func scaled(c types.Currency, units int64) sdkmath.Int {
	return sdkmath.NewInt(units).Mul(sdkmath.NewIntWithDecimal(1, int(c.Decimals)))
}

func (s state) createCurrency(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	ids := communitysim.Communities(env, s.ck)
	var free []uint64
	for _, id := range ids {
		if has, _ := s.k.Currencies.Has(env.Ctx, id); !has {
			free = append(free, id)
		}
	}
	if simops.Chance(env.R, 5) {
		free = ids // a second currency is refused
	}
	if len(free) == 0 {
		return nothing, nil, false
	}
	id := simops.Pick(env.R, free)
	members := communitysim.Members(env, s.ck, id, communitytypes.MemberStatusActive)
	if len(members) == 0 {
		return nothing, nil, false
	}
	admin := s.roleHolder(env, id, members, communitytypes.RoleAdmin)
	policy := simops.Pick(env.R, []types.IssuancePolicy{
		types.IssuancePolicyAdmin, types.IssuancePolicyContribution, types.IssuancePolicyAdminAndContribution,
		types.IssuancePolicyMutualCredit, types.IssuancePolicyMutualCredit, types.IssuancePolicyMutualCreditAndCreation,
	})
	c := types.Currency{Decimals: uint32(env.R.Intn(7))}
	msg := &types.MsgCreateCurrency{
		Admin: env.Addr(admin.Address), CommunityId: id, Code: fmt.Sprintf("C%d%s", id, upper(simops.Word(env.R, 2))),
		Name: simops.Name(env.R), Decimals: c.Decimals, IssuancePolicy: policy,
	}
	if simops.Chance(env.R, 40) {
		msg.FeeBps = uint32(env.R.Intn(500))
	}
	if simops.Chance(env.R, 50) {
		// A day to a year: decay shows within the simulated months.
		msg.HalfLifeSeconds = types.MinHalfLifeSeconds + uint64(env.R.Int63n(365*24*3600))
	}
	if policy.AllowsCredit() {
		msg.DefaultCreditLimit = scaled(c, env.R.Int63n(200))
	}
	if simops.Chance(env.R, 30) {
		msg.MaxBalance = scaled(c, 200+env.R.Int63n(2000))
	}
	return admin, msg, true
}

func upper(s string) string {
	b := []byte(s)
	for i := range b {
		b[i] -= 'a' - 'A'
	}
	return string(b)
}

func (s state) updateCurrency(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	c, members, ok := s.pickCurrency(env)
	if !ok {
		return nothing, nil, false
	}
	admin := s.roleHolder(env, c.CommunityId, members, communitytypes.RoleAdmin)
	msg := &types.MsgUpdateCurrency{Admin: env.Addr(admin.Address), CommunityId: c.CommunityId}
	switch env.R.Intn(6) {
	case 0:
		msg.FeeBps = 1 + uint32(env.R.Intn(300))
	case 1:
		msg.ClearFields = []string{types.CurrencyFieldFee}
	case 2:
		// Leaving credit needs the debts repaid and the default limit cleared.
		msg.IssuancePolicy = simops.Pick(env.R, []types.IssuancePolicy{
			types.IssuancePolicyAdmin, types.IssuancePolicyMutualCredit, types.IssuancePolicyMutualCreditAndCreation,
		})
		if !msg.IssuancePolicy.AllowsCredit() {
			msg.ClearFields = []string{types.CurrencyFieldDefaultCreditLimit}
		}
	case 3:
		// Up or down: down is refused while a member following it owes more.
		msg.DefaultCreditLimit = around(env, types.IntOrZero(c.DefaultCreditLimit).MulRaw(2)).AddRaw(1)
	case 4:
		msg.MaxBalance = around(env, scaled(c, 2000)).AddRaw(1)
	default:
		msg.ClearFields = []string{types.CurrencyFieldMaxBalance}
	}
	return admin, msg, true
}

func (s state) issue(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	c, members, ok := s.pickCurrencyWhere(env, func(c types.Currency) bool { return c.IssuancePolicy.AllowsAdminIssuance() })
	if !ok {
		return nothing, nil, false
	}
	issuer := s.roleHolder(env, c.CommunityId, members, communitytypes.RoleAdmin, communitytypes.RoleTeller)
	recipient := other(env, members, issuer)
	res, err := s.query.MonthlyCreated(env.Ctx, &types.QueryMonthlyCreatedRequest{CommunityId: c.CommunityId, Address: env.Addr(recipient.Address)})
	if err != nil {
		return nothing, nil, false
	}
	return issuer, &types.MsgIssue{
		Issuer: env.Addr(issuer.Address), CommunityId: c.CommunityId, Recipient: env.Addr(recipient.Address),
		Amount: around(env, res.Remaining.QuoRaw(4)), Memo: simops.Word(env.R, 8),
	}, true
}

func (s state) submitContribution(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	c, members, ok := s.pickCurrencyWhere(env, func(c types.Currency) bool { return c.IssuancePolicy.AllowsContributions() })
	if !ok {
		return nothing, nil, false
	}
	contributor := simops.Pick(env.R, members)
	res, err := s.query.MonthlyCreated(env.Ctx, &types.QueryMonthlyCreatedRequest{CommunityId: c.CommunityId, Address: env.Addr(contributor.Address)})
	if err != nil {
		return nothing, nil, false
	}
	return contributor, &types.MsgSubmitContribution{
		Contributor: env.Addr(contributor.Address), CommunityId: c.CommunityId,
		Amount: around(env, res.Remaining.QuoRaw(3)), Memo: "work: " + simops.Word(env.R, 10),
	}, true
}

// pendingContribution returns a pending contribution of a random currency.
func (s state) pendingContribution(env *simops.Env) (types.Contribution, []simops.Account, bool) {
	c, members, ok := s.pickCurrency(env)
	if !ok {
		return types.Contribution{}, nil, false
	}
	var pending []types.Contribution
	rng := collections.NewPrefixedPairRange[collections.Pair[uint64, int32], uint64](
		collections.Join(c.CommunityId, int32(types.ContributionStatusPending)))
	_ = s.k.Contributions.Indexes.Status.Walk(env.Ctx, rng, func(_ collections.Pair[uint64, int32], id uint64) (bool, error) {
		if contribution, err := s.k.GetContribution(env.Ctx, id); err == nil {
			pending = append(pending, contribution)
		}
		return false, nil
	})
	if len(pending) == 0 {
		return types.Contribution{}, nil, false
	}
	return simops.Pick(env.R, pending), members, true
}

func (s state) confirmContribution(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	contribution, members, ok := s.pendingContribution(env)
	if !ok {
		return nothing, nil, false
	}
	reviewer := s.roleHolder(env, contribution.CommunityId, members, communitytypes.RoleAdmin, communitytypes.RoleModerator)
	return reviewer, &types.MsgConfirmContribution{
		Reviewer: env.Addr(reviewer.Address), ContributionId: contribution.Id, CommunityId: contribution.CommunityId,
	}, true
}

func (s state) denyContribution(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	contribution, members, ok := s.pendingContribution(env)
	if !ok {
		return nothing, nil, false
	}
	reviewer := s.roleHolder(env, contribution.CommunityId, members, communitytypes.RoleAdmin, communitytypes.RoleModerator)
	return reviewer, &types.MsgDenyContribution{
		Reviewer: env.Addr(reviewer.Address), ContributionId: contribution.Id, Reason: simops.Word(env.R, 6),
	}, true
}

func (s state) deleteContribution(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	contribution, members, ok := s.pendingContribution(env)
	if !ok {
		return nothing, nil, false
	}
	contributor, found := env.FindBech32(contribution.Contributor)
	if !found || simops.Chance(env.R, 10) {
		contributor = simops.Pick(env.R, members)
	}
	return contributor, &types.MsgDeleteContribution{Contributor: env.Addr(contributor.Address), ContributionId: contribution.Id}, true
}

// spendable returns what a member may pay in a currency now, fee included.
func (s state) spendable(env *simops.Env, c types.Currency, a simops.Account) sdkmath.Int {
	res, err := s.query.Account(env.Ctx, &types.QueryAccountRequest{CommunityId: c.CommunityId, Address: env.Addr(a.Address)})
	if err != nil {
		return sdkmath.ZeroInt()
	}
	return res.Available
}

// beforeFee returns the largest amount whose fee at bps fits in total.
func beforeFee(total sdkmath.Int, bps uint32) sdkmath.Int {
	return total.MulRaw(int64(types.MaxFeeBps)).QuoRaw(int64(types.MaxFeeBps + bps))
}

// pickPayment returns a currency in which some member may spend, with its
// members and such a payer; now and then any currency and member.
func (s state) pickPayment(env *simops.Env) (types.Currency, []simops.Account, simops.Account, bool) {
	for range 4 {
		c, members, ok := s.pickCurrency(env)
		if !ok || len(members) < 2 {
			continue
		}
		payer := s.payer(env, c, members)
		if s.spendable(env, c, payer).IsPositive() || simops.Chance(env.R, 5) {
			return c, members, payer, true
		}
	}
	return types.Currency{}, nil, nothing, false
}

func (s state) transfer(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	c, members, sender, ok := s.pickPayment(env)
	if !ok {
		return nothing, nil, false
	}
	recipient := other(env, members, sender)
	msg := &types.MsgTransfer{
		Sender: env.Addr(sender.Address), CommunityId: c.CommunityId, Recipient: env.Addr(recipient.Address),
		Amount: around(env, beforeFee(s.spendable(env, c, sender), c.FeeBps)), Memo: simops.Word(env.R, 6),
		ExpectedFeeBps: c.FeeBps,
	}
	if simops.Chance(env.R, 3) {
		msg.ExpectedFeeBps = c.FeeBps + 1
	}
	if ads := adssim.OpenAds(env, s.ak, c.CommunityId); len(ads) > 0 && simops.Chance(env.R, 25) {
		ad := simops.Pick(env.R, ads)
		msg.AdId = ad.Id
		// Most ad payments follow the payment rule: the owner of a WANT ad
		// pays, anyone but the owner pays the owner of a GIVE ad.
		if owner, found := env.FindBech32(ad.Owner); found && simops.Chance(env.R, 80) {
			if ad.Type == adstypes.AdTypeWant {
				msg.Sender, sender = env.Addr(owner.Address), owner
				msg.Amount = around(env, beforeFee(s.spendable(env, c, owner), c.FeeBps))
			} else {
				msg.Recipient = env.Addr(owner.Address)
			}
		}
	}
	return sender, msg, true
}

func (s state) fundFeeAccount(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	c, members, ok := s.pickCurrency(env)
	if !ok {
		return nothing, nil, false
	}
	admin := s.roleHolder(env, c.CommunityId, members, communitytypes.RoleAdmin)
	return admin, &types.MsgFundFeeAccount{
		Admin: env.Addr(admin.Address), CommunityId: c.CommunityId, Amount: sdkmath.NewInt(1 + env.R.Int63n(5_000_000)),
	}, true
}

func (s state) setFeeSponsorship(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	c, members, ok := s.pickCurrency(env)
	if !ok {
		return nothing, nil, false
	}
	admin := s.roleHolder(env, c.CommunityId, members, communitytypes.RoleAdmin)
	return admin, &types.MsgSetFeeSponsorship{
		Admin: env.Addr(admin.Address), CommunityId: c.CommunityId,
		MemberPeriodLimit: uint64(env.R.Int63n(2_000_000)), BudgetPeriodLimit: uint64(env.R.Int63n(50_000_000)),
	}, true
}

func (s state) setAccountLimits(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	c, members, ok := s.pickCurrency(env)
	if !ok {
		return nothing, nil, false
	}
	admin := s.roleHolder(env, c.CommunityId, members, communitytypes.RoleAdmin)
	member := simops.Pick(env.R, members)
	msg := &types.MsgSetAccountLimits{Admin: env.Addr(admin.Address), CommunityId: c.CommunityId, Member: env.Addr(member.Address)}
	res, err := s.query.Account(env.Ctx, &types.QueryAccountRequest{CommunityId: c.CommunityId, Address: env.Addr(member.Address)})
	if err != nil {
		return nothing, nil, false
	}
	switch env.R.Intn(4) {
	case 0:
		// Around the debt: below it is refused.
		limit := around(env, res.Debt.MulRaw(2)).Add(res.Debt.QuoRaw(2))
		msg.CreditLimit = &limit
	case 1:
		// Around the net balance: below it is refused.
		limit := around(env, sdkmath.MaxInt(res.NetBalance, sdkmath.ZeroInt()).MulRaw(2)).AddRaw(1)
		msg.MaxBalance = &limit
	case 2:
		msg.ClearFields = []string{types.AccountFieldCreditLimit}
	default:
		msg.ClearFields = []string{types.AccountFieldMaxBalance}
	}
	return admin, msg, true
}

func (s state) requestPayment(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	c, members, payer, ok := s.pickPayment(env)
	if !ok {
		return nothing, nil, false
	}
	requester := other(env, members, payer)
	params, err := s.k.GetParams(env.Ctx)
	if err != nil {
		return nothing, nil, false
	}
	return requester, &types.MsgRequestPayment{
		Requester: env.Addr(requester.Address), CommunityId: c.CommunityId, Payer: env.Addr(payer.Address),
		Amount: around(env, beforeFee(s.spendable(env, c, payer), c.FeeBps)), Memo: simops.Word(env.R, 6),
		ExpirySeconds: uint64(env.R.Int63n(int64(params.MaxPaymentRequestSeconds) + 3600)),
	}, true
}

// pendingRequest returns a pending payment request of a random community.
func (s state) pendingRequest(env *simops.Env) (types.PaymentRequest, bool) {
	var pending []types.PaymentRequest
	_ = s.k.PaymentRequests.Walk(env.Ctx, nil, func(_ uint64, r types.PaymentRequest) (bool, error) {
		if r.Status == types.PaymentRequestStatusPending {
			pending = append(pending, r)
		}
		return false, nil
	})
	if len(pending) == 0 {
		return types.PaymentRequest{}, false
	}
	return simops.Pick(env.R, pending), true
}

// party returns the request's payer or requester, or now and then another
// account, whose Msg the chain refuses.
func party(env *simops.Env, bech32 string) simops.Account {
	a, ok := env.FindBech32(bech32)
	if !ok || simops.Chance(env.R, 8) {
		return simops.Pick(env.R, env.Accounts)
	}
	return a
}

func (s state) acceptPaymentRequest(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	r, ok := s.pendingRequest(env)
	if !ok {
		return nothing, nil, false
	}
	c, err := s.k.GetCurrency(env.Ctx, r.CommunityId)
	if err != nil {
		return nothing, nil, false
	}
	payer := party(env, r.Payer)
	return payer, &types.MsgAcceptPaymentRequest{
		Payer: env.Addr(payer.Address), RequestId: r.Id, ExpectedFeeBps: c.FeeBps, CommunityId: r.CommunityId,
	}, true
}

func (s state) rejectPaymentRequest(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	r, ok := s.pendingRequest(env)
	if !ok {
		return nothing, nil, false
	}
	payer := party(env, r.Payer)
	return payer, &types.MsgRejectPaymentRequest{Payer: env.Addr(payer.Address), RequestId: r.Id, Reason: simops.Word(env.R, 5)}, true
}

func (s state) cancelPaymentRequest(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	r, ok := s.pendingRequest(env)
	if !ok {
		return nothing, nil, false
	}
	requester := party(env, r.Requester)
	return requester, &types.MsgCancelPaymentRequest{Requester: env.Addr(requester.Address), RequestId: r.Id}, true
}
