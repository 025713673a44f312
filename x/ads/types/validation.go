package types

import (
	"unicode"
	"unicode/utf8"

	"cosmossdk.io/math"

	"github.com/kizuna-chain/kizuna/internal/textrule"
)

// ValidateTitle checks an ad title: 1 to MaxTitleLength code points of
// single-line text without leading or trailing white space.
func (p Params) ValidateTitle(title string) error {
	if title == "" {
		return ErrInvalidTitle.Wrap("title is empty")
	}
	if err := textrule.Line(title, p.MaxTitleLength); err != nil {
		return ErrInvalidTitle.Wrapf("title: %s", err)
	}
	first, _ := utf8.DecodeRuneInString(title)
	last, _ := utf8.DecodeLastRuneInString(title)
	if unicode.IsSpace(first) || unicode.IsSpace(last) {
		return ErrInvalidTitle.Wrap("title starts or ends with white space")
	}
	return nil
}

// ValidateDescription checks an ad description: multi-line text of at most
// MaxDescriptionLength code points.
func (p Params) ValidateDescription(description string) error {
	if err := textrule.Paragraphs(description, p.MaxDescriptionLength); err != nil {
		return ErrInvalidDescription.Wrapf("description: %s", err)
	}
	return nil
}

// ValidateLocation checks an ad location: single-line text of at most
// MaxLocationLength code points.
func (p Params) ValidateLocation(location string) error {
	if err := textrule.Line(location, p.MaxLocationLength); err != nil {
		return ErrInvalidLocation.Wrapf("location: %s", err)
	}
	return nil
}

// ValidateCategory checks an ad category: single-line text of at most
// MaxCategoryLength code points.
func (p Params) ValidateCategory(category string) error {
	if err := textrule.Line(category, p.MaxCategoryLength); err != nil {
		return ErrInvalidCategory.Wrapf("category: %s", err)
	}
	return nil
}

// ValidatePhotoURI checks a photo URI: empty, or an absolute URI (with a
// scheme) of at most MaxPhotoUriLength code points without white space.
func (p Params) ValidatePhotoURI(uri string) error {
	if err := textrule.URI(uri, p.MaxPhotoUriLength); err != nil {
		return ErrInvalidPhoto.Wrapf("photo uri: %s", err)
	}
	return nil
}

// ValidatePhotoDigest checks a photo digest: empty, or a SHA-256 digest (32
// bytes) of the content of a non-empty photo URI.
func ValidatePhotoDigest(uri string, digest []byte) error {
	if err := textrule.Digest(uri, digest); err != nil {
		return ErrInvalidPhoto.Wrapf("photo %s", err)
	}
	return nil
}

// ValidatePrice checks a price: a given, non-negative amount. math.Int
// already bounds its size when it is decoded.
func ValidatePrice(price math.Int) error {
	if price.IsNil() {
		return ErrInvalidPrice.Wrap("price is missing")
	}
	if price.IsNegative() {
		return ErrInvalidPrice.Wrapf("price %s is negative", price)
	}
	return nil
}

// ValidateAdType accepts WANT and GIVE.
func ValidateAdType(t AdType) error {
	switch t {
	case AdTypeWant, AdTypeGive:
		return nil
	default:
		return ErrInvalidAdType.Wrapf("type %s; want %s or %s", t, AdTypeWant, AdTypeGive)
	}
}

// ValidateAdStatus accepts OPEN and CLOSED.
func ValidateAdStatus(s AdStatus) error {
	switch s {
	case AdStatusOpen, AdStatusClosed:
		return nil
	default:
		return ErrInvalidAdStatus.Wrapf("status %s; want %s or %s", s, AdStatusOpen, AdStatusClosed)
	}
}

// ValidateAd checks every field of an ad but its id and addresses against
// params.
func (p Params) ValidateAd(ad Ad) error {
	checks := []func() error{
		func() error { return ValidateAdType(ad.Type) },
		func() error { return ValidateAdStatus(ad.Status) },
		func() error { return p.ValidateTitle(ad.Title) },
		func() error { return p.ValidateDescription(ad.Description) },
		func() error { return ValidatePrice(ad.Price) },
		func() error { return p.ValidateLocation(ad.Location) },
		func() error { return p.ValidatePhotoURI(ad.PhotoUri) },
		func() error { return ValidatePhotoDigest(ad.PhotoUri, ad.PhotoSha256) },
		func() error { return p.ValidateCategory(ad.Category) },
	}
	for _, check := range checks {
		if err := check(); err != nil {
			return err
		}
	}
	return nil
}
