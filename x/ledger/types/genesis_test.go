package types_test

import (
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"

	"github.com/kizuna-chain/kizuna/testutil/statetest"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// validGenesis has a currency, a pending and a confirmed contribution, and
// the entries of the confirmed one, an admin issuance and a transfer with
// fee.
func validGenesis() types.GenesisState {
	alice, bob, mod, treasury := statetest.Address(1), statetest.Address(2), statetest.Address(3), statetest.Address(4)
	now := time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC)
	amount := sdkmath.NewInt(50)
	gs := *types.DefaultGenesis()
	gs.Currencies = []types.Currency{{
		CommunityId: 1, Code: "GDD", Name: "Gradido", Decimals: 4, Denom: "cc/1/GDD",
		IssuancePolicy: types.IssuancePolicyAdminAndContribution, FeeBps: 100, Creator: alice, CreatedAt: now,
	}}
	gs.Contributions = []types.Contribution{
		{Id: 1, CommunityId: 1, Contributor: bob, Amount: amount, Memo: "garden", Month: "2025-04", Status: types.ContributionStatusPending, CreatedAt: now},
		{
			Id: 2, CommunityId: 1, Contributor: bob, Amount: amount, Memo: "garden", Month: "2025-03", Status: types.ContributionStatusConfirmed,
			CreatedAt: now, Reviewer: mod, DecidedAt: &now, EntryId: 1,
		},
	}
	entry := func(id uint64, typ types.EntryType, account, counterparty string, amount int64) types.Entry {
		return types.Entry{
			Id: id, Type: typ, Account: account, CommunityId: 1, Denom: "cc/1/GDD", Counterparty: counterparty,
			Amount: sdkmath.NewInt(amount), Height: 3, Time: now,
		}
	}
	created := entry(1, types.EntryTypeCreation, bob, mod, 50)
	created.ContributionId, created.Month, created.Memo = 2, "2025-03", "garden"
	issued := entry(2, types.EntryTypeCreation, alice, alice, 1000)
	issued.Month = "2025-04"
	send := entry(3, types.EntryTypeSend, alice, bob, 100)
	send.AdId = 9
	gs.Entries = []types.Entry{created, issued, send, entry(4, types.EntryTypeReceive, bob, alice, 100), entry(5, types.EntryTypeFee, alice, treasury, 1)}
	gs.NextContributionId = 3
	gs.NextEntryId = 6
	return gs
}

func TestGenesisValidate_AcceptsDefaultAndFullStates(t *testing.T) {
	statetest.Accepts(t, validGenesis, map[string]func(*types.GenesisState){
		"default": func(gs *types.GenesisState) { *gs = *types.DefaultGenesis() },
	})
}

