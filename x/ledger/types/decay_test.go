package types_test

import (
	"math/big"
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// gradidoHalfLife is one Gregorian year, Gradido's half-life.
const gradidoHalfLife = 31_556_952

// referencePrec is the precision of the reference computation: far beyond
// the chain's, so that its own error does not count.
const referencePrec = 600

// exactDecayed returns b · 2^(−elapsed/halfLife) computed another way than
// the chain does (see exactGrowth).
func exactDecayed(amount math.Int, elapsed, halfLife uint64) *big.Float {
	out := new(big.Float).SetPrec(referencePrec).SetInt(amount.BigInt())
	return out.Quo(out, exactGrowth(elapsed, halfLife))
}

// exactUndecayed returns b · 2^(elapsed/halfLife) computed another way than
// the chain does (see exactGrowth).
func exactUndecayed(amount math.Int, elapsed, halfLife uint64) *big.Float {
	out := new(big.Float).SetPrec(referencePrec).SetInt(amount.BigInt())
	return out.Mul(out, exactGrowth(elapsed, halfLife))
}

// exactGrowth returns 2^(elapsed/halfLife) as e^x with x = elapsed·ln
// 2/halfLife, ln 2 = Σ 1/(k·2^k), and e^x by its Taylor series after halving
// x until it is small.
func exactGrowth(elapsed, halfLife uint64) *big.Float {
	f := func() *big.Float { return new(big.Float).SetPrec(referencePrec) }
	ln2 := f()
	for k := int64(1); k <= referencePrec+8; k++ {
		term := f().SetInt(new(big.Int).Lsh(big.NewInt(1), uint(k)))
		term.Mul(term, f().SetInt64(k))
		ln2.Add(ln2, f().Quo(f().SetInt64(1), term))
	}
	x := f().Mul(ln2, f().SetUint64(elapsed))
	x.Quo(x, f().SetUint64(halfLife))
	const halvings = 64
	x.SetMantExp(x, -halvings)
	sum, term := f().SetInt64(1), f().SetInt64(1)
	for n := int64(1); n < 80; n++ {
		term.Mul(term, x)
		term.Quo(term, f().SetInt64(n))
		sum.Add(sum, term)
	}
	for range halvings {
		sum.Mul(sum, sum)
	}
	return sum
}

// requireWithinOneUnit checks |got − exact| ≤ 1 base unit.
func requireWithinOneUnit(t *testing.T, amount math.Int, elapsed, halfLife uint64) {
	t.Helper()
	got := types.Decayed(amount, elapsed, halfLife)
	exact := exactDecayed(amount, elapsed, halfLife)
	diff := new(big.Float).SetPrec(referencePrec).Sub(new(big.Float).SetPrec(referencePrec).SetInt(got.BigInt()), exact)
	if diff.Abs(diff).Cmp(big.NewFloat(1)) > 0 {
		// Formatted only on failure: printing a value near 2^(−10^7) in
		// decimal takes minutes.
		t.Fatalf("Decayed(%s, %d s, half-life %d s) = %s, exact %s", amount, elapsed, halfLife, got, exact.Text('g', 30))
	}
}

func TestDecayed_GradidoReferenceValues(t *testing.T) {
	const day = 86_400
	for _, c := range []struct {
		name          string
		amount        int64 // 4 decimals
		elapsed, want uint64
	}{
		{"1 after a day", 1_0000, day, 9981},
		{"100 after 14 days", 100_0000, 14 * day, 97_3781},
		{"100 after 30 days", 100_0000, 30 * day, 94_4657},
		{"100 after half a year", 100_0000, 15_778_476, 70_7107},
		{"100 after a year", 100_0000, gradidoHalfLife, 50_0000},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := types.Decayed(math.NewInt(c.amount), c.elapsed, gradidoHalfLife).Uint64()
			require.InDelta(t, c.want, got, 1)
			requireWithinOneUnit(t, math.NewInt(c.amount), c.elapsed, gradidoHalfLife)
		})
	}
}

