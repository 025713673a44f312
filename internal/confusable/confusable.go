// Package confusable tells names apart the way a reader sees them, so that a
// name cannot pass for another one: Skeleton maps look-alike characters to
// one prototype (a Cyrillic "а" to a Latin "a", "rn" and "m" to the same
// text), Scripts and MixesScripts refuse names that mix writing systems to
// imitate one, and IsInvisible and IsSpace find the characters that show
// nothing or only space.
//
// Every table is generated into tables.go (see gen.go) and committed, never
// read from the Go release a node is built with, so every node derives the
// same answers:
//
//   - the prototypes of the confusables (Unicode security data,
//     confusables.txt of Unicode ConfusablesVersion, 17.0.0) come from the
//     table generated from it that the Go module ConfusablesSource ships
//     (go.mau.fi/util, package confusable, at the version go.mod pins and
//     go.sum checks); this repository keeps no copy of confusables.txt;
//   - the scripts, the white space and the invisible characters come from the
//     Unicode tables of the Go standard library, version UnicodeVersion
//     (15.0.0 with Go 1.26), and so does the normalization (golang.org/x/text)
//     Skeleton applies.
//
// The two versions differ on purpose: the confusables are the newest a
// package registry ships, while the properties follow Go. Names accept only
// code points assigned in UnicodeVersion (ScriptOf is ScriptUnknown for the
// others), so the mappings of code points assigned later never apply to a
// valid name. Some newer prototypes hold code points assigned after
// UnicodeVersion (U+11B64, assigned in Unicode 17.0, is the prototype of the
// Devanagari vowel sign E and the Gurmukhi vowel sign EE); the normalization of
// UnicodeVersion leaves them as they are, so a skeleton stays a
// deterministic comparison key. The tests pin both versions and the list of
// such code points, and TestNormalizationTables_AreOfTheTablesVersion fails
// when golang.org/x/text moves to another version.
package confusable

//go:generate go run gen.go

import (
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Script is a Unicode script (the Script property of a code point).
type Script uint8

// String returns the script's Unicode name, e.g. "Latin".
func (s Script) String() string {
	if int(s) < len(scriptNames) {
		return scriptNames[s]
	}
	return "Unknown"
}

type scriptRange struct {
	lo, hi rune
	script Script
}

type runeRange struct {
	lo, hi rune
}

type mapping struct {
	from rune
	to   string
}

// Skeleton returns the confusable skeleton of s: its canonical decomposition
// (NFD) with every code point replaced by its prototype, decomposed again.
// Two strings that look alike have the same skeleton; the skeleton itself is
// a key to compare, not text to show.
func Skeleton(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if to, ok := prototype(r); ok {
			b.WriteString(to)
			continue
		}
		b.WriteRune(r)
	}
	return norm.NFD.String(b.String())
}

func prototype(r rune) (string, bool) {
	i := sort.Search(len(prototypes), func(i int) bool { return prototypes[i].from >= r })
	if i < len(prototypes) && prototypes[i].from == r {
		return prototypes[i].to, true
	}
	return "", false
}

// ScriptOf returns the script of r: ScriptCommon for characters of every
// script (digits, punctuation, spaces), ScriptInherited for marks that take
// the script of the character before them, and ScriptUnknown for unassigned,
// private-use and surrogate code points.
func ScriptOf(r rune) Script {
	i := sort.Search(len(scriptRanges), func(i int) bool { return scriptRanges[i].hi >= r })
	if i < len(scriptRanges) && scriptRanges[i].lo <= r {
		return scriptRanges[i].script
	}
	return ScriptUnknown
}

// IsSpace reports whether r is white space (the White_Space property): the
// ASCII space, the no-break spaces, the ideographic space and the like.
func IsSpace(r rune) bool {
	return inRanges(whiteSpace[:], r)
}

// IsInvisible reports whether r shows nothing by itself or only changes how
// its neighbours show: format characters (zero-width spaces and joiners,
// bidirectional controls), variation selectors and the other
// default-ignorable code points, among them the Hangul fillers.
func IsInvisible(r rune) bool {
	return inRanges(invisible[:], r)
}

func inRanges(ranges []runeRange, r rune) bool {
	i := sort.Search(len(ranges), func(i int) bool { return ranges[i].hi >= r })
	return i < len(ranges) && ranges[i].lo <= r
}

// The script combinations that one name may use besides a single script:
// the ones the Unicode security mechanisms call highly restrictive, for
// Japanese, Chinese and Korean text, each with Latin.
var combinations = [...][]Script{
	{ScriptHan, ScriptHiragana, ScriptKatakana, ScriptLatin},
	{ScriptHan, ScriptBopomofo, ScriptLatin},
	{ScriptHan, ScriptHangul, ScriptLatin},
}

// Scripts returns the scripts s is written in, in order of first use,
// leaving out Common and Inherited, which go with any script.
func Scripts(s string) []Script {
	var out []Script
	for _, r := range s {
		sc := ScriptOf(r)
		if sc == ScriptCommon || sc == ScriptInherited || contains(out, sc) {
			continue
		}
		out = append(out, sc)
	}
	return out
}

// MixesScripts reports whether s mixes scripts: whether it uses more than one
// script (Common and Inherited aside) and the scripts are not all part of the
// Japanese (Han, Hiragana, Katakana, Latin), Chinese (Han, Bopomofo, Latin)
// or Korean (Han, Hangul, Latin) combination.
func MixesScripts(s string) bool {
	used := Scripts(s)
	if len(used) <= 1 {
		return false
	}
	for _, allowed := range combinations {
		if subset(used, allowed) {
			return false
		}
	}
	return true
}

func subset(used, allowed []Script) bool {
	for _, s := range used {
		if !contains(allowed, s) {
			return false
		}
	}
	return true
}

func contains(list []Script, s Script) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
