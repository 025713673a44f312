package types

import (
	"unicode/utf8"

	"github.com/kizuna-chain/kizuna/internal/confusable"
	"github.com/kizuna-chain/kizuna/internal/textrule"
)

// ValidateCommunityName checks a community name: 1 to
// MaxCommunityNameLength code points of single-line text without leading or
// trailing white space, without invisible characters (zero-width spaces,
// fillers, variation selectors), without unassigned or private-use code
// points, and in one script, or in one of the Japanese, Chinese and Korean
// script combinations (see confusable.MixesScripts). Names that look alike
// are told apart by NameKey.
func (p Params) ValidateCommunityName(name string) error {
	if name == "" {
		return ErrInvalidName.Wrap("name is empty")
	}
	if err := textrule.Line(name, p.MaxCommunityNameLength); err != nil {
		return ErrInvalidName.Wrapf("name: %s", err)
	}
	first, _ := utf8.DecodeRuneInString(name)
	last, _ := utf8.DecodeLastRuneInString(name)
	if confusable.IsSpace(first) || confusable.IsSpace(last) {
		return ErrInvalidName.Wrap("name starts or ends with white space")
	}
	for _, r := range name {
		if confusable.IsInvisible(r) {
			return ErrInvalidName.Wrapf("name contains invisible character %U", r)
		}
		if confusable.ScriptOf(r) == confusable.ScriptUnknown {
			return ErrInvalidName.Wrapf("name contains unassigned or private-use code point %U", r)
		}
	}
	if confusable.MixesScripts(name) {
		return ErrInvalidName.Wrapf("name mixes the scripts %v; use one script, or Han with Hiragana, Katakana, Bopomofo or Hangul and Latin", confusable.Scripts(name))
	}
	return nil
}

// ValidateCommunityDescription checks a community description: multi-line
// text of at most MaxCommunityDescriptionLength code points.
func (p Params) ValidateCommunityDescription(description string) error {
	if err := textrule.Paragraphs(description, p.MaxCommunityDescriptionLength); err != nil {
		return ErrInvalidDescription.Wrapf("community description: %s", err)
	}
	return nil
}

// ValidateCommunityLocation checks a community location: single-line text of
// at most MaxCommunityLocationLength code points.
func (p Params) ValidateCommunityLocation(location string) error {
	if err := textrule.Line(location, p.MaxCommunityLocationLength); err != nil {
		return ErrInvalidLocation.Wrapf("community location: %s", err)
	}
	return nil
}

// ValidateUsername checks a username: ^[A-Za-z0-9_]+$ with
// MinUsernameLength to MaxUsernameLength characters.
func (p Params) ValidateUsername(username string) error {
	if n := uint64(len(username)); n < uint64(p.MinUsernameLength) || n > uint64(p.MaxUsernameLength) {
		return ErrInvalidUsername.Wrapf("username %q must have %d to %d characters", username, p.MinUsernameLength, p.MaxUsernameLength)
	}
	for i := 0; i < len(username); i++ {
		c := username[i]
		if (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') && (c < '0' || c > '9') && c != '_' {
			return ErrInvalidUsername.Wrapf("username %q may only hold letters A-Z, digits and '_'", username)
		}
	}
	return nil
}

// ValidateFirstName checks a first name: single-line text of at most
// MaxFirstNameLength code points.
func (p Params) ValidateFirstName(name string) error {
	if err := textrule.Line(name, p.MaxFirstNameLength); err != nil {
		return ErrInvalidPersonName.Wrapf("first name: %s", err)
	}
	return nil
}

// ValidateLastName checks a last name: single-line text of at most
// MaxLastNameLength code points.
func (p Params) ValidateLastName(name string) error {
	if err := textrule.Line(name, p.MaxLastNameLength); err != nil {
		return ErrInvalidPersonName.Wrapf("last name: %s", err)
	}
	return nil
}

// ValidateProfileDescription checks a profile description: multi-line text
// of at most MaxProfileDescriptionLength code points.
func (p Params) ValidateProfileDescription(description string) error {
	if err := textrule.Paragraphs(description, p.MaxProfileDescriptionLength); err != nil {
		return ErrInvalidDescription.Wrapf("profile description: %s", err)
	}
	return nil
}

// ValidateProfileLocation checks a profile location: single-line text of at
// most MaxProfileLocationLength code points.
func (p Params) ValidateProfileLocation(location string) error {
	if err := textrule.Line(location, p.MaxProfileLocationLength); err != nil {
		return ErrInvalidLocation.Wrapf("profile location: %s", err)
	}
	return nil
}

// ValidateAvatarURI checks an avatar URI: empty, or an absolute URI (with a
// scheme) of at most MaxAvatarURILength code points without white space.
func (p Params) ValidateAvatarURI(uri string) error {
	if err := textrule.URI(uri, p.MaxAvatarUriLength); err != nil {
		return ErrInvalidAvatar.Wrapf("avatar uri: %s", err)
	}
	return nil
}

// ValidateAvatarDigest checks an avatar digest: empty, or a SHA-256 digest
// (32 bytes) of the content of a non-empty avatar URI.
func ValidateAvatarDigest(uri string, digest []byte) error {
	if err := textrule.Digest(uri, digest); err != nil {
		return ErrInvalidAvatar.Wrapf("avatar %s", err)
	}
	return nil
}

// ValidateProfile checks every field of a profile.
func (p Params) ValidateProfile(profile Profile) error {
	checks := []func() error{
		func() error { return p.ValidateUsername(profile.Username) },
		func() error { return p.ValidateFirstName(profile.FirstName) },
		func() error { return p.ValidateLastName(profile.LastName) },
		func() error { return p.ValidateProfileDescription(profile.Description) },
		func() error { return p.ValidateProfileLocation(profile.Location) },
		func() error { return p.ValidateAvatarURI(profile.AvatarUri) },
		func() error { return ValidateAvatarDigest(profile.AvatarUri, profile.AvatarSha256) },
	}
	for _, check := range checks {
		if err := check(); err != nil {
			return err
		}
	}
	return nil
}

// ValidateJoinPolicy accepts OPEN and APPROVAL.
func ValidateJoinPolicy(policy JoinPolicy) error {
	switch policy {
	case JoinPolicyOpen, JoinPolicyApproval:
		return nil
	default:
		return ErrInvalidJoinPolicy.Wrapf("join policy %s; want %s or %s", policy, JoinPolicyOpen, JoinPolicyApproval)
	}
}

// ValidateRole accepts ADMIN, MODERATOR, TELLER and MEMBER.
func ValidateRole(role Role) error {
	switch role {
	case RoleAdmin, RoleModerator, RoleTeller, RoleMember:
		return nil
	default:
		return ErrInvalidRole.Wrapf("role %s", role)
	}
}

// ValidateMemberStatus accepts ACTIVE and PENDING.
func ValidateMemberStatus(status MemberStatus) error {
	switch status {
	case MemberStatusActive, MemberStatusPending:
		return nil
	default:
		return ErrInvalidStatus.Wrapf("status %s", status)
	}
}
