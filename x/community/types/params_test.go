package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/testutil/statetest"
	"github.com/kizuna-chain/kizuna/x/community/types"
)

func TestParamsValidate_AcceptsEveryLimitAtItsCeiling(t *testing.T) {
	statetest.Accepts(t, types.DefaultParams, map[string]func(*types.Params){
		"every limit at its ceiling": func(p *types.Params) {
			p.MaxCommunityNameLength = types.CeilingNameLength
			p.MaxCommunityDescriptionLength = types.CeilingDescriptionLength
			p.MaxCommunityLocationLength = types.CeilingLocationLength
			p.MinUsernameLength = types.CeilingUsernameLength
			p.MaxUsernameLength = types.CeilingUsernameLength
			p.MaxFirstNameLength = types.CeilingPersonNameLength
			p.MaxLastNameLength = types.CeilingPersonNameLength
			p.MaxProfileDescriptionLength = types.CeilingDescriptionLength
			p.MaxProfileLocationLength = types.CeilingLocationLength
			p.MaxAvatarUriLength = types.CeilingAvatarURILength
			p.MaxSearchScan = types.CeilingSearchScan
			p.MaxSearchQueryLength = types.CeilingSearchQueryLength
		},
		"min username length equal to max": func(p *types.Params) { p.MinUsernameLength = p.MaxUsernameLength },
	})
}

func TestParamsValidate_RefusesZeroLimitsAndLimitsAboveTheirCeiling(t *testing.T) {
	statetest.Refuses(t, types.DefaultParams, types.ErrInvalidParams, map[string]func(*types.Params){
		"zero name length":                  func(p *types.Params) { p.MaxCommunityNameLength = 0 },
		"zero community description length": func(p *types.Params) { p.MaxCommunityDescriptionLength = 0 },
		"zero community location length":    func(p *types.Params) { p.MaxCommunityLocationLength = 0 },
		"zero min username length":          func(p *types.Params) { p.MinUsernameLength = 0 },
		"zero max username length":          func(p *types.Params) { p.MaxUsernameLength = 0 },
		"zero first name length":            func(p *types.Params) { p.MaxFirstNameLength = 0 },
		"zero last name length":             func(p *types.Params) { p.MaxLastNameLength = 0 },
		"zero profile description length":   func(p *types.Params) { p.MaxProfileDescriptionLength = 0 },
		"zero profile location length":      func(p *types.Params) { p.MaxProfileLocationLength = 0 },
		"zero avatar uri length":            func(p *types.Params) { p.MaxAvatarUriLength = 0 },
		"zero search scan":                  func(p *types.Params) { p.MaxSearchScan = 0 },
		"zero search query length":          func(p *types.Params) { p.MaxSearchQueryLength = 0 },
		"name length above ceiling":         func(p *types.Params) { p.MaxCommunityNameLength = types.CeilingNameLength + 1 },
		"username length above ceiling":     func(p *types.Params) { p.MaxUsernameLength = types.CeilingUsernameLength + 1 },
		"avatar uri length above ceiling":   func(p *types.Params) { p.MaxAvatarUriLength = types.CeilingAvatarURILength + 1 },
		"search scan above ceiling":         func(p *types.Params) { p.MaxSearchScan = types.CeilingSearchScan + 1 },
		"min username length above max":     func(p *types.Params) { p.MinUsernameLength = p.MaxUsernameLength + 1 },
	})
}

func TestDefaultParams_MatchDesign(t *testing.T) {
	p := types.DefaultParams()
	require.Equal(t, uint32(64), p.MaxCommunityNameLength)
	require.Equal(t, uint32(1000), p.MaxCommunityDescriptionLength)
	require.Equal(t, uint32(128), p.MaxCommunityLocationLength)
	require.Equal(t, uint32(3), p.MinUsernameLength)
	require.Equal(t, uint32(30), p.MaxUsernameLength)
	require.Equal(t, uint32(64), p.MaxFirstNameLength)
	require.Equal(t, uint32(64), p.MaxLastNameLength)
	require.Equal(t, uint32(1000), p.MaxProfileDescriptionLength)
	require.Equal(t, uint32(128), p.MaxProfileLocationLength)
	require.Equal(t, uint32(512), p.MaxAvatarUriLength)
	require.Equal(t, uint32(10_000), p.MaxSearchScan)
}
