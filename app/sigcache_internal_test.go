package app

import (
	"crypto/sha256"
	"math/big"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
)

func TestSignatureCache_EvictsOldestFirst(t *testing.T) {
	c := NewSignatureCache(2)
	k := func(b byte) [sha256.Size]byte { return [sha256.Size]byte{b} }
	c.addKeys([][sha256.Size]byte{k(1), k(2)})
	c.addKeys([][sha256.Size]byte{k(2)}) // already held: not added twice
	c.addKeys([][sha256.Size]byte{k(3)})
	if c.Len() != 2 {
		t.Fatalf("Len = %d, want 2", c.Len())
	}
	if c.holdsAll([][sha256.Size]byte{k(1)}) {
		t.Error("the oldest entry survived a full cache")
	}
	if !c.holdsAll([][sha256.Size]byte{k(2), k(3)}) {
		t.Error("the two newest entries are gone")
	}
	if c.holdsAll([][sha256.Size]byte{k(3), k(4)}) {
		t.Error("a transaction with one signature not held was a hit")
	}
	c.addKeys([][sha256.Size]byte{k(4), k(5)})
	if !c.holdsAll([][sha256.Size]byte{k(4), k(5)}) || c.holdsAll([][sha256.Size]byte{k(2)}) || c.holdsAll([][sha256.Size]byte{k(3)}) {
		t.Error("eviction did not go round the ring oldest first")
	}
	if c.Hits() != 2 {
		t.Errorf("Hits = %d, want 2", c.Hits())
	}
}

// order is the order n of secp256k1's group.
var order, _ = new(big.Int).SetString("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16)

func withRS(r, s *big.Int) []byte {
	b := make([]byte, 64)
	r.FillBytes(b[:32])
	s.FillBytes(b[32:])
	return b
}

// libsecp256k1 accepts a signature only if the SDK's verifier does, and
// both accept an honest one: a node answers alike however it was built.
func TestLibsecp256k1AgreesWithTheSDK(t *testing.T) {
	if !haveLibsecp256k1 {
		t.Skip("built without cgo: the SDK's verifier verifies everything")
	}
	priv := secp256k1.GenPrivKeyFromSecret([]byte("kizuna signature agreement"))
	pub := priv.PubKey().(*secp256k1.PubKey)
	other := secp256k1.GenPrivKeyFromSecret([]byte("someone else")).PubKey().(*secp256k1.PubKey)
	msg := []byte("a transaction's sign bytes")
	sig, err := priv.Sign(msg)
	require.NoError(t, err)
	require.Len(t, sig, 64)
	r, s := new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:])
	require.LessOrEqual(t, s.Cmp(new(big.Int).Rsh(order, 1)), 0, "Sign returned a high-S signature")

	cases := []struct {
		name string
		pub  *secp256k1.PubKey
		msg  []byte
		sig  []byte
		want bool
	}{
		{"valid", pub, msg, sig, true},
		{"high-S twin of a valid signature", pub, msg, withRS(r, new(big.Int).Sub(order, s)), false},
		{"other message", pub, []byte("another transaction"), sig, false},
		{"other key", other, msg, sig, false},
		{"r = 0", pub, msg, withRS(big.NewInt(0), s), false},
		{"s = 0", pub, msg, withRS(r, big.NewInt(0)), false},
		{"r = n", pub, msg, withRS(order, s), false},
		{"s = n", pub, msg, withRS(r, order), false},
		{"63 bytes", pub, msg, sig[:63], false},
		{"no signature", pub, msg, nil, false},
		{"key off the curve", &secp256k1.PubKey{Key: append([]byte{0x02}, make([]byte, 32)...)}, msg, sig, false},
	}
	for _, c := range cases {
		hash := sha256.Sum256(c.msg)
		fast := libsecp256k1Verify(c.pub.Key, hash[:], c.sig)
		sdkSays := c.pub.VerifySignature(c.msg, c.sig)
		require.Equal(t, c.want, fast, "%s: libsecp256k1", c.name)
		require.Equal(t, c.want, sdkSays, "%s: the SDK's verifier", c.name)
	}
}