func TestGenesisValidate_RejectsInconsistentStates(t *testing.T) {
	statetest.Refuses(t, validGenesis, types.ErrInvalidParams, map[string]func(*types.GenesisState){
		"zero cap": func(gs *types.GenesisState) { gs.Params.MonthlyCreationCap = 0 },
	})
	statetest.Refuses(t, validGenesis, types.ErrInvalidGenesis, map[string]func(*types.GenesisState){
		"next contribution id 0":                  func(gs *types.GenesisState) { gs.NextContributionId = 0 },
		"next entry id 0":                         func(gs *types.GenesisState) { gs.NextEntryId = 0 },
		"two currencies for one community":        func(gs *types.GenesisState) { gs.Currencies = append(gs.Currencies, gs.Currencies[0]) },
		"currency of community 0":                 func(gs *types.GenesisState) { gs.Currencies[0].CommunityId = 0 },
		"lower-case code":                         func(gs *types.GenesisState) { gs.Currencies[0].Code = "gdd" },
		"denom not of its code":                   func(gs *types.GenesisState) { gs.Currencies[0].Denom = "cc/1/XYZ" },
		"19 decimals":                             func(gs *types.GenesisState) { gs.Currencies[0].Decimals = 19 },
		"unspecified policy":                      func(gs *types.GenesisState) { gs.Currencies[0].IssuancePolicy = types.IssuancePolicyUnspecified },
		"fee above 100 %":                         func(gs *types.GenesisState) { gs.Currencies[0].FeeBps = 10_001 },
		"malformed creator":                       func(gs *types.GenesisState) { gs.Currencies[0].Creator = "alice" },
		"contribution id 0":                       func(gs *types.GenesisState) { gs.Contributions[0].Id = 0 },
		"contribution id not below next":          func(gs *types.GenesisState) { gs.NextContributionId = 2 },
		"duplicate contribution":                  func(gs *types.GenesisState) { gs.Contributions[0].Id = 2 },
		"contribution without currency":           func(gs *types.GenesisState) { gs.Contributions[0].CommunityId = 2 },
		"zero contribution":                       func(gs *types.GenesisState) { gs.Contributions[0].Amount = sdkmath.ZeroInt() },
		"malformed month":                         func(gs *types.GenesisState) { gs.Contributions[0].Month = "April" },
		"unspecified status":                      func(gs *types.GenesisState) { gs.Contributions[0].Status = types.ContributionStatusUnspecified },
		"pending with a reviewer":                 func(gs *types.GenesisState) { gs.Contributions[0].Reviewer = statetest.Address(3) },
		"pending with a decision time":            func(gs *types.GenesisState) { gs.Contributions[0].DecidedAt = &gs.Contributions[0].CreatedAt },
		"confirmed without reviewer":              func(gs *types.GenesisState) { gs.Contributions[1].Reviewer = "" },
		"confirmed without entry":                 func(gs *types.GenesisState) { gs.Contributions[1].EntryId = 0 },
		"confirmed pointing at another entry":     func(gs *types.GenesisState) { gs.Contributions[1].EntryId = 2 },
		"deny reason on a pending one":            func(gs *types.GenesisState) { gs.Contributions[0].DenyReason = "no" },
		"entry id 0":                              func(gs *types.GenesisState) { gs.Entries[2].Id = 0 },
		"entry id not below next":                 func(gs *types.GenesisState) { gs.NextEntryId = 5 },
		"duplicate entry":                         func(gs *types.GenesisState) { gs.Entries[3].Id = 3 },
		"entry without currency":                  func(gs *types.GenesisState) { gs.Entries[2].CommunityId = 2 },
		"entry of another denom":                  func(gs *types.GenesisState) { gs.Entries[2].Denom = "cc/1/XYZ" },
		"unspecified entry type":                  func(gs *types.GenesisState) { gs.Entries[2].Type = types.EntryTypeUnspecified },
		"malformed account":                       func(gs *types.GenesisState) { gs.Entries[2].Account = "" },
		"send without counterparty":               func(gs *types.GenesisState) { gs.Entries[2].Counterparty = "" },
		"negative amount":                         func(gs *types.GenesisState) { gs.Entries[2].Amount = sdkmath.NewInt(-1) },
		"creation without month":                  func(gs *types.GenesisState) { gs.Entries[1].Month = "" },
		"send with a month":                       func(gs *types.GenesisState) { gs.Entries[2].Month = "2025-04" },
		"creation with an ad":                     func(gs *types.GenesisState) { gs.Entries[1].AdId = 3 },
		"negative height":                         func(gs *types.GenesisState) { gs.Entries[2].Height = -1 },
		"creation of an unknown contribution":     func(gs *types.GenesisState) { gs.Entries[1].ContributionId = 7 },
		"creation of a pending contribution":      func(gs *types.GenesisState) { gs.Entries[1].ContributionId = 1 },
		"creation off its contribution's amount":  func(gs *types.GenesisState) { gs.Entries[0].Amount = sdkmath.NewInt(51) },
		"creation for another account":            func(gs *types.GenesisState) { gs.Entries[0].Account = statetest.Address(1) },
		"confirmed contribution without creation": func(gs *types.GenesisState) { gs.Entries[0].ContributionId = 0 },
	})
}
