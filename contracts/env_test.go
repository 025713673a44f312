package contracts_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"math/big"
	"sort"
	"strconv"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/contracts"
	"github.com/kizuna-chain/kizuna/contracts/bindings"
	"github.com/kizuna-chain/kizuna/contracts/internal/testbindings"
)

// The contract bindings, parsed once.
var (
	bridgeABI = bindings.NewKizunaBridge()
	tokenABI  = bindings.NewKizunaToken()
	testABI   = testbindings.NewTestERC20()
	fakeABI   = testbindings.NewFakeKizunaToken()
)

// testBridgeID is the bridge id of every test deployment.
var testBridgeID = [32]byte{'k', 'i', 'z', 'u', 'n', 'a', '-', 't', 'e', 's', 't'}

// key returns a deterministic private key for name, so that test runs (and
// gas figures) repeat exactly.
func key(name string) *ecdsa.PrivateKey {
	k, err := crypto.ToECDSA(crypto.Keccak256([]byte("kizuna bridge test key " + name)))
	if err != nil {
		panic(err)
	}
	return k
}

// validator is one member of a test valset.
type validator struct {
	key   *ecdsa.PrivateKey
	addr  common.Address
	power uint64
}

// validators is a test valset with its keys, members ascending by address.
type validators struct {
	members []validator
	nonce   uint64
}

// newValidators makes len(powers) validators named prefix-i; the powers are
// assigned in ascending address order.
func newValidators(prefix string, powers []uint64, nonce uint64) validators {
	ms := make([]validator, len(powers))
	for i := range powers {
		k := key(prefix + "-" + strconv.Itoa(i))
		ms[i] = validator{key: k, addr: crypto.PubkeyToAddress(k.PublicKey)}
	}
	sort.Slice(ms, func(i, j int) bool { return bytes.Compare(ms[i].addr[:], ms[j].addr[:]) < 0 })
	for i := range ms {
		ms[i].power = powers[i]
	}
	return validators{members: ms, nonce: nonce}
}

// equalPowers splits PowerTotal evenly among n members (the remainder is
// left out, as Kizuna's normalization floors).
func equalPowers(n int) []uint64 {
	p := make([]uint64, n)
	for i := range p {
		p[i] = contracts.PowerTotal / uint64(n)
	}
	return p
}

func (vs validators) valset() contracts.Valset {
	v := contracts.Valset{Nonce: vs.nonce}
	for _, m := range vs.members {
		v.Members = append(v.Members, m.addr)
		v.Powers = append(v.Powers, m.power)
	}
	return v
}

func (vs validators) abi() bindings.KizunaBridgeValset {
	return toABIValset(vs.valset())
}

func toABIValset(v contracts.Valset) bindings.KizunaBridgeValset {
	out := bindings.KizunaBridgeValset{
		Members: append([]common.Address{}, v.Members...),
		Powers:  make([]*big.Int, len(v.Powers)),
		Nonce:   new(big.Int).SetUint64(v.Nonce),
	}
	for i, p := range v.Powers {
		out.Powers[i] = new(big.Int).SetUint64(p)
	}
	return out
}

// sign returns the signatures of h by the members whose indices are in
// signers, and empty (v = 0) entries for everyone else.
func (vs validators) sign(t testing.TB, h common.Hash, signers ...int) []bindings.KizunaBridgeSig {
	t.Helper()
	sigs := make([]bindings.KizunaBridgeSig, len(vs.members))
	for _, i := range signers {
		sigs[i] = sigOf(t, h, vs.members[i].key)
	}
	return sigs
}

// signers returns the indices 0..n-1.
func signers(n int) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	return idx
}

// rawSig signs h itself, without the eth_sign prefix the contract expects.
func rawSig(t testing.TB, h common.Hash, m validator) bindings.KizunaBridgeSig {
	t.Helper()
	raw, err := crypto.Sign(h.Bytes(), m.key)
	require.NoError(t, err)
	return bindings.KizunaBridgeSig{R: [32]byte(raw[:32]), S: [32]byte(raw[32:64]), V: raw[64] + 27}
}

func sigOf(t testing.TB, h common.Hash, k *ecdsa.PrivateKey) bindings.KizunaBridgeSig {
	t.Helper()
	raw, err := contracts.Sign(h, k)
	require.NoError(t, err)
	return bindings.KizunaBridgeSig{R: [32]byte(raw[:32]), S: [32]byte(raw[32:64]), V: raw[64]}
}

// env is a simulated chain with a deployed bridge.
type env struct {
	t       testing.TB
	sim     *simulated.Backend
	client  simulated.Client
	chainID *big.Int

	deployer *ecdsa.PrivateKey // deploys, and relays batches (gets the fees)
	user     *ecdsa.PrivateKey // deposits

	vals   validators
	bridge *bind.BoundContract
}

