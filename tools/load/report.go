package load

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
)

// CommittedTx is a transaction of the driver that a block holds.
type CommittedTx struct {
	// Hash is the transaction's hash, upper-case hex.
	Hash string `json:"hash"`
	// Height is the block that holds it.
	Height int64 `json:"height"`
	// Code is its result code: 0 if it succeeded.
	Code uint32 `json:"code"`
}

// Latency summarises the time from broadcast (at a fixed rate: from when
// the rate called for the transfer, so that a node slow to take transfers
// shows) to the driver's observation of the block holding a transfer, over
// the transfers committed with success.
type Latency struct {
	P50, P90, P99, Max time.Duration
}

// Spread summarises a count per block.
type Spread struct {
	Min  int     `json:"min"`
	Mean float64 `json:"mean"`
	Max  int     `json:"max"`
}

// Report is what a Run measured.
type Report struct {
	// Env is the setup the run loaded.
	Env Env
	// Rate is the target rate in transfers per second; 0 means as fast as
	// possible.
	Rate float64
	// Duration is the load window: how long transfers were sent.
	Duration time.Duration
	// Accounts is the number of load accounts.
	Accounts int

	// Sent counts the transfers broadcast.
	Sent int
	// Accepted counts the transfers a mempool accepted (CheckTx code 0).
	Accepted int
	// Rejected counts the transfers CheckTx refused, by "codespace/code".
	Rejected map[string]int
	// BroadcastErrors counts the broadcasts no endpoint answered.
	BroadcastErrors int
	// Skipped counts the sends a fixed rate called for that did not go out
	// because MaxInFlight transfers were in flight or the workers lagged.
	Skipped int64
	// CommittedOK counts the transfers committed with success.
	CommittedOK int
	// CommittedFailed counts the transfers committed with an error, by
	// "codespace/code".
	CommittedFailed map[string]int
	// Unconfirmed counts the accepted transfers no block brought by the end
	// of the drain.
	Unconfirmed int
	// Examples holds the first message of each kind of failure.
	Examples map[string]string

	// CommittedPerSecond is CommittedOK in the blocks observed during the
	// load window, divided by Duration.
	CommittedPerSecond float64
	// SteadyPerSecond is the committed rate between the first and the last
	// block of the window that held transfers, by block time: the sustained
	// rate without the first block's wait (CometBFT's QA method).
	SteadyPerSecond float64
	// Latency summarises the latency of the successful transfers.
	Latency Latency
	// Blocks counts the blocks observed during the load window, from
	// FirstHeight to LastHeight.
	Blocks                  int
	FirstHeight, LastHeight int64
	// TxsPerBlock spreads the transactions (anyone's) per block, and
	// TransfersPerBlock the driver's, over those blocks.
	TxsPerBlock, TransfersPerBlock Spread

	// Committed lists every committed transfer with its height, for
	// FindMissing. It is left out of the JSON form.
	Committed []CommittedTx
}

// report builds the Report of r; unconfirmed counts the accepted transfers
// never committed.
func (r *runState) report(env *Env, accounts, unconfirmed int) *Report {
	rep := &Report{
		Env: *env, Rate: r.opts.Rate, Duration: r.end.Sub(r.start), Accounts: accounts,
		Sent: r.sent, Accepted: r.accepted, Rejected: maps.Clone(r.rejected), BroadcastErrors: r.broadcastErrors,
		Skipped: r.skipped.Load(), CommittedOK: r.committedOK, CommittedFailed: maps.Clone(r.committedFailed),
		Unconfirmed: unconfirmed, Examples: maps.Clone(r.examples),
		Latency:   summarizeLatency(r.latencies),
		Committed: slices.Clone(r.committed),
	}
	blocks := r.blocks
	rep.Blocks = len(blocks)
	if len(blocks) == 0 {
		return rep
	}
	rep.FirstHeight, rep.LastHeight = blocks[0].height, blocks[len(blocks)-1].height
	txs, ours := make([]int, len(blocks)), make([]int, len(blocks))
	okInWindow := 0
	for i, b := range blocks {
		txs[i], ours[i] = b.txs, b.ours
		okInWindow += b.oursOK
	}
	rep.TxsPerBlock, rep.TransfersPerBlock = spread(txs), spread(ours)
	if seconds := rep.Duration.Seconds(); seconds > 0 {
		rep.CommittedPerSecond = float64(okInWindow) / seconds
	}
	rep.SteadyPerSecond = steadyRate(blocks)
	return rep
}

