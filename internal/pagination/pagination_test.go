package pagination_test

import (
	"testing"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/kizuna-chain/kizuna/internal/pagination"
)

func TestBound_CapsLimitAndKeepsTheRest(t *testing.T) {
	cases := []struct {
		name string
		req  *query.PageRequest
		want uint64
	}{
		{"nil request", nil, pagination.DefaultLimit},
		{"no limit", &query.PageRequest{}, pagination.DefaultLimit},
		{"small limit", &query.PageRequest{Limit: 7}, 7},
		{"the maximum", &query.PageRequest{Limit: pagination.MaxLimit}, pagination.MaxLimit},
		{"over the maximum", &query.PageRequest{Limit: 1 << 40}, pagination.MaxLimit},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := pagination.Bound(tc.req)
			if got.Limit != tc.want {
				t.Fatalf("limit %d, want %d", got.Limit, tc.want)
			}
		})
	}

	req := &query.PageRequest{Key: []byte{1}, Limit: 1 << 40, Reverse: true, CountTotal: true}
	got := pagination.Bound(req)
	if req.Limit != 1<<40 {
		t.Fatal("Bound modified the caller's request")
	}
	if string(got.Key) != "\x01" || !got.Reverse || !got.CountTotal {
		t.Fatalf("Bound dropped fields: %+v", got)
	}
}
