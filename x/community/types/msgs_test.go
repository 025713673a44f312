package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/x/community/types"
)

func TestMsgUpdateCommunityValidate_ChecksOnlyChangedFields(t *testing.T) {
	p := types.DefaultParams()
	u, err := (&types.MsgUpdateCommunity{Location: "Kobe", ClearFields: []string{"description"}}).Validate(p)
	require.NoError(t, err)
	c := u.Apply(types.Community{Name: "Garden", Description: "old", Location: "Kyoto", JoinPolicy: types.JoinPolicyOpen})
	require.Equal(t, types.Community{Name: "Garden", Location: "Kobe", JoinPolicy: types.JoinPolicyOpen}, c)

	_, err = (&types.MsgUpdateCommunity{}).Validate(p)
	require.ErrorIs(t, err, types.ErrNothingToUpdate)
	_, err = (&types.MsgUpdateCommunity{ClearFields: []string{""}}).Validate(p)
	require.ErrorIs(t, err, types.ErrInvalidClearField)
}

func TestMsgUpdateProfileValidate_AppliesSetsThenClears(t *testing.T) {
	p := types.DefaultParams()
	digest := make([]byte, 32)
	old := types.Profile{
		Username: "bob", FirstName: "Bob", LastName: "Sato", Description: "d", Location: "l",
		AvatarUri: "ipfs://old", AvatarSha256: digest,
	}

	u, err := (&types.MsgUpdateProfile{FirstName: "Rob", ClearFields: []string{"avatar_sha256", "location"}}).Validate(p)
	require.NoError(t, err)
	require.Equal(t, types.Profile{Username: "bob", FirstName: "Rob", LastName: "Sato", Description: "d", AvatarUri: "ipfs://old"}, u.Apply(old))

	u, err = (&types.MsgUpdateProfile{AvatarUri: "ipfs://new", AvatarSha256: digest}).Validate(p)
	require.NoError(t, err)
	got := u.Apply(old)
	require.Equal(t, "ipfs://new", got.AvatarUri)
	require.Equal(t, digest, got.AvatarSha256)

	_, err = (&types.MsgUpdateProfile{}).Validate(p)
	require.ErrorIs(t, err, types.ErrNothingToUpdate)
}

func TestMsgCreateCommunityValidate(t *testing.T) {
	p := types.DefaultParams()
	msg := &types.MsgCreateCommunity{Name: "Garden", JoinPolicy: types.JoinPolicyOpen, Username: "alice"}
	require.NoError(t, msg.Validate(p))
	msg.JoinPolicy = types.JoinPolicyUnspecified
	require.ErrorIs(t, msg.Validate(p), types.ErrInvalidJoinPolicy)
}
