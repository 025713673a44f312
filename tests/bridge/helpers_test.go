package bridge_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	goethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	ethcrypto "github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/kizuna-chain/kizuna/contracts/bindings"
	"github.com/kizuna-chain/kizuna/testutil/e2e"
)

var (
	bridgeABI = bindings.NewKizunaBridge()
	tokenABI  = bindings.NewKizunaToken()
)

// localnet is scripts/localnet.sh's four validators in a temporary
// directory on a free port range, with its bridge: geth --dev and a
// relayer per validator.
type localnet struct {
	t      *testing.T
	dir    string
	base   int
	script string
}

func startLocalnetWithBridge(t *testing.T) *localnet {
	t.Helper()
	for _, env := range []string{"RELAYER", "GETH"} {
		if os.Getenv(env) == "" {
			t.Fatalf("$%s is not set: run `make test-bridge`, which builds kizuna-relayer and geth", env)
		}
	}
	root, err := e2e.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	base, err := e2e.FreePortRange(23000, 100)
	if err != nil {
		t.Fatal(err)
	}
	n := &localnet{t: t, dir: t.TempDir(), base: base, script: filepath.Join(root, "scripts", "localnet.sh")}
	t.Cleanup(func() {
		if t.Failed() {
			for i := range 4 {
				e2e.LogTail(t, filepath.Join(n.dir, fmt.Sprintf("node%d", i), "kizunad.log"))
				e2e.LogTail(t, filepath.Join(n.dir, fmt.Sprintf("relayer%d", i), "relayer.log"))
			}
			e2e.LogTail(t, filepath.Join(n.dir, "geth", "geth.log"))
		}
		if out, err := n.runScript("stop"); err != nil {
			t.Errorf("localnet stop: %v\n%s", err, out)
		}
	})
	n.run("start")
	n.run("bridge")
	return n
}

func (n *localnet) runScript(args ...string) ([]byte, error) {
	cmd := exec.Command(n.script, args...)
	cmd.Env = append(os.Environ(), "KIZUNAD="+kizunad, "LOCALNET_DIR="+n.dir, fmt.Sprintf("LOCALNET_BASE_PORT=%d", n.base))
	return cmd.CombinedOutput()
}

func (n *localnet) run(args ...string) {
	n.t.Helper()
	if out, err := n.runScript(args...); err != nil {
		n.t.Fatalf("localnet %v: %v\n%s", args, err, out)
	}
}

func (n *localnet) home(i int) string { return filepath.Join(n.dir, fmt.Sprintf("node%d", i)) }
func (n *localnet) ethURL() string    { return fmt.Sprintf("http://127.0.0.1:%d", n.base+90) }

// relayer starts, stops or SIGKILLs validator i's relayer.
func (n *localnet) relayer(action string, i int) { n.run("relayer", action, fmt.Sprint(i)) }

// cli runs kizunad against node 0's home and returns stdout.
func (n *localnet) cli(args ...string) ([]byte, error) {
	cmd := exec.Command(kizunad, append(args, "--home", n.home(0))...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return out, fmt.Errorf("kizunad %s: %w: %s%s", strings.Join(args, " "), err, stderr.String(), out)
	}
	return out, nil
}

// query runs a query on node 0 and decodes its JSON into v.
func (n *localnet) query(v any, args ...string) {
	n.t.Helper()
	out, err := n.cli(append(append([]string{"q"}, args...), "-o", "json")...)
	if err != nil {
		n.t.Fatal(err)
	}
	if err := json.Unmarshal(out, v); err != nil {
		n.t.Fatalf("%v: %v\n%s", args, err, out)
	}
}

// txResult is a committed transaction's outcome.
type txResult struct {
	Code      uint32 `json:"code"`
	Codespace string `json:"codespace"`
	RawLog    string `json:"raw_log"`
	TxHash    string `json:"txhash"`
}

// tx signs a transaction with key from of node 0's test keyring, waits
// for its block and returns its result, a failed one included.
func (n *localnet) tx(from string, args ...string) txResult {
	n.t.Helper()
	full := append(append([]string{"tx"}, args...), "--from", from, "--keyring-backend", "test", "-y", "-o", "json",
		"--gas", "600000", "--fees", "1000ukiz")
	cmd := exec.Command(kizunad, append(full, "--home", n.home(0))...)
	out, err := cmd.Output()
	var res txResult
	if jsonErr := json.Unmarshal(out, &res); jsonErr != nil {
		n.t.Fatalf("kizunad %v: %v %v\n%s", args, err, jsonErr, out)
	}
	return res
}

