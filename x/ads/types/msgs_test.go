package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/kizuna-chain/kizuna/x/ads/types"
)

func TestAdUpdateApply_SetsThenClears(t *testing.T) {
	digest := make([]byte, 32)
	digest[31] = 7
	ad := types.Ad{
		Id: 1, Title: "Old", Description: "d", Price: math.NewInt(5), Location: "l",
		PhotoUri: "ipfs://old", PhotoSha256: make([]byte, 32), Category: "c", Type: types.AdTypeGive,
	}
	price := math.NewInt(9)

	got := types.AdUpdate{Title: "New", Price: &price, PhotoURI: "ipfs://new", PhotoSha256: digest}.Apply(ad)
	require.Equal(t, "New", got.Title)
	require.True(t, price.Equal(got.Price))
	require.Equal(t, "ipfs://new", got.PhotoUri)
	require.Equal(t, digest, got.PhotoSha256, "a digest given with the new photo is kept")
	require.Equal(t, "d", got.Description)
	require.Equal(t, types.AdTypeGive, got.Type)

	got = types.AdUpdate{PhotoURI: "ipfs://new"}.Apply(ad)
	require.Nil(t, got.PhotoSha256, "a new photo without digest drops the old digest")

	got = types.AdUpdate{Clear: map[string]bool{
		types.AdFieldDescription: true, types.AdFieldLocation: true, types.AdFieldCategory: true, types.AdFieldPhotoSha256: true,
	}}.Apply(ad)
	require.Empty(t, got.Description)
	require.Empty(t, got.Location)
	require.Empty(t, got.Category)
	require.Nil(t, got.PhotoSha256)
	require.Equal(t, "ipfs://old", got.PhotoUri)
	require.True(t, ad.Price.Equal(got.Price), "a nil price keeps the price")

	got = types.AdUpdate{Clear: map[string]bool{types.AdFieldPhotoURI: true}}.Apply(ad)
	require.Empty(t, got.PhotoUri)
	require.Nil(t, got.PhotoSha256)
}

func TestMsgUpdateAdValidate_ChecksOnlyWhatChanges(t *testing.T) {
	p := types.DefaultParams()
	p.MaxTitleLength = 5
	_, err := (&types.MsgUpdateAd{Location: "Kobe"}).Validate(p)
	require.NoError(t, err, "a lowered title limit does not block other edits")
	_, err = (&types.MsgUpdateAd{Title: "Longer"}).Validate(p)
	require.ErrorIs(t, err, types.ErrInvalidTitle)
	zero := math.ZeroInt()
	u, err := (&types.MsgUpdateAd{Price: &zero}).Validate(p)
	require.NoError(t, err, "a price of zero is a change")
	require.True(t, u.Price.IsZero())
	_, err = (&types.MsgUpdateAd{}).Validate(p)
	require.ErrorIs(t, err, types.ErrNothingToUpdate)
}
