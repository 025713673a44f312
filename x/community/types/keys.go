package types

import (
	"strings"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"cosmossdk.io/collections"

	"github.com/kizuna-chain/kizuna/internal/confusable"
)

const (
	// ModuleName is the name of the community module.
	ModuleName = "community"

	// StoreKey is the key of the module's KV store.
	StoreKey = ModuleName

	// FirstCommunityID is the id of the first community ever created.
	FirstCommunityID uint64 = 1
)

// Store prefixes. Never reuse or renumber one: they address existing state.
var (
	ParamsKey            = collections.NewPrefix(0)
	NextCommunityIDKey   = collections.NewPrefix(1)
	CommunitiesKey       = collections.NewPrefix(2)
	CommunitiesByNameKey = collections.NewPrefix(3)
	MembersKey           = collections.NewPrefix(4)
	MembersByAddressKey  = collections.NewPrefix(5)
	MembersByUsernameKey = collections.NewPrefix(6)
	MembersByRoleKey     = collections.NewPrefix(7)
	MembersByStatusKey   = collections.NewPrefix(8)
)

// NameKey is the form under which community names are unique: names that a
// reader could take for one another collide. White space runs of any kind
// count as one space and leading or trailing ones as none ("Kaga\u00a0\u3000
// Commons" and "Kaga Commons"); letter case and Unicode composition do not
// count ("ſam" and "Sam", "ΣΑΣ" and "σας"), nor do compatibility forms
// (fullwidth "Ｋａｇａ" and "Kaga", the ligature "ﬁ" and "fi"); and look-alike
// characters count as their prototype (a Cyrillic "а" as a Latin "a", "rn"
// as "m"). The key is the confusable skeleton of the case-folded NFKC form of
// the name, with its white space collapsed.
//
// The white space and confusable tables are generated into internal/confusable
// from pinned Unicode data (the confusables of Unicode 17.0.0, from the
// go.mau.fi/util module go.mod pins; white space of Unicode 15.0.0, from the
// Go 1.26 standard library). Normalization and case folding come from
// golang.org/x/text, whose tables follow the Go release; valid names hold
// only code points assigned in confusable.UnicodeVersion, whose
// normalization and case folding Unicode keeps stable, so every node derives
// the same keys.
func NameKey(name string) string {
	folded := cases.Fold().String(norm.NFKC.String(name))
	return confusable.Skeleton(collapseSpace(folded))
}

// collapseSpace replaces each run of white space in s by one space and drops
// the runs at either end.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	for _, r := range s {
		if confusable.IsSpace(r) {
			pending = b.Len() > 0
			continue
		}
		if pending {
			b.WriteByte(' ')
			pending = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// UsernameKey is the form under which usernames are unique inside a
// community: usernames that differ only in letter case collide.
func UsernameKey(username string) string {
	return foldKey(username)
}

// foldKey applies Unicode full case folding to the NFC form of s. Usernames
// are ASCII, on which every Unicode version folds alike.
func foldKey(s string) string {
	return cases.Fold().String(norm.NFC.String(s))
}
