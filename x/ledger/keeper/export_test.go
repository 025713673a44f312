package keeper

import (
	"context"

	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// SetEntriesInSlot sets how many entries the running block's slot recorded.
func (k Keeper) SetEntriesInSlot(ctx context.Context, slot, n uint32) error {
	return k.entriesInSlot.Set(ctx, slot, n)
}

// EntryAt is entryAt: the whole entry HistoryV2 stored under key as e.
func (k Keeper) EntryAt(key HistoryKey, e types.Entry) types.Entry {
	return k.entryAt(key, e)
}

// HistoryIndexCovers returns the journal epoch and the height the history
// index was built for, and whether it was built at all.
func (k Keeper) HistoryIndexCovers() (epoch, height int64, built bool, err error) {
	m, ok, err := k.index.meta()
	return m.epoch, m.height, ok, err
}

// BlockEntryCount is how many entries the running block recorded that the
// journal does not hold yet.
func (k Keeper) BlockEntryCount(ctx context.Context) (int, error) {
	n := 0
	err := k.blockEntries.Walk(ctx, nil, func(uint64, types.Entry) (bool, error) {
		n++
		return false, nil
	})
	return n, err
}

// SetHistoryIndexMeta overwrites what the history index says it was built
// for.
func (k Keeper) SetHistoryIndexMeta(bz []byte) error {
	return k.index.db.Set(historyIndexMetaKey, bz)
}
