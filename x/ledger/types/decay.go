package types

import (
	"math/big"
	"math/bits"

	"cosmossdk.io/math"
)

// Decay (Gradido's demurrage): a positive balance b held for Δt seconds
// under a half-life of H seconds becomes b · 2^(−Δt/H). The chain computes
// it with integers only, the same on every validator:
//
//   - Δt = q·H + r with 0 ≤ r < H, so 2^(−Δt/H) = 2^(−q) · 2^(−r/H);
//   - the fraction r/H is taken to decayBits binary digits f₁f₂…;
//   - 2^(−r/H) is the product of the constants c_k = 2^(−2^(−k)) for the
//     digits f_k = 1, each c_k held in fixed point with decayBits
//     fractional bits and obtained from 1/2 by k integer square roots;
//   - the amount is multiplied by that product and shifted right by
//     q + decayBits bits, rounding down.
//
// Error bound. Each constant and each partial product is truncated by less
// than 2^(−decayBits), and each constant is at least 1/2; the truncated
// fraction moves the exponent by less than 2^(−decayBits). The factor's
// relative error is therefore below 4·decayBits·2^(−decayBits) < 2^(−180),
// so for any amount below 2^128 the product is within 2^(−52) of the exact
// value before rounding down: the result differs from the exact
// b · 2^(−Δt/H) by at most one base unit, for any Δt (a factor below
// 2^(−128) leaves nothing of any such amount). Each application rounds
// down once, so applying decay in n steps instead of one can lose at most
// n base units more.
const decayBits = 192

// halvingRoots holds c_k = 2^(−2^(−k)) · 2^decayBits for k = 1…decayBits,
// truncated: c_1 = √(1/2), c_{k+1} = √c_k.
var halvingRoots = func() [decayBits]*big.Int {
	var roots [decayBits]*big.Int
	c := new(big.Int).Lsh(big.NewInt(1), decayBits-1) // 1/2
	for k := range roots {
		// √(c / 2^P) · 2^P = √(c · 2^P)
		c = new(big.Int).Sqrt(new(big.Int).Lsh(c, decayBits))
		roots[k] = c
	}
	return roots
}()

// Decayed returns what is left of amount after elapsed seconds of decay
// with the given half-life in seconds, rounded down (see the bound above).
// A zero half-life means no decay. Amount must not be negative.
func Decayed(amount math.Int, elapsed, halfLife uint64) math.Int {
	if halfLife == 0 || elapsed == 0 || !amount.IsPositive() {
		return amount
	}
	halvings, rest := elapsed/halfLife, elapsed%halfLife
	b := amount.BigInt()
	if halvings >= uint64(b.BitLen()) {
		return math.ZeroInt()
	}
	out := new(big.Int).Mul(b, decayFactor(rest, halfLife))
	out.Rsh(out, uint(halvings)+decayBits)
	return math.NewIntFromBigInt(out)
}

// decayFactor returns 2^(−rest/halfLife) · 2^decayBits, truncated, for
// rest < halfLife.
func decayFactor(rest, halfLife uint64) *big.Int {
	factor := new(big.Int).Lsh(big.NewInt(1), decayBits)
	if rest == 0 {
		return factor
	}
	// The binary digits of rest/halfLife, 64 at a time: long division.
	remainder := rest
	for word := 0; word < decayBits/64; word++ {
		digits, r := bits.Div64(remainder, 0, halfLife)
		remainder = r
		for i := range 64 {
			if digits&(1<<(63-i)) != 0 {
				factor.Mul(factor, halvingRoots[word*64+i])
				factor.Rsh(factor, decayBits)
			}
		}
	}
	return factor
}

// Undecayed is the inverse of Decayed: what a balance of amount was elapsed
// seconds earlier, amount · 2^(elapsed/halfLife), rounded down. The bridge
// values a decaying currency on Ethereum in static units (Circles v2's
// inflationary form): static = Undecayed(amount, now − epoch, halfLife) on
// the way out, amount = Decayed(static, now − epoch, halfLife) on the way
// back.
//
// It divides by the very factor Decayed multiplies by,
// (amount << (q + decayBits)) / decayFactor(r), so that the two round trip:
// with F that factor and U = ⌊x·2^(q+decayBits)/F⌋, x·2^(q+decayBits) − F <
// U·F ≤ x·2^(q+decayBits) and F ≤ 2^decayBits, so Decayed(Undecayed(x, t),
// t) is x or x − 1, and Decayed(Undecayed(x, t), t + halfLife) is ⌊x/2⌋ or
// one less. Against the exact value it carries the factor's relative error
// (below 2^(−180), see above), scaled up with the result.
//
// The result must fit in 256 bits, math.Int's and x/bank's limit: a larger
// one fails with ErrInvalidAmount, before anything that large is computed.
// A zero half-life or elapsed, or an amount that is not positive, returns
// amount.
func Undecayed(amount math.Int, elapsed, halfLife uint64) (math.Int, error) {
	if halfLife == 0 || elapsed == 0 || !amount.IsPositive() {
		return amount, nil
	}
	halvings, rest := elapsed/halfLife, elapsed%halfLife
	b := amount.BigInt()
	tooLarge := func() (math.Int, error) {
		return math.Int{}, ErrInvalidAmount.Wrapf("%s undecayed over %d s (half-life %d s) does not fit in %d bits",
			amount, elapsed, halfLife, math.MaxBitLen)
	}
	// The result is at least amount · 2^halvings and below twice that:
	// refuse what cannot fit before shifting by up to 2^64 bits.
	if halvings > math.MaxBitLen || uint64(b.BitLen())+halvings > math.MaxBitLen {
		return tooLarge()
	}
	out := new(big.Int).Lsh(b, uint(halvings)+decayBits)
	out.Quo(out, decayFactor(rest, halfLife))
	if out.BitLen() > math.MaxBitLen {
		return tooLarge()
	}
	return math.NewIntFromBigInt(out), nil
}