func TestDecayed_EdgeCases(t *testing.T) {
	big128 := math.NewIntFromBigInt(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 128), big.NewInt(1)))
	require.Equal(t, "7", types.Decayed(math.NewInt(7), 0, gradidoHalfLife).String(), "no time, no decay")
	require.Equal(t, "7", types.Decayed(math.NewInt(7), 1e9, 0).String(), "no half-life, no decay")
	require.True(t, types.Decayed(math.ZeroInt(), 1e9, gradidoHalfLife).IsZero())
	require.Equal(t, "3", types.Decayed(math.NewInt(7), gradidoHalfLife, gradidoHalfLife).String(), "3.5 rounds down")
	require.True(t, types.Decayed(big128, 129*gradidoHalfLife, gradidoHalfLife).IsZero(), "129 halvings leave nothing of 2^128")
	require.Equal(t, "1", types.Decayed(big128, 127*gradidoHalfLife, gradidoHalfLife).String())
	for _, elapsed := range []uint64{1, 59, 86_400, gradidoHalfLife - 1, gradidoHalfLife + 1, 100 * gradidoHalfLife, 100*gradidoHalfLife + 12_345} {
		requireWithinOneUnit(t, big128, elapsed, gradidoHalfLife)
	}
	requireWithinOneUnit(t, big128, 1<<63, 3)
}

// Decay applied at every touch of an account, in n steps, loses at most n
// base units more than decay applied once over the whole time.
func TestDecayed_StepsAgreeWithOnceWithinOneUnitAStep(t *testing.T) {
	amount := math.NewInt(1_000_000_0000)
	for _, steps := range []uint64{2, 7, 365, 1000} {
		total := uint64(gradidoHalfLife)
		stepped := amount
		for i := range steps {
			stepped = types.Decayed(stepped, total/steps+boolToUint(i < total%steps), gradidoHalfLife)
		}
		once := types.Decayed(amount, total, gradidoHalfLife)
		require.True(t, stepped.LTE(once.AddRaw(1)), "%d steps gave %s, once %s", steps, stepped, once)
		require.True(t, once.Sub(stepped).LTE(math.NewIntFromUint64(steps)), "%d steps gave %s, once %s", steps, stepped, once)
	}
}

func boolToUint(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// FuzzDecayed checks the bound over amounts up to 2^128 and durations up to
// 100 years against the reference.
func FuzzDecayed(f *testing.F) {
	f.Add(uint64(10_000), uint64(0), uint64(86_400), uint64(gradidoHalfLife))
	f.Add(^uint64(0), ^uint64(0), uint64(100*gradidoHalfLife), uint64(86_400))
	f.Add(uint64(1), uint64(1), uint64(3_155_695_200), uint64(1))
	f.Fuzz(func(t *testing.T, hi, lo, elapsed, halfLife uint64) {
		amount := math.NewIntFromBigInt(new(big.Int).Or(new(big.Int).Lsh(new(big.Int).SetUint64(hi), 64), new(big.Int).SetUint64(lo)))
		elapsed %= 100*gradidoHalfLife + 1
		if halfLife == 0 {
			halfLife = 1
		}
		requireWithinOneUnit(t, amount, elapsed, halfLife)
	})
}

func BenchmarkDecayed(b *testing.B) {
	amount := math.NewIntFromBigInt(new(big.Int).Lsh(big.NewInt(1), 127))
	for b.Loop() {
		types.Decayed(amount, 12_345_678, gradidoHalfLife)
	}
}

// requireUndecayedNearExact checks Undecayed against the reference: within
// one base unit, plus the factor's relative error of 2^(−180) scaled up
// with the result.
func requireUndecayedNearExact(t *testing.T, amount math.Int, elapsed, halfLife uint64) math.Int {
	t.Helper()
	got, err := types.Undecayed(amount, elapsed, halfLife)
	require.NoError(t, err)
	exact := exactUndecayed(amount, elapsed, halfLife)
	f := func() *big.Float { return new(big.Float).SetPrec(referencePrec) }
	bound := f().SetMantExp(exact, -180)
	bound.Add(bound, f().SetInt64(1))
	diff := f().Sub(f().SetInt(got.BigInt()), exact)
	if diff.Abs(diff).Cmp(bound) > 0 {
		t.Fatalf("Undecayed(%s, %d s, half-life %d s) = %s, exact %s", amount, elapsed, halfLife, got, exact.Text('g', 40))
	}
	return got
}

func TestUndecayed_GradidoReferenceValues(t *testing.T) {
	const day = 86_400
	for _, c := range []struct {
		name          string
		amount        int64 // 4 decimals
		elapsed, want uint64
	}{
		{"50 a year earlier", 50_0000, gradidoHalfLife, 100_0000},
		{"97.3781 14 days earlier", 97_3781, 14 * day, 100_0000},
		{"94.4657 30 days earlier", 94_4657, 30 * day, 100_0000},
		{"70.7107 half a year earlier", 70_7107, 15_778_476, 100_0000},
		{"100 half a year earlier", 100_0000, 15_778_476, 141_4213},
		{"100 ten years earlier", 100_0000, 10 * gradidoHalfLife, 102_400_0000},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := requireUndecayedNearExact(t, math.NewInt(c.amount), c.elapsed, gradidoHalfLife)
			require.InDelta(t, c.want, got.Uint64(), 1)
		})
	}
	got, err := types.Undecayed(math.NewInt(50_0000), gradidoHalfLife, gradidoHalfLife)
	require.NoError(t, err)
	require.Equal(t, "1000000", got.String(), "a whole half-life doubles exactly")
}

