package keeper_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/kizuna-chain/kizuna/internal/pagination"
	"github.com/kizuna-chain/kizuna/x/community/types"
)

func TestQueryCommunities_PaginatesById(t *testing.T) {
	f := newFixture(t)
	names := []string{"A", "B", "C", "D", "E"}
	for _, n := range names {
		f.createCommunity(t, "alice", n, types.JoinPolicyOpen)
	}

	var got []string
	var key []byte
	for {
		res, err := f.query.Communities(f.ctx, &types.QueryCommunitiesRequest{Pagination: &query.PageRequest{Key: key, Limit: 2}})
		require.NoError(t, err)
		require.LessOrEqual(t, len(res.Communities), 2)
		for _, c := range res.Communities {
			got = append(got, c.Name)
		}
		key = res.Pagination.NextKey
		if key == nil {
			break
		}
	}
	require.Equal(t, names, got)

	res, err := f.query.Communities(f.ctx, &types.QueryCommunitiesRequest{Pagination: &query.PageRequest{CountTotal: true, Limit: 1}})
	require.NoError(t, err)
	require.Equal(t, uint64(5), res.Pagination.Total)
}

func TestQueryCommunity_ReturnsOneOrNotFound(t *testing.T) {
	f := newFixture(t)
	id := f.createCommunity(t, "alice", "Garden", types.JoinPolicyOpen)

	res, err := f.query.Community(f.ctx, &types.QueryCommunityRequest{Id: id})
	require.NoError(t, err)
	require.Equal(t, "Garden", res.Community.Name)

	_, err = f.query.Community(f.ctx, &types.QueryCommunityRequest{Id: id + 1})
	require.ErrorIs(t, err, types.ErrCommunityNotFound)
	require.Equal(t, codes.NotFound, status.Code(types.ErrCommunityNotFound.GRPCStatus().Err()))
}

func TestQueryMembers_FiltersByRoleAndStatus(t *testing.T) {
	f := newFixture(t)
	id := f.createCommunity(t, "alice", "Garden", types.JoinPolicyOpen)
	for _, n := range []string{"bob", "carol", "dave", "erin"} {
		f.join(t, id, n)
	}
	f.setRole(t, id, "alice", "bob", types.RoleAdmin)
	f.setRole(t, id, "alice", "carol", types.RoleTeller)
	_, err := f.msgs.UpdateCommunity(f.ctx, &types.MsgUpdateCommunity{Admin: f.addr("alice"), CommunityId: id, JoinPolicy: types.JoinPolicyApproval})
	require.NoError(t, err)
	f.join(t, id, "frank")
	f.join(t, id, "gina")
	other := f.createCommunity(t, "zed", "Orchard", types.JoinPolicyOpen)
	f.join(t, other, "bob")

	usernames := func(req *types.QueryMembersRequest) []string {
		t.Helper()
		var out []string
		req.Pagination = &query.PageRequest{Limit: 2}
		for {
			res, err := f.query.Members(f.ctx, req)
			require.NoError(t, err)
			for _, m := range res.Members {
				require.Equal(t, id, m.CommunityId)
				out = append(out, m.Profile.Username)
			}
			if res.Pagination.NextKey == nil {
				return out
			}
			req.Pagination = &query.PageRequest{Key: res.Pagination.NextKey, Limit: 2}
		}
	}
	require.ElementsMatch(t, []string{"alice", "bob", "carol", "dave", "erin", "frank", "gina"}, usernames(&types.QueryMembersRequest{CommunityId: id}))
	require.ElementsMatch(t, []string{"alice", "bob"}, usernames(&types.QueryMembersRequest{CommunityId: id, Role: types.RoleAdmin}))
	require.ElementsMatch(t, []string{"frank", "gina"}, usernames(&types.QueryMembersRequest{CommunityId: id, Status: types.MemberStatusPending}))
	require.ElementsMatch(t, []string{"dave", "erin"}, usernames(&types.QueryMembersRequest{CommunityId: id, Role: types.RoleMember, Status: types.MemberStatusActive}))
	require.ElementsMatch(t, []string{"carol"}, usernames(&types.QueryMembersRequest{CommunityId: id, Role: types.RoleTeller, Status: types.MemberStatusActive}))
	require.Empty(t, usernames(&types.QueryMembersRequest{CommunityId: id, Role: types.RoleModerator}))
	require.ElementsMatch(t, []string{"frank", "gina"}, usernames(&types.QueryMembersRequest{CommunityId: id, Role: types.RoleMember, Status: types.MemberStatusPending}))

	// The status index follows approvals.
	_, err = f.msgs.ApproveMember(f.ctx, &types.MsgApproveMember{Reviewer: f.addr("alice"), CommunityId: id, Member: f.addr("frank")})
	require.NoError(t, err)
	require.ElementsMatch(t, []string{"gina"}, usernames(&types.QueryMembersRequest{CommunityId: id, Status: types.MemberStatusPending}))
	require.ElementsMatch(t, []string{"dave", "erin", "frank"}, usernames(&types.QueryMembersRequest{CommunityId: id, Role: types.RoleMember, Status: types.MemberStatusActive}))

	_, err = f.query.Members(f.ctx, &types.QueryMembersRequest{CommunityId: 99})
	require.ErrorIs(t, err, types.ErrCommunityNotFound)
	_, err = f.query.Members(f.ctx, &types.QueryMembersRequest{CommunityId: id, Role: 17})
	require.ErrorIs(t, err, types.ErrInvalidRole)
	_, err = f.query.Members(f.ctx, &types.QueryMembersRequest{CommunityId: id, Status: 17})
	require.ErrorIs(t, err, types.ErrInvalidStatus)
}

