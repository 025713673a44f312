package keeper

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/internal/seqid"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// InitGenesis loads a validated genesis state into the store and derives
// what the genesis state leaves out: the monthly cap usage, the created,
// decayed, bridged and debt totals, the expiry queue and the counts of
// pending payment requests. Every currency's community must exist, so
// x/community's genesis runs first. Addresses are stored in the canonical
// form of the keeper's address codec.
func (k Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	// The module account mints; create it now rather than at the first mint.
	if k.accountKeeper.GetModuleAccount(ctx, types.ModuleName) == nil {
		return fmt.Errorf("the %s module account has no permissions registered", types.ModuleName)
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	if err := k.raiseHighestMonthlyCap(ctx, max(gs.Params.MonthlyCreationCap, gs.HighestMonthlyCreationCap)); err != nil {
		return err
	}
	if err := k.NextContributionID.Set(ctx, gs.NextContributionId); err != nil {
		return err
	}
	// Entry ids derive from heights (types.EntryID): the imported ones must
	// all lie below those the chain's first block assigns.
	if first := types.FirstEntryIDAt(max(sdk.UnwrapSDKContext(ctx).BlockHeight(), 1)); gs.NextEntryId > first {
		return types.ErrInvalidGenesis.Wrapf(
			"next_entry_id %d reaches into the entry ids of the chain's first block (from %d): start the chain at initial_height %d or later",
			gs.NextEntryId, first, types.EntryIDHeight(gs.NextEntryId-1)+1)
	}
	for _, c := range gs.Currencies {
		if _, err := k.communityKeeper.GetCommunity(ctx, c.CommunityId); err != nil {
			return fmt.Errorf("currency %s: %w", c.Denom, err)
		}
		if err := k.canonical("creator", &c.Creator); err != nil {
			return fmt.Errorf("currency %s: %w", c.Denom, err)
		}
		c.DefaultCreditLimit, c.MaxBalance = types.IntOrZero(c.DefaultCreditLimit), types.IntOrZero(c.MaxBalance)
		if err := k.Currencies.Set(ctx, c.CommunityId, c); err != nil {
			return err
		}
	}
	for _, c := range gs.Contributions {
		if err := k.initContribution(ctx, c); err != nil {
			return fmt.Errorf("contribution %d: %w", c.Id, err)
		}
	}
	entries := make([]types.Entry, 0, len(gs.Entries))
	for _, e := range gs.Entries {
		e, err := k.initEntry(ctx, e)
		if err != nil {
			return fmt.Errorf("entry %d: %w", e.Id, err)
		}
		entries = append(entries, e)
	}
	slices.SortFunc(entries, func(a, b types.Entry) int { return cmp.Compare(a.Id, b.Id) })
	if err := k.rewriteJournal(ctx, entries); err != nil {
		return err
	}
	for _, a := range gs.Accounts {
		if err := k.initAccount(ctx, a); err != nil {
			return fmt.Errorf("account %s of community %d: %w", a.Address, a.CommunityId, err)
		}
	}
	if err := k.NextPaymentRequestID.Set(ctx, gs.NextPaymentRequestId); err != nil {
		return err
	}
	for _, r := range gs.PaymentRequests {
		if err := k.initPaymentRequest(ctx, r); err != nil {
			return fmt.Errorf("payment request %d: %w", r.Id, err)
		}
	}
	return k.initSponsorship(ctx, gs)
}

func (k Keeper) initAccount(ctx context.Context, a types.Account) error {
	if err := k.canonical("address", &a.Address); err != nil {
		return err
	}
	addr, err := k.addressCodec.StringToBytes(a.Address)
	if err != nil {
		return err
	}
	if err := k.Accounts.Set(ctx, collections.Join(a.CommunityId, sdk.AccAddress(addr)), a); err != nil {
		return err
	}
	if err := k.countRecord(ctx, a.CommunityId, 1); err != nil {
		return err
	}
	return addTotal(ctx, k.TotalDebt, a.CommunityId, a.Debt)
}

func (k Keeper) initPaymentRequest(ctx context.Context, r types.PaymentRequest) error {
	if err := k.canonical("requester", &r.Requester); err != nil {
		return err
	}
	if err := k.canonical("payer", &r.Payer); err != nil {
		return err
	}
	if err := k.PaymentRequests.Set(ctx, r.Id, r); err != nil {
		return err
	}
	if r.Status != types.PaymentRequestStatusPending {
		return nil
	}
	if err := k.PaymentRequestExpiries.Set(ctx, collections.Join(r.ExpiresAt.Unix(), r.Id)); err != nil {
		return err
	}
	requester, err := k.addressCodec.StringToBytes(r.Requester)
	if err != nil {
		return err
	}
	key := collections.Join(r.CommunityId, sdk.AccAddress(requester))
	open, err := k.openRequests(ctx, key)
	if err != nil {
		return err
	}
	return k.OpenPaymentRequests.Set(ctx, key, open+1)
}

// initSponsorship loads the communities' sponsorship settings and what their
// fee accounts paid in their latest period.
func (k Keeper) initSponsorship(ctx context.Context, gs *types.GenesisState) error {
	if err := k.validateSponsoredMsgTypes(gs.Params); err != nil {
		return err
	}
	for _, s := range gs.FeeSponsorships {
		if _, err := k.communityKeeper.GetCommunity(ctx, s.CommunityId); err != nil {
			return fmt.Errorf("fee sponsorship: %w", err)
		}
		if err := k.FeeSponsorships.Set(ctx, s.CommunityId, s); err != nil {
			return err
		}
	}
	for _, s := range gs.SponsoredSpendings {
		if s.Member == "" {
			if err := k.SponsoredByCommunity.Set(ctx, s.CommunityId, s); err != nil {
				return err
			}
			continue
		}
		if err := k.canonical("member", &s.Member); err != nil {
			return fmt.Errorf("sponsored spending of community %d: %w", s.CommunityId, err)
		}
		member, err := k.addressCodec.StringToBytes(s.Member)
		if err != nil {
			return err
		}
		if err := k.SponsoredByMember.Set(ctx, collections.Join(s.CommunityId, sdk.AccAddress(member)), s); err != nil {
			return err
		}
	}
	return nil
}

func (k Keeper) initContribution(ctx context.Context, c types.Contribution) error {
	if err := k.canonical("contributor", &c.Contributor); err != nil {
		return err
	}
	if c.Reviewer != "" {
		if err := k.canonical("reviewer", &c.Reviewer); err != nil {
			return err
		}
	}
	if err := k.Contributions.Set(ctx, c.Id, c); err != nil {
		return err
	}
	if !c.Status.CountsAgainstCap() {
		return nil
	}
	month, err := types.ParseMonth(c.Month)
	if err != nil {
		return err
	}
	contributor, err := k.addressCodec.StringToBytes(c.Contributor)
	if err != nil {
		return err
	}
	return k.addMonthlyCreated(ctx, c.CommunityId, contributor, month, c.Amount)
}

// initEntry puts a genesis entry's addresses in canonical form, adds it to
// the totals it feeds and returns it, for the journal.
func (k Keeper) initEntry(ctx context.Context, e types.Entry) (types.Entry, error) {
	e.Fee, e.DebtChange = types.IntOrZero(e.Fee), types.IntOrZero(e.DebtChange)
	if err := k.canonical("account", &e.Account); err != nil {
		return e, err
	}
	if e.Counterparty != "" {
		if err := k.canonical("counterparty", &e.Counterparty); err != nil {
			return e, err
		}
	}
	switch {
	case e.Type == types.EntryTypeDecay:
		return e, addTotal(ctx, k.Decayed, e.CommunityId, e.Amount)
	case e.Type == types.EntryTypeBridge:
		return e, addTotal(ctx, k.bridgedTotal(e.BridgeDirection), e.CommunityId, e.Amount)
	case e.Type != types.EntryTypeCreation:
		return e, nil
	}
	if err := k.addCreated(ctx, e.CommunityId, e.Amount); err != nil {
		return e, err
	}
	if e.ContributionId != 0 {
		return e, nil // counted with its confirmed contribution
	}
	month, err := types.ParseMonth(e.Month)
	if err != nil {
		return e, err
	}
	account, err := k.addressCodec.StringToBytes(e.Account)
	if err != nil {
		return e, err
	}
	return e, k.addMonthlyCreated(ctx, e.CommunityId, account, month, e.Amount)
}

// canonical rewrites *addr in the canonical form of the address codec.
func (k Keeper) canonical(field string, addr *string) error {
	bz, err := k.parseAddress(field, *addr)
	if err != nil {
		return err
	}
	*addr = k.formatAddress(bz)
	return nil
}

// ExportGenesis returns the whole module state: currencies by community,
// contributions and entries by id.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	nextContribution, err := seqid.Peek(ctx, k.NextContributionID, types.FirstContributionID)
	if err != nil {
		return nil, err
	}
	nextRequest, err := seqid.Peek(ctx, k.NextPaymentRequestID, types.FirstPaymentRequestID)
	if err != nil {
		return nil, err
	}
	highest, err := k.HighestMonthlyCap.Get(ctx)
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return nil, err
	}
	gs := &types.GenesisState{
		HighestMonthlyCreationCap: highest,
		Params:                    params,
		Currencies:                []types.Currency{},
		Contributions:             []types.Contribution{},
		Entries:                   []types.Entry{},
		FeeSponsorships:           []types.FeeSponsorship{},
		SponsoredSpendings:        []types.SponsoredSpending{},
		NextContributionId:        nextContribution,
		NextEntryId:               types.FirstEntryID,
		Accounts:                  []types.Account{},
		PaymentRequests:           []types.PaymentRequest{},
		NextPaymentRequestId:      nextRequest,
	}
	if err := k.Currencies.Walk(ctx, nil, func(_ uint64, c types.Currency) (bool, error) {
		gs.Currencies = append(gs.Currencies, c)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Contributions.Walk(ctx, nil, func(_ uint64, c types.Contribution) (bool, error) {
		gs.Contributions = append(gs.Contributions, c)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.WalkEntries(ctx, func(e types.Entry) (bool, error) {
		gs.Entries = append(gs.Entries, e)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if n := len(gs.Entries); n > 0 {
		gs.NextEntryId = gs.Entries[n-1].Id + 1
	}
	if err := k.FeeSponsorships.Walk(ctx, nil, func(_ uint64, s types.FeeSponsorship) (bool, error) {
		gs.FeeSponsorships = append(gs.FeeSponsorships, s)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.SponsoredByCommunity.Walk(ctx, nil, func(_ uint64, s types.SponsoredSpending) (bool, error) {
		gs.SponsoredSpendings = append(gs.SponsoredSpendings, s)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.SponsoredByMember.Walk(ctx, nil, func(_ collections.Pair[uint64, sdk.AccAddress], s types.SponsoredSpending) (bool, error) {
		gs.SponsoredSpendings = append(gs.SponsoredSpendings, s)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Accounts.Walk(ctx, nil, func(_ AccountKey, a types.Account) (bool, error) {
		gs.Accounts = append(gs.Accounts, a)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.PaymentRequests.Walk(ctx, nil, func(_ uint64, r types.PaymentRequest) (bool, error) {
		gs.PaymentRequests = append(gs.PaymentRequests, r)
		return false, nil
	}); err != nil {
		return nil, err
	}
	return gs, nil
}

// RenumberEntries gives the history's entries the ids FirstEntryID, … in
// the order they were recorded, and the contributions and payment requests
// that name an entry its new id. A zero-height export runs it: the new
// chain's blocks derive entry ids from heights that start again at 1, and
// the entries must lie below them.
func (k Keeper) RenumberEntries(ctx context.Context) error {
	var all []types.Entry
	if err := k.WalkEntries(ctx, func(e types.Entry) (bool, error) {
		all = append(all, e)
		return false, nil
	}); err != nil {
		return err
	}
	renumbered := make(map[uint64]uint64, len(all))
	for i := range all {
		id := types.FirstEntryID + uint64(i)
		renumbered[all[i].Id] = id
		all[i].Id = id
	}
	// The running block's entries move into the journal with the rest.
	if err := k.blockEntries.Clear(ctx, nil); err != nil {
		return err
	}
	if err := k.rewriteJournal(ctx, all); err != nil {
		return err
	}
	if err := updateEntryIDs(ctx, k.Contributions, renumbered,
		func(c *types.Contribution) *uint64 { return &c.EntryId }); err != nil {
		return err
	}
	return updateEntryIDs(ctx, k.PaymentRequests, renumbered,
		func(r *types.PaymentRequest) *uint64 { return &r.EntryId })
}

// updateEntryIDs gives every value of m that names an entry (field) the id
// renumbered maps it to.
func updateEntryIDs[V any, I collections.Indexes[uint64, V]](
	ctx context.Context, m *collections.IndexedMap[uint64, V, I], renumbered map[uint64]uint64, field func(*V) *uint64,
) error {
	var ids []uint64
	var values []V
	if err := m.Walk(ctx, nil, func(id uint64, v V) (bool, error) {
		if old := *field(&v); old != 0 {
			next, ok := renumbered[old]
			if !ok {
				return true, fmt.Errorf("record %d names entry %d, which the history lacks", id, old)
			}
			*field(&v) = next
			ids, values = append(ids, id), append(values, v)
		}
		return false, nil
	}); err != nil {
		return err
	}
	for i, id := range ids {
		if err := m.Set(ctx, id, values[i]); err != nil {
			return err
		}
	}
	return nil
}