func TestUndecayed_EdgeCases(t *testing.T) {
	for _, c := range []struct {
		name              string
		amount            math.Int
		elapsed, halfLife uint64
		want              string
	}{
		{"no time", math.NewInt(7), 0, gradidoHalfLife, "7"},
		{"no half-life", math.NewInt(7), 1e9, 0, "7"},
		{"nothing", math.ZeroInt(), 1e9, gradidoHalfLife, "0"},
		{"3 doubled", math.NewInt(3), gradidoHalfLife, gradidoHalfLife, "6"},
		{"1 after 255 half-lives is 2^255", math.OneInt(), 255 * gradidoHalfLife, gradidoHalfLife, pow2(255).String()},
		{
			"2^128-1 after 128 half-lives", math.NewIntFromBigInt(new(big.Int).Sub(pow2(128), big.NewInt(1))), 128 * 3, 3,
			new(big.Int).Sub(pow2(256), pow2(128)).String(),
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := types.Undecayed(c.amount, c.elapsed, c.halfLife)
			require.NoError(t, err)
			require.Equal(t, c.want, got.String())
		})
	}

	requireUndecayedNearExact(t, math.NewIntFromBigInt(pow2(255)), 1, 2) // 2^255·√2 fits

	maxInt := math.NewIntFromBigInt(new(big.Int).Sub(pow2(256), big.NewInt(1)))
	for _, c := range []struct {
		name              string
		amount            math.Int
		elapsed, halfLife uint64
	}{
		{"1 after 256 half-lives is 2^256", math.OneInt(), 256 * gradidoHalfLife, gradidoHalfLife},
		{"2^255 doubled", math.NewIntFromBigInt(pow2(255)), gradidoHalfLife, gradidoHalfLife},
		{"the largest amount a second earlier", maxInt, 1, gradidoHalfLife},
		{"3·2^254 half a half-life earlier", math.NewIntFromBigInt(new(big.Int).Mul(big.NewInt(3), pow2(254))), 1, 2},
		{"2^64 - 1 half-lives", math.OneInt(), ^uint64(0), 1},
		{"2^64 - 1 seconds of a year", maxInt, ^uint64(0), gradidoHalfLife},
	} {
		t.Run(c.name, func(t *testing.T) {
			require.NotPanics(t, func() {
				_, err := types.Undecayed(c.amount, c.elapsed, c.halfLife)
				require.ErrorIs(t, err, types.ErrInvalidAmount)
			})
		})
	}
}

