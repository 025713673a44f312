package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/x/ads/types"
)

func TestParamsValidate(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*types.Params)
		ok     bool
	}{
		{"defaults", func(*types.Params) {}, true},
		{"every limit at its ceiling", func(p *types.Params) {
			p.MaxTitleLength = types.CeilingTitleLength
			p.MaxDescriptionLength = types.CeilingDescriptionLength
			p.MaxLocationLength = types.CeilingLocationLength
			p.MaxPhotoUriLength = types.CeilingPhotoURILength
			p.MaxCategoryLength = types.CeilingCategoryLength
		}, true},
		{"every limit at one", func(p *types.Params) {
			*p = types.Params{MaxTitleLength: 1, MaxDescriptionLength: 1, MaxLocationLength: 1, MaxPhotoUriLength: 1, MaxCategoryLength: 1}
		}, true},
		{"zero title length", func(p *types.Params) { p.MaxTitleLength = 0 }, false},
		{"zero description length", func(p *types.Params) { p.MaxDescriptionLength = 0 }, false},
		{"zero location length", func(p *types.Params) { p.MaxLocationLength = 0 }, false},
		{"zero photo uri length", func(p *types.Params) { p.MaxPhotoUriLength = 0 }, false},
		{"zero category length", func(p *types.Params) { p.MaxCategoryLength = 0 }, false},
		{"title length above ceiling", func(p *types.Params) { p.MaxTitleLength = types.CeilingTitleLength + 1 }, false},
		{"description length above ceiling", func(p *types.Params) { p.MaxDescriptionLength = types.CeilingDescriptionLength + 1 }, false},
		{"location length above ceiling", func(p *types.Params) { p.MaxLocationLength = types.CeilingLocationLength + 1 }, false},
		{"photo uri length above ceiling", func(p *types.Params) { p.MaxPhotoUriLength = types.CeilingPhotoURILength + 1 }, false},
		{"category length above ceiling", func(p *types.Params) { p.MaxCategoryLength = types.CeilingCategoryLength + 1 }, false},
		{"empty params", func(p *types.Params) { *p = types.Params{} }, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := types.DefaultParams()
			tc.mutate(&p)
			err := p.Validate()
			if tc.ok {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, types.ErrInvalidParams)
		})
	}
}

func TestDefaultParams_MatchDesign(t *testing.T) {
	p := types.DefaultParams()
	require.Equal(t, uint32(100), p.MaxTitleLength)
	require.Equal(t, uint32(2000), p.MaxDescriptionLength)
	require.Equal(t, uint32(128), p.MaxLocationLength)
	require.Equal(t, uint32(512), p.MaxPhotoUriLength)
	require.Equal(t, uint32(64), p.MaxCategoryLength)
}
