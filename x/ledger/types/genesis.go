package types

import (
	"errors"
	"fmt"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/bech32"
)

// DefaultGenesis returns the genesis state of a chain without currencies.
func DefaultGenesis() *GenesisState {
	return &GenesisState{
		Params:               DefaultParams(),
		Currencies:           []Currency{},
		Contributions:        []Contribution{},
		Entries:              []Entry{},
		NextContributionId:   FirstContributionID,
		NextEntryId:          FirstEntryID,
		Accounts:             []Account{},
		PaymentRequests:      []PaymentRequest{},
		NextPaymentRequestId: FirstPaymentRequestID,

		HighestMonthlyCreationCap: DefaultMonthlyCreationCap,
	}
}

// Validate checks the genesis state without a store: valid params; one
// currency per community with its canonical denom; contributions and entries
// of existing currencies with ids below the next ids; every confirmed
// contribution with exactly one CREATION entry of its amount and every
// CREATION entry of a contribution with a confirmed contribution. Lengths are
// checked against the params ceilings, so state created under any valid
// params passes.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	if gs.NextContributionId < FirstContributionID {
		return ErrInvalidGenesis.Wrapf("next_contribution_id %d is below %d", gs.NextContributionId, FirstContributionID)
	}
	if gs.HighestMonthlyCreationCap != 0 && gs.HighestMonthlyCreationCap < gs.Params.MonthlyCreationCap {
		return ErrInvalidGenesis.Wrapf("highest_monthly_creation_cap %d is below the params' %d", gs.HighestMonthlyCreationCap, gs.Params.MonthlyCreationCap)
	}
	if gs.NextEntryId < FirstEntryID {
		return ErrInvalidGenesis.Wrapf("next_entry_id %d is below %d", gs.NextEntryId, FirstEntryID)
	}
	limits := ceilingParams()

	denoms := make(map[uint64]string, len(gs.Currencies))
	for i, c := range gs.Currencies {
		if err := validateGenesisCurrency(c, limits); err != nil {
			return ErrInvalidGenesis.Wrapf("currency #%d (community %d): %s", i, c.CommunityId, err)
		}
		if _, dup := denoms[c.CommunityId]; dup {
			return ErrInvalidGenesis.Wrapf("community %d has two currencies", c.CommunityId)
		}
		denoms[c.CommunityId] = c.Denom
	}

	contributions := make(map[uint64]Contribution, len(gs.Contributions))
	for i, c := range gs.Contributions {
		if err := validateGenesisContribution(c, limits); err != nil {
			return ErrInvalidGenesis.Wrapf("contribution #%d (id %d): %s", i, c.Id, err)
		}
		if c.Id >= gs.NextContributionId {
			return ErrInvalidGenesis.Wrapf("contribution id %d is not below next_contribution_id %d", c.Id, gs.NextContributionId)
		}
		if _, dup := contributions[c.Id]; dup {
			return ErrInvalidGenesis.Wrapf("duplicate contribution id %d", c.Id)
		}
		if _, ok := denoms[c.CommunityId]; !ok {
			return ErrInvalidGenesis.Wrapf("contribution %d belongs to community %d, which has no currency", c.Id, c.CommunityId)
		}
		contributions[c.Id] = c
	}

	entries := make(map[uint64]bool, len(gs.Entries))
	creationOf := make(map[uint64]Entry, len(gs.Contributions))
	for i, e := range gs.Entries {
		if err := validateGenesisEntry(e, limits); err != nil {
			return ErrInvalidGenesis.Wrapf("entry #%d (id %d): %s", i, e.Id, err)
		}
		if e.Id >= gs.NextEntryId {
			return ErrInvalidGenesis.Wrapf("entry id %d is not below next_entry_id %d", e.Id, gs.NextEntryId)
		}
		if entries[e.Id] {
			return ErrInvalidGenesis.Wrapf("duplicate entry id %d", e.Id)
		}
		entries[e.Id] = true
		denom, ok := denoms[e.CommunityId]
		if !ok {
			return ErrInvalidGenesis.Wrapf("entry %d belongs to community %d, which has no currency", e.Id, e.CommunityId)
		}
		if e.Denom != denom {
			return ErrInvalidGenesis.Wrapf("entry %d has denom %q; community %d's currency is %q", e.Id, e.Denom, e.CommunityId, denom)
		}
		if e.ContributionId == 0 {
			continue
		}
		c, ok := contributions[e.ContributionId]
		if !ok || c.Status != ContributionStatusConfirmed || c.EntryId != e.Id {
			return ErrInvalidGenesis.Wrapf("entry %d is not the creation of a confirmed contribution %d", e.Id, e.ContributionId)
		}
		if e.Account != c.Contributor || e.CommunityId != c.CommunityId || !e.Amount.Equal(c.Amount) || e.Month != c.Month {
			return ErrInvalidGenesis.Wrapf("entry %d does not match contribution %d", e.Id, c.Id)
		}
		creationOf[c.Id] = e
	}
	for _, c := range gs.Contributions {
		if c.Status == ContributionStatusConfirmed {
			if _, ok := creationOf[c.Id]; !ok {
				return ErrInvalidGenesis.Wrapf("confirmed contribution %d has no creation entry", c.Id)
			}
		}
	}
	if err := gs.validateSponsorship(); err != nil {
		return err
	}
	currencies := make(map[uint64]Currency, len(gs.Currencies))
	for _, c := range gs.Currencies {
		currencies[c.CommunityId] = c
	}
	if err := gs.validateAccounts(currencies); err != nil {
		return err
	}
	return gs.validatePaymentRequests(denoms, limits)
}

