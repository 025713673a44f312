package contracts_test

import (
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/contracts"
	"github.com/kizuna-chain/kizuna/contracts/bindings"
)

// secp256k1N is the order of the secp256k1 group.
var secp256k1N, _ = new(big.Int).SetString("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16)

var maxUint256 = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))

// TestConstantsMatchContract: the Go constants are the contract's.
func TestConstantsMatchContract(t *testing.T) {
	e := newEnv(t, newValidators("v", equalPowers(4), 0))
	for _, c := range []struct {
		name   string
		pack   []byte
		unpack func([]byte) (*big.Int, error)
		want   uint64
	}{
		{"POWER_TOTAL", bridgeABI.PackPOWERTOTAL(), bridgeABI.UnpackPOWERTOTAL, contracts.PowerTotal},
		{"POWER_THRESHOLD", bridgeABI.PackPOWERTHRESHOLD(), bridgeABI.UnpackPOWERTHRESHOLD, contracts.PowerThreshold},
		{"MAX_VALSET_MEMBERS", bridgeABI.PackMAXVALSETMEMBERS(), bridgeABI.UnpackMAXVALSETMEMBERS, contracts.MaxValsetMembers},
		{"MAX_BATCH_TRANSFERS", bridgeABI.PackMAXBATCHTRANSFERS(), bridgeABI.UnpackMAXBATCHTRANSFERS, contracts.MaxBatchTransfers},
		{"MAX_DENOM_BYTES", bridgeABI.PackMAXDENOMBYTES(), bridgeABI.UnpackMAXDENOMBYTES, contracts.MaxDenomBytes},
		{"MAX_NAME_BYTES", bridgeABI.PackMAXNAMEBYTES(), bridgeABI.UnpackMAXNAMEBYTES, contracts.MaxNameBytes},
		{"MAX_SYMBOL_BYTES", bridgeABI.PackMAXSYMBOLBYTES(), bridgeABI.UnpackMAXSYMBOLBYTES, contracts.MaxSymbolBytes},
		{"MAX_DESTINATION_BYTES", bridgeABI.PackMAXDESTINATIONBYTES(), bridgeABI.UnpackMAXDESTINATIONBYTES, contracts.MaxDestinationBytes},
	} {
		got := call(e, e.bridge, c.pack, c.unpack)
		require.Equal(t, new(big.Int).SetUint64(c.want), got, c.name)
	}
	// floor(2^32 * 2 / 3)
	require.Equal(t, contracts.PowerTotal*2/3, contracts.PowerThreshold)
}

// TestValsetCheckpointMatchesContract: ValsetCheckpoint equals checkpointOf,
// and the constructor stored the checkpoint of the initial valset.
func TestValsetCheckpointMatchesContract(t *testing.T) {
	vals := newValidators("v", equalPowers(4), 7)
	e := newEnv(t, vals)

	stored := call(e, e.bridge, bridgeABI.PackValsetCheckpoint(), bridgeABI.UnpackValsetCheckpoint)
	require.Equal(t, contracts.ValsetCheckpoint(testBridgeID, vals.valset()), common.Hash(stored))
	require.Equal(t, uint64(7), call(e, e.bridge, bridgeABI.PackValsetNonce(), bridgeABI.UnpackValsetNonce).Uint64())
	require.Equal(t, testBridgeID, call(e, e.bridge, bridgeABI.PackBridgeId(), bridgeABI.UnpackBridgeId))

	cases := []contracts.Valset{
		vals.valset(),
		newValidators("one", []uint64{contracts.PowerTotal}, 0).valset(),
		newValidators("max", equalPowers(contracts.MaxValsetMembers), 1<<63).valset(),
		// The checkpoint hashes whatever it is given, valid or not.
		{Members: nil, Powers: nil, Nonce: 0},
		{Members: []common.Address{{1}, {2}}, Powers: []uint64{^uint64(0), 3}, Nonce: ^uint64(0)},
	}
	for i, v := range cases {
		got := call(e, e.bridge, bridgeABI.PackCheckpointOf(toABIValset(v)), bridgeABI.UnpackCheckpointOf)
		require.Equal(t, contracts.ValsetCheckpoint(testBridgeID, v), common.Hash(got), "case %d", i)
	}
	// Another bridge id, another checkpoint.
	require.NotEqual(t, contracts.ValsetCheckpoint([32]byte{1}, vals.valset()), contracts.ValsetCheckpoint(testBridgeID, vals.valset()))
}

