package seal_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"flag"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/messaging/client/seal"
)

var update = flag.Bool("update", false, "rewrite the Go entries of testdata/vectors.json")

// vectorsFile is shared with the web app's tests (web/src/seal.test.ts):
// both suites derive the same keys and open each other's payloads.
const vectorsFile = "testdata/vectors.json"

type account struct {
	Name          string `json:"name"`
	PrivateKey    string `json:"secp256k1_private_key"`
	Address       string `json:"address"`
	Version       uint32 `json:"version"`
	SignDoc       string `json:"sign_doc"`
	Signature     string `json:"signature"`
	X25519Secret  string `json:"x25519_secret"`
	X25519Public  string `json:"x25519_public"`
	secret, publc [seal.KeySize]byte
}

type sealed struct {
	SealedBy   string   `json:"sealed_by"`
	Text       string   `json:"text"`
	Readers    []string `json:"readers"`
	Randomness string   `json:"randomness,omitempty"`
	Payload    string   `json:"payload"`
}

type vectors struct {
	Accounts []*account `json:"accounts"`
	Sealed   []sealed   `json:"sealed"`
}

func unhex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	require.NoError(t, err)
	return b
}

// derive signs the account's sign doc with its secp256k1 key, as the CLI's
// keyring and the web app's browser key do, and derives its X25519 key.
func derive(t *testing.T, a *account) {
	t.Helper()
	priv := &secp256k1.PrivKey{Key: unhex(t, a.PrivateKey)}
	a.Address = sdk.MustBech32ifyAddressBytes("kizuna", priv.PubKey().Address())
	doc := seal.SignDoc(a.Address, a.Version)
	sig, err := priv.Sign(doc)
	require.NoError(t, err)
	a.secret, err = seal.SecretFromSignature(sig)
	require.NoError(t, err)
	a.publc, err = seal.PublicKey(a.secret)
	require.NoError(t, err)
	if *update {
		a.SignDoc, a.Signature = string(doc), hex.EncodeToString(sig)
		a.X25519Secret, a.X25519Public = hex.EncodeToString(a.secret[:]), hex.EncodeToString(a.publc[:])
		return
	}
	require.Equal(t, a.SignDoc, string(doc), a.Name)
	require.Equal(t, a.Signature, hex.EncodeToString(sig), "%s: signatures are deterministic (RFC 6979)", a.Name)
	require.Equal(t, a.X25519Secret, hex.EncodeToString(a.secret[:]), a.Name)
	require.Equal(t, a.X25519Public, hex.EncodeToString(a.publc[:]), a.Name)
}

func TestVectors_DeriveKeysAndOpenPayloadsOfEveryClient(t *testing.T) {
	bz, err := os.ReadFile(vectorsFile)
	require.NoError(t, err)
	var v vectors
	require.NoError(t, json.Unmarshal(bz, &v))
	byName := map[string]*account{}
	for _, a := range v.Accounts {
		derive(t, a)
		byName[a.Name] = a
	}

	sealedBy := map[string]int{}
	for i, s := range v.Sealed {
		sealedBy[s.SealedBy]++
		var readers [][seal.KeySize]byte
		for _, name := range s.Readers {
			readers = append(readers, byName[name].publc)
		}
		if s.SealedBy == "go" {
			payload, err := seal.SealWith(bytes.NewReader(unhex(t, s.Randomness)), []byte(s.Text), readers)
			require.NoError(t, err)
			if *update {
				v.Sealed[i].Payload = hex.EncodeToString(payload)
			} else {
				require.Equal(t, s.Payload, hex.EncodeToString(payload), "sealed #%d reproduces", i)
			}
			s.Payload = v.Sealed[i].Payload
		}
		payload := unhex(t, s.Payload)
		for _, a := range v.Accounts {
			text, err := seal.Open(payload, a.secret)
			if contains(s.Readers, a.Name) {
				require.NoError(t, err, "sealed #%d (%s) for %s", i, s.SealedBy, a.Name)
				require.Equal(t, s.Text, string(text))
			} else {
				require.ErrorIs(t, err, seal.ErrNotForKey, "sealed #%d is not for %s", i, a.Name)
			}
		}
	}
	require.NotZero(t, sealedBy["go"])
	require.NotZero(t, sealedBy["web"], "payloads sealed by the web app (web/src/seal.test.ts, UPDATE_VECTORS=1) open here")

	if *update {
		out, err := json.MarshalIndent(v, "", "  ")
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(vectorsFile, append(out, '\n'), 0o600))
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestOpen_RefusesWhatIsNotSealedForTheKey(t *testing.T) {
	// Distinct after clamping: X25519 ignores the low three bits.
	alice, bob, eve := [32]byte{8: 1}, [32]byte{8: 2}, [32]byte{8: 3}
	pa, err := seal.PublicKey(alice)
	require.NoError(t, err)
	pb, err := seal.PublicKey(bob)
	require.NoError(t, err)

	payload, err := seal.Seal([]byte("the gate code is 4711"), [][32]byte{pa, pb})
	require.NoError(t, err)
	require.True(t, seal.IsSealed(payload))
	require.Len(t, payload, seal.Size(2, len("the gate code is 4711")))
	require.NotContains(t, string(payload), "4711", "the text is not readable in the payload")

	for _, k := range [][32]byte{alice, bob} {
		text, err := seal.Open(payload, k)
		require.NoError(t, err)
		require.Equal(t, "the gate code is 4711", string(text))
	}
	_, err = seal.Open(payload, eve)
	require.ErrorIs(t, err, seal.ErrNotForKey)

	_, err = seal.Open([]byte("hello, plain text"), alice)
	require.ErrorIs(t, err, seal.ErrNotSealed)

	// A flipped bit in the body or a truncated payload is refused, never
	// returned as text.
	tampered := bytes.Clone(payload)
	tampered[len(tampered)-1] ^= 1
	_, err = seal.Open(tampered, alice)
	require.ErrorIs(t, err, seal.ErrCorrupt)
	_, err = seal.Open(payload[:seal.Size(2, 0)-1], alice)
	require.ErrorIs(t, err, seal.ErrCorrupt)
	zero := bytes.Clone(payload)
	zero[len(seal.Magic)+32+24] = 0
	_, err = seal.Open(zero, alice)
	require.ErrorIs(t, err, seal.ErrCorrupt)

	// A box of another payload spliced in does not open the body.
	other, err := seal.Seal([]byte("something else"), [][32]byte{pa})
	require.NoError(t, err)
	spliced := append(bytes.Clone(other[:seal.Size(1, 0)-16]), payload[seal.Size(2, 0)-16:]...)
	_, err = seal.Open(spliced, alice)
	require.Error(t, err)
}

func TestSeal_RefusesNoReadersTooManyAndLowOrderKeys(t *testing.T) {
	_, err := seal.Seal([]byte("x"), nil)
	require.Error(t, err)
	_, err = seal.Seal([]byte("x"), make([][32]byte, 256))
	require.Error(t, err)
	_, err = seal.Seal([]byte("x"), [][32]byte{{}})
	require.Error(t, err, "the zero point is a low-order key")
}
