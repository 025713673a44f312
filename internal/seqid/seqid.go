// Package seqid hands out the sequential ids of the modules' objects
// (communities, ads, threads, contributions, ledger entries) from a
// collections.Sequence, starting at each kind's first id even when genesis
// never initialised the sequence.
package seqid

import (
	"context"

	"cosmossdk.io/collections"
)

// Next returns the next id of seq, first or later, and advances seq past it.
func Next(ctx context.Context, seq collections.Sequence, first uint64) (uint64, error) {
	id, err := seq.Next(ctx)
	if err != nil {
		return 0, err
	}
	if id < first {
		if err := seq.Set(ctx, first+1); err != nil {
			return 0, err
		}
		return first, nil
	}
	return id, nil
}

// Peek returns the id Next hands out next, without advancing seq: what
// genesis exports as the next id.
func Peek(ctx context.Context, seq collections.Sequence, first uint64) (uint64, error) {
	id, err := seq.Peek(ctx)
	if err != nil {
		return 0, err
	}
	return max(id, first), nil
}