func (n *localnet) requireTx(from string, args ...string) {
	n.t.Helper()
	if res := n.tx(from, args...); res.Code != 0 {
		n.t.Fatalf("kizunad tx %v: %s code %d: %s", args, res.Codespace, res.Code, res.RawLog)
	}
}

// addKey creates a key in node 0's test keyring and returns its address.
func (n *localnet) addKey(name string) string {
	n.t.Helper()
	if _, err := n.cli("keys", "add", name, "--keyring-backend", "test", "--output", "json"); err != nil {
		n.t.Fatal(err)
	}
	return n.address(name)
}

func (n *localnet) address(name string) string {
	n.t.Helper()
	out, err := n.cli("keys", "show", name, "-a", "--keyring-backend", "test")
	if err != nil {
		n.t.Fatal(err)
	}
	return strings.TrimSpace(string(out))
}

// balance is addr's bank balance of denom on the chain.
func (n *localnet) balance(addr, denom string) *big.Int {
	n.t.Helper()
	var res struct {
		Balance struct {
			Amount string `json:"amount"`
		} `json:"balance"`
	}
	n.query(&res, "bank", "balance", addr, denom)
	v, ok := new(big.Int).SetString(res.Balance.Amount, 10)
	if !ok {
		n.t.Fatalf("balance %q", res.Balance.Amount)
	}
	return v
}

// bridgeInfo is the chain's bridge info.
type bridgeInfo struct {
	ContractAddress        string `json:"contract_address"`
	LastObservedEventNonce string `json:"last_observed_event_nonce"`
	LatestValset           struct {
		Nonce string `json:"nonce"`
	} `json:"latest_valset"`
}

// latestValset is the nonce of the chain's latest valset.
func (n *localnet) latestValset() uint64 {
	n.t.Helper()
	var nonce uint64
	if _, err := fmt.Sscan(n.info().LatestValset.Nonce, &nonce); err != nil {
		n.t.Fatalf("latest valset nonce: %v", err)
	}
	return nonce
}

func (n *localnet) info() bridgeInfo {
	var info bridgeInfo
	n.query(&info, "bridge", "info")
	return info
}

// outgoing is what waits on the chain to leave: pooled transfers and
// outstanding batches.
func (n *localnet) outgoing() (transfers, batches int) {
	var tr struct {
		Transfers []json.RawMessage `json:"transfers"`
	}
	n.query(&tr, "bridge", "transfers")
	var b struct {
		Batches []json.RawMessage `json:"batches"`
	}
	n.query(&b, "bridge", "batches")
	return len(tr.Transfers), len(b.Batches)
}

