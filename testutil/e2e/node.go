// Package e2e starts real kizunad processes for system tests: a node in a
// temporary home on free loopback ports, driven through its CLI, REST, gRPC
// and CometBFT RPC exactly as a validator or an app would.
package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// ChainID is the chain id of the nodes the harness creates.
const ChainID = "kizuna-test-1"

// GenesisBalance is what every genesis account of the harness holds.
const GenesisBalance = "1000000000000ukiz"

// DefaultFees is enough for any transaction of the system tests at the chain's
// minimum gas price.
const DefaultFees = "2000ukiz"

// Binary returns the kizunad binary under test: $KIZUNAD if set (make
// test-system builds it), otherwise one built once into dir.
func Binary(dir string) (string, error) {
	if bin := os.Getenv("KIZUNAD"); bin != "" {
		return filepath.Abs(bin)
	}
	root, err := repoRoot()
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "kizunad")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/kizunad")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("building kizunad: %w\n%s", err, out)
	}
	return bin, nil
}

// RepoRoot returns the repository's top directory.
func RepoRoot() (string, error) { return repoRoot() }

func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("go.mod not found above the working directory")
		}
		dir = parent
	}
}

// FreePorts returns n distinct TCP ports that were free on 127.0.0.1.
func FreePorts(n int) ([]int, error) {
	ports := make([]int, 0, n)
	listeners := make([]net.Listener, 0, n)
	defer func() {
		for _, l := range listeners {
			_ = l.Close()
		}
	}()
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		listeners = append(listeners, l)
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports, nil
}

// Node is a single-validator chain run by a kizunad process.
type Node struct {
	Bin      string
	Home     string
	P2PPort  int
	RPCPort  int
	GRPCPort int
	APIPort  int

	cmd     *exec.Cmd
	exited  chan struct{}
	logPath string
}

// NewNode initialises a one-validator chain in a temporary home with
// test-keyring keys "validator" and every name in accounts, each funded.
func NewNode(t testing.TB, bin string, accounts ...string) *Node {
	t.Helper()
	ports, err := FreePorts(4)
	if err != nil {
		t.Fatalf("free ports: %v", err)
	}
	n := &Node{
		Bin: bin, Home: t.TempDir(),
		P2PPort: ports[0], RPCPort: ports[1], GRPCPort: ports[2], APIPort: ports[3],
	}
	n.logPath = filepath.Join(n.Home, "kizunad.log")

	n.mustRun(t, "init", "test-validator", "--chain-id", ChainID)
	for _, name := range append([]string{"validator"}, accounts...) {
		n.mustRun(t, "keys", "add", name, "--keyring-backend", "test")
		n.mustRun(t, "genesis", "add-genesis-account", n.Address(t, name), GenesisBalance, "--keyring-backend", "test")
	}
	n.mustRun(t, "genesis", "gentx", "validator", "100000000000ukiz", "--chain-id", ChainID, "--keyring-backend", "test")
	n.mustRun(t, "genesis", "collect-gentxs")
	n.mustRun(t, "genesis", "validate")

	cfg := filepath.Join(n.Home, "config")
	edits := []struct{ file, section, key, value string }{
		{"config.toml", "rpc", "laddr", fmt.Sprintf("%q", fmt.Sprintf("tcp://127.0.0.1:%d", n.RPCPort))},
		{"config.toml", "rpc", "pprof_laddr", `""`},
		{"config.toml", "p2p", "laddr", fmt.Sprintf("%q", fmt.Sprintf("tcp://127.0.0.1:%d", n.P2PPort))},
		{"config.toml", "instrumentation", "prometheus", "false"},
		{"app.toml", "api", "address", fmt.Sprintf("%q", fmt.Sprintf("tcp://127.0.0.1:%d", n.APIPort))},
		{"app.toml", "grpc", "address", fmt.Sprintf("%q", fmt.Sprintf("127.0.0.1:%d", n.GRPCPort))},
		// No local minimum: the chain-wide gas price floor alone decides.
		{"app.toml", "", "minimum-gas-prices", `"0ukiz"`},
		{"client.toml", "", "chain-id", fmt.Sprintf("%q", ChainID)},
		{"client.toml", "", "keyring-backend", `"test"`},
		{"client.toml", "", "node", fmt.Sprintf("%q", n.RPCAddress())},
	}
	for _, e := range edits {
		if err := SetTOML(filepath.Join(cfg, e.file), e.section, e.key, e.value); err != nil {
			t.Fatal(err)
		}
	}
	return n
}

