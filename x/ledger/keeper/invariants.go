package keeper

import (
	"context"
	"fmt"
	"sort"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/bech32"
	"github.com/cosmos/cosmos-sdk/types/query"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/kizuna-chain/kizuna/internal/invariant"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// Invariant is a named check of the module state.
type Invariant = invariant.Invariant

// Invariants returns the module's invariants. x/crisis, which ran
// registered invariants, is gone from v0.54: they run from CheckInvariants,
// the Invariants query, and the tests.
func (k Keeper) Invariants() []Invariant {
	return []Invariant{
		{Name: "supply", Check: k.SupplyInvariant},
		{Name: "created-total", Check: k.CreatedTotalInvariant},
		{Name: "decayed-total", Check: k.DecayedTotalInvariant},
		{Name: "bridged-totals", Check: k.BridgedTotalsInvariant},
		{Name: "debt-total", Check: k.DebtTotalInvariant},
		{Name: "account-records", Check: k.AccountRecordsInvariant},
		{Name: "credit-limits", Check: k.CreditLimitsInvariant},
		{Name: "max-balances", Check: k.MaxBalancesInvariant},
		{Name: "mutual-credit-sum", Check: k.MutualCreditSumInvariant},
		{Name: "monthly-created", Check: k.MonthlyCreatedInvariant},
		{Name: "monthly-cap", Check: k.MonthlyCapInvariant},
		{Name: "payment-requests", Check: k.PaymentRequestsInvariant},
	}
}

// CheckInvariants runs every invariant and returns an error listing the
// broken ones.
func (k Keeper) CheckInvariants(ctx sdk.Context) error {
	return invariant.CheckAll(ctx, "ledger", k.Invariants())
}

// SupplyInvariant checks that for every currency the x/bank supply of its
// denom less what its members owe equals what its confirmed creations
// (admin issuance and confirmed contributions) minted less what decay
// burned, less what left for Ethereum, plus what came back: credit mints
// exactly the debt it records, repaying burns exactly the debt it clears,
// and the bridge burns and mints exactly what its totals count.
func (k Keeper) SupplyInvariant(ctx sdk.Context) (string, bool) {
	var problems []string
	err := k.Currencies.Walk(ctx, nil, func(id uint64, c types.Currency) (bool, error) {
		created, err := k.createdTotal(ctx, id)
		if err != nil {
			return true, err
		}
		debt, err := totalOf(ctx, k.TotalDebt, id)
		if err != nil {
			return true, err
		}
		decayed, err := totalOf(ctx, k.Decayed, id)
		if err != nil {
			return true, err
		}
		out, back, err := k.bridgedTotals(ctx, id)
		if err != nil {
			return true, err
		}
		supply := k.bankKeeper.GetSupply(ctx, c.Denom).Amount
		if !supply.Sub(debt).Equal(created.Sub(decayed).Sub(out).Add(back)) {
			problems = append(problems, fmt.Sprintf("%s: bank supply %s - debt %s != created %s - decayed %s - bridged out %s + bridged back %s",
				c.Denom, supply, debt, created, decayed, out, back))
		}
		return false, nil
	})
	return invariant.Report(problems, err)
}

// bridgedTotals returns what of a community's currency left for Ethereum
// and what came back.
func (k Keeper) bridgedTotals(ctx context.Context, communityID uint64) (out, back sdkmath.Int, err error) {
	if out, err = totalOf(ctx, k.BridgedOut, communityID); err != nil {
		return sdkmath.Int{}, sdkmath.Int{}, err
	}
	if back, err = totalOf(ctx, k.BridgedBack, communityID); err != nil {
		return sdkmath.Int{}, sdkmath.Int{}, err
	}
	return out, back, nil
}

// DecayedTotalInvariant checks that the decayed total of every currency is
// the sum of its DECAY entries.
func (k Keeper) DecayedTotalInvariant(ctx sdk.Context) (string, bool) {
	sums := map[uint64]sdkmath.Int{}
	err := k.WalkEntries(ctx, func(e types.Entry) (bool, error) {
		if e.Type == types.EntryTypeDecay {
			sums[e.CommunityId] = addTo(sums[e.CommunityId], e.Amount)
		}
		return false, nil
	})
	if err != nil {
		return invariant.Report(nil, err)
	}
	return k.compareTotals(ctx, k.Decayed, sums, "decayed total", "DECAY entries")
}

// BridgedTotalsInvariant checks that the bridged-out total of every currency
// is the sum of its BRIDGE out entries, and the bridged-back total the sum
// of its BRIDGE in and refund entries.
func (k Keeper) BridgedTotalsInvariant(ctx sdk.Context) (string, bool) {
	out, back := map[uint64]sdkmath.Int{}, map[uint64]sdkmath.Int{}
	var problems []string
	err := k.WalkEntries(ctx, func(e types.Entry) (bool, error) {
		if e.Type != types.EntryTypeBridge {
			return false, nil
		}
		switch e.BridgeDirection {
		case types.BridgeDirectionOut:
			out[e.CommunityId] = addTo(out[e.CommunityId], e.Amount)
		case types.BridgeDirectionIn, types.BridgeDirectionRefund:
			back[e.CommunityId] = addTo(back[e.CommunityId], e.Amount)
		default:
			problems = append(problems, fmt.Sprintf("BRIDGE entry %d has bridge direction %s", e.Id, e.BridgeDirection))
		}
		return false, nil
	})
	if err != nil {
		return invariant.Report(nil, err)
	}
	for _, check := range []struct {
		totals     collections.Map[uint64, sdkmath.Int]
		sums       map[uint64]sdkmath.Int
		what, from string
	}{
		{k.BridgedOut, out, "bridged-out total", "BRIDGE out entries"},
		{k.BridgedBack, back, "bridged-back total", "BRIDGE in and refund entries"},
	} {
		if msg, broken := k.compareTotals(ctx, check.totals, check.sums, check.what, check.from); broken {
			problems = append(problems, msg)
		}
	}
	return invariant.Report(problems, nil)
}

// DebtTotalInvariant checks that the debt total of every currency is the sum
// of its accounts' debts.
func (k Keeper) DebtTotalInvariant(ctx sdk.Context) (string, bool) {
	sums := map[uint64]sdkmath.Int{}
	err := k.Accounts.Walk(ctx, nil, func(_ AccountKey, a types.Account) (bool, error) {
		if a.Debt.IsPositive() {
			sums[a.CommunityId] = addTo(sums[a.CommunityId], a.Debt)
		}
		return false, nil
	})
	if err != nil {
		return invariant.Report(nil, err)
	}
	return k.compareTotals(ctx, k.TotalDebt, sums, "debt total", "account debts")
}

// AccountRecordsInvariant checks that each community's count of account
// records is the number of its records: a transfer trusts a zero count not
// to read any.
func (k Keeper) AccountRecordsInvariant(ctx sdk.Context) (string, bool) {
	counted := map[uint64]uint64{}
	err := k.Accounts.Walk(ctx, nil, func(key AccountKey, _ types.Account) (bool, error) {
		counted[key.K1()]++
		return false, nil
	})
	if err != nil {
		return invariant.Report(nil, err)
	}
	var problems []string
	seen := map[uint64]bool{}
	err = k.AccountRecords.Walk(ctx, nil, func(id uint64, n uint64) (bool, error) {
		seen[id] = true
		if n != counted[id] {
			problems = append(problems, fmt.Sprintf("community %d: %d account records counted, %d stored", id, n, counted[id]))
		}
		return false, nil
	})
	if err != nil {
		return invariant.Report(nil, err)
	}
	ids := make([]uint64, 0, len(counted))
	for id := range counted {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		if !seen[id] {
			problems = append(problems, fmt.Sprintf("community %d: no count of account records, %d stored", id, counted[id]))
		}
	}
	return invariant.Report(problems, nil)
}

// compareTotals reports every community whose stored total differs from the
// sum computed from the records, and totals of communities without a
// currency.
func (k Keeper) compareTotals(ctx sdk.Context, totals collections.Map[uint64, sdkmath.Int], sums map[uint64]sdkmath.Int, what, from string) (string, bool) {
	var problems []string
	seen := map[uint64]bool{}
	err := totals.Walk(ctx, nil, func(id uint64, total sdkmath.Int) (bool, error) {
		seen[id] = true
		has, err := k.Currencies.Has(ctx, id)
		if err != nil {
			return true, err
		}
		if !has {
			problems = append(problems, fmt.Sprintf("community %d has a %s but no currency", id, what))
		}
		if want := addTo(sums[id], sdkmath.ZeroInt()); !total.Equal(want) {
			problems = append(problems, fmt.Sprintf("community %d: %s %s, %s %s", id, what, total, from, want))
		}
		return false, nil
	})
	if err != nil {
		return invariant.Report(nil, err)
	}
	for _, id := range sortedKeys(sums) {
		if !seen[id] && !sums[id].IsZero() {
			problems = append(problems, fmt.Sprintf("community %d: no %s, %s %s", id, what, from, sums[id]))
		}
	}
	return invariant.Report(problems, nil)
}

// CreditLimitsInvariant checks that no account owes more than its credit
// limit: no net balance is below -limit (debt only grows up to the limit,
// and limits only fall to what is owed). Without a mutual-credit policy the
// limit is 0.
func (k Keeper) CreditLimitsInvariant(ctx sdk.Context) (string, bool) {
	var problems []string
	err := k.Accounts.Walk(ctx, nil, func(_ AccountKey, a types.Account) (bool, error) {
		c, err := k.Currencies.Get(ctx, a.CommunityId)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s has a record in community %d, which has no currency", a.Address, a.CommunityId))
			return false, nil //nolint:nilerr // reported as a problem
		}
		if limit, _ := c.CreditLimit(a); a.Debt.GT(limit) {
			problems = append(problems, fmt.Sprintf("%s owes %s%s, beyond its credit limit %s", a.Address, a.Debt, c.Denom, limit))
		}
		return false, nil
	})
	return invariant.Report(problems, err)
}

