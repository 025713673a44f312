package units

import (
	"fmt"
	"math/big"
	"strings"

	sdkmath "cosmossdk.io/math"

	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// maxAmountDigits bounds the digits of a typed amount: more than any
// currency holds (amounts are below 2^128, 39 digits, plus 18 decimals),
// and far below what would make parsing costly.
const maxAmountDigits = 60

// amount is an amount as typed: in base units when it named the base denom,
// in display units (digits with an optional fraction) otherwise.
type amount struct {
	text string
	// base is set when the amount named the base denom, e.g. 125000cc/1/KGA.
	base *sdkmath.Int
	// whole and frac are the digits of a display amount; unit is the code
	// typed after them, if any.
	whole, frac, unit string
}

// parseAmount reads an amount of the currency of communityID: "12.5" or
// "12.5KGA" in display units (the currency code in any case, or its display
// denom), or "125000cc/1/KGA" in base units. Only a display amount needs the
// currency's decimals; see amount.resolve.
func parseAmount(s string, communityID uint64) (amount, error) {
	a := amount{text: s}
	invalid := func(format string, args ...any) error {
		return fmt.Errorf("invalid amount %q: %s", s, fmt.Sprintf(format, args...))
	}
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "-") {
		return a, invalid("must be positive")
	}
	end := 0
	for end < len(s) && (s[end] >= '0' && s[end] <= '9' || s[end] == '.') {
		end++
	}
	number, unit := s[:end], s[end:]
	if number == "" {
		return a, invalid("give a number, e.g. 12.5 or 12.5KGA")
	}
	if len(number) > maxAmountDigits {
		return a, invalid("more than %d digits", maxAmountDigits)
	}
	whole, frac, hasPoint := strings.Cut(number, ".")
	if strings.Contains(frac, ".") || whole == "" && frac == "" || hasPoint && frac == "" {
		return a, invalid("not a number")
	}

	if strings.HasPrefix(unit, "cc/") {
		prefix := fmt.Sprintf("cc/%d/", communityID)
		if !strings.HasPrefix(unit, prefix) {
			return a, invalid("%s is not the currency of community %d", unit, communityID)
		}
		if hasPoint {
			return a, invalid("base units (%s) are whole numbers", unit)
		}
		v, ok := sdkmath.NewIntFromString(whole)
		if !ok {
			return a, invalid("not a number")
		}
		a.base, a.unit = &v, unit
		return a, nil
	}
	a.whole, a.frac, a.unit = whole, frac, unit
	return a, nil
}

// isZero reports whether the amount is a plain zero ("0", "0.00"), with no
// unit.
func (a amount) isZero() bool {
	return a.base == nil && a.unit == "" && strings.Trim(a.whole+a.frac, "0") == ""
}

// needsCurrency reports whether the amount is in display units, which only
// the currency's decimals turn into base units.
func (a amount) needsCurrency() bool { return a.base == nil }

// resolve returns the amount in base units of currency c.
func (a amount) resolve(c types.Currency) (sdkmath.Int, error) {
	invalid := func(format string, args ...any) error {
		return fmt.Errorf("invalid amount %q: %s", a.text, fmt.Sprintf(format, args...))
	}
	if a.base != nil {
		if a.unit != c.Denom {
			return sdkmath.Int{}, invalid("the currency of community %d is %s", c.CommunityId, c.Denom)
		}
		return *a.base, nil
	}
	if a.unit != "" && !strings.EqualFold(a.unit, c.Code) && a.unit != types.DisplayDenom(c.Code) {
		return sdkmath.Int{}, invalid("the currency of community %d is %s", c.CommunityId, c.Code)
	}
	frac := strings.TrimRight(a.frac, "0")
	if len(frac) > int(c.Decimals) {
		return sdkmath.Int{}, invalid("%s has %d decimals: its smallest unit is %s", c.Code, c.Decimals, formatBase(sdkmath.OneInt(), c.Decimals))
	}
	digits := a.whole + frac + strings.Repeat("0", int(c.Decimals)-len(frac))
	v, ok := new(big.Int).SetString(digits, 10)
	if !ok {
		return sdkmath.Int{}, invalid("not a number")
	}
	if v.BitLen() > sdkmath.MaxBitLen {
		return sdkmath.Int{}, invalid("too large")
	}
	return sdkmath.NewIntFromBigInt(v), nil
}

// FormatAmount writes v base units of currency c in display units with its
// code, without trailing zeros: 2207980 with 4 decimals is "220.798 KGA".
func FormatAmount(v sdkmath.Int, c types.Currency) string {
	return formatBase(v, c.Decimals) + " " + c.Code
}

// formatBase writes v base units with decimals decimals.
func formatBase(v sdkmath.Int, decimals uint32) string {
	if v.IsNil() {
		v = sdkmath.ZeroInt()
	}
	sign := ""
	digits := v.String()
	if v.IsNegative() {
		sign, digits = "-", digits[1:]
	}
	d := int(decimals)
	if d == 0 {
		return sign + digits
	}
	if len(digits) <= d {
		digits = strings.Repeat("0", d-len(digits)+1) + digits
	}
	whole, frac := digits[:len(digits)-d], strings.TrimRight(digits[len(digits)-d:], "0")
	if frac == "" {
		return sign + whole
	}
	return sign + whole + "." + frac
}
