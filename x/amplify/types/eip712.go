package types

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"cosmossdk.io/errors"
)

// Kiwistand's EIP-712 domain (src/constants.mjs): no chainId and no
// verifyingContract, so a signature is valid on every network and on Kizuna.
const (
	DomainName    = "kiwinews"
	DomainVersion = "1.0.0"
	// DomainSalt is keccak256("kiwinews domain separator salt").
	DomainSalt = "0xfe7a9d68e99b6942bb3a36178b251da8bd061c20ed1e795207ae97183b590e5b"

	// PrimaryType is the EIP-712 primary type of every Kiwistand message.
	PrimaryType = "Message"
)

// Message types.
const (
	TypeAmplify = "amplify"
	TypeComment = "comment"
)

// EIP712Types returns the type definitions of Kiwistand's messages, with the
// domain fields in the order ethers v5 derives them (name, version, salt).
func EIP712Types() apitypes.Types {
	return apitypes.Types{
		"EIP712Domain": {
			{Name: "name", Type: "string"},
			{Name: "version", Type: "string"},
			{Name: "salt", Type: "bytes32"},
		},
		PrimaryType: {
			{Name: "title", Type: "string"},
			{Name: "href", Type: "string"},
			{Name: "type", Type: "string"},
			{Name: "timestamp", Type: "uint256"},
		},
	}
}

// TypedData returns the EIP-712 typed data a Kiwistand client signs for the
// content: the payload of eth_signTypedData_v4.
func (c Content) TypedData() apitypes.TypedData {
	return apitypes.TypedData{
		Types:       EIP712Types(),
		PrimaryType: PrimaryType,
		Domain: apitypes.TypedDataDomain{
			Name:    DomainName,
			Version: DomainVersion,
			Salt:    DomainSalt,
		},
		Message: apitypes.TypedDataMessage{
			"title":     c.Title,
			"href":      c.Href,
			"type":      c.Type,
			"timestamp": (*math.HexOrDecimal256)(new(big.Int).SetUint64(c.Timestamp)),
		},
	}
}

// DomainSeparator returns hashStruct(EIP712Domain) of Kiwistand's domain,
// the same for every message.
func DomainSeparator() ([]byte, error) {
	td := Content{}.TypedData()
	sep, err := td.HashStruct("EIP712Domain", td.Domain.Map())
	if err != nil {
		return nil, errors.Wrap(ErrInvalidMessage, err.Error())
	}
	return sep, nil
}

// StructHash returns hashStruct(Message) of the content.
func (c Content) StructHash() ([]byte, error) {
	td := c.TypedData()
	hash, err := td.HashStruct(PrimaryType, td.Message)
	if err != nil {
		return nil, errors.Wrap(ErrInvalidMessage, err.Error())
	}
	return hash, nil
}

// Digest returns keccak256(0x1901 || DomainSeparator() || StructHash()),
// the hash the signature signs.
func (c Content) Digest() ([]byte, error) {
	sep, err := DomainSeparator()
	if err != nil {
		return nil, err
	}
	hash, err := c.StructHash()
	if err != nil {
		return nil, err
	}
	return crypto.Keccak256([]byte{0x19, 0x01}, sep, hash), nil
}
