package types_test

import (
	"strings"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"

	"github.com/kizuna-chain/kizuna/testutil/statetest"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// ethereumAddress is an Ethereum address in its checksummed form.
const ethereumAddress = "0x52908400098527886E0F7030069857D2E4169EE7"

// validGenesis has a currency, a pending and a confirmed contribution, and
// the entries of the confirmed one, an admin issuance, a transfer with fee,
// and a transfer to Ethereum, one back and a refund.
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
	bridged := func(id uint64, account string, direction types.BridgeDirection, amount int64) types.Entry {
		e := entry(id, types.EntryTypeBridge, account, "", amount)
		e.BridgeDirection, e.EthereumAddress = direction, ethereumAddress
		return e
	}
	refund := bridged(8, alice, types.BridgeDirectionRefund, 3)
	refund.EthereumAddress = "" // the bridge's to give
	gs.Entries = []types.Entry{
		created, issued, send, entry(4, types.EntryTypeReceive, bob, alice, 100), entry(5, types.EntryTypeFee, alice, treasury, 1),
		bridged(6, alice, types.BridgeDirectionOut, 10), bridged(7, bob, types.BridgeDirectionIn, 5), refund,
	}
	gs.NextContributionId = 3
	gs.NextEntryId = 9

	// Community 3 has a pure mutual-credit currency that decays: bob owes
	// it, alice has limits of her own; in GDD, bob has a maximum of his own.
	gs.Currencies = append(gs.Currencies, types.Currency{
		CommunityId: 3, Code: "HRS", Name: "Hours", Denom: "cc/3/HRS", IssuancePolicy: types.IssuancePolicyMutualCredit,
		Creator: alice, CreatedAt: now, HalfLifeSeconds: 31_556_952, DefaultCreditLimit: sdkmath.NewInt(100), MaxBalance: sdkmath.ZeroInt(),
	})
	limit, maxBalance := sdkmath.NewInt(150), sdkmath.NewInt(500)
	gs.Accounts = []types.Account{
		{CommunityId: 3, Address: bob, Debt: sdkmath.NewInt(60), DecayedAt: &now},
		{CommunityId: 3, Address: alice, Debt: sdkmath.NewInt(120), DecayedAt: &now, CreditLimit: &limit, MaxBalance: &maxBalance},
		{CommunityId: 1, Address: bob, Debt: sdkmath.ZeroInt(), MaxBalance: &maxBalance},
	}
	request := func(id uint64, status types.PaymentRequestStatus) types.PaymentRequest {
		r := types.PaymentRequest{
			Id: id, CommunityId: 1, Requester: bob, Payer: alice, Amount: sdkmath.NewInt(5), Memo: "apples",
			Status: status, CreatedAt: now, ExpiresAt: now.Add(time.Hour),
		}
		if status != types.PaymentRequestStatusPending {
			r.DecidedAt = &now
		}
		return r
	}
	accepted, rejected := request(2, types.PaymentRequestStatusAccepted), request(3, types.PaymentRequestStatusRejected)
	accepted.EntryId, rejected.Reason = 3, "no apples"
	gs.PaymentRequests = []types.PaymentRequest{request(1, types.PaymentRequestStatusPending), accepted, rejected}
	gs.NextPaymentRequestId = 4
	return gs
}