// eventually polls cond every 500 ms until it holds or timeout passes.
func eventually(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %s", what, timeout)
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// ethereum is the test's side of geth --dev: a funded key that acts as an
// Ethereum user.
type ethereum struct {
	t      *testing.T
	client *ethclient.Client
	key    *ecdsa.PrivateKey
	chain  *big.Int
	bridge common.Address
}

func dialEthereum(t *testing.T, url string, bridge common.Address) *ethereum {
	t.Helper()
	client, err := ethclient.Dial(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(client.Close)
	chain, err := client.ChainID(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	key, err := ethcrypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	e := &ethereum{t: t, client: client, key: key, chain: chain, bridge: bridge}
	// geth --dev's developer account is unlocked and rich.
	var accounts []common.Address
	if err := client.Client().Call(&accounts, "eth_accounts"); err != nil || len(accounts) == 0 {
		t.Fatalf("eth_accounts: %v %v", accounts, err)
	}
	var hash common.Hash
	if err := client.Client().Call(&hash, "eth_sendTransaction", map[string]any{
		"from": accounts[0], "to": e.address(), "value": hexutil.EncodeBig(new(big.Int).Mul(big.NewInt(100), big.NewInt(1e18))),
	}); err != nil {
		t.Fatal(err)
	}
	e.wait(hash)
	return e
}

func (e *ethereum) address() common.Address { return ethcrypto.PubkeyToAddress(e.key.PublicKey) }

func (e *ethereum) wait(hash common.Hash) *types.Receipt {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	r, err := bind.WaitMined(ctx, e.client, hash)
	if err != nil {
		e.t.Fatal(err)
	}
	if r.Status != types.ReceiptStatusSuccessful {
		e.t.Fatalf("transaction %s reverted", hash)
	}
	return r
}

// transact sends data to contract from the test's key and waits for it.
func (e *ethereum) transact(contract common.Address, data []byte) *types.Receipt {
	e.t.Helper()
	tx, err := bind.Transact(tokenABI.Instance(e.client, contract), bind.NewKeyedTransactor(e.key, e.chain), data)
	if err != nil {
		e.t.Fatal(err)
	}
	return e.wait(tx.Hash())
}

// deployToken deploys an ERC-20 that the test's key owns and mints: an
// external token, as far as the bridge is concerned.
func (e *ethereum) deployToken(name, symbol string, decimals uint8, supply *big.Int) common.Address {
	e.t.Helper()
	addr, tx, err := bind.DeployContract(bind.NewKeyedTransactor(e.key, e.chain), common.FromHex(bindings.KizunaTokenMetaData.Bin), e.client, nil)
	if err != nil {
		e.t.Fatal(err)
	}
	e.wait(tx.Hash())
	e.transact(addr, tokenABI.PackInitialize(name, symbol, decimals))
	e.transact(addr, tokenABI.PackMint(e.address(), supply))
	return addr
}

// sendToCosmos locks (or burns) amount of token in the bridge for a
// Cosmos destination.
func (e *ethereum) sendToCosmos(token common.Address, destination string, amount int64) {
	e.t.Helper()
	e.transact(token, tokenABI.PackApprove(e.bridge, big.NewInt(amount)))
	e.transact(e.bridge, bridgeABI.PackSendToCosmos(token, destination, big.NewInt(amount)))
}

func (e *ethereum) balanceOf(token, who common.Address) *big.Int {
	e.t.Helper()
	v, err := bind.Call(tokenABI.Instance(e.client, token), nil, tokenABI.PackBalanceOf(who), tokenABI.UnpackBalanceOf)
	if err != nil {
		e.t.Fatal(err)
	}
	return v
}

func (e *ethereum) totalSupply(token common.Address) *big.Int {
	e.t.Helper()
	v, err := bind.Call(tokenABI.Instance(e.client, token), nil, tokenABI.PackTotalSupply(), tokenABI.UnpackTotalSupply)
	if err != nil {
		e.t.Fatal(err)
	}
	return v
}

// executedBatches counts the contract's BatchExecuted events of token.
func (e *ethereum) executedBatches(token common.Address) int {
	e.t.Helper()
	logs, err := e.client.FilterLogs(context.Background(), goethereum.FilterQuery{
		FromBlock: big.NewInt(0), Addresses: []common.Address{e.bridge},
		Topics: [][]common.Hash{{bridgeABI.GetABI().Events["BatchExecuted"].ID}, nil, {common.BytesToHash(token.Bytes())}},
	})
	if err != nil {
		e.t.Fatal(err)
	}
	return len(logs)
}

func (e *ethereum) lastBatchNonce(token common.Address) uint64 {
	e.t.Helper()
	v, err := bind.Call(bridgeABI.Instance(e.client, e.bridge), nil, bridgeABI.PackLastBatchNonce(token), bridgeABI.UnpackLastBatchNonce)
	if err != nil {
		e.t.Fatal(err)
	}
	return v.Uint64()
}

func (e *ethereum) eventNonce() uint64 {
	e.t.Helper()
	v, err := bind.Call(bridgeABI.Instance(e.client, e.bridge), nil, bridgeABI.PackEventNonce(), bridgeABI.UnpackEventNonce)
	if err != nil {
		e.t.Fatal(err)
	}
	return v.Uint64()
}

func (e *ethereum) valsetNonce() uint64 {
	e.t.Helper()
	v, err := bind.Call(bridgeABI.Instance(e.client, e.bridge), nil, bridgeABI.PackValsetNonce(), bridgeABI.UnpackValsetNonce)
	if err != nil {
		e.t.Fatal(err)
	}
	return v.Uint64()
}
