package types_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/kizuna-chain/kizuna/testutil/fuzzcheck"
	"github.com/kizuna-chain/kizuna/x/ads/types"
)

// The fuzz targets of this file check the validation of x/ads's Msgs against
// the default params. Every target checks the properties each validation
// must have (see fuzzcheck.Twice) and that what it accepts is a valid ad.

// validationErrors are the errors the Msg validation may return: the
// module's registered errors. Any other error is a bug.
var validationErrors = []error{
	types.ErrInvalidTitle, types.ErrInvalidDescription, types.ErrInvalidPrice, types.ErrInvalidLocation,
	types.ErrInvalidPhoto, types.ErrInvalidCategory, types.ErrInvalidAdType, types.ErrInvalidAdStatus,
	types.ErrNothingToUpdate, types.ErrInvalidClearField, types.ErrInvalidParams,
}

// validAd is an open ad that passes ValidateAd under the default params.
func validAd() types.Ad {
	return types.Ad{
		Id: 1, CommunityId: 1, Type: types.AdTypeGive, Status: types.AdStatusOpen, Title: "Bicycle repair",
		Description: "Flat tyres", Price: math.NewInt(20), Location: "Osaka",
		PhotoUri: "ipfs://old", PhotoSha256: make([]byte, 32), Category: "repairs",
	}
}

// FuzzMsgCreateAdValidate checks that MsgCreateAd.Validate never panics, is
// deterministic and fails only with registered errors, and that the ad it
// accepts passes ValidateAd, the check genesis applies.
func FuzzMsgCreateAdValidate(f *testing.F) {
	digest := make([]byte, 32)
	f.Add(int32(types.AdTypeGive), "Bicycle repair", "Flat tyres\nand brakes", "20", "Osaka", "ipfs://bafybike", digest, "repairs")
	f.Add(int32(types.AdTypeWant), strings.Repeat("絆", 100), "", "0", "", "", []byte(nil), "")
	f.Add(int32(types.AdTypeWant), "Help", "", "123456789012345678901234567890", "", "https://example.com/p.jpg", digest, "moving")
	f.Add(int32(types.AdTypeUnspecified), "", "", "", "", "", []byte(nil), "")
	f.Add(int32(7), " Repair", "a\x07b", "-1", "Osaka\nJapan", "bafybike", digest[:31], "re\tpairs")
	f.Add(int32(types.AdTypeGive), "Repair\u3000", "", "1", "", "ipfs://bafy bike", []byte(nil), "")
	f.Add(int32(types.AdTypeGive), "Re\xffpair", "", "1", "", "", digest, "")
	f.Add(int32(types.AdTypeGive), "Repair", "", "115792089237316195423570985008687907853269984665640564039457584007913129639935", "", "", []byte(nil), "")
	f.Add(int32(types.AdTypeGive), "Repair", "", "115792089237316195423570985008687907853269984665640564039457584007913129639936", "", "", []byte(nil), "")
	f.Add(int32(types.AdTypeGive), strings.Repeat("a", 101), strings.Repeat("d", 2001), "1", strings.Repeat("l", 129), "ipfs://"+strings.Repeat("p", 506), []byte(nil), strings.Repeat("c", 65))
	f.Fuzz(func(t *testing.T, adType int32, title, description, price, location, photoURI string, photoSha256 []byte, category string) {
		p := types.DefaultParams()
		msg := &types.MsgCreateAd{
			Type: types.AdType(adType), Title: title, Description: description, Price: fuzzcheck.Int(price),
			Location: location, PhotoUri: photoURI, PhotoSha256: photoSha256, Category: category,
		}
		err := fuzzcheck.TwiceErr(t, validationErrors, func() error { return msg.Validate(p) })
		if err != nil {
			return
		}
		ad := validAd()
		ad.Type, ad.Title, ad.Description, ad.Price = msg.Type, msg.Title, msg.Description, msg.Price
		ad.Location, ad.PhotoUri, ad.PhotoSha256, ad.Category = msg.Location, msg.PhotoUri, msg.PhotoSha256, msg.Category
		require.NoError(t, p.ValidateAd(ad))
	})
}

// FuzzMsgUpdateAdValidate checks that MsgUpdateAd.Validate never panics, is
// deterministic and fails only with registered errors, and that an accepted
// update applied to a valid ad leaves it valid once the Msg server's photo
// digest check passes.
func FuzzMsgUpdateAdValidate(f *testing.F) {
	digest := make([]byte, 32)
	f.Add("", "Brakes too", false, "", "", "", []byte(nil), "", "")
	f.Add("Bicycle tune-up", "", true, "0", "", "ipfs://new", []byte(nil), "", "")
	f.Add("", "", false, "", "", "", digest, "", "description,location,category")
	f.Add("", "", false, "", "", "", []byte(nil), "", "photo_uri")
	f.Add("", "", false, "", "", "", digest, "", "photo_uri")
	f.Add("", "", false, "", "", "", []byte(nil), "", "")
	f.Add("", "", false, "", "", "", []byte(nil), "", "title")
	f.Add("", "", false, "", "", "", []byte(nil), "", "price")
	f.Add("", "", false, "", "", "", []byte(nil), "", "location,location")
	f.Add("", "Brakes", false, "", "", "", []byte(nil), "", "description")
	f.Add("Repair ", "", true, "-5", "", "photo.jpg", digest[:1], "", "")
	f.Add("", "", true, "", "", "", []byte(nil), "", "")
	f.Add(strings.Repeat("a", 101), strings.Repeat("d", 2001), false, "", strings.Repeat("l", 129), "", []byte(nil), strings.Repeat("c", 65), "")
	f.Fuzz(func(t *testing.T, title, description string, setPrice bool, price, location, photoURI string,
		photoSha256 []byte, category, clear string,
	) {
		p := types.DefaultParams()
		msg := &types.MsgUpdateAd{
			Title: title, Description: description, Location: location, PhotoUri: photoURI,
			PhotoSha256: photoSha256, Category: category, ClearFields: fuzzcheck.List(clear),
		}
		if setPrice {
			newPrice := fuzzcheck.Int(price)
			msg.Price = &newPrice
		}
		update, err := fuzzcheck.Twice(t, validationErrors, func() (types.AdUpdate, error) { return msg.Validate(p) })
		if err != nil {
			return
		}
		ad := update.Apply(validAd())
		if types.ValidatePhotoDigest(ad.PhotoUri, ad.PhotoSha256) != nil {
			return // the Msg server rejects the update
		}
		require.NoError(t, p.ValidateAd(ad))
	})
}