func addrOf(k *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(k.PublicKey) }

// newEnv starts a simulated chain and deploys the bridge with vals.
func newEnv(t testing.TB, vals validators) *env {
	t.Helper()
	e := &env{t: t, deployer: key("deployer"), user: key("user"), vals: vals}
	funds := new(big.Int).Mul(big.NewInt(1000), big.NewInt(1e18))
	e.sim = simulated.NewBackend(types.GenesisAlloc{
		addrOf(e.deployer): {Balance: funds},
		addrOf(e.user):     {Balance: funds},
	}, mainnetRules)
	t.Cleanup(func() { _ = e.sim.Close() })
	e.client = e.sim.Client()
	var err error
	e.chainID, err = e.client.ChainID(context.Background())
	require.NoError(t, err)

	addr, err := e.deploy(bindings.KizunaBridgeMetaData.Bin, bridgeABI.PackConstructor(testBridgeID, vals.abi()))
	require.NoError(t, err)
	e.bridge = bridgeABI.Instance(e.client, addr)
	return e
}

// mainnetRules runs the simulated chain under the rules Ethereum mainnet runs
// (Osaka), not the unreleased forks the dev chain config also enables
// (Amsterdam, Bogota), whose state-gas metering (EIP-8037) prices every new
// storage slot very differently and would make the gas figures meaningless.
func mainnetRules(_ *node.Config, ethConf *ethconfig.Config) {
	cfg := *ethConf.Genesis.Config
	cfg.AmsterdamTime, cfg.BogotaTime, cfg.UBTTime = nil, nil, nil
	ethConf.Genesis.Config = &cfg
}

func (e *env) opts(k *ecdsa.PrivateKey) *bind.TransactOpts {
	return bind.NewKeyedTransactor(k, e.chainID)
}

// deploy deploys creation code bin (hex) with constructor input, mines it
// and returns the address; a failed deployment is an error.
func (e *env) deploy(bin string, input []byte) (common.Address, error) {
	e.t.Helper()
	addr, tx, err := bind.DeployContract(e.opts(e.deployer), common.FromHex(bin), e.client, input)
	if err != nil {
		return common.Address{}, err
	}
	e.sim.Commit()
	if _, err := e.receipt(tx); err != nil {
		return common.Address{}, err
	}
	return addr, nil
}

// receipt returns the receipt of a mined transaction; a reverted one is an
// error.
func (e *env) receipt(tx *types.Transaction) (*types.Receipt, error) {
	r, err := bind.WaitMined(context.Background(), e.client, tx.Hash())
	if err != nil {
		return nil, err
	}
	if r.Status != types.ReceiptStatusSuccessful {
		return r, errReverted
	}
	return r, nil
}

type revertedError struct{}

func (revertedError) Error() string { return "transaction reverted" }

var errReverted = revertedError{}

// send transacts calldata to c from k and mines it. Gas is estimated first,
// so a call that would revert fails before it is sent, with the revert data
// in the error (see requireRevert).
func (e *env) send(k *ecdsa.PrivateKey, c *bind.BoundContract, calldata []byte) (*types.Receipt, error) {
	e.t.Helper()
	tx, err := bind.Transact(c, e.opts(k), calldata)
	if err != nil {
		return nil, err
	}
	e.sim.Commit()
	return e.receipt(tx)
}

// mustSend is send that fails the test on any error.
func (e *env) mustSend(k *ecdsa.PrivateKey, c *bind.BoundContract, calldata []byte) *types.Receipt {
	e.t.Helper()
	r, err := e.send(k, c, calldata)
	require.NoError(e.t, err)
	return r
}

// call runs a view function.
func call[T any](e *env, c *bind.BoundContract, calldata []byte, unpack func([]byte) (T, error)) T {
	e.t.Helper()
	out, err := bind.Call(c, &bind.CallOpts{}, calldata, unpack)
	require.NoError(e.t, err)
	return out
}

// requireRevert asserts that err carries revert data starting with the
// selector of the custom error errorID.
func requireRevert(t testing.TB, err error, errorID common.Hash) []byte {
	t.Helper()
	require.Error(t, err, "expected a revert")
	data, ok := ethclient.RevertErrorData(err)
	require.True(t, ok, "error carries no revert data: %v", err)
	require.GreaterOrEqual(t, len(data), 4, "revert data too short: %x", data)
	require.Equal(t, errorID.Bytes()[:4], data[:4], "revert selector: got %x, want %x (%v)", data[:4], errorID.Bytes()[:4], err)
	return data
}

// blockNumber is the number of the latest mined block.
func (e *env) blockNumber() uint64 {
	e.t.Helper()
	n, err := e.client.BlockNumber(context.Background())
	require.NoError(e.t, err)
	return n
}

