package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/kizuna-chain/kizuna/x/community/types"
)

func TestUpdateProfile_RejectsBadInput(t *testing.T) {
	f := newFixture(t)
	id := f.createCommunity(t, "alice", "Garden", types.JoinPolicyOpen)
	f.join(t, id, "bob")

	valid := func() *types.MsgUpdateProfile {
		return &types.MsgUpdateProfile{Member: f.addr("bob"), CommunityId: id, FirstName: "Bob"}
	}
	tests := []struct {
		name   string
		mutate func(*types.MsgUpdateProfile)
		want   error
	}{
		{"malformed member", func(m *types.MsgUpdateProfile) { m.Member = "x" }, sdkerrors.ErrInvalidAddress},
		{"nothing to update", func(m *types.MsgUpdateProfile) { m.FirstName = "" }, types.ErrNothingToUpdate},
		{"unknown community", func(m *types.MsgUpdateProfile) { m.CommunityId = 9 }, types.ErrCommunityNotFound},
		{"not a member", func(m *types.MsgUpdateProfile) { m.Member = f.addr("stranger") }, types.ErrNotPermitted},
		{"username taken", func(m *types.MsgUpdateProfile) { m.Username = "alice" }, types.ErrUsernameTaken},
		{"username taken in another case", func(m *types.MsgUpdateProfile) { m.Username = "Alice" }, types.ErrUsernameTaken},
		{"username invalid", func(m *types.MsgUpdateProfile) { m.Username = "b!" }, types.ErrInvalidUsername},
		{"first name too long", func(m *types.MsgUpdateProfile) { m.FirstName = long(65) }, types.ErrInvalidPersonName},
		{"last name too long", func(m *types.MsgUpdateProfile) { m.LastName = long(65) }, types.ErrInvalidPersonName},
		{"description too long", func(m *types.MsgUpdateProfile) { m.Description = long(1001) }, types.ErrInvalidDescription},
		{"location too long", func(m *types.MsgUpdateProfile) { m.Location = long(129) }, types.ErrInvalidLocation},
		{"avatar uri without scheme", func(m *types.MsgUpdateProfile) { m.AvatarUri = "//x.org/a.png" }, types.ErrInvalidAvatar},
		{"avatar digest of 33 bytes", func(m *types.MsgUpdateProfile) { m.AvatarUri, m.AvatarSha256 = "ipfs://a", make([]byte, 33) }, types.ErrInvalidAvatar},
		{"avatar digest without avatar", func(m *types.MsgUpdateProfile) { m.AvatarSha256 = make([]byte, 32) }, types.ErrInvalidAvatar},
		{"clear the username", func(m *types.MsgUpdateProfile) { m.ClearFields = []string{"username"} }, types.ErrInvalidClearField},
		{"clear an unknown field", func(m *types.MsgUpdateProfile) { m.ClearFields = []string{"avatar"} }, types.ErrInvalidClearField},
		{"set and clear a field", func(m *types.MsgUpdateProfile) { m.ClearFields = []string{"first_name"} }, types.ErrInvalidClearField},
		{"clear a field twice", func(m *types.MsgUpdateProfile) { m.ClearFields = []string{"location", "location"} }, types.ErrInvalidClearField},
		{"set a digest while clearing the avatar", func(m *types.MsgUpdateProfile) {
			m.AvatarSha256, m.ClearFields = make([]byte, 32), []string{"avatar_uri"}
		}, types.ErrInvalidClearField},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := valid()
			tc.mutate(msg)
			f.requireRejected(t, tc.want, func() error {
				_, err := f.msgs.UpdateProfile(f.ctx, msg)
				return err
			})
		})
	}
}

