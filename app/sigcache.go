package app

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"sync"

	"google.golang.org/protobuf/types/known/anypb"

	signingv1beta1 "cosmossdk.io/api/cosmos/tx/signing/v1beta1"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	"github.com/cosmos/cosmos-sdk/x/auth/ante"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
	txsigning "github.com/cosmos/cosmos-sdk/x/tx/signing"
)

// SignatureCacheSize is how many verified signatures a node remembers from
// CheckTx for FinalizeBlock: four times CometBFT's default mempool of 5,000
// transactions, about 3 MB.
const SignatureCacheSize = 1 << 15

// SignatureCache remembers the signatures CheckTx verified so that
// FinalizeBlock does not verify them a second time: a secp256k1
// verification was 14 % of a node's CPU under load, half of it spent again
// on transactions the node had just admitted to its mempool.
//
// An entry is the hash of everything the verification depended on: the
// chain id, the whole transaction (body, auth info and signatures), the
// signer, its account number and sequence, the public key checked, and the
// sign mode, which must be SIGN_MODE_DIRECT (its sign bytes are a function
// of the transaction and those fields only; textual and multisig signatures
// are always verified). A transaction finalized with any of these changed
// misses and is verified as usual. Only a signature that verified is ever
// stored, and eviction only costs a verification, so the cache decides
// nothing on its own: every validator accepts and rejects the same
// transactions whatever its cache holds, and a transaction's gas does not
// depend on it.
//
// Entries are evicted oldest first; the cache is safe for concurrent use.
type SignatureCache struct {
	mu      sync.Mutex
	entries fifoMap[[sha256.Size]byte, struct{}]
	hits    uint64
}

// NewSignatureCache returns an empty cache of size entries.
func NewSignatureCache(size int) *SignatureCache {
	return &SignatureCache{
		entries: newFIFOMap[[sha256.Size]byte, struct{}](size),
	}
}

// Hits returns how many transactions were finalized without verifying
// their signatures again.
func (c *SignatureCache) Hits() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits
}

// Len returns how many verified signatures the cache holds.
func (c *SignatureCache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.entries.len()
}

func (c *SignatureCache) add(sigs []directSignature) {
	keys := make([][sha256.Size]byte, len(sigs))
	for i := range sigs {
		keys[i] = sigs[i].key
	}
	c.addKeys(keys)
}

func (c *SignatureCache) addKeys(keys [][sha256.Size]byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, k := range keys {
		c.entries.add(k, struct{}{})
	}
}

// holdsAll reports whether every key is in the cache, counting a hit if so.
func (c *SignatureCache) holdsAll(keys [][sha256.Size]byte) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, k := range keys {
		if _, ok := c.entries.get(k); !ok {
			return false
		}
	}
	c.hits++
	return true
}

// withSignatureCache wraps the ante handler to verify signatures faster:
// a SIGN_MODE_DIRECT secp256k1 signature is verified with libsecp256k1
// (through go-ethereum, which links it for x/amplify's Ethereum signatures)
// instead of the SDK's pure-Go verifier, 2.4 times as fast, or not at all
// when the cache holds it: CheckTx remembers the signatures of the
// transactions it admits for FinalizeBlock. When every signature of a
// transaction is verified so, the SDK's decorators run with verification
// off; everything else they check (sequences, fees, gas) runs as always.
//
// Whenever this path does not verify a transaction — another key or sign
// mode, a signature libsecp256k1 refuses, a binary built without cgo — the
// SDK's decorators verify it as they always do and give its error. The two
// verifiers accept the same low-S signatures of valid keys; where they could
// differ (a scalar above the group order, which libsecp256k1 refuses and
// the SDK's verifier reduces), the SDK's verifier decides, so a node's
// answers do not depend on how it was built.
func withSignatureCache(cache *SignatureCache, ak ante.AccountKeeper, handler *txsigning.HandlerMap, next sdk.AnteHandler) sdk.AnteHandler {
	return func(ctx sdk.Context, tx sdk.Tx, simulate bool) (sdk.Context, error) {
		mode := ctx.ExecMode()
		if simulate || !ctx.IsSigverifyTx() || ctx.IsReCheckTx() || ctx.BlockHeight() == 0 ||
			(mode != sdk.ExecModeCheck && mode != sdk.ExecModeFinalize) {
			return next(ctx, tx, simulate)
		}
		sigs, ok := directSignatures(ctx, ak, tx)
		if !ok || !verifyAll(ctx, cache, handler, tx, sigs) {
			return next(ctx, tx, simulate)
		}
		newCtx, err := next(ctx.WithIsSigverifyTx(false), tx, simulate)
		if err == nil && mode == sdk.ExecModeCheck {
			cache.add(sigs)
		}
		return newCtx.WithIsSigverifyTx(true), err
	}
}