// MaxBalancesInvariant checks that no holder of a currency with maximum
// balances (the treasury aside) has a net balance, decay counted, above its
// maximum.
func (k Keeper) MaxBalancesInvariant(ctx sdk.Context) (string, bool) {
	var problems []string
	err := k.Currencies.Walk(ctx, nil, func(id uint64, c types.Currency) (bool, error) {
		return false, k.walkMemberPositions(ctx, c, func(p *position) error {
			if limit, _ := c.MaxBalanceOf(p.record); limit.IsPositive() && p.net().GT(limit) {
				problems = append(problems, fmt.Sprintf("%s holds %s%s, above its maximum %s", k.formatAddress(p.addr), p.net(), c.Denom, limit))
			}
			return nil
		})
	})
	return invariant.Report(problems, err)
}

// MutualCreditSumInvariant checks that the net balances of every pure
// mutual-credit currency (policy MUTUAL_CREDIT, nothing ever created) sum to
// zero, less what decay burned and what left for Ethereum, plus what came
// back: every unit held is someone's debt or came over the bridge. Balances
// are read holder by holder, debts account by account, independently of the
// totals the supply invariant uses.
func (k Keeper) MutualCreditSumInvariant(ctx sdk.Context) (string, bool) {
	var problems []string
	err := k.Currencies.Walk(ctx, nil, func(id uint64, c types.Currency) (bool, error) {
		if c.IssuancePolicy != types.IssuancePolicyMutualCredit {
			return false, nil
		}
		created, err := k.createdTotal(ctx, id)
		if err != nil || created.IsPositive() {
			return err != nil, err
		}
		held := sdkmath.ZeroInt()
		if err := k.walkHolders(ctx, c, func(_ sdk.AccAddress, balance sdkmath.Int) error {
			held = held.Add(balance)
			return nil
		}); err != nil {
			return true, err
		}
		owed := sdkmath.ZeroInt()
		rng := collections.NewPrefixedPairRange[uint64, sdk.AccAddress](id)
		if err := k.Accounts.Walk(ctx, rng, func(_ AccountKey, a types.Account) (bool, error) {
			owed = owed.Add(a.Debt)
			return false, nil
		}); err != nil {
			return true, err
		}
		decayed, err := totalOf(ctx, k.Decayed, id)
		if err != nil {
			return true, err
		}
		out, back, err := k.bridgedTotals(ctx, id)
		if err != nil {
			return true, err
		}
		if sum := held.Sub(owed); !sum.Equal(back.Sub(decayed).Sub(out)) {
			problems = append(problems, fmt.Sprintf("%s: net balances sum to %s (held %s, owed %s), decay burned %s, bridged out %s, bridged back %s",
				c.Denom, sum, held, owed, decayed, out, back))
		}
		return false, nil
	})
	return invariant.Report(problems, err)
}