// steadyRate is the rate of successful transfers between the first and the
// last block that held some, by block time: the transfers of the first
// block were sent before its time span and are left out.
func steadyRate(blocks []blockStat) float64 {
	first, last := -1, -1
	for i, b := range blocks {
		if b.oursOK > 0 {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 || last == first {
		return 0
	}
	span := blocks[last].time.Sub(blocks[first].time).Seconds()
	if span <= 0 {
		return 0
	}
	n := 0
	for _, b := range blocks[first+1 : last+1] {
		n += b.oursOK
	}
	return float64(n) / span
}

// summarizeLatency returns the percentiles of latencies.
func summarizeLatency(latencies []time.Duration) Latency {
	sorted := slices.Clone(latencies)
	slices.Sort(sorted)
	return Latency{
		P50: percentile(sorted, 50), P90: percentile(sorted, 90), P99: percentile(sorted, 99),
		Max: percentile(sorted, 100),
	}
}

// percentile returns the p-th percentile (0 < p ≤ 100) of sorted by the
// nearest-rank method: the smallest value that at least p % of the values
// do not exceed. It is 0 for no values.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(math.Ceil(p / 100 * float64(len(sorted))))
	return sorted[min(max(rank, 1), len(sorted))-1]
}

func spread(values []int) Spread {
	if len(values) == 0 {
		return Spread{}
	}
	s := Spread{Min: values[0], Max: values[0]}
	total := 0
	for _, v := range values {
		s.Min, s.Max = min(s.Min, v), max(s.Max, v)
		total += v
	}
	s.Mean = float64(total) / float64(len(values))
	return s
}

// WriteText writes the report for people.
func (r *Report) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	target := "as fast as possible"
	if r.Rate > 0 {
		target = fmt.Sprintf("%g tx/s", r.Rate)
	}
	rows := [][2]string{
		{"chain", fmt.Sprintf("%s, community %d, %s (fee %d bps)", r.Env.ChainID, r.Env.CommunityID, r.Env.Denom, r.Env.FeeBps)},
		{"load", fmt.Sprintf("%s for %s, %d accounts, %d gas and %s per transfer", target, r.Duration.Round(time.Millisecond), r.Accounts, r.Env.TransferGas, r.Env.TransferFee)},
		{"setup", r.Env.Took.Round(time.Millisecond).String()},
		{"sent", fmt.Sprint(r.Sent)},
		{"accepted into mempool", fmt.Sprint(r.Accepted)},
		{"rejected by CheckTx", countsText(r.Rejected)},
		{"broadcast errors", fmt.Sprint(r.BroadcastErrors)},
		{"skipped (behind rate)", fmt.Sprint(r.Skipped)},
		{"committed OK", fmt.Sprint(r.CommittedOK)},
		{"committed failed", countsText(r.CommittedFailed)},
		{"unconfirmed", fmt.Sprint(r.Unconfirmed)},
		{"committed tx/s", fmt.Sprintf("%.1f over the window, %.1f steady (block time)", r.CommittedPerSecond, r.SteadyPerSecond)},
		{"latency p50/p90/p99/max", fmt.Sprintf("%s / %s / %s / %s", seconds(r.Latency.P50), seconds(r.Latency.P90), seconds(r.Latency.P99), seconds(r.Latency.Max))},
		{"blocks", fmt.Sprintf("%d (heights %d-%d)", r.Blocks, r.FirstHeight, r.LastHeight)},
		{"txs per block", fmt.Sprintf("min %d, mean %.1f, max %d (transfers of this run: mean %.1f, max %d)",
			r.TxsPerBlock.Min, r.TxsPerBlock.Mean, r.TxsPerBlock.Max, r.TransfersPerBlock.Mean, r.TransfersPerBlock.Max)},
	}
	for _, kind := range slices.Sorted(maps.Keys(r.Examples)) {
		rows = append(rows, [2]string{"example: " + kind, truncate(r.Examples[kind], 200)})
	}
	for _, row := range rows {
		if _, err := fmt.Fprintf(tw, "%s\t%s\n", row[0], row[1]); err != nil {
			return err
		}
	}
	return tw.Flush()
}

