package keeper

import (
	"context"
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"sync"

	dbm "github.com/cosmos/cosmos-db"

	"cosmossdk.io/collections"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// The ledger keeps its entries twice.
//
// The journal, in the state, is their provable record: each block that
// records entries writes them as one leaf (types.JournalBlock) under the id
// of its first entry, so a block of n transfers adds one IAVL leaf instead
// of 2n. While the block runs, its entries wait in the transient store
// (blockEntries), where a failed transaction's entries go with its other
// writes; the ledger's end-blocker, which runs after every module that
// records entries, writes the leaf.
//
// The history index, outside the state, is what the History query reads:
// each account's entries in each denom by id, rebuilt from the journal
// whenever it is missing, behind or stale (IndexHistory). It is a cache of
// the journal: a query answers from it up to the height it covers and from
// the journal above, so every node answers alike whatever its index holds.

// journalChunk is how many entries a leaf written outside a block holds.
const journalChunk = 1024

// historyIndex is the index of the journal by account, denom and id. Its
// keys are historyIndexMetaKey, which holds the journal epoch and the height
// the index covers, and, for each entry,
// 0x01 | account | 0x00 | denom | 0x00 | big-endian id, holding the entry
// without the account, denom and id its key holds.
type historyIndex struct {
	// mu serializes the writers: the commit of each block, and start-up.
	mu sync.Mutex
	db dbm.DB
}

var historyIndexMetaKey = []byte{0x00}

const historyIndexEntryPrefix = 0x01

// historyIndexMeta is what historyIndexMetaKey holds.
type historyIndexMeta struct {
	// epoch is the journal epoch the index was built from (see JournalEpoch).
	epoch int64
	// height is the last height whose entries the index holds.
	height int64
}

// historyIndexFormat is the layout of the index's keys and values: an index
// of another layout, like a missing one, is rebuilt.
const historyIndexFormat = 1

// meta returns what the index was built for, and false when it holds no
// index of historyIndexFormat.
func (h *historyIndex) meta() (historyIndexMeta, bool, error) {
	bz, err := h.db.Get(historyIndexMetaKey)
	if err != nil || len(bz) != 17 || bz[0] != historyIndexFormat {
		return historyIndexMeta{}, false, err
	}
	return historyIndexMeta{
		epoch:  int64(binary.BigEndian.Uint64(bz[1:])),
		height: int64(binary.BigEndian.Uint64(bz[9:])),
	}, true, nil
}

func (m historyIndexMeta) bytes() []byte {
	bz := binary.BigEndian.AppendUint64([]byte{historyIndexFormat}, uint64(m.epoch))
	return binary.BigEndian.AppendUint64(bz, uint64(m.height))
}

// historyIndexPrefix is the prefix of the index keys of account's entries in
// denom. Bech32 addresses and denoms hold no 0x00.
func historyIndexPrefix(account, denom string) []byte {
	p := make([]byte, 0, 1+len(account)+1+len(denom)+1+8)
	p = append(p, historyIndexEntryPrefix)
	p = append(p, account...)
	p = append(p, 0)
	p = append(p, denom...)
	return append(p, 0)
}

func historyIndexKey(prefix []byte, id uint64) []byte {
	return binary.BigEndian.AppendUint64(prefix[:len(prefix):len(prefix)], id)
}

// SetHistoryDB makes db the home of the history index. The app gives the
// keeper a database in the node's data directory before it serves anything;
// until then, and in tests, the index lives in memory.
func (k Keeper) SetHistoryDB(db dbm.DB) {
	k.index.mu.Lock()
	defer k.index.mu.Unlock()
	k.index.db = db
}

// setEntry adds e, whole, to the entries the running block recorded.
func (k Keeper) setEntry(ctx context.Context, e types.Entry) error {
	return k.blockEntries.Set(ctx, e.Id, e)
}

// writeJournal writes the entries the running block recorded as one journal
// leaf. The ledger's end-blocker calls it last.
func (k Keeper) writeJournal(ctx context.Context) error {
	var leaf types.JournalBlock
	if err := k.blockEntries.Walk(ctx, nil, func(_ uint64, e types.Entry) (bool, error) {
		leaf.Entries = append(leaf.Entries, e)
		return false, nil
	}); err != nil {
		return err
	}
	if len(leaf.Entries) == 0 {
		return nil
	}
	if err := k.Journal.Set(ctx, leaf.Entries[0].Id, leaf); err != nil {
		return err
	}
	return k.blockEntries.Clear(ctx, nil)
}

// rewriteJournal replaces the journal with entries, which are sorted by id,
// in leaves of journalChunk entries, and starts a new journal epoch: every
// node's history index rebuilds itself. Genesis, the migration from the
// per-account layout and a zero-height export rewrite the journal.
func (k Keeper) rewriteJournal(ctx context.Context, entries []types.Entry) error {
	if err := k.Journal.Clear(ctx, nil); err != nil {
		return err
	}
	for start := 0; start < len(entries); start += journalChunk {
		end := min(start+journalChunk, len(entries))
		if err := k.Journal.Set(ctx, entries[start].Id, types.JournalBlock{Entries: entries[start:end]}); err != nil {
			return err
		}
	}
	// A count, not the height: genesis at initial height 1 runs at height
	// 0, where a new node's index already says it was built.
	epoch, err := k.journalEpoch(ctx)
	if err != nil {
		return err
	}
	return k.JournalEpoch.Set(ctx, epoch+1)
}

// journalEpoch is how many times the journal was rewritten.
func (k Keeper) journalEpoch(ctx context.Context) (int64, error) {
	epoch, err := k.JournalEpoch.Get(ctx)
	if errors.Is(err, collections.ErrNotFound) {
		return 0, nil
	}
	return epoch, err
}

// WalkEntries calls fn with every entry, in id order: the journal's, then
// those the running block recorded so far. fn stops the walk by returning
// true.
func (k Keeper) WalkEntries(ctx context.Context, fn func(types.Entry) (stop bool, err error)) error {
	stopped := false
	if err := k.Journal.Walk(ctx, nil, func(_ uint64, leaf types.JournalBlock) (bool, error) {
		for _, e := range leaf.Entries {
			stop, err := fn(e)
			if err != nil || stop {
				stopped = stop
				return true, err
			}
		}
		return false, nil
	}); err != nil || stopped {
		return err
	}
	return k.blockEntries.Walk(ctx, nil, func(_ uint64, e types.Entry) (bool, error) { return fn(e) })
}

// entryIDsBelow is the first entry id of the height after height: every
// entry recorded at height or before has a smaller id.
func entryIDsBelow(height int64) uint64 {
	if height >= types.MaxEntryHeight {
		return math.MaxUint64
	}
	return types.FirstEntryIDAt(height + 1)
}

// IndexHistory brings the history index up to the context's height: it adds
// the journal leaves it lacks, or rebuilds it from the whole journal when it
// is missing, was built from another journal epoch, or covers heights the
// state has not reached (after a rollback). The app calls it at start and
// after each commit.
func (k Keeper) IndexHistory(ctx context.Context) error {
	h := k.index
	h.mu.Lock()
	defer h.mu.Unlock()

	height := sdk.UnwrapSDKContext(ctx).BlockHeight()
	epoch, err := k.journalEpoch(ctx)
	if err != nil {
		return err
	}
	meta, ok, err := h.meta()
	if err != nil {
		return err
	}
	if ok && meta.epoch == epoch && meta.height == height {
		return nil
	}
	batch := h.db.NewBatch()
	defer func() { _ = batch.Close() }()
	from := uint64(0)
	if ok && meta.epoch == epoch && meta.height < height {
		from = entryIDsBelow(meta.height)
	} else {
		sdk.UnwrapSDKContext(ctx).Logger().Info("rebuilding the ledger history index from the journal",
			"height", height, "journal_epoch", epoch, "index_built", ok, "index_epoch", meta.epoch, "index_height", meta.height)
		if err := h.clear(batch); err != nil {
			return err
		}
	}
	rng := new(collections.Range[uint64]).StartInclusive(from).EndExclusive(entryIDsBelow(height))
	if err := k.Journal.Walk(ctx, rng, func(_ uint64, leaf types.JournalBlock) (bool, error) {
		for i := range leaf.Entries {
			e := leaf.Entries[i]
			key := historyIndexKey(historyIndexPrefix(e.Account, e.Denom), e.Id)
			// The key holds the account, the denom and the id.
			e.Account, e.Denom, e.Id = "", "", 0
			bz, err := e.Marshal()
			if err != nil {
				return true, err
			}
			if err := batch.Set(key, bz); err != nil {
				return true, err
			}
		}
		return false, nil
	}); err != nil {
		return err
	}
	if err := batch.Set(historyIndexMetaKey, historyIndexMeta{epoch: epoch, height: height}.bytes()); err != nil {
		return err
	}
	return batch.Write()
}

// clear deletes, in batch, every entry of the index.
func (h *historyIndex) clear(batch dbm.Batch) error {
	it, err := h.db.Iterator([]byte{historyIndexEntryPrefix}, []byte{historyIndexEntryPrefix + 1})
	if err != nil {
		return err
	}
	defer func() { _ = it.Close() }()
	for ; it.Valid(); it.Next() {
		if err := batch.Delete(it.Key()); err != nil {
			return err
		}
	}
	return it.Error()
}

// history returns a page of account's entries in denom as of the context's
// height, newest first (oldest first when page.Reverse). A page key is the
// big-endian id of the page's first entry; NextKey names the next page's.
// The entries the index covers come from it, the rest from the journal and
// the running block.
func (k Keeper) history(ctx context.Context, account, denom string, page *query.PageRequest) ([]types.Entry, *query.PageResponse, error) {
	if len(page.Key) > 0 && page.Offset > 0 {
		return nil, nil, types.ErrInvalidRequest.Wrap("pagination: set key or offset, not both")
	}
	if len(page.Key) != 0 && len(page.Key) != 8 {
		return nil, nil, types.ErrInvalidRequest.Wrapf("pagination: a history page key is 8 bytes, not %d", len(page.Key))
	}
	lo, hi := uint64(0), uint64(math.MaxUint64) // the ids the page may list
	if len(page.Key) == 8 {
		if id := binary.BigEndian.Uint64(page.Key); page.Reverse {
			lo = id
		} else {
			hi = id
		}
	}
	indexed, recent, err := k.recentEntries(ctx, account, denom)
	if err != nil {
		return nil, nil, err
	}
	p := &pager{limit: page.Limit, offset: page.Offset, countTotal: page.CountTotal && len(page.Key) == 0}
	takeRecent := func(e types.Entry) error {
		if e.Id < lo || e.Id > hi {
			return nil
		}
		_, err := p.take(e.Id, func() (types.Entry, error) { return e, nil })
		return err
	}
	// Reading the index costs the gas reading the same entries from the
	// store would: the query gas limit bounds a query whatever it asks.
	gas, cost := sdk.UnwrapSDKContext(ctx).GasMeter(), storetypes.KVGasConfig()
	takeIndexed := func(id uint64, size int, decode func() (types.Entry, error)) (bool, error) {
		gas.ConsumeGas(cost.IterNextCostFlat, "history index")
		return p.take(id, func() (types.Entry, error) {
			gas.ConsumeGas(cost.ReadCostPerByte*uint64(size), "history index")
			return decode()
		})
	}
	fromIndex := func() error {
		if indexed == 0 || lo > min(hi, indexed-1) {
			return nil
		}
		return k.index.walk(account, denom, lo, min(hi, indexed-1), page.Reverse, takeIndexed)
	}
	if page.Reverse {
		if err := fromIndex(); err != nil {
			return nil, nil, err
		}
		for i := 0; i < len(recent) && !p.full(); i++ {
			if err := takeRecent(recent[i]); err != nil {
				return nil, nil, err
			}
		}
	} else {
		for i := len(recent) - 1; i >= 0 && !p.full(); i-- {
			if err := takeRecent(recent[i]); err != nil {
				return nil, nil, err
			}
		}
		if err := fromIndex(); err != nil {
			return nil, nil, err
		}
	}
	return p.entries, p.response(), nil
}

// recentEntries returns the ids below which the history index answers for
// the context's height, and account's entries in denom at or above them, by
// id: from the journal and the running block.
func (k Keeper) recentEntries(ctx context.Context, account, denom string) (uint64, []types.Entry, error) {
	height := sdk.UnwrapSDKContext(ctx).BlockHeight()
	epoch, err := k.journalEpoch(ctx)
	if err != nil {
		return 0, nil, err
	}
	meta, ok, err := k.index.meta()
	if err != nil {
		return 0, nil, err
	}
	indexed := uint64(0)
	if ok && meta.epoch == epoch {
		indexed = entryIDsBelow(min(meta.height, height))
	}
	var recent []types.Entry
	below := entryIDsBelow(height)
	of := func(e types.Entry) {
		if e.Account == account && e.Denom == denom && e.Id < below {
			recent = append(recent, e)
		}
	}
	rng := new(collections.Range[uint64]).StartInclusive(indexed).EndExclusive(below)
	if err := k.Journal.Walk(ctx, rng, func(_ uint64, leaf types.JournalBlock) (bool, error) {
		for _, e := range leaf.Entries {
			of(e)
		}
		return false, nil
	}); err != nil {
		return 0, nil, err
	}
	err = k.blockEntries.Walk(ctx, nil, func(_ uint64, e types.Entry) (bool, error) {
		of(e)
		return false, nil
	})
	return indexed, recent, err
}

// walk calls take with account's entries in denom whose ids are in [lo, hi],
// by id, descending unless ascending, until take stops it: with each id,
// the size of the stored entry and how to decode it.
func (h *historyIndex) walk(
	account, denom string, lo, hi uint64, ascending bool, take func(id uint64, size int, decode func() (types.Entry, error)) (bool, error),
) error {
	prefix := historyIndexPrefix(account, denom)
	start := historyIndexKey(prefix, lo)
	end := historyIndexKey(prefix, hi+1)
	if hi == math.MaxUint64 {
		end = append(slices.Clone(prefix[:len(prefix)-1]), 1) // past the denom's 0x00
	}
	var it dbm.Iterator
	var err error
	if ascending {
		it, err = h.db.Iterator(start, end)
	} else {
		it, err = h.db.ReverseIterator(start, end)
	}
	if err != nil {
		return err
	}
	defer func() { _ = it.Close() }()
	for ; it.Valid(); it.Next() {
		key, value := it.Key(), it.Value()
		id := binary.BigEndian.Uint64(key[len(key)-8:])
		stop, err := take(id, len(value), func() (types.Entry, error) {
			var e types.Entry
			if err := e.Unmarshal(value); err != nil {
				return e, err
			}
			e.Account, e.Denom, e.Id = account, denom, id
			return e, nil
		})
		if err != nil || stop {
			return err
		}
	}
	return it.Error()
}

// pager cuts a stream of entries into a page: it skips offset of them, keeps
// limit, notes the id that starts the next page and, if asked, counts all.
type pager struct {
	limit, offset uint64
	countTotal    bool

	seen    uint64
	entries []types.Entry
	nextKey []byte
}

// take adds the entry id to the page; decode is called only for an entry
// the page keeps. It returns true once nothing more can change the page.
func (p *pager) take(id uint64, decode func() (types.Entry, error)) (bool, error) {
	p.seen++
	switch {
	case p.seen <= p.offset:
		return false, nil
	case uint64(len(p.entries)) < p.limit:
		e, err := decode()
		if err != nil {
			return true, err
		}
		p.entries = append(p.entries, e)
	case p.nextKey == nil:
		p.nextKey = binary.BigEndian.AppendUint64(nil, id)
	}
	return p.full(), nil
}

// full reports whether the page is complete: with the next page's key, and
// the total when counted.
func (p *pager) full() bool {
	return p.nextKey != nil && !p.countTotal
}

func (p *pager) response() *query.PageResponse {
	r := &query.PageResponse{NextKey: p.nextKey}
	if p.countTotal {
		r.Total = p.seen
	}
	return r
}
