package types

import (
	"crypto/sha256"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/internal/clearfields"
)

// The module's Msgs. Their fields are checked by the Msg server against the
// current params, before any state is written; there is no ValidateBasic
// because every limit is a param.
var (
	_ sdk.Msg = &MsgCreateAd{}
	_ sdk.Msg = &MsgUpdateAd{}
	_ sdk.Msg = &MsgCloseAd{}
	_ sdk.Msg = &MsgUpdateParams{}
)

// Validate checks the fields of msg against params.
func (msg *MsgCreateAd) Validate(p Params) error {
	return p.ValidateAd(Ad{
		Type:        msg.Type,
		Status:      AdStatusOpen,
		Title:       msg.Title,
		Description: msg.Description,
		Price:       msg.Price,
		Location:    msg.Location,
		PhotoUri:    msg.PhotoUri,
		PhotoSha256: msg.PhotoSha256,
		Category:    msg.Category,
	})
}

// Fields that MsgUpdateAd.clear_fields may name.
const (
	AdFieldDescription = "description"
	AdFieldLocation    = "location"
	AdFieldPhotoURI    = "photo_uri"
	AdFieldPhotoSha256 = "photo_sha256"
	AdFieldCategory    = "category"
)

// AdUpdate is a validated MsgUpdateAd without its addressing fields: what to
// set and what to clear.
type AdUpdate struct {
	Title       string
	Description string
	// Price is nil when the price is kept.
	Price       *math.Int
	Location    string
	PhotoURI    string
	PhotoSha256 []byte
	Category    string
	Clear       map[string]bool
}

// Apply returns ad with the update applied. The result still needs
// ValidatePhotoDigest: a digest may be set for a photo the ad lacks.
func (u AdUpdate) Apply(ad Ad) Ad {
	if u.Title != "" {
		ad.Title = u.Title
	}
	if u.Description != "" {
		ad.Description = u.Description
	}
	if u.Price != nil {
		ad.Price = *u.Price
	}
	if u.Location != "" {
		ad.Location = u.Location
	}
	if u.PhotoURI != "" {
		// A new photo invalidates the digest of the old one.
		ad.PhotoUri = u.PhotoURI
		ad.PhotoSha256 = nil
	}
	if len(u.PhotoSha256) != 0 {
		ad.PhotoSha256 = u.PhotoSha256
	}
	if u.Category != "" {
		ad.Category = u.Category
	}
	if u.Clear[AdFieldDescription] {
		ad.Description = ""
	}
	if u.Clear[AdFieldLocation] {
		ad.Location = ""
	}
	if u.Clear[AdFieldPhotoURI] {
		ad.PhotoUri = ""
		ad.PhotoSha256 = nil
	}
	if u.Clear[AdFieldPhotoSha256] {
		ad.PhotoSha256 = nil
	}
	if u.Clear[AdFieldCategory] {
		ad.Category = ""
	}
	return ad
}

// Validate checks the fields msg sets or clears against params. It checks
// only what changes: a limit lowered by governance does not block editing
// the other fields.
func (msg *MsgUpdateAd) Validate(p Params) (AdUpdate, error) {
	cleared, err := clearfields.Parse(msg.ClearFields, map[string]string{
		AdFieldDescription: msg.Description,
		AdFieldLocation:    msg.Location,
		AdFieldPhotoURI:    msg.PhotoUri,
		AdFieldPhotoSha256: string(msg.PhotoSha256),
		AdFieldCategory:    msg.Category,
	}, ErrInvalidClearField)
	if err != nil {
		return AdUpdate{}, err
	}
	u := AdUpdate{
		Title:       msg.Title,
		Description: msg.Description,
		Price:       msg.Price,
		Location:    msg.Location,
		PhotoURI:    msg.PhotoUri,
		PhotoSha256: msg.PhotoSha256,
		Category:    msg.Category,
		Clear:       cleared,
	}
	if u.Title == "" && u.Description == "" && u.Price == nil && u.Location == "" &&
		u.PhotoURI == "" && len(u.PhotoSha256) == 0 && u.Category == "" && len(cleared) == 0 {
		return AdUpdate{}, ErrNothingToUpdate.Wrap("set or clear at least one field")
	}
	if u.Clear[AdFieldPhotoURI] && len(u.PhotoSha256) != 0 {
		return AdUpdate{}, ErrInvalidClearField.Wrap("photo_sha256 is set while photo_uri, which clears it, is cleared")
	}
	if u.Title != "" {
		if err := p.ValidateTitle(u.Title); err != nil {
			return AdUpdate{}, err
		}
	}
	if u.Price != nil {
		if err := ValidatePrice(*u.Price); err != nil {
			return AdUpdate{}, err
		}
	}
	checks := []func() error{
		func() error { return p.ValidateDescription(u.Description) },
		func() error { return p.ValidateLocation(u.Location) },
		func() error { return p.ValidatePhotoURI(u.PhotoURI) },
		func() error { return p.ValidateCategory(u.Category) },
	}
	for _, check := range checks {
		if err := check(); err != nil {
			return AdUpdate{}, err
		}
	}
	if n := len(u.PhotoSha256); n != 0 && n != sha256.Size {
		return AdUpdate{}, ErrInvalidPhoto.Wrapf("photo sha256 has %d bytes, want %d", n, sha256.Size)
	}
	return u, nil
}
