package types

import (
	"crypto/sha256"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/internal/clearfields"
)

// The module's Msgs. Their fields are checked by the Msg server against the
// current params, before any state is written; there is no ValidateBasic
// because every limit is a param.
var (
	_ sdk.Msg = &MsgCreateCommunity{}
	_ sdk.Msg = &MsgUpdateCommunity{}
	_ sdk.Msg = &MsgJoinCommunity{}
	_ sdk.Msg = &MsgApproveMember{}
	_ sdk.Msg = &MsgRejectMember{}
	_ sdk.Msg = &MsgLeaveCommunity{}
	_ sdk.Msg = &MsgRemoveMember{}
	_ sdk.Msg = &MsgSetMemberRole{}
	_ sdk.Msg = &MsgUpdateProfile{}
	_ sdk.Msg = &MsgUpdateParams{}
)

// Validate checks the fields of msg against params.
func (msg *MsgCreateCommunity) Validate(p Params) error {
	if err := p.ValidateCommunityName(msg.Name); err != nil {
		return err
	}
	if err := p.ValidateCommunityDescription(msg.Description); err != nil {
		return err
	}
	if err := p.ValidateCommunityLocation(msg.Location); err != nil {
		return err
	}
	if err := ValidateJoinPolicy(msg.JoinPolicy); err != nil {
		return err
	}
	return p.ValidateUsername(msg.Username)
}

// Validate checks the profile msg joins with against params.
func (msg *MsgJoinCommunity) Validate(p Params) error {
	return p.ValidateProfile(msg.Profile())
}

// Fields that MsgUpdateCommunity.clear_fields may name.
const (
	CommunityFieldDescription = "description"
	CommunityFieldLocation    = "location"
)

// Fields that MsgUpdateProfile.clear_fields may name.
const (
	ProfileFieldFirstName    = "first_name"
	ProfileFieldLastName     = "last_name"
	ProfileFieldDescription  = "description"
	ProfileFieldLocation     = "location"
	ProfileFieldAvatarURI    = "avatar_uri"
	ProfileFieldAvatarSha256 = "avatar_sha256"
)

// CommunityUpdate is a validated MsgUpdateCommunity without its addressing
// fields: what to set and what to clear.
type CommunityUpdate struct {
	Name        string
	Description string
	Location    string
	JoinPolicy  JoinPolicy
	Clear       map[string]bool
}

// Apply returns c with the update applied.
func (u CommunityUpdate) Apply(c Community) Community {
	if u.Name != "" {
		c.Name = u.Name
	}
	if u.Description != "" {
		c.Description = u.Description
	}
	if u.Location != "" {
		c.Location = u.Location
	}
	if u.JoinPolicy != JoinPolicyUnspecified {
		c.JoinPolicy = u.JoinPolicy
	}
	if u.Clear[CommunityFieldDescription] {
		c.Description = ""
	}
	if u.Clear[CommunityFieldLocation] {
		c.Location = ""
	}
	return c
}

// Validate checks the fields msg sets or clears against params. It checks
// only what changes: a limit lowered by governance does not block updating
// the other fields.
func (msg *MsgUpdateCommunity) Validate(p Params) (CommunityUpdate, error) {
	cleared, err := clearfields.Parse(msg.ClearFields, map[string]string{
		CommunityFieldDescription: msg.Description,
		CommunityFieldLocation:    msg.Location,
	}, ErrInvalidClearField)
	if err != nil {
		return CommunityUpdate{}, err
	}
	u := CommunityUpdate{
		Name:        msg.Name,
		Description: msg.Description,
		Location:    msg.Location,
		JoinPolicy:  msg.JoinPolicy,
		Clear:       cleared,
	}
	if u.Name == "" && u.Description == "" && u.Location == "" && u.JoinPolicy == JoinPolicyUnspecified && len(cleared) == 0 {
		return CommunityUpdate{}, ErrNothingToUpdate.Wrap("set or clear at least one setting")
	}
	if u.Name != "" {
		if err := p.ValidateCommunityName(u.Name); err != nil {
			return CommunityUpdate{}, err
		}
	}
	if err := p.ValidateCommunityDescription(u.Description); err != nil {
		return CommunityUpdate{}, err
	}
	if err := p.ValidateCommunityLocation(u.Location); err != nil {
		return CommunityUpdate{}, err
	}
	if u.JoinPolicy != JoinPolicyUnspecified {
		if err := ValidateJoinPolicy(u.JoinPolicy); err != nil {
			return CommunityUpdate{}, err
		}
	}
	return u, nil
}