func TestUpdateProfile_ChangesOnlyWhatIsSetOrCleared(t *testing.T) {
	f := newFixture(t)
	id := f.createCommunity(t, "alice", "Garden", types.JoinPolicyOpen)
	digest := make([]byte, 32)
	digest[0] = 1
	_, err := f.msgs.JoinCommunity(f.ctx, &types.MsgJoinCommunity{
		Member: f.addr("bob"), CommunityId: id, Username: "bob", FirstName: "Bob", LastName: "Tanaka",
		Description: "Gardener", Location: "Kyoto", AvatarUri: "https://x.org/bob.png", AvatarSha256: digest,
	})
	require.NoError(t, err)
	f.resetEvents()

	_, err = f.msgs.UpdateProfile(f.ctx, &types.MsgUpdateProfile{
		Member: f.addr("bob"), CommunityId: id, Username: "BOB", Location: "Osaka", ClearFields: []string{"last_name"},
	})
	require.NoError(t, err, "a member may change the case of its own username")
	p := f.member(t, id, "bob").Profile
	require.Equal(t, types.Profile{
		Username: "BOB", FirstName: "Bob", Description: "Gardener", Location: "Osaka",
		AvatarUri: "https://x.org/bob.png", AvatarSha256: digest,
	}, p)
	require.Equal(t, []string{"kizuna.community.v1.EventProfileUpdated"}, f.eventTypes())

	_, err = f.msgs.UpdateProfile(f.ctx, &types.MsgUpdateProfile{Member: f.addr("bob"), CommunityId: id, AvatarUri: "ipfs://new"})
	require.NoError(t, err)
	p = f.member(t, id, "bob").Profile
	require.Equal(t, "ipfs://new", p.AvatarUri)
	require.Empty(t, p.AvatarSha256, "a new avatar drops the digest of the old one")

	_, err = f.msgs.UpdateProfile(f.ctx, &types.MsgUpdateProfile{Member: f.addr("bob"), CommunityId: id, AvatarSha256: digest})
	require.NoError(t, err, "a digest may be added to the current avatar")
	require.Equal(t, digest, f.member(t, id, "bob").Profile.AvatarSha256)

	_, err = f.msgs.UpdateProfile(f.ctx, &types.MsgUpdateProfile{Member: f.addr("bob"), CommunityId: id, ClearFields: []string{"avatar_uri"}})
	require.NoError(t, err)
	p = f.member(t, id, "bob").Profile
	require.Empty(t, p.AvatarUri)
	require.Empty(t, p.AvatarSha256, "clearing the avatar clears its digest")
}

func TestUsernames_UniqueCaseInsensitivelyAcrossJoinAndUpdate(t *testing.T) {
	f := newFixture(t)
	id := f.createCommunity(t, "alice", "Garden", types.JoinPolicyOpen)
	other := f.createCommunity(t, "zed", "Orchard", types.JoinPolicyOpen)
	f.join(t, id, "bob")

	// A username freed by a rename can be taken; the new one cannot.
	_, err := f.msgs.UpdateProfile(f.ctx, &types.MsgUpdateProfile{Member: f.addr("bob"), CommunityId: id, Username: "Robert"})
	require.NoError(t, err)
	_, err = f.msgs.JoinCommunity(f.ctx, &types.MsgJoinCommunity{Member: f.addr("carol"), CommunityId: id, Username: "BOB"})
	require.NoError(t, err)
	f.requireRejected(t, types.ErrUsernameTaken, func() error {
		_, err := f.msgs.JoinCommunity(f.ctx, &types.MsgJoinCommunity{Member: f.addr("dave"), CommunityId: id, Username: "robert"})
		return err
	})
	f.requireRejected(t, types.ErrUsernameTaken, func() error {
		_, err := f.msgs.UpdateProfile(f.ctx, &types.MsgUpdateProfile{Member: f.addr("carol"), CommunityId: id, Username: "ROBERT"})
		return err
	})

	// Usernames are unique per community only.
	_, err = f.msgs.JoinCommunity(f.ctx, &types.MsgJoinCommunity{Member: f.addr("dave"), CommunityId: other, Username: "robert"})
	require.NoError(t, err)

	// A departed member's username is free again.
	_, err = f.msgs.LeaveCommunity(f.ctx, &types.MsgLeaveCommunity{Member: f.addr("bob"), CommunityId: id})
	require.NoError(t, err)
	_, err = f.msgs.UpdateProfile(f.ctx, &types.MsgUpdateProfile{Member: f.addr("carol"), CommunityId: id, Username: "robert"})
	require.NoError(t, err)
}