// validateAccounts checks the ledger's account records: of an existing
// currency, once each, with a debt not beyond the account's credit limit,
// and with something to keep.
func (gs GenesisState) validateAccounts(currencies map[uint64]Currency) error {
	seen := make(map[string]bool, len(gs.Accounts))
	for i, a := range gs.Accounts {
		c, ok := currencies[a.CommunityId]
		if !ok {
			return ErrInvalidGenesis.Wrapf("account #%d belongs to community %d, which has no currency", i, a.CommunityId)
		}
		if err := validateAddress(a.Address); err != nil {
			return ErrInvalidGenesis.Wrapf("account #%d: %s", i, err)
		}
		key := fmt.Sprintf("%d/%s", a.CommunityId, a.Address)
		if seen[key] {
			return ErrInvalidGenesis.Wrapf("account %s of community %d twice", a.Address, a.CommunityId)
		}
		seen[key] = true
		if a.Debt.IsNil() || a.Debt.IsNegative() {
			return ErrInvalidGenesis.Wrapf("account %s of community %d: debt must not be negative", a.Address, a.CommunityId)
		}
		for _, l := range []struct {
			name string
			v    *sdkmath.Int
		}{{"credit_limit", a.CreditLimit}, {"max_balance", a.MaxBalance}} {
			if l.v != nil {
				if err := ValidateLimit(l.name, *l.v); err != nil {
					return ErrInvalidGenesis.Wrapf("account %s of community %d: %s", a.Address, a.CommunityId, err)
				}
			}
		}
		if limit, _ := c.CreditLimit(a); a.Debt.GT(limit) {
			return ErrInvalidGenesis.Wrapf("account %s of community %d owes %s, beyond its credit limit %s", a.Address, a.CommunityId, a.Debt, limit)
		}
		if (a.DecayedAt != nil) != (c.HalfLifeSeconds != 0) {
			return ErrInvalidGenesis.Wrapf("account %s of community %d: decayed_at must be set exactly when the currency decays", a.Address, a.CommunityId)
		}
		if a.Debt.IsZero() && a.DecayedAt == nil && a.CreditLimit == nil && a.MaxBalance == nil {
			return ErrInvalidGenesis.Wrapf("account %s of community %d holds nothing to keep", a.Address, a.CommunityId)
		}
	}
	return nil
}

// validatePaymentRequests checks the payment requests: ids below the next id,
// each once, of an existing currency, with fields that fit their status.
func (gs GenesisState) validatePaymentRequests(denoms map[uint64]string, limits Params) error {
	if gs.NextPaymentRequestId < FirstPaymentRequestID {
		return ErrInvalidGenesis.Wrapf("next_payment_request_id %d is below %d", gs.NextPaymentRequestId, FirstPaymentRequestID)
	}
	seen := make(map[uint64]bool, len(gs.PaymentRequests))
	for _, r := range gs.PaymentRequests {
		if r.Id < FirstPaymentRequestID || r.Id >= gs.NextPaymentRequestId {
			return ErrInvalidGenesis.Wrapf("payment request id %d is outside [%d, %d)", r.Id, FirstPaymentRequestID, gs.NextPaymentRequestId)
		}
		if seen[r.Id] {
			return ErrInvalidGenesis.Wrapf("duplicate payment request id %d", r.Id)
		}
		seen[r.Id] = true
		if _, ok := denoms[r.CommunityId]; !ok {
			return ErrInvalidGenesis.Wrapf("payment request %d belongs to community %d, which has no currency", r.Id, r.CommunityId)
		}
		if err := validateGenesisPaymentRequest(r, limits); err != nil {
			return ErrInvalidGenesis.Wrapf("payment request %d: %s", r.Id, err)
		}
	}
	return nil
}