// ProfileUpdate is a validated MsgUpdateProfile without its addressing
// fields: what to set and what to clear.
type ProfileUpdate struct {
	Username     string
	FirstName    string
	LastName     string
	Description  string
	Location     string
	AvatarURI    string
	AvatarSha256 []byte
	Clear        map[string]bool
}

// Apply returns p with the update applied. The result still needs
// ValidateAvatarDigest: a digest may be set for an avatar the profile lacks.
func (u ProfileUpdate) Apply(p Profile) Profile {
	if u.Username != "" {
		p.Username = u.Username
	}
	if u.FirstName != "" {
		p.FirstName = u.FirstName
	}
	if u.LastName != "" {
		p.LastName = u.LastName
	}
	if u.Description != "" {
		p.Description = u.Description
	}
	if u.Location != "" {
		p.Location = u.Location
	}
	if u.AvatarURI != "" {
		// A new avatar invalidates the digest of the old one.
		p.AvatarUri = u.AvatarURI
		p.AvatarSha256 = nil
	}
	if len(u.AvatarSha256) != 0 {
		p.AvatarSha256 = u.AvatarSha256
	}
	if u.Clear[ProfileFieldFirstName] {
		p.FirstName = ""
	}
	if u.Clear[ProfileFieldLastName] {
		p.LastName = ""
	}
	if u.Clear[ProfileFieldDescription] {
		p.Description = ""
	}
	if u.Clear[ProfileFieldLocation] {
		p.Location = ""
	}
	if u.Clear[ProfileFieldAvatarURI] {
		p.AvatarUri = ""
		p.AvatarSha256 = nil
	}
	if u.Clear[ProfileFieldAvatarSha256] {
		p.AvatarSha256 = nil
	}
	return p
}

// Validate checks the fields msg sets or clears against params. It checks
// only what changes: a limit lowered by governance does not block updating
// the other fields.
func (msg *MsgUpdateProfile) Validate(p Params) (ProfileUpdate, error) {
	cleared, err := clearfields.Parse(msg.ClearFields, map[string]string{
		ProfileFieldFirstName:    msg.FirstName,
		ProfileFieldLastName:     msg.LastName,
		ProfileFieldDescription:  msg.Description,
		ProfileFieldLocation:     msg.Location,
		ProfileFieldAvatarURI:    msg.AvatarUri,
		ProfileFieldAvatarSha256: string(msg.AvatarSha256),
	}, ErrInvalidClearField)
	if err != nil {
		return ProfileUpdate{}, err
	}
	u := ProfileUpdate{
		Username:     msg.Username,
		FirstName:    msg.FirstName,
		LastName:     msg.LastName,
		Description:  msg.Description,
		Location:     msg.Location,
		AvatarURI:    msg.AvatarUri,
		AvatarSha256: msg.AvatarSha256,
		Clear:        cleared,
	}
	if u.Username == "" && u.FirstName == "" && u.LastName == "" && u.Description == "" &&
		u.Location == "" && u.AvatarURI == "" && len(u.AvatarSha256) == 0 && len(cleared) == 0 {
		return ProfileUpdate{}, ErrNothingToUpdate.Wrap("set or clear at least one profile field")
	}
	if u.Clear[ProfileFieldAvatarURI] && len(u.AvatarSha256) != 0 {
		return ProfileUpdate{}, ErrInvalidClearField.Wrap("avatar_sha256 is set while avatar_uri, which clears it, is cleared")
	}
	if u.Username != "" {
		if err := p.ValidateUsername(u.Username); err != nil {
			return ProfileUpdate{}, err
		}
	}
	checks := []func() error{
		func() error { return p.ValidateFirstName(u.FirstName) },
		func() error { return p.ValidateLastName(u.LastName) },
		func() error { return p.ValidateProfileDescription(u.Description) },
		func() error { return p.ValidateProfileLocation(u.Location) },
		func() error { return p.ValidateAvatarURI(u.AvatarURI) },
	}
	for _, check := range checks {
		if err := check(); err != nil {
			return ProfileUpdate{}, err
		}
	}
	if n := len(u.AvatarSha256); n != 0 && n != sha256.Size {
		return ProfileUpdate{}, ErrInvalidAvatar.Wrapf("avatar sha256 has %d bytes, want %d", n, sha256.Size)
	}
	return u, nil
}

// Profile returns the profile msg asks to join with.
func (msg *MsgJoinCommunity) Profile() Profile {
	return Profile{
		Username:     msg.Username,
		FirstName:    msg.FirstName,
		LastName:     msg.LastName,
		Description:  msg.Description,
		Location:     msg.Location,
		AvatarUri:    msg.AvatarUri,
		AvatarSha256: msg.AvatarSha256,
	}
}