// RPCAddress is the node's CometBFT RPC address.
func (n *Node) RPCAddress() string { return fmt.Sprintf("tcp://127.0.0.1:%d", n.RPCPort) }

// RPCURL is the node's CometBFT RPC URL.
func (n *Node) RPCURL() string { return fmt.Sprintf("http://127.0.0.1:%d", n.RPCPort) }

// APIURL is the node's REST URL.
func (n *Node) APIURL() string { return fmt.Sprintf("http://127.0.0.1:%d", n.APIPort) }

// GRPCAddress is the node's gRPC address.
func (n *Node) GRPCAddress() string { return fmt.Sprintf("127.0.0.1:%d", n.GRPCPort) }

// Start starts the node and waits until it has committed a block and its
// REST server answers. The node is stopped when the test ends.
func (n *Node) Start(t testing.TB) {
	t.Helper()
	// Appended, so that a restarted node's log follows the first run's.
	logFile, err := os.OpenFile(n.logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	n.cmd = exec.Command(n.Bin, "start", "--home", n.Home)
	n.cmd.Stdout = logFile
	n.cmd.Stderr = logFile
	if err := n.cmd.Start(); err != nil {
		t.Fatalf("starting kizunad: %v", err)
	}
	n.exited = make(chan struct{})
	go func() {
		_ = n.cmd.Wait()
		_ = logFile.Close()
		close(n.exited)
	}()
	t.Cleanup(func() {
		if err := n.Stop(); err != nil {
			t.Errorf("stopping kizunad: %v", err)
		}
		if t.Failed() {
			n.dumpLog(t)
		}
	})
	if err := n.WaitForHeight(1, 90*time.Second); err != nil {
		n.dumpLog(t)
		t.Fatal(err)
	}
	if err := waitFor(30*time.Second, func() bool {
		resp, err := http.Get(n.APIURL() + "/cosmos/base/tendermint/v1beta1/node_info")
		if err != nil {
			return false
		}
		_ = resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	}); err != nil {
		n.dumpLog(t)
		t.Fatalf("REST server did not answer: %v", err)
	}
}

// Stop sends SIGTERM and waits for the process to exit.
func (n *Node) Stop() error {
	if n.cmd == nil || n.cmd.Process == nil {
		return nil
	}
	select {
	case <-n.exited:
		return nil
	default:
	}
	if err := n.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		return err
	}
	select {
	case <-n.exited:
		return nil
	case <-time.After(30 * time.Second):
		_ = n.cmd.Process.Kill()
		<-n.exited
		return errors.New("kizunad did not stop within 30s of SIGTERM")
	}
}

// Kill kills the process with SIGKILL, as a crash or a power cut would, and
// waits for it to be gone. Start starts it again.
func (n *Node) Kill() error {
	if n.cmd == nil || n.cmd.Process == nil {
		return errors.New("kizunad is not running")
	}
	select {
	case <-n.exited:
		return errors.New("kizunad had already exited")
	default:
	}
	if err := n.cmd.Process.Kill(); err != nil {
		return err
	}
	<-n.exited
	return nil
}

func (n *Node) dumpLog(t testing.TB) {
	t.Helper()
	data, err := os.ReadFile(n.logPath)
	if err != nil {
		return
	}
	if len(data) > 8000 {
		data = data[len(data)-8000:]
	}
	t.Logf("last lines of %s:\n%s", n.logPath, data)
}

