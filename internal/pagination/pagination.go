// Package pagination bounds the pages of every list query, so that no
// single request makes a node read an unbounded number of entries: a page
// holds at most MaxLimit entries, and a request without a limit gets
// DefaultLimit. Offsets and count_total still walk the entries they skip or
// count; the node's query gas limit (app.toml query-gas-limit) bounds them.
package pagination

import "github.com/cosmos/cosmos-sdk/types/query"

const (
	// DefaultLimit is the page size of a request that sets none.
	DefaultLimit uint64 = 100
	// MaxLimit is the largest page any list query returns.
	MaxLimit uint64 = 200
)

// Bound returns a copy of req whose limit is DefaultLimit when unset and at
// most MaxLimit; a nil req becomes a first page of DefaultLimit entries.
// The caller's request is not modified.
func Bound(req *query.PageRequest) *query.PageRequest {
	if req == nil {
		return &query.PageRequest{Limit: DefaultLimit}
	}
	bounded := *req
	switch {
	case bounded.Limit == 0:
		bounded.Limit = DefaultLimit
	case bounded.Limit > MaxLimit:
		bounded.Limit = MaxLimit
	}
	return &bounded
}
