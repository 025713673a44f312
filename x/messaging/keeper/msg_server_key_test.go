package keeper_test

import (
	"bytes"
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

// testKey is a valid X25519 public key: any 32 bytes but the encodings of
// the low-order points.
func testKey(b byte) []byte {
	k := bytes.Repeat([]byte{b}, 32)
	k[31] &= 0x7f
	return k
}

func (f *fixture) setKey(t *testing.T, owner string, key []byte, version uint32) {
	t.Helper()
	_, err := f.msgs.SetMessagingKey(f.ctx, &types.MsgSetMessagingKey{Owner: f.addr(owner), PublicKey: key, Version: version})
	require.NoError(t, err)
}

func TestSetMessagingKey_PublishesAndRotatesWithGrowingVersions(t *testing.T) {
	f, garden, _ := world(t)
	f.setKey(t, "alice", testKey(1), 1)
	require.Contains(t, f.eventTypes(), "kizuna.messaging.v1.EventMessagingKeySet")

	res, err := f.query.MessagingKey(f.ctx, &types.QueryMessagingKeyRequest{Owner: f.addr("alice")})
	require.NoError(t, err)
	require.Equal(t, testKey(1), res.Key.PublicKey)
	require.Equal(t, uint32(1), res.Key.Version)
	require.Equal(t, f.ctx.BlockTime(), res.Key.UpdatedAt)

	// A rotation skips versions if it likes; the community it names is one
	// the owner is an active member of, so its fee account may sponsor it.
	_, err = f.msgs.SetMessagingKey(f.ctx, &types.MsgSetMessagingKey{Owner: f.addr("alice"), PublicKey: testKey(2), Version: 3, CommunityId: garden})
	require.NoError(t, err)
	res, err = f.query.MessagingKey(f.ctx, &types.QueryMessagingKeyRequest{Owner: f.addr("alice")})
	require.NoError(t, err)
	require.Equal(t, testKey(2), res.Key.PublicKey)
	require.Equal(t, uint32(3), res.Key.Version)

	_, err = f.query.MessagingKey(f.ctx, &types.QueryMessagingKeyRequest{Owner: f.addr("bob")})
	require.ErrorIs(t, err, types.ErrKeyNotFound)
}

func TestSetMessagingKey_RejectsBadKeysAndOldVersionsWithoutStateChange(t *testing.T) {
	f, garden, _ := world(t)
	f.setKey(t, "alice", testKey(1), 2)
	harbour := garden + 1

	// The points of small order on Curve25519 (and their non-canonical
	// encodings): a box sealed for one is readable by anyone.
	lowOrder := [][]byte{
		make([]byte, 32),
		append([]byte{1}, make([]byte, 31)...),
		mustHex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"),
		mustHex("5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157"),
		mustHex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
	}
	cases := []struct {
		name string
		msg  *types.MsgSetMessagingKey
		want error
	}{
		{"a bad owner", &types.MsgSetMessagingKey{Owner: "alice", PublicKey: testKey(3), Version: 3}, sdkerrors.ErrInvalidAddress},
		{"a short key", &types.MsgSetMessagingKey{Owner: f.addr("alice"), PublicKey: testKey(3)[:31], Version: 3}, types.ErrInvalidKey},
		{"a long key", &types.MsgSetMessagingKey{Owner: f.addr("alice"), PublicKey: append(testKey(3), 0), Version: 3}, types.ErrInvalidKey},
		{"no key", &types.MsgSetMessagingKey{Owner: f.addr("alice"), Version: 3}, types.ErrInvalidKey},
		{"version 0", &types.MsgSetMessagingKey{Owner: f.addr("bob"), PublicKey: testKey(3), Version: 0}, types.ErrKeyVersion},
		{"the same version", &types.MsgSetMessagingKey{Owner: f.addr("alice"), PublicKey: testKey(3), Version: 2}, types.ErrKeyVersion},
		{"an older version (a replayed rotation)", &types.MsgSetMessagingKey{Owner: f.addr("alice"), PublicKey: testKey(3), Version: 1}, types.ErrKeyVersion},
		{"a community the owner is not in", &types.MsgSetMessagingKey{Owner: f.addr("alice"), PublicKey: testKey(3), Version: 3, CommunityId: harbour}, types.ErrNotMember},
		{"a community that does not exist", &types.MsgSetMessagingKey{Owner: f.addr("alice"), PublicKey: testKey(3), Version: 3, CommunityId: 99}, types.ErrNotMember},
	}
	for i, k := range lowOrder {
		cases = append(cases, struct {
			name string
			msg  *types.MsgSetMessagingKey
			want error
		}{name: "low-order point " + string(rune('a'+i)), msg: &types.MsgSetMessagingKey{Owner: f.addr("bob"), PublicKey: k, Version: 1}, want: types.ErrInvalidKey})
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f.requireRejected(t, tc.want, func() error {
				_, err := f.msgs.SetMessagingKey(f.ctx, tc.msg)
				return err
			})
		})
	}
}