// TestBatchHashMatchesContract: BatchHash equals batchHashOf, including
// amounts and fees at the extremes of uint256.
func TestBatchHashMatchesContract(t *testing.T) {
	e := newEnv(t, newValidators("v", equalPowers(4), 0))
	cases := []batch{
		{token: common.Address{0xaa}, nonce: 1, timeout: 100, transfers: transfers("a", 1, 5, 1)},
		{token: common.Address{0xbb}, nonce: ^uint64(0), timeout: ^uint64(0), transfers: transfers("b", contracts.MaxBatchTransfers, 1e18, 0)},
		{token: common.Address{}, nonce: 0, timeout: 0, transfers: nil},
		{token: common.Address{0xcc}, nonce: 3, timeout: 9, transfers: []contracts.Transfer{
			{Destination: common.Address{1}, Amount: maxUint256, Fee: new(big.Int)},
			{Destination: common.Address{2}, Amount: new(big.Int), Fee: maxUint256},
		}},
	}
	for i, b := range cases {
		d, a, f := b.arrays()
		got := call(e, e.bridge, bridgeABI.PackBatchHashOf(b.token, new(big.Int).SetUint64(b.nonce), new(big.Int).SetUint64(b.timeout), d, a, f), bridgeABI.UnpackBatchHashOf)
		require.Equal(t, b.hash(), common.Hash(got), "case %d", i)
	}
}

// TestBatchHashPanicsOnInvalidAmount: a value the ABI cannot hold is a bug
// in the caller, not something to wrap silently.
func TestBatchHashPanicsOnInvalidAmount(t *testing.T) {
	for _, bad := range []contracts.Transfer{
		{Amount: nil, Fee: big.NewInt(0)},
		{Amount: big.NewInt(1), Fee: nil},
		{Amount: big.NewInt(-1), Fee: big.NewInt(0)},
		{Amount: new(big.Int).Add(maxUint256, big.NewInt(1)), Fee: big.NewInt(0)},
	} {
		require.Panics(t, func() { contracts.BatchHash(testBridgeID, common.Address{}, 1, 1, []contracts.Transfer{bad}) })
	}
}

// TestDeployTokenHashMatchesContract: DeployTokenHash equals deployHashOf.
func TestDeployTokenHashMatchesContract(t *testing.T) {
	e := newEnv(t, newValidators("v", equalPowers(4), 0))
	for i, c := range []struct {
		denom, name, symbol string
		decimals            uint8
	}{
		{"ukizuna", "Kizuna", "KZN", 6},
		{"", "", "", 0},
		{"ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2", "ATOM via Kizuna", "ATOM", 255},
		{strings.Repeat("d", contracts.MaxDenomBytes), "名前 ✓", "記号", 18},
	} {
		got := call(e, e.bridge, bridgeABI.PackDeployHashOf(c.denom, c.name, c.symbol, c.decimals), bridgeABI.UnpackDeployHashOf)
		require.Equal(t, contracts.DeployTokenHash(testBridgeID, c.denom, c.name, c.symbol, c.decimals), common.Hash(got), "case %d", i)
	}
}

// TestTokenInitCodeHash is the hash of the creation code in the bindings.
func TestTokenInitCodeHash(t *testing.T) {
	code := common.FromHex(bindings.KizunaTokenMetaData.Bin)
	require.NotEmpty(t, code)
	require.Equal(t, crypto.Keccak256Hash(code), contracts.TokenInitCodeHash)
}

// TestSignedMessageHash is eth_sign's prefix hash (accounts.TextHash of 32
// bytes).
func TestSignedMessageHash(t *testing.T) {
	h := crypto.Keccak256Hash([]byte("x"))
	want := crypto.Keccak256Hash(append([]byte("\x19Ethereum Signed Message:\n32"), h.Bytes()...))
	require.Equal(t, want, contracts.SignedMessageHash(h))
}

