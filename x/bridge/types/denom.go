package types

import (
	"regexp"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/kizuna-chain/kizuna/contracts"
)

// VoucherPrefix starts the denom of every ERC-20 voucher.
const VoucherPrefix = "eth/"

var (
	// currencyDenom is a community currency's denom: cc/{id}/{CODE}.
	currencyDenom = regexp.MustCompile(`^cc/[1-9][0-9]{0,19}/[A-Z0-9]{3,8}$`)
	// addressLike finds 40 hex digits in a row, with or without 0x: what
	// could pass for an Ethereum address inside a denom.
	addressLike = regexp.MustCompile(`(?i)[0-9a-f]{40}`)
)

// VoucherDenom is the denom of the vouchers of an ERC-20 from Ethereum.
func VoucherDenom(token common.Address) string {
	return VoucherPrefix + token.Hex()
}

// ValidateBridgeDenom checks that a denom may be mapped to an ERC-20: a
// community currency's cc/{id}/{CODE}, or exactly the voucher denom of an
// address with its checksum, within the contract's length bound. Any other
// denom embedding something that looks like an address is refused, so that
// no denom can pass for a token it is not (the lesson of Gravity Bridge's
// denom collisions).
func ValidateBridgeDenom(denom string) error {
	if denom == "" || len(denom) > contracts.MaxDenomBytes {
		return ErrInvalidDenom.Wrapf("%q must be 1..%d bytes", Truncate(denom), contracts.MaxDenomBytes)
	}
	if rest, ok := strings.CutPrefix(denom, VoucherPrefix); ok {
		addr, err := ParseEthereumAddress(rest)
		if err != nil || addr.Hex() != rest {
			return ErrInvalidDenom.Wrapf("%q is not eth/ and a checksummed address", denom)
		}
		return nil
	}
	if addressLike.MatchString(denom) {
		return ErrInvalidDenom.Wrapf("%q embeds an address-like string", denom)
	}
	if !currencyDenom.MatchString(denom) {
		return ErrInvalidDenom.Wrapf("%q is neither a community currency nor an ERC-20 voucher", denom)
	}
	return nil
}
