package types

import (
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"cosmossdk.io/errors"
)

// Consent proofs (links and delegations) are EIP-712 messages of Kizuna's
// own domain, bound to the chain id and to a per-address nonce so that a
// proof is used once on one chain.
const (
	ConsentDomainName    = "kizuna-amplify"
	ConsentDomainVersion = "1"

	// ActionDelegate and ActionRevoke are the actions of a Delegation proof.
	ActionDelegate = "delegate"
	ActionRevoke   = "revoke"
)

func consentDomain() (apitypes.TypedDataDomain, []apitypes.Type) {
	return apitypes.TypedDataDomain{Name: ConsentDomainName, Version: ConsentDomainVersion},
		[]apitypes.Type{{Name: "name", Type: "string"}, {Name: "version", Type: "string"}}
}

// LinkTypedData is what an Ethereum key signs to link itself to a Cosmos
// account: LinkEthereumAddress(address ethAddress,string account,string
// chainId,uint256 nonce).
func LinkTypedData(ethAddress common.Address, account, chainID string, nonce uint64) apitypes.TypedData {
	domain, domainType := consentDomain()
	return apitypes.TypedData{
		Types: apitypes.Types{
			"EIP712Domain": domainType,
			"LinkEthereumAddress": {
				{Name: "ethAddress", Type: "address"},
				{Name: "account", Type: "string"},
				{Name: "chainId", Type: "string"},
				{Name: "nonce", Type: "uint256"},
			},
		},
		PrimaryType: "LinkEthereumAddress",
		Domain:      domain,
		Message: apitypes.TypedDataMessage{
			"ethAddress": ethAddress.Hex(),
			"account":    account,
			"chainId":    chainID,
			"nonce":      (*math.HexOrDecimal256)(new(big.Int).SetUint64(nonce)),
		},
	}
}

// DelegationTypedData is what `from` and `to` each sign to start (action
// "delegate") or `from` signs to end ("revoke") a delegation:
// Delegation(string action,address from,address to,string chainId,uint256
// nonce), the nonce being the signer's own.
func DelegationTypedData(action string, from, to common.Address, chainID string, nonce uint64) apitypes.TypedData {
	domain, domainType := consentDomain()
	return apitypes.TypedData{
		Types: apitypes.Types{
			"EIP712Domain": domainType,
			"Delegation": {
				{Name: "action", Type: "string"},
				{Name: "from", Type: "address"},
				{Name: "to", Type: "address"},
				{Name: "chainId", Type: "string"},
				{Name: "nonce", Type: "uint256"},
			},
		},
		PrimaryType: "Delegation",
		Domain:      domain,
		Message: apitypes.TypedDataMessage{
			"action":  action,
			"from":    from.Hex(),
			"to":      to.Hex(),
			"chainId": chainID,
			"nonce":   (*math.HexOrDecimal256)(new(big.Int).SetUint64(nonce)),
		},
	}
}

// VerifyConsent checks that sig is want's signature over the typed data.
func VerifyConsent(td apitypes.TypedData, sig string, want common.Address) error {
	digest, _, err := apitypes.TypedDataAndHash(td)
	if err != nil {
		return errors.Wrap(ErrInvalidSignature, err.Error())
	}
	raw, err := ParseSignature(sig)
	if err != nil {
		return err
	}
	got, err := RecoverDigest(digest, raw)
	if err != nil {
		return err
	}
	if got != want {
		return errors.Wrapf(ErrInvalidSignature, "consent signed by %s, not %s", got.Hex(), want.Hex())
	}
	return nil
}

// ParseEthAddress reads a 0x-prefixed 20-byte hex address of any case.
func ParseEthAddress(field, s string) (common.Address, error) {
	if !strings.HasPrefix(s, "0x") || !common.IsHexAddress(s) {
		return common.Address{}, errors.Wrapf(ErrInvalidAddress, "%s %q", field, s)
	}
	return common.HexToAddress(s), nil
}
