package app

import (
	"crypto/sha256"
	"testing"
)

func TestSignatureCache_EvictsOldestFirst(t *testing.T) {
	c := NewSignatureCache(2)
	k := func(b byte) [sha256.Size]byte { return [sha256.Size]byte{b} }
	c.add([][sha256.Size]byte{k(1), k(2)})
	c.add([][sha256.Size]byte{k(2)}) // already held: not added twice
	c.add([][sha256.Size]byte{k(3)})
	if c.Len() != 2 {
		t.Fatalf("Len = %d, want 2", c.Len())
	}
	if c.holdsAll([][sha256.Size]byte{k(1)}) {
		t.Error("the oldest entry survived a full cache")
	}
	if !c.holdsAll([][sha256.Size]byte{k(2), k(3)}) {
		t.Error("the two newest entries are gone")
	}
	if c.holdsAll([][sha256.Size]byte{k(3), k(4)}) {
		t.Error("a transaction with one signature not held was a hit")
	}
	c.add([][sha256.Size]byte{k(4), k(5)})
	if !c.holdsAll([][sha256.Size]byte{k(4), k(5)}) || c.holdsAll([][sha256.Size]byte{k(2)}) || c.holdsAll([][sha256.Size]byte{k(3)}) {
		t.Error("eviction did not go round the ring oldest first")
	}
	if c.Hits() != 2 {
		t.Errorf("Hits = %d, want 2", c.Hits())
	}
}
