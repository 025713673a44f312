package keeper

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"math"
	"slices"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// Migrator runs the ledger's consensus-version migrations.
type Migrator struct {
	keeper Keeper
}

// NewMigrator returns the migrator of k's store.
func NewMigrator(k Keeper) Migrator {
	return Migrator{keeper: k}
}

// Migrate1to2 moves the ledger from the sequential entry counter of version
// 1 to entry ids derived from heights (types.EntryID), and from FEE entries
// to the fee of SEND entries. The history stays as it is, FEE entries
// included: every id the counter assigned lies below those of the upgrade
// block, so old entries keep their order below the new ones. The counter is
// deleted.
func (m Migrator) Migrate1to2(ctx sdk.Context) error {
	store := m.keeper.storeService.OpenKVStore(ctx)
	key := types.NextEntryIDKey.Bytes()
	bz, err := store.Get(key)
	if err != nil || bz == nil {
		return err
	}
	if len(bz) != 8 {
		return fmt.Errorf("the entry counter holds %d bytes, not 8", len(bz))
	}
	height := ctx.BlockHeight()
	if next, first := binary.BigEndian.Uint64(bz), types.FirstEntryIDAt(max(height, 1)); next > first {
		return types.ErrTooManyEntries.Wrapf("the entry counter reached %d, past the first id of block %d (%d)", next, height, first)
	}
	return store.Delete(key)
}

// Migrate2to3 moves the history from one state entry per account and entry
// (HistoryV2) into the journal: the entries, whole again, in leaves of
// journalChunk by id. Nodes rebuild their history index from the journal
// after the upgrade block. It runs in the upgrade block's pre-blocker, before
// the block records entries of its own; the entries are held in memory while
// they move.
func (m Migrator) Migrate2to3(ctx sdk.Context) error {
	k := m.keeper
	var entries []types.Entry
	if err := k.HistoryV2.Walk(ctx, nil, func(key HistoryKey, e types.Entry) (bool, error) {
		entries = append(entries, k.entryAt(key, e))
		return false, nil
	}); err != nil {
		return err
	}
	if err := k.Journal.Walk(ctx, nil, func(_ uint64, leaf types.JournalBlock) (bool, error) {
		entries = append(entries, leaf.Entries...)
		return false, nil
	}); err != nil {
		return err
	}
	slices.SortFunc(entries, func(a, b types.Entry) int { return cmp.Compare(a.Id, b.Id) })
	if err := k.HistoryV2.Clear(ctx, nil); err != nil {
		return err
	}
	return k.rewriteJournal(ctx, entries)
}

// entryAt returns the whole entry HistoryV2 stored under key as e.
func (k Keeper) entryAt(key HistoryKey, e types.Entry) types.Entry {
	e.Account = k.formatAddress(key.K1())
	e.Denom = key.K2()
	e.Id = math.MaxUint64 - key.K3()
	// Entries recorded before SEND entries carried the fee have none.
	e.Fee = types.IntOrZero(e.Fee)
	e.DebtChange = types.IntOrZero(e.DebtChange)
	return e
}
