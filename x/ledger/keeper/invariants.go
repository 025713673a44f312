package keeper

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// Invariant is a named check of the module state. Check returns a message
// and whether the invariant is broken, like the SDK's invariants.
type Invariant struct {
	Name  string
	Check func(ctx sdk.Context) (string, bool)
}

// Invariants returns the module's invariants. x/crisis, which ran
// registered invariants, is gone from v0.54: they run from CheckInvariants,
// the Invariants query, and the tests.
func (k Keeper) Invariants() []Invariant {
	return []Invariant{
		{Name: "supply", Check: k.SupplyInvariant},
		{Name: "created-total", Check: k.CreatedTotalInvariant},
		{Name: "monthly-created", Check: k.MonthlyCreatedInvariant},
	}
}

// CheckInvariants runs every invariant and returns an error listing the
// broken ones.
func (k Keeper) CheckInvariants(ctx sdk.Context) error {
	var broken []string
	for _, inv := range k.Invariants() {
		if msg, isBroken := inv.Check(ctx); isBroken {
			broken = append(broken, fmt.Sprintf("%s: %s", inv.Name, msg))
		}
	}
	if len(broken) > 0 {
		return errors.New("ledger invariants broken:\n" + strings.Join(broken, "\n"))
	}
	return nil
}

// SupplyInvariant checks that for every currency the x/bank supply of its
// denom equals what its confirmed creations (admin issuance and confirmed
// contributions) minted. Decay, debt and the bridge will extend it.
func (k Keeper) SupplyInvariant(ctx sdk.Context) (string, bool) {
	var problems []string
	err := k.Currencies.Walk(ctx, nil, func(id uint64, c types.Currency) (bool, error) {
		created, err := k.createdTotal(ctx, id)
		if err != nil {
			return true, err
		}
		if supply := k.bankKeeper.GetSupply(ctx, c.Denom).Amount; !supply.Equal(created) {
			problems = append(problems, fmt.Sprintf("%s: bank supply %s, created %s", c.Denom, supply, created))
		}
		return false, nil
	})
	return report(problems, err)
}

// CreatedTotalInvariant checks that the created total of every currency is
// the sum of its CREATION entries, and that only currencies have totals.
func (k Keeper) CreatedTotalInvariant(ctx sdk.Context) (string, bool) {
	sums := map[uint64]sdkmath.Int{}
	err := k.History.Walk(ctx, nil, func(_ HistoryKey, e types.Entry) (bool, error) {
		if e.Type == types.EntryTypeCreation {
			sums[e.CommunityId] = addTo(sums[e.CommunityId], e.Amount)
		}
		return false, nil
	})
	if err != nil {
		return report(nil, err)
	}
	var problems []string
	seen := map[uint64]bool{}
	err = k.Created.Walk(ctx, nil, func(id uint64, total sdkmath.Int) (bool, error) {
		seen[id] = true
		has, err := k.Currencies.Has(ctx, id)
		if err != nil {
			return true, err
		}
		if !has {
			problems = append(problems, fmt.Sprintf("community %d has a created total but no currency", id))
		}
		if want := addTo(sums[id], sdkmath.ZeroInt()); !total.Equal(want) {
			problems = append(problems, fmt.Sprintf("community %d: created total %s, CREATION entries %s", id, total, want))
		}
		return false, nil
	})
	if err != nil {
		return report(nil, err)
	}
	for _, id := range sortedKeys(sums) {
		if !seen[id] {
			problems = append(problems, fmt.Sprintf("community %d: no created total, CREATION entries %s", id, sums[id]))
		}
	}
	return report(problems, nil)
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
	err := k.History.Walk(ctx, nil, func(hk HistoryKey, e types.Entry) (bool, error) {
		if e.Type == types.EntryTypeCreation && e.ContributionId == 0 {
			kk := key{e.CommunityId, k.formatAddress(hk.K1()), e.Month}
			expected[kk] = addTo(expected[kk], e.Amount)
		}
		return false, nil
	})
	if err != nil {
		return report(nil, err)
	}
	err = k.Contributions.Walk(ctx, nil, func(_ uint64, c types.Contribution) (bool, error) {
		if c.Status.CountsAgainstCap() {
			kk := key{c.CommunityId, c.Contributor, c.Month}
			expected[kk] = addTo(expected[kk], c.Amount)
		}
		return false, nil
	})
	if err != nil {
		return report(nil, err)
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
		return report(nil, err)
	}
	var missing []string
	for kk, want := range expected {
		if !seen[kk] {
			missing = append(missing, fmt.Sprintf("%s in community %d for %s: counted nothing, created and pending %s",
				kk.account, kk.community, kk.month, want))
		}
	}
	sort.Strings(missing)
	return report(append(problems, missing...), nil)
}

// createdTotal returns what the currency of a community has created.
func (k Keeper) createdTotal(ctx sdk.Context, communityID uint64) (sdkmath.Int, error) {
	has, err := k.Created.Has(ctx, communityID)
	if err != nil || !has {
		return sdkmath.ZeroInt(), err
	}
	return k.Created.Get(ctx, communityID)
}

// report turns problems and a failed read into an invariant result.
func report(problems []string, err error) (string, bool) {
	if err != nil {
		return fmt.Sprintf("reading the state: %v", err), true
	}
	if len(problems) == 0 {
		return "", false
	}
	return strings.Join(problems, "; "), true
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