// maxRoundTripHalfLives is how many half-lives the round trips are tested
// over: an amount below 2^128 grown by 2^120 still fits in 256 bits.
const maxRoundTripHalfLives = 120

// Undecayed then Decayed over the same time gives the amount back, or one
// base unit less; Decayed a half-life later gives half of it, rounded down,
// or one base unit less.
func TestUndecayed_RoundTripsThroughDecayed(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for range 2000 {
		amount := math.NewIntFromBigInt(new(big.Int).Rand(r, pow2(128)))
		elapsed := uint64(r.Int63n(maxRoundTripHalfLives*gradidoHalfLife + 1))
		requireRoundTrip(t, amount, elapsed, gradidoHalfLife)
	}
}

// requireRoundTrip checks the two round trips of Undecayed through Decayed
// for an amount below 2^128 and elapsed up to maxRoundTripHalfLives
// half-lives.
func requireRoundTrip(t *testing.T, amount math.Int, elapsed, halfLife uint64) {
	t.Helper()
	static, err := types.Undecayed(amount, elapsed, halfLife)
	require.NoError(t, err)
	require.True(t, static.GTE(amount), "Undecayed(%s, %d, %d) = %s", amount, elapsed, halfLife, static)
	back := types.Decayed(static, elapsed, halfLife)
	if d := amount.Sub(back); d.IsNegative() || d.GT(math.OneInt()) {
		t.Fatalf("Decayed(Undecayed(%s, %d s), %d s) = %s (half-life %d s)", amount, elapsed, elapsed, back, halfLife)
	}
	half := types.Decayed(static, elapsed+halfLife, halfLife)
	if d := amount.QuoRaw(2).Sub(half); d.IsNegative() || d.GT(math.OneInt()) {
		t.Fatalf("Decayed(Undecayed(%s, %d s), %d s) = %s, half is %s (half-life %d s)", amount, elapsed, elapsed+halfLife, half, amount.QuoRaw(2), halfLife)
	}
}

// FuzzUndecayed checks the round trips for amounts below 2^128, half-lives
// up to 2^48 s and up to maxRoundTripHalfLives half-lives.
func FuzzUndecayed(f *testing.F) {
	f.Add(uint64(0), uint64(100_0000), uint64(15_778_476), uint64(gradidoHalfLife))
	f.Add(uint64(0), uint64(1), uint64(1), uint64(gradidoHalfLife))
	f.Add(^uint64(0), ^uint64(0), uint64(0), uint64(86_400))
	f.Add(^uint64(0), ^uint64(0), uint64(maxRoundTripHalfLives*gradidoHalfLife), uint64(gradidoHalfLife))
	f.Add(^uint64(0), ^uint64(0), uint64(maxRoundTripHalfLives*gradidoHalfLife-1), uint64(gradidoHalfLife))
	f.Add(uint64(1), uint64(0), uint64(3), uint64(2))
	f.Add(uint64(12345), uint64(67890), ^uint64(0), uint64(1))
	f.Add(uint64(0), uint64(7), uint64(55*gradidoHalfLife+12_345), ^uint64(0))
	f.Fuzz(func(t *testing.T, hi, lo, elapsed, halfLife uint64) {
		amount := math.NewIntFromBigInt(new(big.Int).Or(new(big.Int).Lsh(new(big.Int).SetUint64(hi), 64), new(big.Int).SetUint64(lo)))
		halfLife = halfLife%(1<<48) + 1
		elapsed %= maxRoundTripHalfLives*halfLife + 1
		requireRoundTrip(t, amount, elapsed, halfLife)
	})
}

func BenchmarkUndecayed(b *testing.B) {
	amount := math.NewIntFromBigInt(new(big.Int).Lsh(big.NewInt(1), 127))
	for b.Loop() {
		if _, err := types.Undecayed(amount, 55*gradidoHalfLife+12_345_678, gradidoHalfLife); err != nil {
			b.Fatal(err)
		}
	}
}

func pow2(n uint) *big.Int {
	return new(big.Int).Lsh(big.NewInt(1), n)
}
