package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/testutil/statetest"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

func TestDefaultParams_AreTheDesignDefaults(t *testing.T) {
	p := types.DefaultParams()
	require.NoError(t, p.Validate())
	require.Equal(t, uint32(3), p.MinCodeLength)
	require.Equal(t, uint32(8), p.MaxCodeLength)
	require.Equal(t, uint32(18), p.MaxDecimals)
	require.Equal(t, uint32(512), p.MaxMemoLength)
	require.Equal(t, uint32(5), p.MinContributionMemoLength)
	require.Equal(t, uint64(1000), p.MonthlyCreationCap)
	require.Equal(t, uint32(2), p.CreationWindowMonths)
	require.Equal(t, "ukiz", p.FeeDenom)
	require.Equal(t, uint64(86400), p.FeeAllowancePeriodSeconds)
	require.Equal(t, uint64(1_000_000), p.FeeAllowancePeriodLimit)
	require.Equal(t, uint64(100_000_000), p.FeeBudgetPeriodLimit)
	require.Equal(t, uint64(500_000), p.SponsoredMaxGas)
	require.Equal(t, uint32(150), p.SponsoredMaxFeePercent)
	require.False(t, p.AllowSelfIssuance)
}

func TestParamsValidate_RefusesOutOfBoundsValues(t *testing.T) {
	statetest.Refuses(t, types.DefaultParams, types.ErrInvalidParams, map[string]func(*types.Params){
		"zero min code length":                 func(p *types.Params) { p.MinCodeLength = 0 },
		"max code length above its ceiling":    func(p *types.Params) { p.MaxCodeLength = types.CeilingCodeLength + 1 },
		"min code length above max":            func(p *types.Params) { p.MinCodeLength, p.MaxCodeLength = 6, 5 },
		"zero name length":                     func(p *types.Params) { p.MaxNameLength = 0 },
		"name length above its ceiling":        func(p *types.Params) { p.MaxNameLength = types.CeilingNameLength + 1 },
		"19 decimals":                          func(p *types.Params) { p.MaxDecimals = 19 },
		"zero memo length":                     func(p *types.Params) { p.MaxMemoLength = 0 },
		"memo length above its ceiling":        func(p *types.Params) { p.MaxMemoLength = types.CeilingMemoLength + 1 },
		"min contribution memo above max memo": func(p *types.Params) { p.MinContributionMemoLength = p.MaxMemoLength + 1 },
		"zero cap":                             func(p *types.Params) { p.MonthlyCreationCap = 0 },
		"cap above its ceiling":                func(p *types.Params) { p.MonthlyCreationCap = types.CeilingMonthlyCreationCap + 1 },
		"window above its ceiling":             func(p *types.Params) { p.CreationWindowMonths = types.CeilingCreationWindowMonths + 1 },
		"invalid fee denom":                    func(p *types.Params) { p.FeeDenom = "1kiz" },
		"empty fee denom":                      func(p *types.Params) { p.FeeDenom = "" },
		"zero allowance period":                func(p *types.Params) { p.FeeAllowancePeriodSeconds = 0 },
		"allowance period above a year":        func(p *types.Params) { p.FeeAllowancePeriodSeconds = types.CeilingFeeAllowancePeriodSeconds + 1 },
		"allowance limit above its ceiling":    func(p *types.Params) { p.FeeAllowancePeriodLimit = types.CeilingFeeAllowancePeriodLimit + 1 },
		"budget above its ceiling":             func(p *types.Params) { p.FeeBudgetPeriodLimit = types.CeilingFeeBudgetPeriodLimit + 1 },
		"zero sponsored gas":                   func(p *types.Params) { p.SponsoredMaxGas = 0 },
		"sponsored gas above a block":          func(p *types.Params) { p.SponsoredMaxGas = types.CeilingSponsoredMaxGas + 1 },
		"sponsored fee under the floor":        func(p *types.Params) { p.SponsoredMaxFeePercent = 99 },
		"sponsored fee above 10x the floor":    func(p *types.Params) { p.SponsoredMaxFeePercent = 1001 },
		"no sponsored msgs":                    func(p *types.Params) { p.FeeAllowanceMsgTypeUrls = nil },
		"msg type URL without slash":           func(p *types.Params) { p.FeeAllowanceMsgTypeUrls = []string{"kizuna.ledger.v1.MsgTransfer"} },
		"msg type URL with a space":            func(p *types.Params) { p.FeeAllowanceMsgTypeUrls = []string{"/kizuna.ledger.v1.Msg Transfer"} },
		"bare slash":                           func(p *types.Params) { p.FeeAllowanceMsgTypeUrls = []string{"/"} },
		"duplicate msg type URL": func(p *types.Params) {
			p.FeeAllowanceMsgTypeUrls = []string{"/kizuna.ledger.v1.MsgTransfer", "/kizuna.ledger.v1.MsgTransfer"}
		},
		"too many msg type URLs": func(p *types.Params) {
			p.FeeAllowanceMsgTypeUrls = make([]string, types.CeilingFeeAllowanceMsgTypeURLs+1)
			for i := range p.FeeAllowanceMsgTypeUrls {
				p.FeeAllowanceMsgTypeUrls[i] = "/a.Msg" + string(rune('A'+i%26)) + string(rune('A'+i/26))
			}
		},
	})
}

func TestParamsValidate_AcceptsTheLimits(t *testing.T) {
	statetest.Accepts(t, types.DefaultParams, map[string]func(*types.Params){
		"every value at its bound": func(p *types.Params) {
			p.MinCodeLength, p.MaxCodeLength = 1, types.CeilingCodeLength
			p.MaxDecimals = 0
			p.MinContributionMemoLength = 0
			p.CreationWindowMonths = 0
			p.FeeAllowancePeriodLimit = 0
			p.FeeBudgetPeriodLimit = 0
			p.SponsoredMaxGas = types.CeilingSponsoredMaxGas
			p.SponsoredMaxFeePercent = types.MinSponsoredMaxFeePercent
			p.FeeAllowanceMsgTypeUrls = []string{"/kizuna.ledger.v1.MsgTransfer"}
		},
	})
}