// directSignature is one signer's SIGN_MODE_DIRECT secp256k1 signature and
// what verifying it depends on.
type directSignature struct {
	signer    sdk.AccAddress
	pub       *secp256k1.PubKey
	accNumber uint64
	sequence  uint64
	signature []byte
	// key is its cache key.
	key [sha256.Size]byte
}

// verifyAll reports whether every signature is in the cache or verified by
// libsecp256k1; a hit is counted when all were in the cache.
func verifyAll(ctx sdk.Context, cache *SignatureCache, handler *txsigning.HandlerMap, tx sdk.Tx, sigs []directSignature) bool {
	keys := make([][sha256.Size]byte, len(sigs))
	for i := range sigs {
		keys[i] = sigs[i].key
	}
	if cache.holdsAll(keys) {
		return true
	}
	if !haveLibsecp256k1 {
		return false
	}
	adaptable, ok := tx.(authsigning.V2AdaptableTx)
	if !ok {
		return false
	}
	txData := adaptable.GetSigningTxData()
	for _, s := range sigs {
		anyPub, err := codectypes.NewAnyWithValue(s.pub)
		if err != nil {
			return false
		}
		signerData := txsigning.SignerData{
			Address:       s.signer.String(),
			ChainID:       ctx.ChainID(),
			AccountNumber: s.accNumber,
			Sequence:      s.sequence,
			PubKey:        &anypb.Any{TypeUrl: anyPub.TypeUrl, Value: anyPub.Value},
		}
		signBytes, err := handler.GetSignBytes(ctx, signingv1beta1.SignMode_SIGN_MODE_DIRECT, signerData, txData)
		if err != nil {
			return false
		}
		hash := sha256.Sum256(signBytes)
		if !libsecp256k1Verify(s.pub.Key, hash[:], s.signature) {
			return false
		}
	}
	return true
}

// directSignatures returns the signatures of tx, or false when one of them
// cannot be verified by this path: not a single SIGN_MODE_DIRECT signature
// by a secp256k1 key, a sequence other than the account's, a public key in
// the transaction that does not match its signer, an unordered transaction,
// a signer without an account, or no transaction bytes. The accounts are
// read outside the gas meter, so that this path costs no gas.
func directSignatures(ctx sdk.Context, ak ante.AccountKeeper, tx sdk.Tx) ([]directSignature, bool) {
	txBytes := ctx.TxBytes()
	sigTx, ok := tx.(authsigning.Tx)
	if !ok || len(txBytes) == 0 {
		return nil, false
	}
	if utx, ok := tx.(sdk.TxWithUnordered); ok && utx.GetUnordered() {
		return nil, false
	}
	sigs, err := sigTx.GetSignaturesV2()
	if err != nil {
		return nil, false
	}
	signers, err := sigTx.GetSigners()
	if err != nil || len(signers) != len(sigs) || len(sigs) == 0 {
		return nil, false
	}
	txHash := sha256.Sum256(txBytes)
	readCtx := ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
	chainID := ctx.ChainID()
	out := make([]directSignature, len(sigs))
	for i, sig := range sigs {
		data, ok := sig.Data.(*signing.SingleSignatureData)
		if !ok || data.SignMode != signing.SignMode_SIGN_MODE_DIRECT {
			return nil, false
		}
		acc := ak.GetAccount(readCtx, signers[i])
		if acc == nil || acc.GetSequence() != sig.Sequence {
			return nil, false
		}
		var pub *secp256k1.PubKey
		if stored := acc.GetPubKey(); stored != nil {
			pub, ok = stored.(*secp256k1.PubKey)
		} else {
			// The account's first transaction: the SDK sets the key from the
			// transaction once it matches the signer.
			pub, ok = sig.PubKey.(*secp256k1.PubKey)
			ok = ok && pub != nil && len(pub.Key) == secp256k1.PubKeySize && bytes.Equal(pub.Address(), signers[i])
		}
		if !ok || pub == nil || len(pub.Key) != secp256k1.PubKeySize {
			return nil, false
		}
		s := directSignature{
			signer: signers[i], pub: pub, accNumber: acc.GetAccountNumber(), sequence: sig.Sequence, signature: data.Signature,
		}
		h := sha256.New()
		writeField(h, []byte(chainID))
		writeField(h, txHash[:])
		writeField(h, s.signer)
		var nums [16]byte
		binary.BigEndian.PutUint64(nums[:8], s.accNumber)
		binary.BigEndian.PutUint64(nums[8:], s.sequence)
		writeField(h, nums[:])
		writeField(h, pub.Key)
		h.Sum(s.key[:0])
		out[i] = s
	}
	return out, true
}

// writeField writes b to h prefixed with its length, so that no two
// different field lists hash the same bytes.
func writeField(h interface{ Write([]byte) (int, error) }, b []byte) {
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(len(b)))
	_, _ = h.Write(n[:])
	_, _ = h.Write(b)
}
