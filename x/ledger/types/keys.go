package types

import (
	"encoding/binary"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/types/address"
)

const (
	// ModuleName is the name of the ledger module, and of its module account,
	// which mints the community currencies and the credit members draw
	// (Minter) and burns decayed units and repaid debt (Burner).
	ModuleName = "ledger"

	// StoreKey is the key of the module's KV store.
	StoreKey = ModuleName

	// TransientStoreKey is the key of the module's transient store, which
	// every block starts empty.
	TransientStoreKey = "transient_" + ModuleName

	// FirstContributionID is the id of the first contribution ever submitted.
	FirstContributionID uint64 = 1

	// FirstEntryID is the id of the first ledger entry ever recorded.
	FirstEntryID uint64 = 1

	// FirstPaymentRequestID is the id of the first payment request ever made.
	FirstPaymentRequestID uint64 = 1
)

// Store prefixes. Never reuse or renumber one: they address existing state.
var (
	ParamsKey                     = collections.NewPrefix(0)
	CurrenciesKey                 = collections.NewPrefix(1)
	NextContributionIDKey         = collections.NewPrefix(2)
	ContributionsKey              = collections.NewPrefix(3)
	ContributionsByCommunityKey   = collections.NewPrefix(4)
	ContributionsByStatusKey      = collections.NewPrefix(5)
	ContributionsByContributorKey = collections.NewPrefix(6)
	// NextEntryIDKey held the sequential entry counter of consensus
	// version 1; the migration to version 2 deletes it (see EntryID).
	NextEntryIDKey = collections.NewPrefix(7)
	// HistoryKey held each account's entries in consensus version 2; the
	// migration to version 3 moves them into the journal.
	HistoryKey                    = collections.NewPrefix(8)
	MonthlyCreatedKey             = collections.NewPrefix(9)
	CreatedKey                    = collections.NewPrefix(10)
	FeeSponsorshipsKey            = collections.NewPrefix(11)
	SponsoredByMemberKey          = collections.NewPrefix(12)
	SponsoredByCommunityKey       = collections.NewPrefix(13)
	AccountsKey                   = collections.NewPrefix(14)
	TotalDebtKey                  = collections.NewPrefix(15)
	DecayedKey                    = collections.NewPrefix(16)
	NextPaymentRequestIDKey       = collections.NewPrefix(17)
	PaymentRequestsKey            = collections.NewPrefix(18)
	PaymentRequestsByCommunityKey = collections.NewPrefix(19)
	PaymentRequestsByPayerKey     = collections.NewPrefix(20)
	PaymentRequestsByRequesterKey = collections.NewPrefix(21)
	PaymentRequestExpiriesKey     = collections.NewPrefix(22)
	OpenPaymentRequestsKey        = collections.NewPrefix(23)
	HighestMonthlyCapKey          = collections.NewPrefix(24)
	AccountRecordsKey             = collections.NewPrefix(25)
	BridgedOutKey                 = collections.NewPrefix(26)
	BridgedBackKey                = collections.NewPrefix(27)
	JournalKey                    = collections.NewPrefix(28)
	JournalEpochKey               = collections.NewPrefix(29)
)

// Transient store prefixes.
var (
	EntriesInSlotKey = collections.NewPrefix(0)
	BlockEntriesKey  = collections.NewPrefix(1)
)

// Derivation keys of the per-community accounts. The accounts have no
// private key: only the module moves funds out of them.
var (
	treasuryDerivationKey   = []byte("treasury")
	feeAccountDerivationKey = []byte("fee-account")
)

// TreasuryAddress is the account of a community that receives the transfer
// fees: address.Module("ledger", "treasury", big-endian community id). Each
// community has its own, so fee-paying transfers of different communities
// never write the same balance.
func TreasuryAddress(communityID uint64) []byte {
	return address.Module(ModuleName, treasuryDerivationKey, bigEndian(communityID))
}

// FeeAccountAddress is the account of a community that pays its members'
// transaction fees when they name it as fee granter: address.Module("ledger",
// "fee-account", big-endian community id).
func FeeAccountAddress(communityID uint64) []byte {
	return address.Module(ModuleName, feeAccountDerivationKey, bigEndian(communityID))
}

func bigEndian(n uint64) []byte {
	return binary.BigEndian.AppendUint64(nil, n)
}
