package confusable_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"
	upstream "go.mau.fi/util/confusable"
	"go.mau.fi/util/unicodeurls"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"github.com/kizuna-chain/kizuna/internal/confusable"
)

func TestSkeleton_LookAlikesShareOne(t *testing.T) {
	pairs := []struct{ a, b string }{
		{"Kaga Commons", "K\u0430ga Commons"},         // Cyrillic а
		{"Kaga Commons", "Kaga Cοmmons"},              // Greek ο
		{"Kaga Commons", "Kaga Co\u0072\u006emons"},   // rn for m
		{"Kaga Commons", "Kaga\u00a0Commons"},         // no-break space
		{"paypal", "\u0440\u0430\u0443\u0440\u04301"}, // Cyrillic and a digit one
		{"Caf\u00e9", "Cafe\u0301"},                   // composed and decomposed
		{"l1I", "lll"},
	}
	for _, p := range pairs {
		require.Equal(t, confusable.Skeleton(p.a), confusable.Skeleton(p.b), "%q and %q", p.a, p.b)
	}
	require.Equal(t, confusable.Skeleton("\u01c5emal"), confusable.Skeleton("Dz\u030cemal"), "a prototype's own marks are mapped too")
	require.NotEqual(t, confusable.Skeleton("Kaga Commons"), confusable.Skeleton("Kaga Gardens"))
	require.Equal(t, "", confusable.Skeleton(""))
}

func TestSkeleton_IsIdempotentOnItsOutput(t *testing.T) {
	for _, s := range []string{"Kaga Commons", "金沢コモンズ", "Straße", "ǅemal", "\U0001F16D"} {
		once := confusable.Skeleton(s)
		require.Equal(t, once, confusable.Skeleton(once), "%q", s)
	}
}

func TestScriptOf(t *testing.T) {
	tests := []struct {
		r    rune
		want confusable.Script
	}{
		{'K', confusable.ScriptLatin},
		{'\u0430', confusable.ScriptCyrillic},
		{'金', confusable.ScriptHan},
		{'こ', confusable.ScriptHiragana},
		{'コ', confusable.ScriptKatakana},
		{'ー', confusable.ScriptCommon},
		{' ', confusable.ScriptCommon},
		{'7', confusable.ScriptCommon},
		{'\u0301', confusable.ScriptInherited},
		{'\u3164', confusable.ScriptHangul},
		{'\U000E0100', confusable.ScriptInherited},
		{'\uE000', confusable.ScriptUnknown},     // private use
		{'\u0378', confusable.ScriptUnknown},     // unassigned
		{'\U0010FFFF', confusable.ScriptUnknown}, // noncharacter
	}
	for _, tc := range tests {
		require.Equal(t, tc.want, confusable.ScriptOf(tc.r), "%U", tc.r)
	}
	require.Equal(t, "Latin", confusable.ScriptLatin.String())
	require.Equal(t, "Unknown", confusable.Script(255).String())
}

func TestMixesScripts(t *testing.T) {
	single := []string{"Kaga Commons", "Каға", "金沢コモンズ", "Kaga 金沢", "かが・コモンズ 2", "台北 ㄅㄆ Taipei", "서울 광장 Seoul 市", "Café ☕", ""}
	for _, s := range single {
		require.False(t, confusable.MixesScripts(s), "%q", s)
	}
	mixed := []string{"K\u0430ga Commons", "Kaga Cοmmons", "金沢 서울 コ", "ㄅ コ", "Kaga⠀Commons"}
	for _, s := range mixed {
		require.True(t, confusable.MixesScripts(s), "%q", s)
	}
	require.Equal(t, []confusable.Script{confusable.ScriptLatin, confusable.ScriptCyrillic}, confusable.Scripts("K\u0430ga 7"))
}

