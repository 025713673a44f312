// Package contracts holds the Ethereum side of Kizuna's Cosmos <-> Ethereum
// bridge: the Solidity sources (src/), their compiled artifacts (artifacts/),
// the Go bindings (bindings/) and, in this file, the hashes, signatures and
// constants that the chain (x/bridge), the relayer and the contract must agree
// on byte for byte.
//
// Every hash here is keccak256(abi.encode(...)) exactly as KizunaBridge.sol
// computes it, and the tests check each one against the contract's own view
// function on a simulated chain, so the two cannot drift apart.
//
// Signatures are eth_sign style: a validator signs
// SignedMessageHash(h) = keccak256("\x19Ethereum Signed Message:\n32" ++ h)
// and the 65-byte signature is r || s || v with v = 27 or 28 and a low s.
package contracts

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/kizuna-chain/kizuna/contracts/bindings"
)

// PowerTotal bounds a valset's total power: Kizuna normalizes validator
// powers so that they sum to at most 2^32.
const PowerTotal uint64 = 1 << 32

// PowerThreshold is floor(2^32 * 2 / 3). A valset update, batch or token
// deployment needs signatures holding strictly more power than this, so
// exactly two thirds of a full 2^32 set is not enough.
const PowerThreshold uint64 = 2863311530

// MaxValsetMembers bounds a valset, and so the contract's signature loop.
const MaxValsetMembers = 200

// MaxBatchTransfers bounds the transfers of one batch.
const MaxBatchTransfers = 100

// Bounds, in bytes, of the strings the contract accepts: a token's denom,
// name and symbol (deployToken) and a deposit's Kizuna destination
// (sendToCosmos). Each must also be non-empty.
const (
	MaxDenomBytes       = 128
	MaxNameBytes        = 128
	MaxSymbolBytes      = 32
	MaxDestinationBytes = 128
)

// Valset is a validator set as the contract sees it: the validators' Ethereum
// addresses strictly ascending, their normalized powers in the same order,
// and the set's nonce.
type Valset struct {
	Members []common.Address
	Powers  []uint64
	Nonce   uint64
}

// Transfer is one withdrawal of a batch: Amount goes to Destination and Fee
// to the relayer that submits the batch. Amount and Fee must be non-nil and
// in [0, 2^256); the hash functions panic otherwise.
type Transfer struct {
	Destination common.Address
	Amount      *big.Int
	Fee         *big.Int
}

// TokenInitCodeHash is keccak256 of KizunaToken's creation code (its
// constructor takes no arguments), the init code hash of every token address
// (see TokenAddress).
var TokenInitCodeHash = crypto.Keccak256Hash(common.FromHex(bindings.KizunaTokenMetaData.Bin))

// Domain tags: ASCII right-padded with zeros, as Solidity's bytes32("...").
var (
	valsetTag = tag("valset")
	batchTag  = tag("batch")
	deployTag = tag("deployToken")
)

// ABI argument lists of the three hashes.
var (
	checkpointArgs = arguments("bytes32", "bytes32", "uint256", "address[]", "uint256[]")
	batchArgs      = arguments("bytes32", "bytes32", "address", "uint256", "uint256", "address[]", "uint256[]", "uint256[]")
	deployArgs     = arguments("bytes32", "bytes32", "string", "string", "string", "uint8")
)

// ValsetCheckpoint is the hash the contract stores for valset v and the
// message the current valset signs to hand over to v:
// keccak256(abi.encode(bridgeID, bytes32("valset"), v.Nonce, v.Members, v.Powers)).
func ValsetCheckpoint(bridgeID [32]byte, v Valset) common.Hash {
	powers := make([]*big.Int, len(v.Powers))
	for i, p := range v.Powers {
		powers[i] = new(big.Int).SetUint64(p)
	}
	return hashOf(checkpointArgs, bridgeID, valsetTag, new(big.Int).SetUint64(v.Nonce), v.Members, powers)
}

// BatchHash is the message the valset signs for a batch of transfers of
// token: keccak256(abi.encode(bridgeID, bytes32("batch"), token, nonce,
// timeout, destinations, amounts, fees)). It panics if an Amount or Fee is
// nil, negative or 2^256 or more.
func BatchHash(bridgeID [32]byte, token common.Address, nonce, timeout uint64, transfers []Transfer) common.Hash {
	destinations := make([]common.Address, len(transfers))
	amounts := make([]*big.Int, len(transfers))
	fees := make([]*big.Int, len(transfers))
	for i, t := range transfers {
		destinations[i] = t.Destination
		amounts[i] = uint256Of(t.Amount, "amount", i)
		fees[i] = uint256Of(t.Fee, "fee", i)
	}
	return hashOf(batchArgs, bridgeID, batchTag, token,
		new(big.Int).SetUint64(nonce), new(big.Int).SetUint64(timeout), destinations, amounts, fees)
}