// Run runs kizunad with args against the node's home and returns stdout.
func (n *Node) Run(args ...string) ([]byte, error) {
	cmd := exec.Command(n.Bin, append(args, "--home", n.Home)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return stdout.Bytes(), fmt.Errorf("kizunad %s: %w\n%s%s", strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	return stdout.Bytes(), nil
}

func (n *Node) mustRun(t testing.TB, args ...string) []byte {
	t.Helper()
	out, err := n.Run(args...)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// AddKey creates a test-keyring key that holds nothing: no account exists
// for it on chain until someone sends it something.
func (n *Node) AddKey(t testing.TB, name string) string {
	t.Helper()
	n.mustRun(t, "keys", "add", name, "--keyring-backend", "test")
	return n.Address(t, name)
}

// Address returns the address of a test-keyring key.
func (n *Node) Address(t testing.TB, name string) string {
	t.Helper()
	out := n.mustRun(t, "keys", "show", name, "-a", "--keyring-backend", "test")
	return strings.TrimSpace(string(out))
}

// TxResult is a committed transaction's outcome.
type TxResult struct {
	Hash      string
	Height    int64
	Code      uint32
	Codespace string
	RawLog    string
	Events    []Event
}

// Event is an ABCI event of a transaction.
type Event struct {
	Type       string `json:"type"`
	Attributes []struct {
		Key   string `json:"key"`
		Value string `json:"value"`
	} `json:"attributes"`
}

// Tx signs a transaction with key from, paying DefaultFees, broadcasts it and
// waits until it is committed. A transaction refused by CheckTx is returned
// with its code and no height.
func (n *Node) Tx(t testing.TB, from string, args ...string) TxResult {
	t.Helper()
	return n.TxWithFees(t, from, DefaultFees, args...)
}

// TxWithFees is Tx with the given fees for 400000 gas.
func (n *Node) TxWithFees(t testing.TB, from, fees string, args ...string) TxResult {
	t.Helper()
	return n.TxWithFlags(t, from, fees, args...)
}

// TxWithFlags is TxWithFees where args may carry more flags (--fee-granter).
// The gas is fixed, not simulated, so that a failing transaction reaches
// the chain and returns the chain's answer.
func (n *Node) TxWithFlags(t testing.TB, from, fees string, args ...string) TxResult {
	t.Helper()
	return n.TxRaw(t, from, append(args, "--fees", fees, "--gas", "400000")...)
}

// TxRaw runs a transaction command with the CLI's own defaults (simulated
// gas, fees at the minimum gas price, waiting for the block) and returns the
// transaction it printed. The command exits non-zero when the transaction
// fails, in the block or in CheckTx, and prints it all the same.
func (n *Node) TxRaw(t testing.TB, from string, args ...string) TxResult {
	t.Helper()
	full := append(append([]string{"tx"}, args...),
		"--from", from, "--keyring-backend", "test", "--chain-id", ChainID, "--node", n.RPCAddress(),
		"--yes", "--output", "json")
	out, runErr := n.Run(full...)
	var resp struct {
		TxHash    string  `json:"txhash"`
		Height    string  `json:"height"`
		Code      uint32  `json:"code"`
		Codespace string  `json:"codespace"`
		RawLog    string  `json:"raw_log"`
		Events    []Event `json:"events"`
	}
	if err := json.Unmarshal(lastJSON(out), &resp); err != nil || resp.TxHash == "" {
		t.Fatalf("no transaction in the output of kizunad %s: %v", strings.Join(full, " "), runErr)
	}
	if (runErr == nil) != (resp.Code == 0) {
		t.Fatalf("kizunad %s: exit status %v for a transaction with code %d", strings.Join(full, " "), runErr, resp.Code)
	}
	height, _ := strconv.ParseInt(resp.Height, 10, 64)
	return TxResult{Hash: resp.TxHash, Height: height, Code: resp.Code, Codespace: resp.Codespace, RawLog: resp.RawLog, Events: resp.Events}
}

// WaitForTx waits until the transaction with hash is committed.
func (n *Node) WaitForTx(t testing.TB, hash string) TxResult {
	t.Helper()
	var res TxResult
	err := waitFor(30*time.Second, func() bool {
		out, err := n.Run("q", "tx", hash, "--node", n.RPCAddress(), "--output", "json")
		if err != nil {
			return false
		}
		var tx struct {
			Height    string  `json:"height"`
			Code      uint32  `json:"code"`
			Codespace string  `json:"codespace"`
			RawLog    string  `json:"raw_log"`
			Events    []Event `json:"events"`
		}
		if err := json.Unmarshal(lastJSON(out), &tx); err != nil {
			return false
		}
		height, _ := strconv.ParseInt(tx.Height, 10, 64)
		res = TxResult{Hash: hash, Height: height, Code: tx.Code, Codespace: tx.Codespace, RawLog: tx.RawLog, Events: tx.Events}
		return true
	})
	if err != nil {
		t.Fatalf("transaction %s was not committed: %v", hash, err)
	}
	return res
}

// Query runs a CLI query and decodes its JSON output into v.
func (n *Node) Query(t testing.TB, v any, args ...string) {
	t.Helper()
	out := n.mustRun(t, append(append([]string{"q"}, args...), "--node", n.RPCAddress(), "--output", "json")...)
	if err := json.Unmarshal(lastJSON(out), v); err != nil {
		t.Fatalf("decoding %q: %v", out, err)
	}
}

// GetJSON reads a REST route of the node and decodes it into v.
func (n *Node) GetJSON(t testing.TB, path string, v any) {
	t.Helper()
	status, body := n.Get(t, path)
	if status != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, status, body)
	}
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("GET %s: decoding %q: %v", path, body, err)
	}
}