func TestQueryMember_ReturnsOneOrNotFound(t *testing.T) {
	f := newFixture(t)
	id := f.createCommunity(t, "alice", "Garden", types.JoinPolicyOpen)

	res, err := f.query.Member(f.ctx, &types.QueryMemberRequest{CommunityId: id, Address: f.addr("alice")})
	require.NoError(t, err)
	require.Equal(t, types.RoleAdmin, res.Member.Role)

	_, err = f.query.Member(f.ctx, &types.QueryMemberRequest{CommunityId: id, Address: f.addr("bob")})
	require.ErrorIs(t, err, types.ErrMemberNotFound)
	_, err = f.query.Member(f.ctx, &types.QueryMemberRequest{CommunityId: id, Address: "bob"})
	require.ErrorIs(t, err, sdkerrors.ErrInvalidAddress)
}

func TestQueryMemberByUsername_FindsTheHolderCaseInsensitively(t *testing.T) {
	f := newFixture(t)
	id := f.createCommunity(t, "alice", "Garden", types.JoinPolicyOpen)
	other := f.createCommunity(t, "carol", "Library", types.JoinPolicyApproval)
	f.join(t, id, "bob")
	require.Equal(t, types.MemberStatusPending, f.join(t, other, "bob"))

	for _, username := range []string{"bob", "BOB", "@Bob"} {
		res, err := f.query.MemberByUsername(f.ctx, &types.QueryMemberByUsernameRequest{CommunityId: id, Username: username})
		require.NoError(t, err, username)
		require.Equal(t, f.addr("bob"), res.Member.Address)
		require.Equal(t, types.MemberStatusActive, res.Member.Status)
	}
	res, err := f.query.MemberByUsername(f.ctx, &types.QueryMemberByUsernameRequest{CommunityId: other, Username: "bob"})
	require.NoError(t, err)
	require.Equal(t, types.MemberStatusPending, res.Member.Status, "a pending request holds its username too")

	for _, tc := range []struct {
		community uint64
		username  string
		want      error
	}{
		{id, "dave", types.ErrMemberNotFound},
		{other, "alice", types.ErrMemberNotFound},
		{id + 9, "bob", types.ErrCommunityNotFound},
		{id, "b", types.ErrInvalidUsername},
		{id, "bob smith", types.ErrInvalidUsername},
		{id, "", types.ErrInvalidUsername},
	} {
		_, err := f.query.MemberByUsername(f.ctx, &types.QueryMemberByUsernameRequest{CommunityId: tc.community, Username: tc.username})
		require.ErrorIs(t, err, tc.want, "%d %q", tc.community, tc.username)
	}
	_, err = f.query.MemberByUsername(f.ctx, nil)
	require.Error(t, err)
}

