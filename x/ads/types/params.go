package types

// Default params: the values a new chain starts with; governance changes
// them within the ceilings below (docs/architecture.md, Limits).
const (
	DefaultMaxTitleLength       uint32 = 100
	DefaultMaxDescriptionLength uint32 = 2000
	DefaultMaxLocationLength    uint32 = 128
	DefaultMaxPhotoURILength    uint32 = 512
	DefaultMaxCategoryLength    uint32 = 64
)

// Ceilings bound what governance may set. Every value accepted under some
// valid params stays within them, so genesis validation checks state against
// the ceilings, not against the current params: lowering a limit never makes
// existing state unexportable.
const (
	CeilingTitleLength       uint32 = 1000
	CeilingDescriptionLength uint32 = 20_000
	CeilingLocationLength    uint32 = 1024
	CeilingPhotoURILength    uint32 = 4096
	CeilingCategoryLength    uint32 = 256
)

// DefaultParams returns the default module params.
func DefaultParams() Params {
	return Params{
		MaxTitleLength:       DefaultMaxTitleLength,
		MaxDescriptionLength: DefaultMaxDescriptionLength,
		MaxLocationLength:    DefaultMaxLocationLength,
		MaxPhotoUriLength:    DefaultMaxPhotoURILength,
		MaxCategoryLength:    DefaultMaxCategoryLength,
	}
}

// ceilingParams are the loosest params governance may set; genesis
// validation checks state against them.
func ceilingParams() Params {
	return Params{
		MaxTitleLength:       CeilingTitleLength,
		MaxDescriptionLength: CeilingDescriptionLength,
		MaxLocationLength:    CeilingLocationLength,
		MaxPhotoUriLength:    CeilingPhotoURILength,
		MaxCategoryLength:    CeilingCategoryLength,
	}
}

// Validate checks that every limit is positive and within its ceiling.
func (p Params) Validate() error {
	limits := []struct {
		name    string
		value   uint32
		ceiling uint32
	}{
		{"max_title_length", p.MaxTitleLength, CeilingTitleLength},
		{"max_description_length", p.MaxDescriptionLength, CeilingDescriptionLength},
		{"max_location_length", p.MaxLocationLength, CeilingLocationLength},
		{"max_photo_uri_length", p.MaxPhotoUriLength, CeilingPhotoURILength},
		{"max_category_length", p.MaxCategoryLength, CeilingCategoryLength},
	}
	for _, l := range limits {
		if l.value == 0 {
			return ErrInvalidParams.Wrapf("%s must be positive", l.name)
		}
		if l.value > l.ceiling {
			return ErrInvalidParams.Wrapf("%s %d exceeds its ceiling %d", l.name, l.value, l.ceiling)
		}
	}
	return nil
}
