package types

import (
	"crypto/sha256"
	"math/big"

	"github.com/ethereum/go-ethereum/common/hexutil"

	"cosmossdk.io/math"

	"github.com/kizuna-chain/kizuna/contracts"
)

// Claim is a validator's report of a contract event.
type Claim interface {
	GetEventNonce() uint64
	GetEthereumHeight() uint64
	// Hash is the SHA-256 of the claim's encoding: two validators agree on
	// an event when their claims hash the same.
	Hash() ([]byte, error)
	// Validate checks the claim's fields and their lengths.
	Validate() error
}

var (
	_ Claim = &DepositClaim{}
	_ Claim = &BatchExecutedClaim{}
)

// maxUint256 is the largest amount the contract can emit.
var maxUint256 = math.NewIntFromBigInt(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)))

// Hash implements Claim.
func (c *DepositClaim) Hash() ([]byte, error) { return hashOf(c) }

// Hash implements Claim.
func (c *BatchExecutedClaim) Hash() ([]byte, error) { return hashOf(c) }

// Validate checks every field of a deposit as the contract can emit it: a
// nonce, a height, the token and the sender as addresses, a destination of
// 1..contracts.MaxDestinationBytes bytes and a positive 256-bit amount.
func (c *DepositClaim) Validate() error {
	if err := validateEvent(c.EventNonce, c.EthereumHeight, c.TokenContract); err != nil {
		return err
	}
	if err := checksummed(c.EthereumSender); err != nil {
		return ErrInvalidClaim.Wrapf("ethereum_sender: %v", err)
	}
	if c.CosmosReceiver == "" || len(c.CosmosReceiver) > contracts.MaxDestinationBytes {
		return ErrInvalidClaim.Wrapf("cosmos_receiver must be 1..%d bytes", contracts.MaxDestinationBytes)
	}
	if c.Amount.IsNil() || !c.Amount.IsPositive() || c.Amount.GT(maxUint256) {
		return ErrInvalidClaim.Wrap("amount must be positive and fit 256 bits")
	}
	return nil
}

// Validate checks every field of a batch execution.
func (c *BatchExecutedClaim) Validate() error {
	if err := validateEvent(c.EventNonce, c.EthereumHeight, c.TokenContract); err != nil {
		return err
	}
	if c.BatchNonce == 0 {
		return ErrInvalidClaim.Wrap("batch_nonce 0")
	}
	return nil
}

// validateEvent checks what every claim carries.
func validateEvent(nonce, height uint64, token string) error {
	if nonce == 0 || height == 0 {
		return ErrInvalidClaim.Wrap("event_nonce and ethereum_height must be positive")
	}
	if err := checksummed(token); err != nil {
		return ErrInvalidClaim.Wrapf("token_contract: %v", err)
	}
	return nil
}

// checksummed accepts an address only in its EIP-55 form: validators who
// report the same event write the same bytes, so their claims hash the
// same.
func checksummed(s string) error {
	addr, err := ParseEthereumAddress(s)
	if err != nil {
		return err
	}
	if addr.Hex() != s {
		return ErrInvalidEthereumAddress.Wrapf("%s must be written with its EIP-55 checksum, %s", s, addr.Hex())
	}
	return nil
}

// hashOf hashes a claim's deterministic encoding.
func hashOf(m interface{ Marshal() ([]byte, error) }) ([]byte, error) {
	bz, err := m.Marshal()
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(bz)
	return sum[:], nil
}

// ClaimOf returns the attestation's claim.
func (a Attestation) ClaimOf() Claim {
	switch c := a.Claim.(type) {
	case *Attestation_Deposit:
		return c.Deposit
	case *Attestation_BatchExecuted:
		return c.BatchExecuted
	}
	return nil
}

// Validate checks an attestation against its claim: one claim, valid, of
// the attestation's nonce and hashing to its claim_hash, with a vote.
func (a Attestation) Validate() error {
	claim := a.ClaimOf()
	if claim == nil {
		return ErrInvalidClaim.Wrap("attestation without a claim")
	}
	if err := claim.Validate(); err != nil {
		return err
	}
	if claim.GetEventNonce() != a.EventNonce {
		return ErrInvalidClaim.Wrapf("attestation of nonce %d holds a claim of nonce %d", a.EventNonce, claim.GetEventNonce())
	}
	hash, err := claim.Hash()
	if err != nil {
		return err
	}
	if hexutil.Encode(hash) != a.ClaimHash {
		return ErrInvalidClaim.Wrapf("attestation %d: claim_hash %s, but its claim hashes to %s", a.EventNonce, a.ClaimHash, hexutil.Encode(hash))
	}
	if len(a.Votes) == 0 {
		return ErrInvalidClaim.Wrapf("attestation %d has no vote", a.EventNonce)
	}
	return nil
}