func TestQueryCommunitiesOf_ListsMembershipsOfAccount(t *testing.T) {
	f := newFixture(t)
	a := f.createCommunity(t, "alice", "Garden", types.JoinPolicyOpen)
	b := f.createCommunity(t, "zed", "Orchard", types.JoinPolicyApproval)
	c := f.createCommunity(t, "zed", "Meadow", types.JoinPolicyOpen)
	f.createCommunity(t, "zed", "Forest", types.JoinPolicyOpen)
	f.join(t, a, "bob")
	f.join(t, b, "bob")
	f.join(t, c, "bob")
	f.join(t, c, "carol")

	res, err := f.query.CommunitiesOf(f.ctx, &types.QueryCommunitiesOfRequest{Address: f.addr("bob"), Pagination: &query.PageRequest{Limit: 2}})
	require.NoError(t, err)
	require.Len(t, res.Memberships, 2)
	require.Equal(t, "Garden", res.Memberships[0].Community.Name)
	require.Equal(t, types.MemberStatusActive, res.Memberships[0].Member.Status)
	require.Equal(t, "Orchard", res.Memberships[1].Community.Name)
	require.Equal(t, types.MemberStatusPending, res.Memberships[1].Member.Status)
	require.NotNil(t, res.Pagination.NextKey)

	res, err = f.query.CommunitiesOf(f.ctx, &types.QueryCommunitiesOfRequest{Address: f.addr("bob"), Pagination: &query.PageRequest{Key: res.Pagination.NextKey}})
	require.NoError(t, err)
	require.Len(t, res.Memberships, 1)
	require.Equal(t, "Meadow", res.Memberships[0].Community.Name)
	require.Equal(t, f.addr("bob"), res.Memberships[0].Member.Address)
	require.Nil(t, res.Pagination.NextKey)

	res, err = f.query.CommunitiesOf(f.ctx, &types.QueryCommunitiesOfRequest{Address: f.addr("nobody")})
	require.NoError(t, err)
	require.Empty(t, res.Memberships)

	_, err = f.query.CommunitiesOf(f.ctx, &types.QueryCommunitiesOfRequest{Address: "nobody"})
	require.ErrorIs(t, err, sdkerrors.ErrInvalidAddress)
}

// TestListQueries_CapThePageSize asks every list query for 10^9 entries
// where more than pagination.MaxLimit exist: each page holds at most
// pagination.MaxLimit, and says where to continue.
func TestListQueries_CapThePageSize(t *testing.T) {
	f := newFixture(t)
	n := int(pagination.MaxLimit) + 1
	for i := range n {
		f.createCommunity(t, "alice", fmt.Sprintf("Garden %d", i), types.JoinPolicyOpen)
	}
	for i := range n {
		f.join(t, types.FirstCommunityID, fmt.Sprintf("member_%d", i))
	}
	huge := &query.PageRequest{Limit: 1_000_000_000}
	requireCapped := func(t *testing.T, got int, page *query.PageResponse) {
		t.Helper()
		require.Equal(t, int(pagination.MaxLimit), got)
		require.NotEmpty(t, page.NextKey, "a capped page says where to continue")
	}

	communities, err := f.query.Communities(f.ctx, &types.QueryCommunitiesRequest{Pagination: huge})
	require.NoError(t, err)
	requireCapped(t, len(communities.Communities), communities.Pagination)

	of, err := f.query.CommunitiesOf(f.ctx, &types.QueryCommunitiesOfRequest{Address: f.addr("alice"), Pagination: huge})
	require.NoError(t, err)
	requireCapped(t, len(of.Memberships), of.Pagination)

	members, err := f.query.Members(f.ctx, &types.QueryMembersRequest{CommunityId: types.FirstCommunityID, Pagination: huge})
	require.NoError(t, err)
	requireCapped(t, len(members.Members), members.Pagination)

	byRole, err := f.query.Members(f.ctx, &types.QueryMembersRequest{
		CommunityId: types.FirstCommunityID, Role: types.RoleMember, Pagination: huge,
	})
	require.NoError(t, err)
	requireCapped(t, len(byRole.Members), byRole.Pagination)

	search, err := f.query.SearchMembers(f.ctx, &types.QuerySearchMembersRequest{
		CommunityId: types.FirstCommunityID, Q: "member_", Pagination: huge,
	})
	require.NoError(t, err)
	requireCapped(t, len(search.Members), search.Pagination)

	unset, err := f.query.Communities(f.ctx, &types.QueryCommunitiesRequest{})
	require.NoError(t, err)
	require.Len(t, unset.Communities, int(pagination.DefaultLimit), "no limit gets the default page")
}
