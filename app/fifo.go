package app

// fifoMap is a map that holds at most a fixed number of entries and
// forgets the oldest first when full. It is not safe for concurrent use.
type fifoMap[K comparable, V any] struct {
	entries map[K]V
	// ring holds the keys in the order they were added; next is the
	// oldest once the ring is full.
	ring []K
	next int
}

// newFIFOMap returns an empty map of at most size entries.
func newFIFOMap[K comparable, V any](size int) fifoMap[K, V] {
	return fifoMap[K, V]{entries: make(map[K]V, size), ring: make([]K, 0, size)}
}

// get returns the value held for k, if any.
func (m *fifoMap[K, V]) get(k K) (V, bool) {
	v, ok := m.entries[k]
	return v, ok
}

// add holds v for k, forgetting the oldest entry when full. A key already
// held keeps its value and its place.
func (m *fifoMap[K, V]) add(k K, v V) {
	if _, ok := m.entries[k]; ok {
		return
	}
	if len(m.ring) < cap(m.ring) {
		m.ring = append(m.ring, k)
	} else {
		delete(m.entries, m.ring[m.next])
		m.ring[m.next] = k
		m.next = (m.next + 1) % len(m.ring)
	}
	m.entries[k] = v
}

// len returns how many entries the map holds.
func (m *fifoMap[K, V]) len() int {
	return len(m.entries)
}
