package keeper_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/kizuna-chain/kizuna/x/community/types"
)

// searchAll follows next keys to the end and returns the usernames found and
// the number of calls made.
func searchAll(t *testing.T, f *fixture, id uint64, q string, limit uint64) ([]string, int) {
	t.Helper()
	var (
		found []string
		key   []byte
		calls int
	)
	for {
		calls++
		res, err := f.query.SearchMembers(f.ctx, &types.QuerySearchMembersRequest{
			CommunityId: id, Q: q, Pagination: &query.PageRequest{Key: key, Limit: limit},
		})
		require.NoError(t, err)
		require.LessOrEqual(t, uint64(len(res.Members)), limit)
		for _, m := range res.Members {
			found = append(found, m.Profile.Username)
		}
		key = res.Pagination.NextKey
		if key == nil {
			return found, calls
		}
	}
}

func TestSearchMembers_MatchesUsernameFirstAndLastNameIgnoringCase(t *testing.T) {
	f := newFixture(t)
	id := f.createCommunity(t, "admin", "Garden", types.JoinPolicyOpen)
	join := func(addr, username, first, last string) {
		_, err := f.msgs.JoinCommunity(f.ctx, &types.MsgJoinCommunity{
			Member: f.addr(addr), CommunityId: id, Username: username, FirstName: first, LastName: last,
		})
		require.NoError(t, err)
	}
	join("m1", "alice_k", "", "")
	join("m2", "bob", "Malice", "")
	join("m3", "carol", "", "ALICEA")
	join("m4", "dave", "Dave", "Smith")
	join("m5", "erin", "Élise", "Müller")
	other := f.createCommunity(t, "zed", "Orchard", types.JoinPolicyOpen)
	_, err := f.msgs.JoinCommunity(f.ctx, &types.MsgJoinCommunity{Member: f.addr("m9"), CommunityId: other, Username: "alice_other"})
	require.NoError(t, err)

	found, _ := searchAll(t, f, id, "aLiCe", 10)
	require.ElementsMatch(t, []string{"alice_k", "bob", "carol"}, found)

	found, _ = searchAll(t, f, id, "smi", 10)
	require.Equal(t, []string{"dave"}, found)

	found, _ = searchAll(t, f, id, "MÜLL", 10)
	require.Equal(t, []string{"erin"}, found, "case folding covers non-ASCII letters")

	found, _ = searchAll(t, f, id, "zzz", 10)
	require.Empty(t, found)
}

func TestSearchMembers_SkipsPendingRequests(t *testing.T) {
	f := newFixture(t)
	id := f.createCommunity(t, "admin", "Garden", types.JoinPolicyApproval)
	f.join(t, id, "alice")
	found, _ := searchAll(t, f, id, "alice", 10)
	require.Empty(t, found)
}

func TestSearchMembers_PaginatesAcrossPages(t *testing.T) {
	f := newFixture(t)
	id := f.createCommunity(t, "admin", "Garden", types.JoinPolicyOpen)
	var want []string
	for i := range 7 {
		name := fmt.Sprintf("user_%d", i)
		f.join(t, id, name)
		want = append(want, name)
	}

	found, calls := searchAll(t, f, id, "USER_", 3)
	require.ElementsMatch(t, want, found)
	require.Len(t, found, 7, "no member is returned twice")
	require.Equal(t, 3, calls)
}

func TestSearchMembers_BoundsTheScanAndResumes(t *testing.T) {
	f := newFixture(t)
	id := f.createCommunity(t, "admin", "Garden", types.JoinPolicyOpen)
	for i := range 9 {
		f.join(t, id, fmt.Sprintf("user_%d", i))
	}
	params := types.DefaultParams()
	params.MaxSearchScan = 4
	_, err := f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.keeper.GetAuthority(), Params: params})
	require.NoError(t, err)

	// Ten members (admin included), at most four read per call.
	res, err := f.query.SearchMembers(f.ctx, &types.QuerySearchMembersRequest{CommunityId: id, Q: "nomatch"})
	require.NoError(t, err)
	require.Empty(t, res.Members)
	require.NotNil(t, res.Pagination.NextKey, "an exhausted scan returns where to resume")

	found, calls := searchAll(t, f, id, "nomatch", 100)
	require.Empty(t, found)
	require.Equal(t, 3, calls)

	found, _ = searchAll(t, f, id, "user", 100)
	require.Len(t, found, 9)
}

func TestSearchMembers_RejectsBadRequests(t *testing.T) {
	f := newFixture(t)
	id := f.createCommunity(t, "admin", "Garden", types.JoinPolicyOpen)

	tests := []struct {
		name string
		req  *types.QuerySearchMembersRequest
		want error
	}{
		{"empty q", &types.QuerySearchMembersRequest{CommunityId: id}, types.ErrInvalidSearch},
		{"q too long", &types.QuerySearchMembersRequest{CommunityId: id, Q: long(65)}, types.ErrInvalidSearch},
		{"q not UTF-8", &types.QuerySearchMembersRequest{CommunityId: id, Q: "\xff"}, types.ErrInvalidSearch},
		{"unknown community", &types.QuerySearchMembersRequest{CommunityId: 9, Q: "a"}, types.ErrCommunityNotFound},
		{"offset", &types.QuerySearchMembersRequest{CommunityId: id, Q: "a", Pagination: &query.PageRequest{Offset: 1}}, types.ErrInvalidSearch},
		{"count total", &types.QuerySearchMembersRequest{CommunityId: id, Q: "a", Pagination: &query.PageRequest{CountTotal: true}}, types.ErrInvalidSearch},
		{"reverse", &types.QuerySearchMembersRequest{CommunityId: id, Q: "a", Pagination: &query.PageRequest{Reverse: true}}, types.ErrInvalidSearch},
		{"malformed key", &types.QuerySearchMembersRequest{CommunityId: id, Q: "a", Pagination: &query.PageRequest{Key: make([]byte, 256)}}, types.ErrInvalidSearch},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := f.query.SearchMembers(f.ctx, tc.req)
			require.ErrorIs(t, err, tc.want)
		})
	}
}