// walkMemberPositions calls fn with the position of every holder of the
// currency but its treasury, which has no maximum balance.
func (k Keeper) walkMemberPositions(ctx context.Context, c types.Currency, fn func(*position) error) error {
	treasury := sdk.AccAddress(types.TreasuryAddress(c.CommunityId))
	return k.walkHolders(ctx, c, func(addr sdk.AccAddress, _ sdkmath.Int) error {
		if addr.Equals(treasury) {
			return nil
		}
		p, err := k.position(ctx, c, addr)
		if err != nil {
			return err
		}
		return fn(&p)
	})
}

// walkHolders calls fn with every account holding the currency and its x/bank
// balance.
func (k Keeper) walkHolders(ctx context.Context, c types.Currency, fn func(sdk.AccAddress, sdkmath.Int) error) error {
	req := &banktypes.QueryDenomOwnersRequest{Denom: c.Denom, Pagination: &query.PageRequest{Limit: 100}}
	for {
		res, err := k.bankKeeper.DenomOwners(ctx, req)
		if err != nil {
			return err
		}
		for _, owner := range res.DenomOwners {
			// x/bank writes the address with the SDK's global prefix.
			_, addr, err := bech32.DecodeAndConvert(owner.Address)
			if err != nil {
				return err
			}
			if err := fn(addr, owner.Balance.Amount); err != nil {
				return err
			}
		}
		if res.Pagination == nil || len(res.Pagination.NextKey) == 0 {
			return nil
		}
		req.Pagination.Key = res.Pagination.NextKey
	}
}

