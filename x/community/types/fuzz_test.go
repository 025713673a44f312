package types_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/testutil/fuzzcheck"
	"github.com/kizuna-chain/kizuna/x/community/types"
)

// The fuzz targets of this file check the validation of x/community's Msgs
// against the default params. Every target checks the properties each
// validation must have (see fuzzcheck.Twice) and, where the validation returns
// an update, that applying it keeps valid state valid.

// validationErrors are the errors the Msg validation may return: the
// module's registered errors. Any other error is a bug.
var validationErrors = []error{
	types.ErrInvalidName, types.ErrInvalidDescription, types.ErrInvalidLocation, types.ErrInvalidJoinPolicy,
	types.ErrInvalidUsername, types.ErrInvalidPersonName, types.ErrInvalidAvatar, types.ErrInvalidRole,
	types.ErrInvalidStatus, types.ErrNothingToUpdate, types.ErrInvalidClearField, types.ErrInvalidParams,
}

// FuzzMsgCreateCommunityValidate checks that MsgCreateCommunity.Validate
// never panics, is deterministic and fails only with registered errors, and
// that what it accepts is a valid name, description, location, policy and
// username.
func FuzzMsgCreateCommunityValidate(f *testing.F) {
	f.Add("Garden", "Vegetables\nand herbs", "Kyoto", int32(types.JoinPolicyOpen), "alice")
	f.Add(strings.Repeat("絆", 64), "", "", int32(types.JoinPolicyApproval), "alice_1")
	f.Add(strings.Repeat("a", 65), "", "", int32(types.JoinPolicyOpen), "bob")
	f.Add(" Garden", "", "", int32(types.JoinPolicyOpen), "bob")
	f.Add("Garden\u3000", "", "", int32(types.JoinPolicyOpen), "bob")
	f.Add("Gar\u200bden", "", "", int32(types.JoinPolicyOpen), "bob")
	f.Add("K\u0430ga Commons", "", "", int32(types.JoinPolicyOpen), "bob")
	f.Add("Kaga\u3164Commons", "", "", int32(types.JoinPolicyOpen), "bob")
	f.Add("Kaga\u00a0\u3000Commons", "", "", int32(types.JoinPolicyOpen), "bob")
	f.Add("金沢コモンズ Kaga", "", "", int32(types.JoinPolicyOpen), "bob")
	f.Add("\u202eGarden", "", "", int32(types.JoinPolicyOpen), "bob")
	f.Add("Or\xffchard", "a\x07b", "Kyoto\nJapan", int32(7), "bob-b")
	f.Add("", "", "", int32(types.JoinPolicyUnspecified), "")
	f.Add("Garden", "", "", int32(-1), "bobé")
	f.Fuzz(func(t *testing.T, name, description, location string, policy int32, username string) {
		p := types.DefaultParams()
		msg := &types.MsgCreateCommunity{
			Name: name, Description: description, Location: location,
			JoinPolicy: types.JoinPolicy(policy), Username: username,
		}
		err := fuzzcheck.TwiceErr(t, validationErrors, func() error { return msg.Validate(p) })
		if err != nil {
			return
		}
		require.NoError(t, p.ValidateCommunityName(name))
		require.NotEmpty(t, types.NameKey(name), "an accepted name has a key")
		require.Equal(t, types.NameKey(name), types.NameKey(name), "name keys are deterministic")
		require.NoError(t, p.ValidateCommunityDescription(description))
		require.NoError(t, p.ValidateCommunityLocation(location))
		require.NoError(t, types.ValidateJoinPolicy(msg.JoinPolicy))
		require.NoError(t, p.ValidateUsername(username))
	})
}

// FuzzMsgUpdateCommunityValidate checks that MsgUpdateCommunity.Validate
// never panics, is deterministic and fails only with registered errors, and
// that an accepted update applied to a valid community leaves it valid.
func FuzzMsgUpdateCommunityValidate(f *testing.F) {
	f.Add("", "Vegetables", "", int32(0), "")
	f.Add("GARDEN", "", "", int32(types.JoinPolicyApproval), "")
	f.Add("", "Herbs", "", int32(0), "location")
	f.Add("", "", "", int32(0), "description,location")
	f.Add("", "", "", int32(0), "")
	f.Add("", "", "", int32(0), "name")
	f.Add("", "", "", int32(0), "location,location")
	f.Add("", "Vegetables", "", int32(0), "description")
	f.Add("", "", "", int32(0), ",")
	f.Add(strings.Repeat("a", 65), "", strings.Repeat("b", 129), int32(9), "")
	f.Add(" Garden", "", "", int32(0), "")
	f.Fuzz(func(t *testing.T, name, description, location string, policy int32, clear string) {
		p := types.DefaultParams()
		msg := &types.MsgUpdateCommunity{
			Name: name, Description: description, Location: location,
			JoinPolicy: types.JoinPolicy(policy), ClearFields: fuzzcheck.List(clear),
		}
		update, err := fuzzcheck.Twice(t, validationErrors, func() (types.CommunityUpdate, error) { return msg.Validate(p) })
		if err != nil {
			return
		}
		c := update.Apply(types.Community{
			Id: 1, Name: "Garden", Description: "Vegetables", Location: "Kyoto", JoinPolicy: types.JoinPolicyOpen,
		})
		require.NoError(t, p.ValidateCommunityName(c.Name))
		require.NoError(t, p.ValidateCommunityDescription(c.Description))
		require.NoError(t, p.ValidateCommunityLocation(c.Location))
		require.NoError(t, types.ValidateJoinPolicy(c.JoinPolicy))
	})
}

