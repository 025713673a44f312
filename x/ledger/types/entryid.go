package types

import "math"

// Entry ids say where an entry was recorded, so that recording one writes no
// counter shared by every transaction: the block height in the high 32 bits,
// the slot in the next 18 (the transaction's index in its block, or
// BlockEntrySlot for what a block records outside its transactions, at its
// end) and the entry's number within its slot in the low 14. Ids grow with
// the order of recording, so a history keyed by id lists newest first.
//
// The ids a chain assigned from its old sequential counter (ledger
// consensus version 1) run from FirstEntryID up to far below 1<<32: every
// derived id is above them.
const (
	entrySlotBits   = 18
	entryNumberBits = 14

	// BlockEntrySlot is the slot of the entries a block records outside
	// its transactions: after every transaction of the block.
	BlockEntrySlot = 1<<entrySlotBits - 1
	// MaxEntriesPerSlot is how many entries one transaction, or one block
	// outside its transactions, may record.
	MaxEntriesPerSlot = 1 << entryNumberBits
	// MaxEntryHeight is the last height that has entry ids.
	MaxEntryHeight = math.MaxUint32
)

// EntryID returns the id of the entry numbered n in slot of the block at
// height, or ErrTooManyEntries when one of them does not fit its bits.
func EntryID(height int64, slot, n uint32) (uint64, error) {
	switch {
	case height < 1 || height > MaxEntryHeight:
		return 0, ErrTooManyEntries.Wrapf("height %d has no entry ids", height)
	case slot > BlockEntrySlot:
		return 0, ErrTooManyEntries.Wrapf("transaction %d of block %d is past the last that may record entries (%d)", slot, height, BlockEntrySlot-1)
	case n >= MaxEntriesPerSlot:
		return 0, ErrTooManyEntries.Wrapf("a transaction, or a block outside its transactions, may record %d entries", MaxEntriesPerSlot)
	}
	return FirstEntryIDAt(height) | uint64(slot)<<entryNumberBits | uint64(n), nil
}

// EntryIDHeight returns the height of the block that assigned id; 0 for the
// ids of the sequential counter of consensus version 1.
func EntryIDHeight(id uint64) int64 {
	return int64(id >> (entrySlotBits + entryNumberBits))
}

// FirstEntryIDAt returns the lowest id the block at height may assign.
func FirstEntryIDAt(height int64) uint64 {
	return uint64(height) << (entrySlotBits + entryNumberBits)
}
