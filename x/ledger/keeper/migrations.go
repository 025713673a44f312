package keeper

import (
	"cmp"
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"slices"

	"cosmossdk.io/collections"

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

// RenumberEntries gives the history's entries the ids FirstEntryID, … in
// the order they were recorded, and the contributions and payment requests
// that name an entry its new id. A zero-height export runs it: the new
// chain's blocks derive entry ids from heights that start again at 1, and
// the entries must lie below them.
func (k Keeper) RenumberEntries(ctx context.Context) error {
	type stored struct {
		key   HistoryKey
		entry types.Entry
	}
	var all []stored
	if err := k.History.Walk(ctx, nil, func(key HistoryKey, e types.Entry) (bool, error) {
		all = append(all, stored{key, e})
		return false, nil
	}); err != nil {
		return err
	}
	// Keys hold the complement of the id: the highest key is the oldest.
	slices.SortFunc(all, func(a, b stored) int { return cmp.Compare(b.key.K3(), a.key.K3()) })
	renumbered := make(map[uint64]uint64, len(all))
	for i, s := range all {
		renumbered[math.MaxUint64-s.key.K3()] = types.FirstEntryID + uint64(i)
		// Every old key goes before any new one is written: a new id may
		// be the old id of another entry of the same history.
		if err := k.History.Remove(ctx, s.key); err != nil {
			return err
		}
	}
	for i, s := range all {
		key := collections.Join3(s.key.K1(), s.key.K2(), math.MaxUint64-(types.FirstEntryID+uint64(i)))
		if err := k.History.Set(ctx, key, s.entry); err != nil {
			return err
		}
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