// FuzzMsgJoinCommunityValidate checks that MsgJoinCommunity.Validate never
// panics, is deterministic and fails only with registered errors.
func FuzzMsgJoinCommunityValidate(f *testing.F) {
	digest := make([]byte, 32)
	f.Add("bob", "Bob", "Tanaka", "Gardener", "Kyoto", "https://example.org/bob.png", digest)
	f.Add("bob", "", "", "", "", "", []byte(nil))
	f.Add("bob", "", "", "", "", "https://x.org/"+strings.Repeat("a", 498), digest)
	f.Add("bob", "", "", "", "", "https://x.org/"+strings.Repeat("a", 499), digest)
	f.Add("bob b", "Ta\tnaka", "", "", "", "bob.png", digest[:31])
	f.Add("bob", "", "", "", "", "", digest)
	f.Add("ab", "", "", "a\x07b", "", "https://x.org/a b.png", []byte(nil))
	f.Add("", strings.Repeat("a", 65), "", "", "", "https://x.org/%zz", []byte(nil))
	f.Fuzz(func(t *testing.T, username, firstName, lastName, description, location, avatarURI string, avatarSha256 []byte) {
		p := types.DefaultParams()
		msg := &types.MsgJoinCommunity{
			Username: username, FirstName: firstName, LastName: lastName, Description: description,
			Location: location, AvatarUri: avatarURI, AvatarSha256: avatarSha256,
		}
		err := fuzzcheck.TwiceErr(t, validationErrors, func() error { return msg.Validate(p) })
		if err != nil {
			return
		}
		require.NoError(t, p.ValidateProfile(msg.Profile()))
	})
}

// FuzzMsgUpdateProfileValidate checks that MsgUpdateProfile.Validate never
// panics, is deterministic and fails only with registered errors, and that
// an accepted update applied to a valid profile leaves it valid once the
// Msg server's avatar digest check passes.
func FuzzMsgUpdateProfileValidate(f *testing.F) {
	digest := make([]byte, 32)
	f.Add("", "Rob", "", "", "", "", []byte(nil), "avatar_sha256,location")
	f.Add("", "", "", "", "", "ipfs://new", digest, "")
	f.Add("", "", "", "", "", "", digest, "")
	f.Add("", "", "", "", "", "", digest, "avatar_uri")
	f.Add("bob_2", "", "", "", "", "", []byte(nil), "first_name,last_name,description")
	f.Add("", "", "", "", "", "", []byte(nil), "")
	f.Add("", "", "", "", "", "", []byte(nil), "username")
	f.Add("", "", "", "", "", "", []byte(nil), "location,location")
	f.Add("", "", "", "", "", "avatar.png", digest[:5], "")
	f.Add("x", "a\nb", "", "", "", "", []byte(nil), "")
	f.Fuzz(func(t *testing.T, username, firstName, lastName, description, location, avatarURI string, avatarSha256 []byte, clear string) {
		p := types.DefaultParams()
		msg := &types.MsgUpdateProfile{
			Username: username, FirstName: firstName, LastName: lastName, Description: description,
			Location: location, AvatarUri: avatarURI, AvatarSha256: avatarSha256, ClearFields: fuzzcheck.List(clear),
		}
		update, err := fuzzcheck.Twice(t, validationErrors, func() (types.ProfileUpdate, error) { return msg.Validate(p) })
		if err != nil {
			return
		}
		profile := update.Apply(types.Profile{
			Username: "bob", FirstName: "Bob", LastName: "Sato", Description: "d", Location: "l",
			AvatarUri: "ipfs://old", AvatarSha256: digest,
		})
		if types.ValidateAvatarDigest(profile.AvatarUri, profile.AvatarSha256) != nil {
			return // the Msg server rejects the update
		}
		require.NoError(t, p.ValidateProfile(profile))
	})
}