// DeployTokenHash is the message the valset signs to deploy the token of
// denom: keccak256(abi.encode(bridgeID, bytes32("deployToken"), denom, name,
// symbol, decimals)).
func DeployTokenHash(bridgeID [32]byte, denom, name, symbol string, decimals uint8) common.Hash {
	return hashOf(deployArgs, bridgeID, deployTag, denom, name, symbol, decimals)
}

// TokenAddress is the address at which the bridge deploys (or deployed) the
// KizunaToken of denom: CREATE2 from bridge with salt keccak256(denom) and
// init code hash TokenInitCodeHash.
func TokenAddress(bridge common.Address, denom string) common.Address {
	salt := crypto.Keccak256Hash([]byte(denom))
	return crypto.CreateAddress2(bridge, salt, TokenInitCodeHash.Bytes())
}

// SignedMessageHash is what a validator actually signs for message hash h
// (eth_sign / EIP-191 version 0x45):
// keccak256("\x19Ethereum Signed Message:\n32" ++ h).
func SignedMessageHash(h common.Hash) common.Hash {
	return crypto.Keccak256Hash([]byte("\x19Ethereum Signed Message:\n32"), h.Bytes())
}

// RecoverSigner returns the address whose key made sig, a 65-byte r || s || v
// signature of SignedMessageHash(h), under the contract's rules: v must be 27
// or 28, and r and s in range with s in the lower half of the curve order.
// A signature the contract would refuse is an error here too.
func RecoverSigner(h common.Hash, sig []byte) (common.Address, error) {
	if len(sig) != crypto.SignatureLength {
		return common.Address{}, fmt.Errorf("%w: %d bytes, want %d", errInvalidSignature, len(sig), crypto.SignatureLength)
	}
	v := sig[crypto.RecoveryIDOffset]
	if v != 27 && v != 28 {
		return common.Address{}, fmt.Errorf("%w: v = %d, want 27 or 28", errInvalidSignature, v)
	}
	r, s := new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:64])
	if !crypto.ValidateSignatureValues(v-27, r, s, true) {
		return common.Address{}, fmt.Errorf("%w: r or s out of range (s must be at most secp256k1n/2)", errInvalidSignature)
	}
	raw := make([]byte, crypto.SignatureLength)
	copy(raw, sig)
	raw[crypto.RecoveryIDOffset] = v - 27
	pub, err := crypto.SigToPub(SignedMessageHash(h).Bytes(), raw)
	if err != nil {
		return common.Address{}, fmt.Errorf("%w: %w", errInvalidSignature, err)
	}
	return crypto.PubkeyToAddress(*pub), nil
}

// Sign makes key's signature of SignedMessageHash(h) in the form the contract
// and RecoverSigner accept: r || s || v, low s, v = 27 or 28.
func Sign(h common.Hash, key *ecdsa.PrivateKey) ([]byte, error) {
	if key == nil {
		return nil, errors.New("sign: nil key")
	}
	sig, err := crypto.Sign(SignedMessageHash(h).Bytes(), key)
	if err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	sig[crypto.RecoveryIDOffset] += 27
	return sig, nil
}

var errInvalidSignature = errors.New("invalid bridge signature")

// maxUint256 is 2^256 - 1.
var maxUint256 = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))

// uint256Of returns x, panicking unless it is a valid uint256: the ABI
// encoder would otherwise silently wrap a negative or oversized value.
func uint256Of(x *big.Int, what string, i int) *big.Int {
	if x == nil || x.Sign() < 0 || x.Cmp(maxUint256) > 0 {
		panic(fmt.Sprintf("contracts: transfer %d: %s %v is not a uint256", i, what, x))
	}
	return x
}

func tag(s string) [32]byte {
	var t [32]byte
	copy(t[:], s)
	return t
}

func arguments(types ...string) abi.Arguments {
	args := make(abi.Arguments, len(types))
	for i, name := range types {
		typ, err := abi.NewType(name, "", nil)
		if err != nil {
			panic(fmt.Sprintf("contracts: ABI type %q: %v", name, err))
		}
		args[i] = abi.Argument{Type: typ}
	}
	return args
}

// hashOf is keccak256(abi.encode(values...)). The argument lists and value
// types are fixed in this file, so a packing error is a bug here.
func hashOf(args abi.Arguments, values ...any) common.Hash {
	enc, err := args.Pack(values...)
	if err != nil {
		panic(fmt.Sprintf("contracts: abi.encode: %v", err))
	}
	return crypto.Keccak256Hash(enc)
}
