package types

import (
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
)

// ParseEthereumAddress parses an Ethereum address written as 0x and 40 hex
// digits. A mixed-case address must carry a valid EIP-55 checksum, so that
// a mistyped address is refused rather than sent money; an all-lowercase or
// all-uppercase one has none to check. The zero address is refused: nothing
// can be recovered from it.
func ParseEthereumAddress(s string) (common.Address, error) {
	if len(s) != 42 || !strings.HasPrefix(s, "0x") {
		return common.Address{}, ErrInvalidEthereumAddress.Wrapf("%q is not 0x and 40 hex digits", Truncate(s))
	}
	if !common.IsHexAddress(s) {
		return common.Address{}, ErrInvalidEthereumAddress.Wrapf("%q is not 0x and 40 hex digits", s)
	}
	addr := common.HexToAddress(s)
	digits := s[2:]
	if digits != strings.ToLower(digits) && digits != strings.ToUpper(digits) && addr.Hex() != s {
		return common.Address{}, ErrInvalidEthereumAddress.Wrapf("%s has a wrong EIP-55 checksum", s)
	}
	if addr == (common.Address{}) {
		return common.Address{}, ErrInvalidEthereumAddress.Wrap("the zero address")
	}
	return addr, nil
}

// ParseSignature parses a 65-byte signature written as 0x-hex.
func ParseSignature(s string) ([]byte, error) {
	sig, err := hexutil.Decode(s)
	if err != nil || len(sig) != crypto.SignatureLength {
		return nil, ErrInvalidSignature.Wrapf("want %d bytes as 0x-hex, got %q", crypto.SignatureLength, Truncate(s))
	}
	return sig, nil
}

// Truncate shortens what an error quotes from its input.
func Truncate(s string) string {
	const most = 80
	if len(s) <= most {
		return s
	}
	return fmt.Sprintf("%s…(%d bytes)", s[:most], len(s))
}
