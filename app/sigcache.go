package app

import (
	"crypto/sha256"
	"encoding/binary"
	"sync"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	"github.com/cosmos/cosmos-sdk/x/auth/ante"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
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
	entries map[[sha256.Size]byte]struct{}
	ring    [][sha256.Size]byte
	next    int
	hits    uint64
}

// NewSignatureCache returns an empty cache of size entries.
func NewSignatureCache(size int) *SignatureCache {
	return &SignatureCache{
		entries: make(map[[sha256.Size]byte]struct{}, size),
		ring:    make([][sha256.Size]byte, 0, size),
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
	return len(c.entries)
}

func (c *SignatureCache) add(keys [][sha256.Size]byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, k := range keys {
		if _, ok := c.entries[k]; ok {
			continue
		}
		if len(c.ring) < cap(c.ring) {
			c.ring = append(c.ring, k)
		} else {
			delete(c.entries, c.ring[c.next])
			c.ring[c.next] = k
			c.next = (c.next + 1) % len(c.ring)
		}
		c.entries[k] = struct{}{}
	}
}

// holdsAll reports whether every key is in the cache, counting a hit if so.
func (c *SignatureCache) holdsAll(keys [][sha256.Size]byte) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, k := range keys {
		if _, ok := c.entries[k]; !ok {
			return false
		}
	}
	c.hits++
	return true
}

// withSignatureCache wraps the ante handler: CheckTx remembers the
// signatures of the transactions it admits, FinalizeBlock skips verifying
// a transaction whose every signature it remembers. Everything else the
// handler checks (sequences, fees, gas) runs as always.
func withSignatureCache(cache *SignatureCache, ak ante.AccountKeeper, next sdk.AnteHandler) sdk.AnteHandler {
	return func(ctx sdk.Context, tx sdk.Tx, simulate bool) (sdk.Context, error) {
		if simulate || !ctx.IsSigverifyTx() || ctx.IsReCheckTx() || ctx.BlockHeight() == 0 {
			return next(ctx, tx, simulate)
		}
		switch ctx.ExecMode() {
		case sdk.ExecModeCheck:
			keys, ok := signatureKeys(ctx, ak, tx)
			newCtx, err := next(ctx, tx, simulate)
			if err == nil && ok {
				cache.add(keys)
			}
			return newCtx, err
		case sdk.ExecModeFinalize:
			keys, ok := signatureKeys(ctx, ak, tx)
			if !ok || !cache.holdsAll(keys) {
				return next(ctx, tx, simulate)
			}
			newCtx, err := next(ctx.WithIsSigverifyTx(false), tx, simulate)
			return newCtx.WithIsSigverifyTx(true), err
		default:
			return next(ctx, tx, simulate)
		}
	}
}

// signatureKeys returns the cache key of each signature of tx, or false when
// one of them is not cacheable: not a single SIGN_MODE_DIRECT signature, an
// unordered transaction, a signer without an account or without a public
// key to check against, or no transaction bytes. The accounts are read
// outside the gas meter, so that the cache costs no gas.
func signatureKeys(ctx sdk.Context, ak ante.AccountKeeper, tx sdk.Tx) ([][sha256.Size]byte, bool) {
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
	keys := make([][sha256.Size]byte, len(sigs))
	for i, sig := range sigs {
		data, ok := sig.Data.(*signing.SingleSignatureData)
		if !ok || data.SignMode != signing.SignMode_SIGN_MODE_DIRECT {
			return nil, false
		}
		acc := ak.GetAccount(readCtx, signers[i])
		if acc == nil {
			return nil, false
		}
		pub := acc.GetPubKey()
		if pub == nil {
			pub = sig.PubKey
		}
		if pub == nil {
			return nil, false
		}
		h := sha256.New()
		writeField(h, []byte(chainID))
		writeField(h, txHash[:])
		writeField(h, signers[i])
		var nums [16]byte
		binary.BigEndian.PutUint64(nums[:8], acc.GetAccountNumber())
		binary.BigEndian.PutUint64(nums[8:], sig.Sequence)
		writeField(h, nums[:])
		writeField(h, []byte(pub.Type()))
		writeField(h, pub.Bytes())
		h.Sum(keys[i][:0])
	}
	return keys, true
}

// writeField writes b to h prefixed with its length, so that no two
// different field lists hash the same bytes.
func writeField(h interface{ Write([]byte) (int, error) }, b []byte) {
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(len(b)))
	_, _ = h.Write(n[:])
	_, _ = h.Write(b)
}
