package faults_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/kizuna-chain/kizuna/testutil/e2e"
	"github.com/kizuna-chain/kizuna/tools/load"
)

// loadAccounts is the number of accounts the driver spreads transfers over.
const loadAccounts = 100

// localnet is the network of scripts/localnet.sh in a temporary directory
// on a free port range: validators 0–3 and, once joined, full node 4.
type localnet struct {
	t      *testing.T
	dir    string
	base   int
	script string
}

func startLocalnet(t *testing.T) *localnet {
	t.Helper()
	root, err := e2e.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	base, err := e2e.FreePortRange(21000, 50)
	if err != nil {
		t.Fatal(err)
	}
	n := &localnet{t: t, dir: t.TempDir(), base: base, script: filepath.Join(root, "scripts", "localnet.sh")}
	t.Cleanup(func() {
		if t.Failed() {
			for i := range 5 {
				e2e.LogTail(t, filepath.Join(n.dir, fmt.Sprintf("node%d", i), "kizunad.log"))
			}
		}
		if out, err := n.runScript("stop"); err != nil {
			t.Errorf("localnet stop: %v\n%s", err, out)
		}
	})
	n.run("start")
	return n
}

func (n *localnet) runScript(args ...string) ([]byte, error) {
	cmd := exec.Command(n.script, args...)
	cmd.Env = append(os.Environ(),
		"KIZUNAD="+kizunad, "LOCALNET_DIR="+n.dir, fmt.Sprintf("LOCALNET_BASE_PORT=%d", n.base),
		"LOCALNET_SNAPSHOT_INTERVAL=10")
	return cmd.CombinedOutput()
}

// run runs the script with args and fails the test if it fails.
func (n *localnet) run(args ...string) {
	n.t.Helper()
	if out, err := n.runScript(args...); err != nil {
		n.t.Fatalf("localnet %v: %v\n%s", args, err, out)
	}
}

func (n *localnet) port(i, kind int) int { return n.base + i*10 + kind }
func (n *localnet) rpc(i int) string     { return fmt.Sprintf("http://127.0.0.1:%d", n.port(i, 1)) }
func (n *localnet) grpc(i int) string    { return fmt.Sprintf("127.0.0.1:%d", n.port(i, 2)) }
func (n *localnet) api(i int) string     { return fmt.Sprintf("http://127.0.0.1:%d", n.port(i, 3)) }
func (n *localnet) home(i int) string    { return filepath.Join(n.dir, fmt.Sprintf("node%d", i)) }
func (n *localnet) validators() []int    { return []int{0, 1, 2, 3} }
func (n *localnet) height(i int) int64   { return height(n.t, n.rpc(i)) }
func (n *localnet) grpcs(nodes ...int) []string {
	out := make([]string, len(nodes))
	for k, i := range nodes {
		out[k] = n.grpc(i)
	}
	return out
}

func (n *localnet) rpcs(nodes ...int) []string {
	out := make([]string, len(nodes))
	for k, i := range nodes {
		out[k] = n.rpc(i)
	}
	return out
}

// height returns the latest height of the node at rpcURL.
func height(t *testing.T, rpcURL string) int64 {
	t.Helper()
	st, err := e2e.RPCStatus(rpcURL)
	if err != nil {
		t.Fatal(err)
	}
	return st.Height
}

// dialLoad connects the load driver to nodes and prepares its accounts,
// paid by the key "validator" of the keyring in funderHome.
func dialLoad(t *testing.T, grpcs, rpcs []string, funderHome string) *load.Driver {
	t.Helper()
	funder, err := load.KeyringKey(funderHome, "test", "validator")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	d, err := load.Dial(ctx, load.Config{
		GRPC: grpcs, RPC: rpcs, Funder: funder, Accounts: loadAccounts,
		Logger: slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelInfo})),
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = d.Close() })
	if _, err := d.Setup(ctx); err != nil {
		t.Fatalf("load setup: %v", err)
	}
	return d
}

// runningLoad is a Run in the background.
type runningLoad struct {
	done chan struct{}
	rep  *load.Report
	err  error
}

// startLoad sends rate transfers per second for duration in the
// background. A transfer accepted and not committed within patience (lost
// with a crashed node's mempool, or waiting out a halt) is written off. If
// the test ends first, the run is cancelled and awaited, so that the next
// test can start its own.
func startLoad(t *testing.T, d *load.Driver, rate float64, duration, patience time.Duration) *runningLoad {
	ctx, cancel := context.WithCancel(context.Background())
	r := &runningLoad{done: make(chan struct{})}
	go func() {
		defer close(r.done)
		r.rep, r.err = d.Run(ctx, load.RunOptions{
			Rate: rate, Duration: duration, TxTimeout: patience, DrainTimeout: patience,
		})
	}()
	t.Cleanup(func() {
		cancel()
		<-r.done
	})
	return r
}

// wait waits for the run to end and checks that transfers were committed
// and none failed in a block.
func (r *runningLoad) wait(t *testing.T) *load.Report {
	t.Helper()
	<-r.done
	if r.err != nil {
		t.Fatalf("load: %v", r.err)
	}
	var text bytesWriter
	_ = r.rep.WriteText(&text)
	t.Logf("load report:\n%s", text)
	if r.rep.CommittedOK == 0 {
		t.Fatal("no transfer was committed")
	}
	if len(r.rep.CommittedFailed) != 0 {
		t.Fatalf("transfers failed in blocks: %v %v", r.rep.CommittedFailed, r.rep.Examples)
	}
	return r.rep
}