func TestIsSpaceAndIsInvisible(t *testing.T) {
	for _, r := range []rune{' ', '\u00a0', '\u3000', '\u2009', '\u202f', '\u2028'} {
		require.True(t, confusable.IsSpace(r), "%U", r)
		require.False(t, confusable.IsInvisible(r), "%U", r)
	}
	for _, r := range []rune{'\u200b', '\u200d', '\u2060', '\ufeff', '\u202e', '\u00ad', '\u3164', '\u115f', '\u1160', '\uffa0', '\u034f', '\ufe0f', '\U000E0001'} {
		require.True(t, confusable.IsInvisible(r), "%U", r)
		require.False(t, confusable.IsSpace(r), "%U", r)
	}
	for _, r := range []rune{'a', '金', '_', '\u0301'} {
		require.False(t, confusable.IsSpace(r), "%U", r)
		require.False(t, confusable.IsInvisible(r), "%U", r)
	}
}

// TestTables_MatchTheirSources checks tables.go against its sources: the
// prototypes against the table of confusables.txt that the pinned module
// ships (the same code points are mapped, each to the skeleton of its
// upstream prototype, and a skeleton is final), and, when the Go standard
// library has tables of UnicodeVersion, the script, white space and invisible
// tables against the standard library's.
func TestTables_MatchTheirSources(t *testing.T) {
	require.Equal(t, "17.0.0", confusable.ConfusablesVersion)
	require.Equal(t, confusable.ConfusablesVersion, unicodeurls.UnicodeVersion, "the Unicode version of the module's confusables")
	require.Equal(t, "go.mau.fi/util@v0.9.4", confusable.ConfusablesSource, "gen.go checks that go.mod selects it")
	ours := confusable.Prototypes()
	entries := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		to := upstream.GetReplacement(r)
		_, mapped := ours[r]
		require.Equal(t, to != "", mapped, "%U", r)
		if to == "" {
			continue
		}
		entries++
		// A source with no canonical decomposition looks like its
		// prototype, and a skeleton is final.
		skeleton := confusable.Skeleton(string(r))
		if norm.NFD.String(string(r)) == string(r) {
			require.Equal(t, confusable.Skeleton(to), skeleton, "%U", r)
		}
		require.Equal(t, skeleton, confusable.Skeleton(skeleton), "%U", r)
	}
	require.Equal(t, 6565, entries, "the mappings of confusables.txt 17.0.0")

	if unicode.Version != confusable.UnicodeVersion {
		t.Skipf("the standard library has Unicode %s tables, not %s", unicode.Version, confusable.UnicodeVersion)
	}
	scripts := make([]string, unicode.MaxRune+1)
	for name, table := range unicode.Scripts {
		for _, r := range table.R16 {
			for c := rune(r.Lo); c <= rune(r.Hi); c += rune(r.Stride) {
				scripts[c] = name
			}
		}
		for _, r := range table.R32 {
			for c := rune(r.Lo); c <= rune(r.Hi); c += rune(r.Stride) {
				scripts[c] = name
			}
		}
	}
	for c := rune(0); c <= unicode.MaxRune; c++ {
		want := scripts[c]
		if want == "" {
			want = "Unknown"
		}
		if got := confusable.ScriptOf(c).String(); got != want {
			t.Fatalf("%U: script %s, want %s", c, got, want)
		}
		if got := confusable.IsSpace(c); got != unicode.Is(unicode.White_Space, c) {
			t.Fatalf("%U: IsSpace %v", c, got)
		}
		invisible := unicode.In(c, unicode.Cf, unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point)
		if got := confusable.IsInvisible(c); got != invisible {
			t.Fatalf("%U: IsInvisible %v", c, got)
		}
	}
}