func validateGenesisPaymentRequest(r PaymentRequest, limits Params) error {
	if err := validateAddress(r.Requester); err != nil {
		return fmt.Errorf("requester: %w", err)
	}
	if err := validateAddress(r.Payer); err != nil {
		return fmt.Errorf("payer: %w", err)
	}
	if r.Requester == r.Payer {
		return errors.New("requester and payer are the same account")
	}
	if err := ValidateAmount(r.Amount); err != nil {
		return err
	}
	if err := limits.ValidateMemo(r.Memo); err != nil {
		return err
	}
	if err := limits.ValidateMemo(r.Reason); err != nil {
		return fmt.Errorf("reason: %w", err)
	}
	if err := ValidatePaymentRequestStatus(r.Status); err != nil {
		return err
	}
	if r.ExpiresAt.Nanosecond() != 0 || !r.ExpiresAt.After(r.CreatedAt) {
		return errors.New("expires_at must be a whole second after created_at")
	}
	if (r.Status == PaymentRequestStatusPending) != (r.DecidedAt == nil) {
		return errors.New("decided_at must be set exactly when the request is no longer pending")
	}
	if (r.Status == PaymentRequestStatusAccepted) != (r.EntryId != 0) {
		return errors.New("entry_id must be set exactly when the request is accepted")
	}
	if r.Reason != "" && r.Status != PaymentRequestStatusRejected {
		return fmt.Errorf("a %s request has a reason", r.Status)
	}
	return nil
}

func (gs GenesisState) validateSponsorship() error {
	sponsored := make(map[uint64]bool, len(gs.FeeSponsorships))
	for i, s := range gs.FeeSponsorships {
		if err := s.Validate(); err != nil {
			return ErrInvalidGenesis.Wrapf("fee sponsorship #%d: %s", i, err)
		}
		if sponsored[s.CommunityId] {
			return ErrInvalidGenesis.Wrapf("community %d has two fee sponsorships", s.CommunityId)
		}
		sponsored[s.CommunityId] = true
	}
	spent := make(map[string]bool, len(gs.SponsoredSpendings))
	for i, s := range gs.SponsoredSpendings {
		if s.CommunityId == 0 {
			return ErrInvalidGenesis.Wrapf("sponsored spending #%d: community id is 0", i)
		}
		if s.Spent.IsNil() || s.Spent.IsNegative() {
			return ErrInvalidGenesis.Wrapf("sponsored spending #%d: spent must not be negative", i)
		}
		key := fmt.Sprintf("%d/%s", s.CommunityId, s.Member)
		if spent[key] {
			return ErrInvalidGenesis.Wrapf("sponsored spending #%d: community %d, member %q twice", i, s.CommunityId, s.Member)
		}
		spent[key] = true
	}
	return nil
}

func validateGenesisCurrency(c Currency, limits Params) error {
	if c.CommunityId == 0 {
		return errors.New("community id is 0")
	}
	if err := limits.ValidateCode(c.Code); err != nil {
		return err
	}
	if err := limits.ValidateName(c.Name); err != nil {
		return err
	}
	if err := limits.ValidateDecimals(c.Decimals); err != nil {
		return err
	}
	if want := Denom(c.CommunityId, c.Code); c.Denom != want {
		return fmt.Errorf("denom %q, want %q", c.Denom, want)
	}
	if err := ValidateIssuancePolicy(c.IssuancePolicy); err != nil {
		return err
	}
	if err := ValidateFeeBps(c.FeeBps); err != nil {
		return err
	}
	if err := ValidateHalfLife(c.HalfLifeSeconds); err != nil {
		return err
	}
	if err := c.ValidateCredit(); err != nil {
		return err
	}
	if err := validateAddress(c.Creator); err != nil {
		return fmt.Errorf("creator: %w", err)
	}
	return nil
}

func validateGenesisContribution(c Contribution, limits Params) error {
	if c.Id < FirstContributionID {
		return fmt.Errorf("id must be at least %d", FirstContributionID)
	}
	if err := validateAddress(c.Contributor); err != nil {
		return fmt.Errorf("contributor: %w", err)
	}
	if err := ValidateAmount(c.Amount); err != nil {
		return err
	}
	if err := limits.ValidateContributionMemo(c.Memo); err != nil {
		return err
	}
	if _, err := ParseMonth(c.Month); err != nil {
		return err
	}
	if err := ValidateContributionStatus(c.Status); err != nil {
		return err
	}
	if err := limits.ValidateMemo(c.DenyReason); err != nil {
		return fmt.Errorf("deny reason: %w", err)
	}
	reviewed := c.Status == ContributionStatusConfirmed || c.Status == ContributionStatusDenied
	if reviewed {
		if err := validateAddress(c.Reviewer); err != nil {
			return fmt.Errorf("reviewer: %w", err)
		}
	} else if c.Reviewer != "" {
		return fmt.Errorf("a %s contribution has a reviewer", c.Status)
	}
	if (c.Status == ContributionStatusPending) != (c.DecidedAt == nil) {
		return errors.New("decided_at must be set exactly when the contribution is no longer pending")
	}
	if (c.Status == ContributionStatusConfirmed) != (c.EntryId != 0) {
		return errors.New("entry_id must be set exactly when the contribution is confirmed")
	}
	if c.DenyReason != "" && c.Status != ContributionStatusDenied {
		return fmt.Errorf("a %s contribution has a deny reason", c.Status)
	}
	return nil
}

