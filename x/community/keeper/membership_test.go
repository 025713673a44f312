package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/x/community/types"
)

func TestIsActiveMemberOfAny_NeedsOneActiveMembership(t *testing.T) {
	f := newFixture(t)
	activeAnywhere := func(name string) bool {
		t.Helper()
		active, err := f.keeper.IsActiveMemberOfAny(f.ctx, f.accAddr(name))
		require.NoError(t, err)
		return active
	}
	approval := f.createCommunity(t, "alice", "Garden", types.JoinPolicyApproval)
	open := f.createCommunity(t, "carol", "Orchard", types.JoinPolicyOpen)
	require.True(t, activeAnywhere("alice"))
	require.False(t, activeAnywhere("bob"), "in no community")

	f.join(t, approval, "bob")
	require.False(t, activeAnywhere("bob"), "a pending request is no membership")

	f.join(t, open, "bob")
	require.True(t, activeAnywhere("bob"), "active in the second community")

	_, err := f.msgs.LeaveCommunity(f.ctx, &types.MsgLeaveCommunity{Member: f.addr("bob"), CommunityId: open})
	require.NoError(t, err)
	require.False(t, activeAnywhere("bob"), "only the pending request is left")
}