// TestNormalizationTables_AreOfTheTablesVersion guards the one part of the
// skeleton the tables do not hold: the decomposition and case folding of
// golang.org/x/text, whose tables follow the Go release. Both are stable for
// code points assigned in confusable.UnicodeVersion, which are the only ones
// names accept; a newer version is worth a look before it ships.
func TestNormalizationTables_AreOfTheTablesVersion(t *testing.T) {
	require.Equal(t, confusable.UnicodeVersion, norm.Version, "golang.org/x/text/unicode/norm")
	require.Equal(t, confusable.UnicodeVersion, cases.UnicodeVersion, "golang.org/x/text/cases")
}

// TestConfusables_NewerThanTheProperties checks what makes it safe for the
// prototypes (Unicode ConfusablesVersion) to be newer than the script tables
// and the normalization (Unicode UnicodeVersion). The mappings of code points
// assigned after UnicodeVersion have ScriptUnknown sources, which names
// refuse. The prototypes that hold code points assigned after UnicodeVersion
// are listed here, so that a new table is looked at; the normalization of
// UnicodeVersion leaves those code points as they are, so skeletons stay
// deterministic.
func TestConfusables_NewerThanTheProperties(t *testing.T) {
	require.Equal(t, "15.0.0", confusable.UnicodeVersion)
	require.Equal(t, "17.0.0", confusable.ConfusablesVersion)
	laterSources := 0
	var later []rune
	for from, to := range confusable.Prototypes() {
		if !assignedIn15(from) {
			laterSources++
			require.Equal(t, confusable.ScriptUnknown, confusable.ScriptOf(from), "%U", from)
		}
		for _, r := range to {
			if !assignedIn15(r) && !slices.Contains(later, r) {
				later = append(later, r)
			}
		}
	}
	slices.Sort(later)
	require.Equal(t, 72, laterSources, "sources assigned after Unicode 15.0.0")
	require.Equal(t, []rune{
		0x0C5C, 0x1ADA, 0x1ADB, 0x1AE5, 0x1AE9, 0xA7CE, 0x10EFA, 0x11B62, 0x11B63,
		0x11B64, 0x16FF3, 0x1CCFA, 0x1CCFC, 0x1CEBA, 0x1CEBB, 0x1CEBC, 0x1CEBD,
		0x1CEBE, 0x1CEBF, 0x1CEE0, 0x1CEF0, 0x1F8D0, 0x1F8D1, 0x1FA55, 0x1FA57,
		0x1FBFA, 0x2B73F,
	}, later, "prototype code points assigned after Unicode 15.0.0")
	for _, r := range later {
		require.Equal(t, confusable.ScriptUnknown, confusable.ScriptOf(r), "%U", r)
		require.Equal(t, string(r), norm.NFD.String(string(r)), "%U", r)
		require.Zero(t, norm.NFD.PropertiesString(string(r)).CCC(), "%U", r)
	}
	// The Devanagari vowel sign E and the Gurmukhi vowel sign EE share the
	// prototype U+11B64 of Unicode 17.0.
	require.Equal(t, "\U00011B64", confusable.Skeleton("\u0947"))
	require.Equal(t, confusable.Skeleton("\u0947"), confusable.Skeleton("\u0A47"))
}

// assignedIn15 reports whether r is assigned in the Unicode version of the
// standard library's tables, 15.0.0 with Go 1.26.
func assignedIn15(r rune) bool {
	return unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Zs, unicode.Zl, unicode.Zp, unicode.Cc, unicode.Cf)
}

// TestGenerate_ReproducesTables runs gen.go and checks that it writes
// tables.go as committed.
func TestGenerate_ReproducesTables(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the generator")
	}
	if unicode.Version != confusable.UnicodeVersion {
		t.Skipf("the standard library has Unicode %s tables, not %s", unicode.Version, confusable.UnicodeVersion)
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out := filepath.Join(t.TempDir(), "tables.go")
	cmd := exec.Command(goTool, "run", "gen.go", "-o", out)
	output, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", output)
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	want, err := os.ReadFile("tables.go")
	require.NoError(t, err)
	require.True(t, bytes.Equal(want, got), "tables.go is not what gen.go writes: run go generate ./internal/confusable")
}
