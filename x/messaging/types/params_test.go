package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

func TestParams_Validate(t *testing.T) {
	require.NoError(t, types.DefaultParams().Validate())
	for name, mutate := range map[string]func(*types.Params){
		"zero title":           func(p *types.Params) { p.MaxTitleLength = 0 },
		"payload over ceiling": func(p *types.Params) { p.MaxPayloadBytes = types.CeilingPayloadBytes + 1 },
		"min below 2":          func(p *types.Params) { p.MinGroupMembers = 1 },
		"min above max":        func(p *types.Params) { p.MinGroupMembers = p.MaxGroupMembers + 1 },
		"max over ceiling":     func(p *types.Params) { p.MaxGroupMembers = types.CeilingGroupMembers + 1 },
	} {
		p := types.DefaultParams()
		mutate(&p)
		require.ErrorIs(t, p.Validate(), types.ErrInvalidParams, name)
	}
}
