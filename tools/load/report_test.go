package load

import (
	"testing"
	"time"
)

func TestPercentile_NearestRank(t *testing.T) {
	ms := func(v ...int) []time.Duration {
		out := make([]time.Duration, len(v))
		for i, x := range v {
			out[i] = time.Duration(x) * time.Millisecond
		}
		return out
	}
	hundred := make([]int, 100)
	for i := range hundred {
		hundred[i] = i + 1
	}
	tests := []struct {
		name   string
		sorted []time.Duration
		p      float64
		want   time.Duration
	}{
		{"no values", nil, 50, 0},
		{"one value, median", ms(7), 50, 7 * time.Millisecond},
		{"one value, p99", ms(7), 99, 7 * time.Millisecond},
		{"median of four is the second", ms(1, 2, 3, 4), 50, 2 * time.Millisecond},
		{"p90 of four is the fourth", ms(1, 2, 3, 4), 90, 4 * time.Millisecond},
		{"p50 of 1..100", ms(hundred...), 50, 50 * time.Millisecond},
		{"p90 of 1..100", ms(hundred...), 90, 90 * time.Millisecond},
		{"p99 of 1..100", ms(hundred...), 99, 99 * time.Millisecond},
		{"max", ms(hundred...), 100, 100 * time.Millisecond},
		{"tiny p is the minimum", ms(hundred...), 0.001, time.Millisecond},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := percentile(tc.sorted, tc.p); got != tc.want {
				t.Fatalf("percentile(%v, %v) = %v, want %v", tc.sorted, tc.p, got, tc.want)
			}
		})
	}
}

func TestSummarizeLatency_SortsItsInput(t *testing.T) {
	in := []time.Duration{5 * time.Second, time.Second, 3 * time.Second, 2 * time.Second, 4 * time.Second}
	got := summarizeLatency(in)
	want := Latency{P50: 3 * time.Second, P90: 5 * time.Second, P99: 5 * time.Second, Max: 5 * time.Second}
	if got != want {
		t.Fatalf("summarizeLatency = %+v, want %+v", got, want)
	}
	if in[0] != 5*time.Second {
		t.Fatal("summarizeLatency reordered its input")
	}
}

func TestSteadyRate_LeavesOutTheFirstLoadedBlock(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	blocks := []blockStat{
		{height: 10, time: t0, oursOK: 0},
		{height: 11, time: t0.Add(1 * time.Second), oursOK: 250}, // sent before its span
		{height: 12, time: t0.Add(2 * time.Second), oursOK: 300},
		{height: 13, time: t0.Add(3 * time.Second), oursOK: 300},
		{height: 14, time: t0.Add(4 * time.Second), oursOK: 0},
	}
	if got := steadyRate(blocks); got != 300 {
		t.Fatalf("steadyRate = %v, want 300", got)
	}
	if got := steadyRate(blocks[:2]); got != 0 {
		t.Fatalf("steadyRate of one loaded block = %v, want 0", got)
	}
}

func TestSpread(t *testing.T) {
	if got := spread([]int{3, 1, 2}); got != (Spread{Min: 1, Mean: 2, Max: 3}) {
		t.Fatalf("spread = %+v", got)
	}
	if got := spread(nil); got != (Spread{}) {
		t.Fatalf("spread(nil) = %+v", got)
	}
}
