package types

// Default params: the values a new chain starts with; governance changes
// them within the ceilings below (docs/architecture.md, Limits).
const (
	DefaultMaxCommunityNameLength        uint32 = 64
	DefaultMaxCommunityDescriptionLength uint32 = 1000
	DefaultMaxCommunityLocationLength    uint32 = 128
	DefaultMinUsernameLength             uint32 = 3
	DefaultMaxUsernameLength             uint32 = 30
	DefaultMaxFirstNameLength            uint32 = 64
	DefaultMaxLastNameLength             uint32 = 64
	DefaultMaxProfileDescriptionLength   uint32 = 1000
	DefaultMaxProfileLocationLength      uint32 = 128
	DefaultMaxAvatarURILength            uint32 = 512
	DefaultMaxSearchScan                 uint32 = 10_000
	DefaultMaxSearchQueryLength          uint32 = 64
)

// Ceilings bound what governance may set. Every value accepted under some
// valid params stays within them, so genesis validation checks state against
// the ceilings, not against the current params: lowering a limit never makes
// existing state unexportable.
const (
	CeilingNameLength        uint32 = 256
	CeilingDescriptionLength uint32 = 10_000
	CeilingLocationLength    uint32 = 1024
	CeilingUsernameLength    uint32 = 64
	CeilingPersonNameLength  uint32 = 256
	CeilingAvatarURILength   uint32 = 4096
	CeilingSearchScan        uint32 = 1_000_000
	CeilingSearchQueryLength uint32 = 256
)

// DefaultParams returns the default module params.
func DefaultParams() Params {
	return Params{
		MaxCommunityNameLength:        DefaultMaxCommunityNameLength,
		MaxCommunityDescriptionLength: DefaultMaxCommunityDescriptionLength,
		MaxCommunityLocationLength:    DefaultMaxCommunityLocationLength,
		MinUsernameLength:             DefaultMinUsernameLength,
		MaxUsernameLength:             DefaultMaxUsernameLength,
		MaxFirstNameLength:            DefaultMaxFirstNameLength,
		MaxLastNameLength:             DefaultMaxLastNameLength,
		MaxProfileDescriptionLength:   DefaultMaxProfileDescriptionLength,
		MaxProfileLocationLength:      DefaultMaxProfileLocationLength,
		MaxAvatarUriLength:            DefaultMaxAvatarURILength,
		MaxSearchScan:                 DefaultMaxSearchScan,
		MaxSearchQueryLength:          DefaultMaxSearchQueryLength,
	}
}

// ceilingParams are the loosest params governance may set; genesis
// validation checks state against them.
func ceilingParams() Params {
	return Params{
		MaxCommunityNameLength:        CeilingNameLength,
		MaxCommunityDescriptionLength: CeilingDescriptionLength,
		MaxCommunityLocationLength:    CeilingLocationLength,
		MinUsernameLength:             1,
		MaxUsernameLength:             CeilingUsernameLength,
		MaxFirstNameLength:            CeilingPersonNameLength,
		MaxLastNameLength:             CeilingPersonNameLength,
		MaxProfileDescriptionLength:   CeilingDescriptionLength,
		MaxProfileLocationLength:      CeilingLocationLength,
		MaxAvatarUriLength:            CeilingAvatarURILength,
		MaxSearchScan:                 CeilingSearchScan,
		MaxSearchQueryLength:          CeilingSearchQueryLength,
	}
}

// Validate checks that every limit is positive and within its ceiling.
func (p Params) Validate() error {
	limits := []struct {
		name    string
		value   uint32
		ceiling uint32
	}{
		{"max_community_name_length", p.MaxCommunityNameLength, CeilingNameLength},
		{"max_community_description_length", p.MaxCommunityDescriptionLength, CeilingDescriptionLength},
		{"max_community_location_length", p.MaxCommunityLocationLength, CeilingLocationLength},
		{"min_username_length", p.MinUsernameLength, CeilingUsernameLength},
		{"max_username_length", p.MaxUsernameLength, CeilingUsernameLength},
		{"max_first_name_length", p.MaxFirstNameLength, CeilingPersonNameLength},
		{"max_last_name_length", p.MaxLastNameLength, CeilingPersonNameLength},
		{"max_profile_description_length", p.MaxProfileDescriptionLength, CeilingDescriptionLength},
		{"max_profile_location_length", p.MaxProfileLocationLength, CeilingLocationLength},
		{"max_avatar_uri_length", p.MaxAvatarUriLength, CeilingAvatarURILength},
		{"max_search_scan", p.MaxSearchScan, CeilingSearchScan},
		{"max_search_query_length", p.MaxSearchQueryLength, CeilingSearchQueryLength},
	}
	for _, l := range limits {
		if l.value == 0 {
			return ErrInvalidParams.Wrapf("%s must be positive", l.name)
		}
		if l.value > l.ceiling {
			return ErrInvalidParams.Wrapf("%s %d exceeds its ceiling %d", l.name, l.value, l.ceiling)
		}
	}
	if p.MinUsernameLength > p.MaxUsernameLength {
		return ErrInvalidParams.Wrapf("min_username_length %d exceeds max_username_length %d", p.MinUsernameLength, p.MaxUsernameLength)
	}
	return nil
}
