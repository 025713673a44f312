package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/testutil/statetest"
	"github.com/kizuna-chain/kizuna/x/ads/types"
)

func TestParamsValidate_AcceptsEveryLimitFromOneToItsCeiling(t *testing.T) {
	statetest.Accepts(t, types.DefaultParams, map[string]func(*types.Params){
		"every limit at its ceiling": func(p *types.Params) {
			p.MaxTitleLength = types.CeilingTitleLength
			p.MaxDescriptionLength = types.CeilingDescriptionLength
			p.MaxLocationLength = types.CeilingLocationLength
			p.MaxPhotoUriLength = types.CeilingPhotoURILength
			p.MaxCategoryLength = types.CeilingCategoryLength
		},
		"every limit at one": func(p *types.Params) {
			*p = types.Params{MaxTitleLength: 1, MaxDescriptionLength: 1, MaxLocationLength: 1, MaxPhotoUriLength: 1, MaxCategoryLength: 1}
		},
	})
}

func TestParamsValidate_RefusesZeroAndLimitsAboveTheirCeiling(t *testing.T) {
	statetest.Refuses(t, types.DefaultParams, types.ErrInvalidParams, map[string]func(*types.Params){
		"zero title length":                func(p *types.Params) { p.MaxTitleLength = 0 },
		"zero description length":          func(p *types.Params) { p.MaxDescriptionLength = 0 },
		"zero location length":             func(p *types.Params) { p.MaxLocationLength = 0 },
		"zero photo uri length":            func(p *types.Params) { p.MaxPhotoUriLength = 0 },
		"zero category length":             func(p *types.Params) { p.MaxCategoryLength = 0 },
		"title length above ceiling":       func(p *types.Params) { p.MaxTitleLength = types.CeilingTitleLength + 1 },
		"description length above ceiling": func(p *types.Params) { p.MaxDescriptionLength = types.CeilingDescriptionLength + 1 },
		"location length above ceiling":    func(p *types.Params) { p.MaxLocationLength = types.CeilingLocationLength + 1 },
		"photo uri length above ceiling":   func(p *types.Params) { p.MaxPhotoUriLength = types.CeilingPhotoURILength + 1 },
		"category length above ceiling":    func(p *types.Params) { p.MaxCategoryLength = types.CeilingCategoryLength + 1 },
		"empty params":                     func(p *types.Params) { *p = types.Params{} },
	})
}

func TestDefaultParams_MatchDesign(t *testing.T) {
	p := types.DefaultParams()
	require.Equal(t, uint32(100), p.MaxTitleLength)
	require.Equal(t, uint32(2000), p.MaxDescriptionLength)
	require.Equal(t, uint32(128), p.MaxLocationLength)
	require.Equal(t, uint32(512), p.MaxPhotoUriLength)
	require.Equal(t, uint32(64), p.MaxCategoryLength)
}