func validateGenesisEntry(e Entry, limits Params) error {
	if e.Id < FirstEntryID {
		return fmt.Errorf("id must be at least %d", FirstEntryID)
	}
	if err := ValidateEntryType(e.Type); err != nil {
		return err
	}
	if err := validateAddress(e.Account); err != nil {
		return fmt.Errorf("account: %w", err)
	}
	if e.Type == EntryTypeBridge {
		if err := validateBridgeEntry(e); err != nil {
			return err
		}
	} else if e.EthereumAddress != "" || e.BridgeDirection != BridgeDirectionUnspecified {
		return fmt.Errorf("a %s entry has an Ethereum address or a bridge direction", e.Type)
	}
	if e.Counterparty != "" || (e.Type != EntryTypeDecay && e.Type != EntryTypeBridge) {
		if err := validateAddress(e.Counterparty); err != nil {
			return fmt.Errorf("counterparty: %w", err)
		}
	}
	if err := ValidateAmount(e.Amount); err != nil {
		return err
	}
	if !e.Fee.IsNil() && !e.Fee.IsZero() {
		if e.Type != EntryTypeSend {
			return fmt.Errorf("a %s entry has a fee", e.Type)
		}
		if e.Fee.IsNegative() {
			return fmt.Errorf("fee %s is negative", e.Fee)
		}
	}
	if err := limits.ValidateMemo(e.Memo); err != nil {
		return err
	}
	if e.Type == EntryTypeCreation {
		if _, err := ParseMonth(e.Month); err != nil {
			return err
		}
	} else if e.Month != "" || e.ContributionId != 0 {
		return fmt.Errorf("a %s entry has a month or a contribution", e.Type)
	}
	if !e.DebtChange.IsNil() && !e.DebtChange.IsZero() &&
		e.Type != EntryTypeSend && e.Type != EntryTypeReceive && e.Type != EntryTypeCreation && e.Type != EntryTypeBridge {
		return fmt.Errorf("a %s entry changes a debt", e.Type)
	}
	if e.AdId != 0 && e.Type != EntryTypeSend && e.Type != EntryTypeReceive && e.Type != EntryTypeFee {
		return fmt.Errorf("a %s entry has an ad", e.Type)
	}
	if e.Height < 0 {
		return fmt.Errorf("height %d is negative", e.Height)
	}
	return nil
}

// validateBridgeEntry checks what only a BRIDGE entry has: a direction and
// an Ethereum address (a refund may lack one, the bridge's to give), no
// counterparty, and no debt change but the debt units coming back repaid.
func validateBridgeEntry(e Entry) error {
	if e.Counterparty != "" {
		return errors.New("a BRIDGE entry has a counterparty")
	}
	switch e.BridgeDirection {
	case BridgeDirectionOut, BridgeDirectionIn:
		if err := ValidateEthereumAddress(e.EthereumAddress); err != nil {
			return err
		}
	case BridgeDirectionRefund:
		if e.EthereumAddress != "" {
			if err := ValidateEthereumAddress(e.EthereumAddress); err != nil {
				return err
			}
		}
	default:
		return fmt.Errorf("a BRIDGE entry has bridge direction %s", e.BridgeDirection)
	}
	if e.DebtChange.IsNil() || e.DebtChange.IsZero() {
		return nil
	}
	if e.BridgeDirection == BridgeDirectionOut || e.DebtChange.IsPositive() {
		return fmt.Errorf("a BRIDGE entry %s changes a debt by %s", e.BridgeDirection, e.DebtChange)
	}
	return nil
}

// validateAddress checks a bech32 account address whatever its prefix: the
// keeper's address codec checks the prefix when the state is loaded.
func validateAddress(s string) error {
	_, bz, err := bech32.DecodeAndConvert(s)
	if err != nil {
		return err
	}
	return sdk.VerifyAddressFormat(bz)
}