// TestSignAndRecoverSigner: Sign's signatures recover to the signer, with v
// 27/28 and low s; the signature of another hash recovers someone else.
func TestSignAndRecoverSigner(t *testing.T) {
	k := key("signer")
	for i := range 32 {
		h := crypto.Keccak256Hash([]byte{byte(i)})
		sig, err := contracts.Sign(h, k)
		require.NoError(t, err)
		require.Len(t, sig, 65)
		require.Contains(t, []byte{27, 28}, sig[64])
		require.LessOrEqual(t, new(big.Int).SetBytes(sig[32:64]).Cmp(new(big.Int).Rsh(secp256k1N, 1)), 0)

		got, err := contracts.RecoverSigner(h, sig)
		require.NoError(t, err)
		require.Equal(t, addrOf(k), got)

		other, err := contracts.RecoverSigner(crypto.Keccak256Hash(h.Bytes()), sig)
		if err == nil {
			require.NotEqual(t, addrOf(k), other)
		}
	}
	_, err := contracts.Sign(common.Hash{}, nil)
	require.Error(t, err)
}

// TestRecoverSignerRejects: high s (the malleable twin of a valid signature),
// v outside {27, 28}, wrong lengths, r or s out of range.
func TestRecoverSignerRejects(t *testing.T) {
	k := key("signer")
	h := crypto.Keccak256Hash([]byte("message"))
	sig, err := contracts.Sign(h, k)
	require.NoError(t, err)

	mutate := func(f func(s []byte)) []byte {
		c := append([]byte{}, sig...)
		f(c)
		return c
	}
	highS := mutate(func(c []byte) {
		s := new(big.Int).SetBytes(c[32:64])
		new(big.Int).Sub(secp256k1N, s).FillBytes(c[32:64])
		c[64] ^= 1 // 27 <-> 28: the twin recovers the same key
	})
	for name, bad := range map[string][]byte{
		"high s":   highS,
		"v = 0":    mutate(func(c []byte) { c[64] = 0 }),
		"v = 1":    mutate(func(c []byte) { c[64] = 1 }),
		"v = 29":   mutate(func(c []byte) { c[64] = 29 }),
		"r = 0":    mutate(func(c []byte) { clear(c[:32]) }),
		"s = 0":    mutate(func(c []byte) { clear(c[32:64]) }),
		"r = N":    mutate(func(c []byte) { secp256k1N.FillBytes(c[:32]) }),
		"64 bytes": sig[:64],
		"66 bytes": append(append([]byte{}, sig...), 0),
		"empty":    nil,
	} {
		_, err := contracts.RecoverSigner(h, bad)
		require.Error(t, err, name)
	}
}

// TestContractRejectsHighS: the contract refuses the high-s twin of a valid
// signature as RecoverSigner does (InvalidSignature at that index).
func TestContractRejectsHighS(t *testing.T) {
	vals := newValidators("v", equalPowers(4), 0)
	e := newEnv(t, vals)
	next := newValidators("w", equalPowers(4), 1)
	h := contracts.ValsetCheckpoint(testBridgeID, next.valset())
	sigs := vals.sign(t, h, 0, 1, 2)
	s := new(big.Int).SetBytes(sigs[1].S[:])
	new(big.Int).Sub(secp256k1N, s).FillBytes(sigs[1].S[:])
	sigs[1].V ^= 1 // 27 <-> 28

	_, err := e.send(e.deployer, e.bridge, bridgeABI.PackUpdateValset(next.abi(), vals.abi(), sigs))
	data := requireRevert(t, err, bindings.KizunaBridgeInvalidSignatureErrorID())
	require.Equal(t, big.NewInt(1), new(big.Int).SetBytes(data[4:]))

	// v = 29 is refused too.
	sigs = vals.sign(t, h, 0, 1, 2)
	sigs[0].V = 29
	_, err = e.send(e.deployer, e.bridge, bridgeABI.PackUpdateValset(next.abi(), vals.abi(), sigs))
	requireRevert(t, err, bindings.KizunaBridgeInvalidSignatureErrorID())
}