// MonthlyCapInvariant checks that no member has more created for a month
// than the monthly cap allows. Governance may lower the cap: that bounds new
// creation only, so months are checked against the highest cap the params
// have had.
func (k Keeper) MonthlyCapInvariant(ctx sdk.Context) (string, bool) {
	highest, err := k.HighestMonthlyCap.Get(ctx)
	if err != nil {
		return invariant.Report(nil, err)
	}
	var problems []string
	err = k.MonthlyCreated.Walk(ctx, nil, func(mk MonthlyKey, used sdkmath.Int) (bool, error) {
		month := types.Month(mk.K3())
		c, err := k.Currencies.Get(ctx, mk.K1())
		if err != nil {
			return true, err
		}
		if limit := types.MonthlyCap(highest, c.Decimals); used.GT(limit) {
			problems = append(problems, fmt.Sprintf("%s has %s%s created for %s, above the cap %s",
				k.formatAddress(mk.K2()), used, c.Denom, month, limit))
		}
		return false, nil
	})
	return invariant.Report(problems, err)
}

// PaymentRequestsInvariant checks that exactly the pending payment requests
// are queued for expiry and counted against their requesters.
func (k Keeper) PaymentRequestsInvariant(ctx sdk.Context) (string, bool) {
	type count struct {
		community uint64
		requester string
	}
	type expiry struct {
		unix int64
		id   uint64
	}
	pending := map[expiry]bool{}
	open := map[count]uint32{}
	err := k.PaymentRequests.Walk(ctx, nil, func(id uint64, r types.PaymentRequest) (bool, error) {
		if r.Status == types.PaymentRequestStatusPending {
			pending[expiry{r.ExpiresAt.Unix(), id}] = true
			open[count{r.CommunityId, r.Requester}]++
		}
		return false, nil
	})
	if err != nil {
		return invariant.Report(nil, err)
	}
	var problems []string
	queued := 0
	err = k.PaymentRequestExpiries.Walk(ctx, nil, func(key collections.Pair[int64, uint64]) (bool, error) {
		queued++
		if !pending[expiry{key.K1(), key.K2()}] {
			problems = append(problems, fmt.Sprintf("payment request %d is queued to expire at %d but is not pending with that expiry", key.K2(), key.K1()))
		}
		return false, nil
	})
	if err != nil {
		return invariant.Report(nil, err)
	}
	if queued != len(pending) {
		problems = append(problems, fmt.Sprintf("%d pending payment requests, %d queued to expire", len(pending), queued))
	}
	counted := 0
	err = k.OpenPaymentRequests.Walk(ctx, nil, func(key AccountKey, n uint32) (bool, error) {
		counted++
		if want := open[count{key.K1(), k.formatAddress(key.K2())}]; n != want {
			problems = append(problems, fmt.Sprintf("%s in community %d: %d pending requests counted, %d pending",
				k.formatAddress(key.K2()), key.K1(), n, want))
		}
		return false, nil
	})
	if err != nil {
		return invariant.Report(nil, err)
	}
	if counted != len(open) {
		problems = append(problems, fmt.Sprintf("%d requesters have pending requests, %d are counted", len(open), counted))
	}
	return invariant.Report(problems, nil)
}