// Get reads a REST route of the node.
func (n *Node) Get(t testing.TB, path string) (int, []byte) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, n.APIURL()+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer func() { _ = resp.Body.Close() }()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, body
}

// Status is the part of CometBFT's /status the tests read.
type Status struct {
	Height  int64
	AppHash string
}

// RPCStatus reads CometBFT's /status from an RPC URL.
func RPCStatus(rpcURL string) (Status, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rpcURL+"/status", nil)
	if err != nil {
		return Status{}, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return Status{}, err
	}
	defer func() { _ = resp.Body.Close() }()
	var body struct {
		Result struct {
			SyncInfo struct {
				LatestBlockHeight string `json:"latest_block_height"`
				LatestAppHash     string `json:"latest_app_hash"`
			} `json:"sync_info"`
		} `json:"result"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return Status{}, err
	}
	height, err := strconv.ParseInt(body.Result.SyncInfo.LatestBlockHeight, 10, 64)
	if err != nil {
		return Status{}, err
	}
	return Status{Height: height, AppHash: body.Result.SyncInfo.LatestAppHash}, nil
}

// AppHashAt reads the app hash that results from executing block height:
// it is recorded in the header of block height+1.
func AppHashAt(rpcURL string, height int64) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	url := fmt.Sprintf("%s/block?height=%d", rpcURL, height+1)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer func() { _ = resp.Body.Close() }()
	var body struct {
		Result struct {
			Block struct {
				Header struct {
					AppHash string `json:"app_hash"`
				} `json:"header"`
			} `json:"block"`
		} `json:"result"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return "", err
	}
	if body.Result.Block.Header.AppHash == "" {
		return "", fmt.Errorf("no block %d at %s", height+1, rpcURL)
	}
	return body.Result.Block.Header.AppHash, nil
}

// WaitForHeight waits until the node has committed height.
func (n *Node) WaitForHeight(height int64, timeout time.Duration) error {
	return WaitForHeight(n.RPCURL(), height, timeout)
}

// WaitForHeight waits until the node at rpcURL has committed height.
func WaitForHeight(rpcURL string, height int64, timeout time.Duration) error {
	var last Status
	err := waitFor(timeout, func() bool {
		s, err := RPCStatus(rpcURL)
		if err != nil {
			return false
		}
		last = s
		return s.Height >= height
	})
	if err != nil {
		return fmt.Errorf("%s did not reach height %d (last seen %d): %w", rpcURL, height, last.Height, err)
	}
	return nil
}

func waitFor(timeout time.Duration, done func() bool) error {
	deadline := time.Now().Add(timeout)
	for {
		if done() {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("timed out after %s", timeout)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

var jsonStart = regexp.MustCompile(`(?m)^\{`)

// lastJSON returns the last JSON object of a command's output, skipping
// any notices printed before it.
func lastJSON(out []byte) []byte {
	locs := jsonStart.FindAllIndex(out, -1)
	if len(locs) == 0 {
		return bytes.TrimSpace(out)
	}
	return bytes.TrimSpace(out[locs[len(locs)-1][0]:])
}