// farTimeout is a batch timeout that will not be reached in a test.
const farTimeout = 1 << 40

// batch is a batch of transfers for one token.
type batch struct {
	token     common.Address
	nonce     uint64
	timeout   uint64
	transfers []contracts.Transfer
}

func (b batch) hash() common.Hash {
	return contracts.BatchHash(testBridgeID, b.token, b.nonce, b.timeout, b.transfers)
}

func (b batch) arrays() ([]common.Address, []*big.Int, []*big.Int) {
	d := make([]common.Address, len(b.transfers))
	a := make([]*big.Int, len(b.transfers))
	f := make([]*big.Int, len(b.transfers))
	for i, tr := range b.transfers {
		d[i], a[i], f[i] = tr.Destination, tr.Amount, tr.Fee
	}
	return d, a, f
}

// submitBatchData is the calldata of submitBatch(current, sigs, b).
func submitBatchData(current bindings.KizunaBridgeValset, sigs []bindings.KizunaBridgeSig, b batch) []byte {
	d, a, f := b.arrays()
	return bridgeABI.PackSubmitBatch(current, sigs, b.token, new(big.Int).SetUint64(b.nonce), new(big.Int).SetUint64(b.timeout), d, a, f)
}

// submitBatch submits b signed by the signers of the env's valset, from the
// deployer (the relayer).
func (e *env) submitBatch(b batch, signerIdx ...int) (*types.Receipt, error) {
	e.t.Helper()
	return e.send(e.deployer, e.bridge, submitBatchData(e.vals.abi(), e.vals.sign(e.t, b.hash(), signerIdx...), b))
}

// deployToken deploys the KizunaToken of denom signed by all validators.
func (e *env) deployToken(denom, name, symbol string, decimals uint8) common.Address {
	e.t.Helper()
	h := contracts.DeployTokenHash(testBridgeID, denom, name, symbol, decimals)
	sigs := e.vals.sign(e.t, h, signers(len(e.vals.members))...)
	e.mustSend(e.deployer, e.bridge, bridgeABI.PackDeployToken(e.vals.abi(), sigs, denom, name, symbol, decimals))
	return call(e, e.bridge, bridgeABI.PackTokenOf(denom), bridgeABI.UnpackTokenOf)
}

// deployTestToken deploys a TestERC20 with the given quirk.
func (e *env) deployTestToken(quirk uint8, feeBps int64) *bind.BoundContract {
	e.t.Helper()
	addr, err := e.deploy(testbindings.TestERC20MetaData.Bin, testABI.PackConstructor(quirk, big.NewInt(feeBps)))
	require.NoError(e.t, err)
	return testABI.Instance(e.client, addr)
}

// balanceOf reads an ERC-20 balance (any token: the selector is standard).
func (e *env) balanceOf(token common.Address, who common.Address) *big.Int {
	e.t.Helper()
	return call(e, tokenABI.Instance(e.client, token), tokenABI.PackBalanceOf(who), tokenABI.UnpackBalanceOf)
}

func (e *env) totalSupply(token common.Address) *big.Int {
	e.t.Helper()
	return call(e, tokenABI.Instance(e.client, token), tokenABI.PackTotalSupply(), tokenABI.UnpackTotalSupply)
}

func (e *env) eventNonce() uint64 {
	e.t.Helper()
	return call(e, e.bridge, bridgeABI.PackEventNonce(), bridgeABI.UnpackEventNonce).Uint64()
}

func (e *env) lastBatchNonce(token common.Address) uint64 {
	e.t.Helper()
	return call(e, e.bridge, bridgeABI.PackLastBatchNonce(token), bridgeABI.UnpackLastBatchNonce).Uint64()
}

// destination returns a fresh address for transfer i of a test.
func destination(tag string, i int) common.Address {
	return common.BytesToAddress(crypto.Keccak256([]byte("destination " + tag + " " + strconv.Itoa(i)))[12:])
}

// transfers makes n transfers of amount with fee each to fresh addresses.
func transfers(tag string, n int, amount, fee int64) []contracts.Transfer {
	ts := make([]contracts.Transfer, n)
	for i := range ts {
		ts[i] = contracts.Transfer{Destination: destination(tag, i), Amount: big.NewInt(amount), Fee: big.NewInt(fee)}
	}
	return ts
}

// findLog returns the first log of r that unpack accepts.
func findLog[T any](t testing.TB, r *types.Receipt, unpack func(*types.Log) (*T, error)) *T {
	t.Helper()
	for _, l := range r.Logs {
		if ev, err := unpack(l); err == nil {
			return ev
		}
	}
	t.Fatalf("no matching event in receipt %s", r.TxHash)
	return nil
}
