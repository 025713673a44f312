package types

import (
	"unicode"
	"unicode/utf8"

	sdkmath "cosmossdk.io/math"

	"github.com/kizuna-chain/kizuna/internal/textrule"
)

// ValidateCode checks a currency code: upper-case ASCII letters and digits,
// MinCodeLength to MaxCodeLength of them.
func (p Params) ValidateCode(code string) error {
	if n := uint64(len(code)); n < uint64(p.MinCodeLength) || n > uint64(p.MaxCodeLength) {
		return ErrInvalidCode.Wrapf("code %q must have %d to %d characters", code, p.MinCodeLength, p.MaxCodeLength)
	}
	for i := 0; i < len(code); i++ {
		if c := code[i]; (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return ErrInvalidCode.Wrapf("code %q may only hold upper-case letters A-Z and digits", code)
		}
	}
	return nil
}

// ValidateName checks a currency name: 1 to MaxNameLength code points of
// single-line text without leading or trailing white space.
func (p Params) ValidateName(name string) error {
	if name == "" {
		return ErrInvalidName.Wrap("name is empty")
	}
	if err := textrule.Line(name, p.MaxNameLength); err != nil {
		return ErrInvalidName.Wrapf("name: %s", err)
	}
	first, _ := utf8.DecodeRuneInString(name)
	last, _ := utf8.DecodeLastRuneInString(name)
	if unicode.IsSpace(first) || unicode.IsSpace(last) {
		return ErrInvalidName.Wrap("name starts or ends with white space")
	}
	return nil
}

// ValidateDecimals checks a currency's number of decimals: 0 to MaxDecimals.
func (p Params) ValidateDecimals(decimals uint32) error {
	if decimals > p.MaxDecimals {
		return ErrInvalidDecimals.Wrapf("%d decimals, at most %d allowed", decimals, p.MaxDecimals)
	}
	return nil
}

// ValidateMemo checks a memo of a transfer or an issuance, or the reason of a
// denial: multi-line text of at most MaxMemoLength code points.
func (p Params) ValidateMemo(memo string) error {
	if err := textrule.Paragraphs(memo, p.MaxMemoLength); err != nil {
		return ErrInvalidMemo.Wrapf("memo: %s", err)
	}
	return nil
}

// ValidateContributionMemo checks a contribution memo: multi-line text of
// MinContributionMemoLength to MaxMemoLength code points.
func (p Params) ValidateContributionMemo(memo string) error {
	if err := p.ValidateMemo(memo); err != nil {
		return err
	}
	if n := utf8.RuneCountInString(memo); uint64(n) < uint64(p.MinContributionMemoLength) {
		return ErrInvalidMemo.Wrapf("contribution memo has %d characters, at least %d required", n, p.MinContributionMemoLength)
	}
	return nil
}

// ValidateEthereumAddress checks an Ethereum address: 0x and 40 hex digits,
// in either case (a checksum in the case is Ethereum's to check).
func ValidateEthereumAddress(s string) error {
	if len(s) != 42 || s[0] != '0' || s[1] != 'x' {
		return ErrInvalidEthAddress.Wrapf("%q is not 0x and 40 hex digits", s)
	}
	for i := 2; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') && (c < 'A' || c > 'F') {
			return ErrInvalidEthAddress.Wrapf("%q is not 0x and 40 hex digits", s)
		}
	}
	return nil
}

// ValidateAmount checks that an amount is set and positive.
func ValidateAmount(amount sdkmath.Int) error {
	if amount.IsNil() {
		return ErrInvalidAmount.Wrap("amount is missing")
	}
	if !amount.IsPositive() {
		return ErrInvalidAmount.Wrapf("amount %s is not positive", amount)
	}
	return nil
}