func TestThreadKeys_ListsTheReadersOfAThreadWithTheirKeys(t *testing.T) {
	f, garden, _ := world(t)
	f.setKey(t, "alice", testKey(1), 1)
	f.setKey(t, "carol", testKey(3), 4)

	// Group 1 holds alice, bob and carol; bob published no key.
	res, err := f.query.ThreadKeys(f.ctx, &types.QueryThreadKeysRequest{ThreadId: 1})
	require.NoError(t, err)
	got := map[string]*types.MessagingKey{}
	for _, m := range res.Members {
		got[m.Member] = m.Key
	}
	require.Len(t, got, 3)
	require.Equal(t, testKey(1), got[f.addr("alice")].PublicKey)
	require.Nil(t, got[f.addr("bob")])
	require.Equal(t, uint32(4), got[f.addr("carol")].Version)

	// carol leaves the community: she no longer reads the group, and is
	// not sealed for.
	_, err = f.community.LeaveCommunity(f.ctx, &communitytypes.MsgLeaveCommunity{Member: f.addr("carol"), CommunityId: garden})
	require.NoError(t, err)
	res, err = f.query.ThreadKeys(f.ctx, &types.QueryThreadKeysRequest{ThreadId: 1})
	require.NoError(t, err)
	require.Len(t, res.Members, 2)
	for _, m := range res.Members {
		require.NotEqual(t, f.addr("carol"), m.Member)
	}

	_, err = f.query.ThreadKeys(f.ctx, &types.QueryThreadKeysRequest{ThreadId: 99})
	require.ErrorIs(t, err, types.ErrThreadNotFound)
	_, err = f.query.ThreadKeys(f.ctx, nil)
	require.Error(t, err)
}

func mustHex(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

// A key costs its owner one bounded write: whatever the account's threads
// or communities, publishing or rotating reads the old key (and, when it
// names a community, one membership) and writes about a hundred bytes.
func TestSetMessagingKey_CostsBoundedGas(t *testing.T) {
	f, garden, _ := world(t)
	first := f.gasOf(t, func(ctx sdk.Context) error {
		_, err := f.msgs.SetMessagingKey(ctx, &types.MsgSetMessagingKey{Owner: f.addr("alice"), PublicKey: testKey(1), Version: 1})
		return err
	})
	rotation := f.gasOf(t, func(ctx sdk.Context) error {
		_, err := f.msgs.SetMessagingKey(ctx, &types.MsgSetMessagingKey{Owner: f.addr("alice"), PublicKey: testKey(2), Version: 2, CommunityId: garden})
		return err
	})
	t.Logf("gas: first key %d, sponsored rotation %d", first, rotation)
	require.Less(t, first, uint64(15_000))
	require.Less(t, rotation, uint64(15_000))
}