func TestGenesisValidate_AcceptsDefaultAndFullStates(t *testing.T) {
	statetest.Accepts(t, validGenesis, map[string]func(*types.GenesisState){
		"default":                   func(gs *types.GenesisState) { *gs = *types.DefaultGenesis() },
		"debt of the default limit": func(gs *types.GenesisState) { gs.Accounts[0].Debt = sdkmath.NewInt(100) },
		"debt of its own limit":     func(gs *types.GenesisState) { gs.Accounts[1].Debt = sdkmath.NewInt(150) },
		"decayed_at alone":          func(gs *types.GenesisState) { gs.Accounts[0].Debt = sdkmath.ZeroInt() },
		"a limit of 2^128":          func(gs *types.GenesisState) { *gs.Accounts[1].CreditLimit = types.MaxLimit },
		"a day's half-life":         func(gs *types.GenesisState) { gs.Currencies[1].HalfLifeSeconds = types.MinHalfLifeSeconds },
		"cancelled and expired requests": func(gs *types.GenesisState) {
			gs.PaymentRequests[2].Status, gs.PaymentRequests[2].Reason = types.PaymentRequestStatusCancelled, ""
			gs.PaymentRequests[0].Status, gs.PaymentRequests[0].DecidedAt = types.PaymentRequestStatusExpired, &gs.PaymentRequests[0].ExpiresAt
		},
		"a rejection without reason":             func(gs *types.GenesisState) { gs.PaymentRequests[2].Reason = "" },
		"units back from Ethereum repaying debt": func(gs *types.GenesisState) { gs.Entries[6].DebtChange = sdkmath.NewInt(-5) },
		"a refund naming its Ethereum recipient": func(gs *types.GenesisState) { gs.Entries[7].EthereumAddress = ethereumAddress },
		"a lower-case Ethereum address": func(gs *types.GenesisState) {
			gs.Entries[5].EthereumAddress = strings.ToLower(ethereumAddress)
		},
		"a highest cap above the params'":         func(gs *types.GenesisState) { gs.HighestMonthlyCreationCap = gs.Params.MonthlyCreationCap + 1 },
		"no highest cap, from before it was kept": func(gs *types.GenesisState) { gs.HighestMonthlyCreationCap = 0 },
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
		"highest cap below the params' cap": func(gs *types.GenesisState) {
			gs.HighestMonthlyCreationCap = gs.Params.MonthlyCreationCap - 1
		},
		"bridge entry without direction": func(gs *types.GenesisState) {
			gs.Entries[5].BridgeDirection = types.BridgeDirectionUnspecified
		},
		"bridge entry of an unknown direction":  func(gs *types.GenesisState) { gs.Entries[6].BridgeDirection = 4 },
		"bridge entry with a counterparty":      func(gs *types.GenesisState) { gs.Entries[5].Counterparty = statetest.Address(2) },
		"bridge out without Ethereum address":   func(gs *types.GenesisState) { gs.Entries[5].EthereumAddress = "" },
		"bridge in without Ethereum address":    func(gs *types.GenesisState) { gs.Entries[6].EthereumAddress = "" },
		"Ethereum address without 0x":           func(gs *types.GenesisState) { gs.Entries[5].EthereumAddress = ethereumAddress[2:] },
		"Ethereum address of 41 digits":         func(gs *types.GenesisState) { gs.Entries[6].EthereumAddress = ethereumAddress + "0" },
		"Ethereum address with a non-hex digit": func(gs *types.GenesisState) { gs.Entries[7].EthereumAddress = ethereumAddress[:41] + "g" },
		"Ethereum address with 0X":              func(gs *types.GenesisState) { gs.Entries[5].EthereumAddress = "0X" + ethereumAddress[2:] },
		"bridge out changing a debt":            func(gs *types.GenesisState) { gs.Entries[5].DebtChange = sdkmath.NewInt(-1) },
		"bridge in drawing credit":              func(gs *types.GenesisState) { gs.Entries[6].DebtChange = sdkmath.OneInt() },
		"bridge entry with an ad":               func(gs *types.GenesisState) { gs.Entries[5].AdId = 3 },
		"bridge entry with a month":             func(gs *types.GenesisState) { gs.Entries[6].Month = "2025-04" },
		"send with an Ethereum address":         func(gs *types.GenesisState) { gs.Entries[2].EthereumAddress = ethereumAddress },
		"receive with a bridge direction":       func(gs *types.GenesisState) { gs.Entries[3].BridgeDirection = types.BridgeDirectionIn },
		"creation with a bridge direction":      func(gs *types.GenesisState) { gs.Entries[1].BridgeDirection = types.BridgeDirectionOut },

		"half-life shorter than a day":            func(gs *types.GenesisState) { gs.Currencies[1].HalfLifeSeconds = 86_399 },
		"default credit limit without credit":     func(gs *types.GenesisState) { gs.Currencies[0].DefaultCreditLimit = sdkmath.NewInt(1) },
		"negative default credit limit":           func(gs *types.GenesisState) { gs.Currencies[1].DefaultCreditLimit = sdkmath.NewInt(-1) },
		"currency maximum above 2^128":            func(gs *types.GenesisState) { gs.Currencies[1].MaxBalance = types.MaxLimit.AddRaw(1) },
		"account of a community without currency": func(gs *types.GenesisState) { gs.Accounts[0].CommunityId = 2 },
		"malformed account address":               func(gs *types.GenesisState) { gs.Accounts[0].Address = "bob" },
		"duplicate account":                       func(gs *types.GenesisState) { gs.Accounts = append(gs.Accounts, gs.Accounts[0]) },
		"negative debt":                           func(gs *types.GenesisState) { gs.Accounts[0].Debt = sdkmath.NewInt(-1) },
		"missing debt":                            func(gs *types.GenesisState) { gs.Accounts[0].Debt = sdkmath.Int{} },
		"debt beyond the default limit":           func(gs *types.GenesisState) { gs.Accounts[0].Debt = sdkmath.NewInt(101) },
		"debt beyond its own limit":               func(gs *types.GenesisState) { gs.Accounts[1].Debt = sdkmath.NewInt(151) },
		"debt in a currency without credit":       func(gs *types.GenesisState) { gs.Accounts[2].Debt = sdkmath.OneInt() },
		"negative credit limit":                   func(gs *types.GenesisState) { *gs.Accounts[1].CreditLimit = sdkmath.NewInt(-1) },
		"account maximum above 2^128":             func(gs *types.GenesisState) { *gs.Accounts[1].MaxBalance = types.MaxLimit.AddRaw(1) },
		"decayed_at in a currency without decay":  func(gs *types.GenesisState) { gs.Accounts[2].DecayedAt = gs.Accounts[0].DecayedAt },
		"no decayed_at in a decaying currency":    func(gs *types.GenesisState) { gs.Accounts[0].DecayedAt = nil },
		"account with nothing to keep":            func(gs *types.GenesisState) { gs.Accounts[2].MaxBalance = nil },
		"next payment request id 0":               func(gs *types.GenesisState) { gs.NextPaymentRequestId = 0 },
		"request id not below next":               func(gs *types.GenesisState) { gs.NextPaymentRequestId = 3 },
		"request id 0":                            func(gs *types.GenesisState) { gs.PaymentRequests[0].Id = 0 },
		"duplicate request id":                    func(gs *types.GenesisState) { gs.PaymentRequests[1].Id = 1 },
		"request of a community without currency": func(gs *types.GenesisState) { gs.PaymentRequests[0].CommunityId = 2 },
		"malformed payer":                         func(gs *types.GenesisState) { gs.PaymentRequests[0].Payer = "alice" },
		"request to oneself":                      func(gs *types.GenesisState) { gs.PaymentRequests[0].Payer = gs.PaymentRequests[0].Requester },
		"request of nothing":                      func(gs *types.GenesisState) { gs.PaymentRequests[0].Amount = sdkmath.ZeroInt() },
		"request memo too long":                   func(gs *types.GenesisState) { gs.PaymentRequests[0].Memo = strings.Repeat("m", 4097) },
		"unspecified request status":              func(gs *types.GenesisState) { gs.PaymentRequests[0].Status = types.PaymentRequestStatusUnspecified },
		"pending with decided_at":                 func(gs *types.GenesisState) { gs.PaymentRequests[0].DecidedAt = &gs.PaymentRequests[0].CreatedAt },
		"accepted without decided_at":             func(gs *types.GenesisState) { gs.PaymentRequests[1].DecidedAt = nil },
		"accepted without entry_id":               func(gs *types.GenesisState) { gs.PaymentRequests[1].EntryId = 0 },
		"rejected with an entry_id":               func(gs *types.GenesisState) { gs.PaymentRequests[2].EntryId = 3 },
		"reason on an accepted request":           func(gs *types.GenesisState) { gs.PaymentRequests[1].Reason = "because" },
		"reason on a pending request":             func(gs *types.GenesisState) { gs.PaymentRequests[0].Reason = "because" },
		"expires_at at created_at":                func(gs *types.GenesisState) { gs.PaymentRequests[0].ExpiresAt = gs.PaymentRequests[0].CreatedAt },
		"expires_at before created_at": func(gs *types.GenesisState) {
			gs.PaymentRequests[0].ExpiresAt = gs.PaymentRequests[0].CreatedAt.Add(-time.Hour)
		},
		"expires_at between seconds": func(gs *types.GenesisState) {
			gs.PaymentRequests[0].ExpiresAt = gs.PaymentRequests[0].ExpiresAt.Add(time.Millisecond)
		},
	})
}
