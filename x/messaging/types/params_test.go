package types_test

import (
	"testing"

	"github.com/kizuna-chain/kizuna/testutil/statetest"
	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

func TestParamsValidate_RefusesLimitsOutOfBounds(t *testing.T) {
	statetest.Refuses(t, types.DefaultParams, types.ErrInvalidParams, map[string]func(*types.Params){
		"zero title":           func(p *types.Params) { p.MaxTitleLength = 0 },
		"payload over ceiling": func(p *types.Params) { p.MaxPayloadBytes = types.CeilingPayloadBytes + 1 },
		"min below 2":          func(p *types.Params) { p.MinGroupMembers = 1 },
		"min above max":        func(p *types.Params) { p.MinGroupMembers = p.MaxGroupMembers + 1 },
		"max over ceiling":     func(p *types.Params) { p.MaxGroupMembers = types.CeilingGroupMembers + 1 },
	})
}
