// Package keeper holds the state of the ledger module and the Msg and Query
// servers that change and read it.
package keeper

import (
	"fmt"
	"sync/atomic"

	dbm "github.com/cosmos/cosmos-db"

	"cosmossdk.io/collections"
	"cosmossdk.io/collections/indexes"
	"cosmossdk.io/core/address"
	corestore "cosmossdk.io/core/store"
	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// HistoryKey addresses a ledger entry in the history of consensus version
// 2: (account, denom, ^id).
type HistoryKey = collections.Triple[sdk.AccAddress, string, uint64]

// MonthlyKey addresses a member's creations in a target month: (community
// id, member, month).
type MonthlyKey = collections.Triple[uint64, sdk.AccAddress, uint32]

// ContributionIndexes are the secondary indexes of Keeper.Contributions.
type ContributionIndexes struct {
	// Community lists the contributions of a community by id.
	Community *indexes.Multi[uint64, uint64, types.Contribution]
	// Status lists the contributions of a community by (status, id).
	Status *indexes.Multi[collections.Pair[uint64, int32], uint64, types.Contribution]
	// Contributor lists the contributions of a community by (contributor, id).
	Contributor *indexes.Multi[collections.Pair[uint64, sdk.AccAddress], uint64, types.Contribution]
}

// IndexesList implements collections.Indexes.
func (i ContributionIndexes) IndexesList() []collections.Index[uint64, types.Contribution] {
	return []collections.Index[uint64, types.Contribution]{i.Community, i.Status, i.Contributor}
}

// AccountKey addresses what the ledger keeps about an account in the currency
// of a community: (community id, account).
type AccountKey = collections.Pair[uint64, sdk.AccAddress]

// PaymentRequestIndexes are the secondary indexes of Keeper.PaymentRequests.
type PaymentRequestIndexes struct {
	// Community lists the requests of a community by id.
	Community *indexes.Multi[uint64, uint64, types.PaymentRequest]
	// Payer lists the requests made to a payer in a community by id.
	Payer *indexes.Multi[AccountKey, uint64, types.PaymentRequest]
	// Requester lists the requests made by a requester in a community by id.
	Requester *indexes.Multi[AccountKey, uint64, types.PaymentRequest]
}

// IndexesList implements collections.Indexes.
func (i PaymentRequestIndexes) IndexesList() []collections.Index[uint64, types.PaymentRequest] {
	return []collections.Index[uint64, types.PaymentRequest]{i.Community, i.Payer, i.Requester}
}

// Keeper owns the ledger module's store.
//
// Keeper is used by value; copies share the ads keeper set with SetAdsKeeper.
type Keeper struct {
	cdc          codec.Codec
	storeService corestore.KVStoreService
	// transientService holds what a block counts while it runs: the
	// entries each of its transactions recorded (see nextEntryID).
	transientService corestore.TransientStoreService
	addressCodec     address.Codec
	// authority may change the params: the governance module account.
	authority string

	accountKeeper   types.AccountKeeper
	bankKeeper      types.BankKeeper
	communityKeeper types.CommunityKeeper
	ads             *adsSlot

	Schema             collections.Schema
	Params             collections.Item[types.Params]
	Currencies         collections.Map[uint64, types.Currency]
	NextContributionID collections.Sequence
	Contributions      *collections.IndexedMap[uint64, types.Contribution, ContributionIndexes]
	// HistoryV2 is where consensus version 2 kept each entry, under
	// HistoryKey and without the fields the key holds; the migration to
	// version 3 moves them into Journal.
	HistoryV2 collections.Map[HistoryKey, types.Entry]
	// Journal holds every ledger entry: leaves of consecutive entries under
	// the id of the first, one leaf per block that recorded any (see
	// journal.go).
	Journal collections.Map[uint64, types.JournalBlock]
	// JournalEpoch counts the journal's rewrites (genesis, a migration); a
	// history index built before the last is rebuilt.
	JournalEpoch collections.Item[int64]
	// blockEntries holds, in the transient store, the entries the running
	// block recorded, by id, until the end-blocker writes them to Journal.
	blockEntries collections.Map[uint64, types.Entry]
	// params are the params GetParams decoded last, shared by every copy
	// of the keeper and every goroutine that executes transactions.
	params *atomic.Pointer[decodedParams]
	// index indexes the journal by account outside the state; every copy
	// of the keeper shares it.
	index *historyIndex
	// entriesInSlot counts, in the transient store, the entries each slot
	// of the running block recorded (see types.EntryID).
	entriesInSlot collections.Map[uint32, uint32]
	// MonthlyCreated is what counts against the monthly cap: admin issuance
	// and pending and confirmed contributions, in base units.
	MonthlyCreated collections.Map[MonthlyKey, sdkmath.Int]
	// Created is what each currency's CREATION entries minted, by community
	// id; the supply invariant compares it with the x/bank supply.
	Created collections.Map[uint64, sdkmath.Int]
	// FeeSponsorships are the sponsorship settings communities' admins set.
	FeeSponsorships collections.Map[uint64, types.FeeSponsorship]
	// SponsoredByMember is what a community's fee account paid for a member
	// in the latest period it paid for it: (community id, member).
	SponsoredByMember collections.Map[collections.Pair[uint64, sdk.AccAddress], types.SponsoredSpending]
	// SponsoredByCommunity is what a community's fee account paid in all in
	// the latest period it paid anything.
	SponsoredByCommunity collections.Map[uint64, types.SponsoredSpending]
	// Accounts are the ledger's records of accounts with debt, a decaying
	// balance or limits of their own.
	Accounts collections.Map[AccountKey, types.Account]
	// TotalDebt is what the members of each community owe its currency.
	TotalDebt collections.Map[uint64, sdkmath.Int]
	// Decayed is what decay has burned of each community's currency.
	Decayed collections.Map[uint64, sdkmath.Int]
	// NextPaymentRequestID is the id of the next payment request.
	NextPaymentRequestID collections.Sequence
	// PaymentRequests holds every payment request by id.
	PaymentRequests *collections.IndexedMap[uint64, types.PaymentRequest, PaymentRequestIndexes]
	// PaymentRequestExpiries queues the pending requests by (expiry in Unix
	// seconds, id); the end of each block expires the due ones.
	PaymentRequestExpiries collections.KeySet[collections.Pair[int64, uint64]]
	// OpenPaymentRequests counts each member's pending requests in a community.
	OpenPaymentRequests collections.Map[AccountKey, uint32]
	// HighestMonthlyCap is the highest monthly_creation_cap the params have
	// had, which the monthly-cap invariant checks past creation against.
	HighestMonthlyCap collections.Item[uint64]
	// AccountRecords counts the Accounts of each community: a transfer of a
	// currency without credit or decay reads a record only when there are.
	AccountRecords collections.Map[uint64, uint64]
	// BridgedOut is what of each community's currency left for Ethereum
	// (burned by BRIDGE out entries).
	BridgedOut collections.Map[uint64, sdkmath.Int]
	// BridgedBack is what of each community's currency came back from
	// Ethereum or was refunded before it left (minted by BRIDGE in and
	// refund entries).
	BridgedBack collections.Map[uint64, sdkmath.Int]
}

// adsSlot lets every copy of a Keeper see the ads keeper set after the copy.
type adsSlot struct {
	keeper types.AdsKeeper
}

// NewKeeper returns the ledger keeper. It panics on wiring mistakes: a nil
// dependency, an authority the address codec cannot decode, or a missing
// ledger module account (it must be registered with Minter and Burner
// permissions).
func NewKeeper(
	cdc codec.Codec,
	storeService corestore.KVStoreService,
	transientService corestore.TransientStoreService,
	addressCodec address.Codec,
	authority string,
	accountKeeper types.AccountKeeper,
	bankKeeper types.BankKeeper,
	communityKeeper types.CommunityKeeper,
) Keeper {
	switch {
	case cdc == nil:
		panic("ledger keeper: nil codec")
	case storeService == nil:
		panic("ledger keeper: nil store service")
	case transientService == nil:
		panic("ledger keeper: nil transient store service")
	case addressCodec == nil:
		panic("ledger keeper: nil address codec")
	case accountKeeper == nil:
		panic("ledger keeper: nil account keeper")
	case bankKeeper == nil:
		panic("ledger keeper: nil bank keeper")
	case communityKeeper == nil:
		panic("ledger keeper: nil community keeper")
	}
	if _, err := addressCodec.StringToBytes(authority); err != nil {
		panic(fmt.Sprintf("ledger keeper: invalid authority %q: %v", authority, err))
	}
	if accountKeeper.GetModuleAddress(types.ModuleName) == nil {
		panic("ledger keeper: the ledger module account is not registered with the account keeper")
	}

	sb := collections.NewSchemaBuilder(storeService)
	k := Keeper{
		cdc:              cdc,
		storeService:     storeService,
		transientService: transientService,
		addressCodec:     addressCodec,
		authority:        authority,
		accountKeeper:    accountKeeper,
		bankKeeper:       bankKeeper,
		communityKeeper:  communityKeeper,
		ads:              &adsSlot{},

		Params:             collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		Currencies:         collections.NewMap(sb, types.CurrenciesKey, "currencies", collections.Uint64Key, codec.CollValue[types.Currency](cdc)),
		NextContributionID: collections.NewSequence(sb, types.NextContributionIDKey, "next_contribution_id"),
		Contributions: collections.NewIndexedMap(
			sb, types.ContributionsKey, "contributions",
			collections.Uint64Key, codec.CollValue[types.Contribution](cdc),
			ContributionIndexes{
				Community: indexes.NewMulti(
					sb, types.ContributionsByCommunityKey, "contributions_by_community",
					collections.Uint64Key, collections.Uint64Key,
					func(_ uint64, c types.Contribution) (uint64, error) { return c.CommunityId, nil },
				),
				Status: indexes.NewMulti(
					sb, types.ContributionsByStatusKey, "contributions_by_status",
					collections.PairKeyCodec(collections.Uint64Key, collections.Int32Key), collections.Uint64Key,
					func(_ uint64, c types.Contribution) (collections.Pair[uint64, int32], error) {
						return collections.Join(c.CommunityId, int32(c.Status)), nil
					},
				),
				Contributor: indexes.NewMulti(
					sb, types.ContributionsByContributorKey, "contributions_by_contributor",
					collections.PairKeyCodec(collections.Uint64Key, sdk.AccAddressKey), collections.Uint64Key,
					func(_ uint64, c types.Contribution) (collections.Pair[uint64, sdk.AccAddress], error) {
						addr, err := addressCodec.StringToBytes(c.Contributor)
						return collections.Join(c.CommunityId, sdk.AccAddress(addr)), err
					},
				),
			},
		),
		HistoryV2: collections.NewMap(
			sb, types.HistoryKey, "history",
			collections.TripleKeyCodec(sdk.AccAddressKey, collections.StringKey, collections.Uint64Key),
			codec.CollValue[types.Entry](cdc),
		),
		Journal: collections.NewMap(
			sb, types.JournalKey, "journal", collections.Uint64Key, codec.CollValue[types.JournalBlock](cdc),
		),
		JournalEpoch: collections.NewItem(sb, types.JournalEpochKey, "journal_epoch", collections.Int64Value),
		index:        &historyIndex{db: dbm.NewMemDB()},
		params:       new(atomic.Pointer[decodedParams]),
		MonthlyCreated: collections.NewMap(
			sb, types.MonthlyCreatedKey, "monthly_created",
			collections.TripleKeyCodec(collections.Uint64Key, sdk.AccAddressKey, collections.Uint32Key),
			sdk.IntValue,
		),
		Created: collections.NewMap(sb, types.CreatedKey, "created", collections.Uint64Key, sdk.IntValue),
		FeeSponsorships: collections.NewMap(
			sb, types.FeeSponsorshipsKey, "fee_sponsorships", collections.Uint64Key, codec.CollValue[types.FeeSponsorship](cdc),
		),
		SponsoredByMember: collections.NewMap(
			sb, types.SponsoredByMemberKey, "sponsored_by_member",
			collections.PairKeyCodec(collections.Uint64Key, sdk.AccAddressKey),
			codec.CollValue[types.SponsoredSpending](cdc),
		),
		SponsoredByCommunity: collections.NewMap(
			sb, types.SponsoredByCommunityKey, "sponsored_by_community", collections.Uint64Key, codec.CollValue[types.SponsoredSpending](cdc),
		),
		Accounts: collections.NewMap(
			sb, types.AccountsKey, "accounts",
			collections.PairKeyCodec(collections.Uint64Key, sdk.AccAddressKey), codec.CollValue[types.Account](cdc),
		),
		TotalDebt:            collections.NewMap(sb, types.TotalDebtKey, "total_debt", collections.Uint64Key, sdk.IntValue),
		Decayed:              collections.NewMap(sb, types.DecayedKey, "decayed", collections.Uint64Key, sdk.IntValue),
		NextPaymentRequestID: collections.NewSequence(sb, types.NextPaymentRequestIDKey, "next_payment_request_id"),
		PaymentRequests: collections.NewIndexedMap(
			sb, types.PaymentRequestsKey, "payment_requests",
			collections.Uint64Key, codec.CollValue[types.PaymentRequest](cdc),
			PaymentRequestIndexes{
				Community: indexes.NewMulti(
					sb, types.PaymentRequestsByCommunityKey, "payment_requests_by_community",
					collections.Uint64Key, collections.Uint64Key,
					func(_ uint64, r types.PaymentRequest) (uint64, error) { return r.CommunityId, nil },
				),
				Payer: indexes.NewMulti(
					sb, types.PaymentRequestsByPayerKey, "payment_requests_by_payer",
					collections.PairKeyCodec(collections.Uint64Key, sdk.AccAddressKey), collections.Uint64Key,
					func(_ uint64, r types.PaymentRequest) (AccountKey, error) {
						addr, err := addressCodec.StringToBytes(r.Payer)
						return collections.Join(r.CommunityId, sdk.AccAddress(addr)), err
					},
				),
				Requester: indexes.NewMulti(
					sb, types.PaymentRequestsByRequesterKey, "payment_requests_by_requester",
					collections.PairKeyCodec(collections.Uint64Key, sdk.AccAddressKey), collections.Uint64Key,
					func(_ uint64, r types.PaymentRequest) (AccountKey, error) {
						addr, err := addressCodec.StringToBytes(r.Requester)
						return collections.Join(r.CommunityId, sdk.AccAddress(addr)), err
					},
				),
			},
		),
		PaymentRequestExpiries: collections.NewKeySet(
			sb, types.PaymentRequestExpiriesKey, "payment_request_expiries",
			collections.PairKeyCodec(collections.Int64Key, collections.Uint64Key),
		),
		OpenPaymentRequests: collections.NewMap(
			sb, types.OpenPaymentRequestsKey, "open_payment_requests",
			collections.PairKeyCodec(collections.Uint64Key, sdk.AccAddressKey), collections.Uint32Value,
		),
		HighestMonthlyCap: collections.NewItem(sb, types.HighestMonthlyCapKey, "highest_monthly_cap", collections.Uint64Value),
		AccountRecords: collections.NewMap(
			sb, types.AccountRecordsKey, "account_records", collections.Uint64Key, collections.Uint64Value,
		),
		BridgedOut:  collections.NewMap(sb, types.BridgedOutKey, "bridged_out", collections.Uint64Key, sdk.IntValue),
		BridgedBack: collections.NewMap(sb, types.BridgedBackKey, "bridged_back", collections.Uint64Key, sdk.IntValue),
	}

	schema, err := sb.Build()
	if err != nil {
		panic(fmt.Sprintf("ledger keeper: %v", err))
	}
	k.Schema = schema

	tsb := collections.NewSchemaBuilderFromAccessor(transientService.OpenTransientStore)
	k.entriesInSlot = collections.NewMap(tsb, types.EntriesInSlotKey, "entries_in_slot", collections.Uint32Key, collections.Uint32Value)
	k.blockEntries = collections.NewMap(tsb, types.BlockEntriesKey, "block_entries", collections.Uint64Key, codec.CollValue[types.Entry](cdc))
	if _, err := tsb.Build(); err != nil {
		panic(fmt.Sprintf("ledger keeper: transient store: %v", err))
	}
	return k
}

// SetAdsKeeper installs the ads keeper that lets transfers pay for ads. It
// may be called once, while wiring the app; until then a transfer naming an
// ad fails with types.ErrAdsUnavailable.
func (k Keeper) SetAdsKeeper(ads types.AdsKeeper) {
	if ads == nil {
		panic("ledger keeper: nil ads keeper")
	}
	if k.ads.keeper != nil {
		panic("ledger keeper: ads keeper already set")
	}
	k.ads.keeper = ads
}

// GetAuthority returns the account allowed to change the params.
func (k Keeper) GetAuthority() string {
	return k.authority
}

// AddressCodec returns the codec of account addresses.
func (k Keeper) AddressCodec() address.Codec {
	return k.addressCodec
}