// requireConsistent checks, after a fault, that the four validators agree
// on the app hash, that the nodes checked hold every transfer of rep the
// driver saw committed, and that the invariants hold on all four.
func requireConsistent(t *testing.T, net *localnet, rep *load.Report, checked ...int) {
	t.Helper()
	validators := net.validators()
	requireSameAppHash(t, net.rpcs(validators...)...)
	for _, i := range checked {
		requireNoneMissing(t, net.grpc(i), rep.Committed)
	}
	for _, i := range validators {
		requireInvariants(t, net.api(i))
	}
}

// requireNoneMissing checks that the node at grpcAddr holds every committed
// transfer of txs at its height with its result.
func requireNoneMissing(t *testing.T, grpcAddr string, txs []load.CommittedTx) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	missing, err := load.FindMissing(ctx, grpcAddr, txs)
	if err != nil {
		t.Fatal(err)
	}
	if len(missing) != 0 {
		t.Fatalf("%d of %d committed transfers are missing on %s, first %+v", len(missing), len(txs), grpcAddr, missing[0])
	}
	t.Logf("%s holds all %d committed transfers", grpcAddr, len(txs))
}

// requireSameAppHash waits until every node has reached the latest height
// of the first one and checks that they agree on the app hash that results
// from the block before (the latest header holds it).
func requireSameAppHash(t *testing.T, rpcs ...string) {
	t.Helper()
	h := height(t, rpcs[0]) - 1
	want, err := e2e.AppHashAt(rpcs[0], h)
	if err != nil {
		t.Fatal(err)
	}
	for _, rpc := range rpcs[1:] {
		if err := e2e.WaitForHeight(rpc, h+1, 3*time.Minute); err != nil {
			t.Fatal(err)
		}
		got, err := e2e.AppHashAt(rpc, h)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Fatalf("height %d: %s has app hash %s, %s has %s", h, rpc, got, rpcs[0], want)
		}
	}
	t.Logf("%d nodes agree on the app hash at height %d", len(rpcs), h)
}

// requireInvariants asks the REST server at apiURL whether x/ledger's
// invariants hold.
func requireInvariants(t *testing.T, apiURL string) {
	t.Helper()
	resp, err := http.Get(apiURL + "/kizuna/ledger/v1/invariants")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	var res struct {
		Checked []string          `json:"checked"`
		Broken  []json.RawMessage `json:"broken"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || len(res.Checked) == 0 || len(res.Broken) != 0 {
		t.Fatalf("invariants at %s: HTTP %d, checked %v, broken %s", apiURL, resp.StatusCode, res.Checked, res.Broken)
	}
}

// earliestHeight is the first block a node holds.
func earliestHeight(t *testing.T, rpcURL string) int64 {
	t.Helper()
	resp, err := http.Get(rpcURL + "/status")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	var st struct {
		Result struct {
			SyncInfo struct {
				EarliestBlockHeight string `json:"earliest_block_height"`
			} `json:"sync_info"`
		} `json:"result"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&st); err != nil {
		t.Fatal(err)
	}
	h, err := strconv.ParseInt(st.Result.SyncInfo.EarliestBlockHeight, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// testWriter sends the driver's log lines to the test log.
type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(string(p))
	return len(p), nil
}

type bytesWriter []byte

func (b *bytesWriter) Write(p []byte) (int, error) {
	*b = append(*b, p...)
	return len(p), nil
}

func (b bytesWriter) String() string { return string(b) }

// getJSON decodes the JSON answer of a GET of url into v.
func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: HTTP %d", url, resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
}

// requireSameHistory checks that two nodes list the same ledger history for
// the sender of the committed transfer hash: a node that joined by state
// sync builds its history index from the journal it restored.
func requireSameHistory(t *testing.T, apiA, apiB, hash string) {
	t.Helper()
	var tx struct {
		Tx struct {
			Body struct {
				Messages []struct {
					Sender      string `json:"sender"`
					CommunityID string `json:"community_id"`
				} `json:"messages"`
			} `json:"body"`
		} `json:"tx"`
	}
	getJSON(t, apiA+"/cosmos/tx/v1beta1/txs/"+hash, &tx)
	if len(tx.Tx.Body.Messages) == 0 || tx.Tx.Body.Messages[0].Sender == "" {
		t.Fatalf("transaction %s has no transfer", hash)
	}
	msg := tx.Tx.Body.Messages[0]
	history := func(api string) []json.RawMessage {
		var res struct {
			Entries []json.RawMessage `json:"entries"`
		}
		getJSON(t, fmt.Sprintf("%s/kizuna/ledger/v1/accounts/%s/history?community_id=%s&pagination.limit=200", api, msg.Sender, msg.CommunityID), &res)
		return res.Entries
	}
	a, b := history(apiA), history(apiB)
	if len(a) == 0 {
		t.Fatalf("%s lists no history for %s", apiA, msg.Sender)
	}
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Fatalf("history of %s: %d entries at %s, %d at %s, or different ones", msg.Sender, len(a), apiA, len(b), apiB)
	}
	t.Logf("both nodes list the same %d history entries of %s", len(a), msg.Sender)
}