func countsText(m map[string]int) string {
	if len(m) == 0 {
		return "0"
	}
	parts := make([]string, 0, len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		parts = append(parts, fmt.Sprintf("%s: %d", k, m[k]))
	}
	return fmt.Sprintf("%d (%s)", sum(m), strings.Join(parts, ", "))
}

func seconds(d time.Duration) string { return fmt.Sprintf("%.2fs", d.Seconds()) }

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// MarshalJSON writes the report with durations in seconds and without the
// list of committed transactions.
func (r Report) MarshalJSON() ([]byte, error) {
	type latency struct {
		P50 float64 `json:"p50"`
		P90 float64 `json:"p90"`
		P99 float64 `json:"p99"`
		Max float64 `json:"max"`
	}
	return json.Marshal(struct {
		Env                Env               `json:"env"`
		Rate               float64           `json:"target_rate"`
		DurationSeconds    float64           `json:"duration_seconds"`
		SetupSeconds       float64           `json:"setup_seconds"`
		Accounts           int               `json:"accounts"`
		Sent               int               `json:"sent"`
		Accepted           int               `json:"accepted"`
		Rejected           map[string]int    `json:"rejected_by_code"`
		BroadcastErrors    int               `json:"broadcast_errors"`
		Skipped            int64             `json:"skipped"`
		CommittedOK        int               `json:"committed_ok"`
		CommittedFailed    map[string]int    `json:"committed_failed_by_code"`
		Unconfirmed        int               `json:"unconfirmed"`
		Examples           map[string]string `json:"examples,omitempty"`
		CommittedPerSecond float64           `json:"committed_per_second"`
		SteadyPerSecond    float64           `json:"steady_committed_per_second"`
		LatencySeconds     latency           `json:"latency_seconds"`
		Blocks             int               `json:"blocks"`
		FirstHeight        int64             `json:"first_height"`
		LastHeight         int64             `json:"last_height"`
		TxsPerBlock        Spread            `json:"txs_per_block"`
		TransfersPerBlock  Spread            `json:"transfers_per_block"`
	}{
		Env: r.Env, Rate: r.Rate, DurationSeconds: r.Duration.Seconds(), SetupSeconds: r.Env.Took.Seconds(),
		Accounts: r.Accounts, Sent: r.Sent, Accepted: r.Accepted, Rejected: r.Rejected,
		BroadcastErrors: r.BroadcastErrors, Skipped: r.Skipped, CommittedOK: r.CommittedOK,
		CommittedFailed: r.CommittedFailed, Unconfirmed: r.Unconfirmed, Examples: r.Examples,
		CommittedPerSecond: r.CommittedPerSecond, SteadyPerSecond: r.SteadyPerSecond,
		LatencySeconds: latency{
			P50: r.Latency.P50.Seconds(), P90: r.Latency.P90.Seconds(), P99: r.Latency.P99.Seconds(), Max: r.Latency.Max.Seconds(),
		},
		Blocks: r.Blocks, FirstHeight: r.FirstHeight, LastHeight: r.LastHeight,
		TxsPerBlock: r.TxsPerBlock, TransfersPerBlock: r.TransfersPerBlock,
	})
}
