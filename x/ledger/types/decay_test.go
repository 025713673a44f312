package types_test

import (
	"math/big"
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
// the chain does: e^(−x) with x = elapsed·ln 2/halfLife, ln 2 = Σ 1/(k·2^k),
// and e^x by its Taylor series after halving x until it is small.
func exactDecayed(amount math.Int, elapsed, halfLife uint64) *big.Float {
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
	out := f().SetInt(amount.BigInt())
	return out.Quo(out, sum)
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