// CreatedTotalInvariant checks that the created total of every currency is
// the sum of its CREATION entries, and that only currencies have totals.
func (k Keeper) CreatedTotalInvariant(ctx sdk.Context) (string, bool) {
	sums := map[uint64]sdkmath.Int{}
	err := k.WalkEntries(ctx, func(e types.Entry) (bool, error) {
		if e.Type == types.EntryTypeCreation {
			sums[e.CommunityId] = addTo(sums[e.CommunityId], e.Amount)
		}
		return false, nil
	})
	if err != nil {
		return invariant.Report(nil, err)
	}
	return k.compareTotals(ctx, k.Created, sums, "created total", "CREATION entries")
}

// MonthlyCreatedInvariant checks that what counts against each member's
// monthly cap is exactly its admin issuance plus its pending and confirmed
// contributions for that month.
func (k Keeper) MonthlyCreatedInvariant(ctx sdk.Context) (string, bool) {
	type key struct {
		community uint64
		account   string
		month     string
	}
	expected := map[key]sdkmath.Int{}
	err := k.WalkEntries(ctx, func(e types.Entry) (bool, error) {
		if e.Type == types.EntryTypeCreation && e.ContributionId == 0 {
			kk := key{e.CommunityId, e.Account, e.Month}
			expected[kk] = addTo(expected[kk], e.Amount)
		}
		return false, nil
	})
	if err != nil {
		return invariant.Report(nil, err)
	}
	err = k.Contributions.Walk(ctx, nil, func(_ uint64, c types.Contribution) (bool, error) {
		if c.Status.CountsAgainstCap() {
			kk := key{c.CommunityId, c.Contributor, c.Month}
			expected[kk] = addTo(expected[kk], c.Amount)
		}
		return false, nil
	})
	if err != nil {
		return invariant.Report(nil, err)
	}
	var problems []string
	seen := map[key]bool{}
	err = k.MonthlyCreated.Walk(ctx, nil, func(mk MonthlyKey, used sdkmath.Int) (bool, error) {
		kk := key{mk.K1(), k.formatAddress(mk.K2()), types.Month(mk.K3()).String()}
		seen[kk] = true
		if want, ok := expected[kk]; !ok || !want.Equal(used) {
			problems = append(problems, fmt.Sprintf("%s in community %d for %s: counted %s, created and pending %s",
				kk.account, kk.community, kk.month, used, addTo(want, sdkmath.ZeroInt())))
		}
		return false, nil
	})
	if err != nil {
		return invariant.Report(nil, err)
	}
	var missing []string
	for kk, want := range expected {
		if !seen[kk] {
			missing = append(missing, fmt.Sprintf("%s in community %d for %s: counted nothing, created and pending %s",
				kk.account, kk.community, kk.month, want))
		}
	}
	sort.Strings(missing)
	return invariant.Report(append(problems, missing...), nil)
}

// createdTotal returns what the currency of a community has created.
func (k Keeper) createdTotal(ctx sdk.Context, communityID uint64) (sdkmath.Int, error) {
	return totalOf(ctx, k.Created, communityID)
}

// addTo adds amount to sum, a missing sum counting as zero.
func addTo(sum, amount sdkmath.Int) sdkmath.Int {
	if sum.IsNil() {
		return amount
	}
	return sum.Add(amount)
}

func sortedKeys(m map[uint64]sdkmath.Int) []uint64 {
	keys := make([]uint64, 0, len(m))
	for id := range m {
		keys = append(keys, id)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}
