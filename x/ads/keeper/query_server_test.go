package keeper_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/kizuna-chain/kizuna/internal/pagination"
	"github.com/kizuna-chain/kizuna/x/ads/types"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
)

// payableAds is a market where bob owns an open WANT, an open GIVE and a
// closed GIVE in Garden.
type payableAds struct {
	*market
	want, give, closedGive uint64
}

func newPayableAds(t *testing.T) *payableAds {
	t.Helper()
	m := newMarket(t)
	p := &payableAds{market: m}
	p.want = m.createAd(t, "bob", m.garden, types.AdTypeWant, "Help moving", 5)
	p.give = m.createAd(t, "bob", m.garden, types.AdTypeGive, "Bicycle repair", 20)
	p.closedGive = m.createAd(t, "bob", m.garden, types.AdTypeGive, "Old offer", 1)
	m.closeAd(t, "bob", p.closedGive)
	return p
}

// viewers and what each may pay for among want, give and closedGive.
var payableByViewer = []struct {
	name, viewer              string
	want, give, closedPayable bool
}{
	{"no viewer", "", false, false, false},
	{"the owner", "bob", true, false, false},
	{"another member", "carol", false, true, false},
	{"a member of another community", "dave", false, false, false},
	{"a stranger", "stranger", false, false, false},
}

func (p *payableAds) viewerAddr(name string) string {
	if name == "" {
		return ""
	}
	return p.addr(name)
}

func TestQueryAd_PayablePerViewer(t *testing.T) {
	p := newPayableAds(t)
	for _, tc := range payableByViewer {
		t.Run(tc.name, func(t *testing.T) {
			for id, payable := range map[uint64]bool{p.want: tc.want, p.give: tc.give, p.closedGive: tc.closedPayable} {
				res, err := p.query.Ad(p.ctx, &types.QueryAdRequest{Id: id, Viewer: p.viewerAddr(tc.viewer)})
				require.NoError(t, err)
				require.Equal(t, id, res.Ad.Ad.Id)
				require.Equal(t, payable, res.Ad.Payable, "ad %d", id)
			}
		})
	}

	_, err := p.query.Ad(p.ctx, &types.QueryAdRequest{Id: 99})
	require.ErrorIs(t, err, types.ErrAdNotFound)
	_, err = p.query.Ad(p.ctx, &types.QueryAdRequest{Id: p.want, Viewer: "bob"})
	require.ErrorIs(t, err, sdkerrors.ErrInvalidAddress)
}

func TestQueryAd_NotPayableAfterOwnerLeaves(t *testing.T) {
	p := newPayableAds(t)
	p.leave(t, p.garden, "bob")
	res, err := p.query.Ad(p.ctx, &types.QueryAdRequest{Id: p.want, Viewer: p.addr("bob")})
	require.NoError(t, err)
	require.False(t, res.Ad.Payable, "the owner of a WANT pays only while an active member")
}

func TestQueryAdsAndAdsByOwner_PayablePerViewer(t *testing.T) {
	p := newPayableAds(t)
	for _, tc := range payableByViewer {
		t.Run(tc.name, func(t *testing.T) {
			expect := map[uint64]bool{p.want: tc.want, p.give: tc.give, p.closedGive: tc.closedPayable}

			ads, err := p.query.Ads(p.ctx, &types.QueryAdsRequest{CommunityId: p.garden, Viewer: p.viewerAddr(tc.viewer)})
			require.NoError(t, err)
			require.Len(t, ads.Ads, 3)
			for _, v := range ads.Ads {
				require.Equal(t, expect[v.Ad.Id], v.Payable, "Ads: ad %d", v.Ad.Id)
			}

			byOwner, err := p.query.AdsByOwner(p.ctx, &types.QueryAdsByOwnerRequest{Owner: p.addr("bob"), Viewer: p.viewerAddr(tc.viewer)})
			require.NoError(t, err)
			require.Len(t, byOwner.Ads, 3)
			for _, v := range byOwner.Ads {
				require.Equal(t, expect[v.Ad.Id], v.Payable, "AdsByOwner: ad %d", v.Ad.Id)
			}
		})
	}
}

func TestQueryAdsByOwner_PayableInEachCommunity(t *testing.T) {
	m := newMarket(t)
	m.join(t, m.orchard, "bob")
	inGarden := m.createAd(t, "bob", m.garden, types.AdTypeGive, "Garden offer", 1)
	inOrchard := m.createAd(t, "bob", m.orchard, types.AdTypeGive, "Orchard offer", 1)
	m.createAd(t, "carol", m.garden, types.AdTypeGive, "Not bob's", 1)

	res, err := m.query.AdsByOwner(m.ctx, &types.QueryAdsByOwnerRequest{Owner: m.addr("bob"), Viewer: m.addr("dave")})
	require.NoError(t, err)
	require.Len(t, res.Ads, 2)
	require.Equal(t, inGarden, res.Ads[0].Ad.Id)
	require.False(t, res.Ads[0].Payable, "dave is not a member of Garden")
	require.Equal(t, inOrchard, res.Ads[1].Ad.Id)
	require.True(t, res.Ads[1].Payable, "dave is a member of Orchard")

	_, err = m.query.AdsByOwner(m.ctx, &types.QueryAdsByOwnerRequest{})
	require.ErrorIs(t, err, sdkerrors.ErrInvalidAddress)
	_, err = m.query.AdsByOwner(m.ctx, &types.QueryAdsByOwnerRequest{Owner: m.addr("bob"), Viewer: "x"})
	require.ErrorIs(t, err, sdkerrors.ErrInvalidAddress)
	res, err = m.query.AdsByOwner(m.ctx, &types.QueryAdsByOwnerRequest{Owner: m.addr("stranger")})
	require.NoError(t, err)
	require.Empty(t, res.Ads)
}

func TestQueryAds_FiltersByTypeStatusAndOwner(t *testing.T) {
	m := newMarket(t)
	type spec struct {
		owner  string
		typ    types.AdType
		closed bool
	}
	ids := map[string]uint64{}
	for _, s := range []struct {
		title string
		spec
	}{
		{"b-want-open", spec{"bob", types.AdTypeWant, false}},
		{"b-give-open", spec{"bob", types.AdTypeGive, false}},
		{"b-give-closed", spec{"bob", types.AdTypeGive, true}},
		{"c-want-open", spec{"carol", types.AdTypeWant, false}},
		{"c-want-closed", spec{"carol", types.AdTypeWant, true}},
		{"c-give-open", spec{"carol", types.AdTypeGive, false}},
		{"a-give-open", spec{"alice", types.AdTypeGive, false}},
	} {
		ids[s.title] = m.createAd(t, s.owner, m.garden, s.typ, s.title, 1)
		if s.closed {
			m.closeAd(t, s.owner, ids[s.title])
		}
	}
	m.createAd(t, "dave", m.orchard, types.AdTypeGive, "d-give-open", 1)

	// titles lists every page of limit 2 and checks that the pages come in id
	// order.
	titles := func(req *types.QueryAdsRequest) []string {
		t.Helper()
		var out []string
		var last uint64
		req.Pagination = &query.PageRequest{Limit: 2}
		for {
			res, err := m.query.Ads(m.ctx, req)
			require.NoError(t, err)
			require.LessOrEqual(t, len(res.Ads), 2)
			for _, v := range res.Ads {
				require.Equal(t, m.garden, v.Ad.CommunityId)
				require.Greater(t, v.Ad.Id, last, "ads come by id")
				last = v.Ad.Id
				out = append(out, v.Ad.Title)
			}
			if res.Pagination.NextKey == nil {
				return out
			}
			req.Pagination = &query.PageRequest{Key: res.Pagination.NextKey, Limit: 2}
		}
	}
	g := m.garden
	require.Equal(t, []string{"b-want-open", "b-give-open", "b-give-closed", "c-want-open", "c-want-closed", "c-give-open", "a-give-open"},
		titles(&types.QueryAdsRequest{CommunityId: g}))
	require.Equal(t, []string{"b-give-open", "b-give-closed", "c-give-open", "a-give-open"},
		titles(&types.QueryAdsRequest{CommunityId: g, Type: types.AdTypeGive}))
	require.Equal(t, []string{"b-give-closed", "c-want-closed"},
		titles(&types.QueryAdsRequest{CommunityId: g, Status: types.AdStatusClosed}))
	require.Equal(t, []string{"b-give-open", "c-give-open", "a-give-open"},
		titles(&types.QueryAdsRequest{CommunityId: g, Type: types.AdTypeGive, Status: types.AdStatusOpen}))
	require.Equal(t, []string{"c-want-open", "c-want-closed", "c-give-open"},
		titles(&types.QueryAdsRequest{CommunityId: g, Owner: m.addr("carol")}))
	require.Equal(t, []string{"c-want-open", "c-want-closed"},
		titles(&types.QueryAdsRequest{CommunityId: g, Owner: m.addr("carol"), Type: types.AdTypeWant}))
	require.Equal(t, []string{"b-give-open"},
		titles(&types.QueryAdsRequest{CommunityId: g, Owner: m.addr("bob"), Type: types.AdTypeGive, Status: types.AdStatusOpen}))
	require.Empty(t, titles(&types.QueryAdsRequest{CommunityId: g, Owner: m.addr("dave")}))
	require.Empty(t, titles(&types.QueryAdsRequest{CommunityId: m.closed}))

	// An edit that does not change type or status keeps the ad in its index
	// entries; closing moves it.
	_, err := m.msgs.UpdateAd(m.ctx, &types.MsgUpdateAd{Owner: m.addr("alice"), AdId: ids["a-give-open"], Category: "food"})
	require.NoError(t, err)
	m.closeAd(t, "alice", ids["a-give-open"])
	require.Equal(t, []string{"b-give-open", "c-give-open"},
		titles(&types.QueryAdsRequest{CommunityId: g, Type: types.AdTypeGive, Status: types.AdStatusOpen}))
	require.Equal(t, []string{"b-give-closed", "c-want-closed", "a-give-open"},
		titles(&types.QueryAdsRequest{CommunityId: g, Status: types.AdStatusClosed}))

	res, err := m.query.Ads(m.ctx, &types.QueryAdsRequest{CommunityId: g, Type: types.AdTypeGive, Pagination: &query.PageRequest{CountTotal: true, Limit: 1}})
	require.NoError(t, err)
	require.Equal(t, uint64(4), res.Pagination.Total)
	res, err = m.query.Ads(m.ctx, &types.QueryAdsRequest{CommunityId: g, Pagination: &query.PageRequest{Reverse: true, Limit: 1}})
	require.NoError(t, err)
	require.Equal(t, "a-give-open", res.Ads[0].Ad.Title, "reverse lists the newest first")
	res, err = m.query.Ads(m.ctx, &types.QueryAdsRequest{CommunityId: g, Pagination: &query.PageRequest{Offset: 5, Limit: 10}})
	require.NoError(t, err)
	require.Len(t, res.Ads, 2)
}

func TestQueryAds_RejectsBadRequests(t *testing.T) {
	m := newMarket(t)
	tests := []struct {
		name string
		req  *types.QueryAdsRequest
		want error
		code codes.Code
	}{
		{"unknown community", &types.QueryAdsRequest{CommunityId: 99}, communitytypes.ErrCommunityNotFound, codes.NotFound},
		{"unknown type", &types.QueryAdsRequest{CommunityId: m.garden, Type: 9}, types.ErrInvalidAdType, codes.InvalidArgument},
		{"unknown status", &types.QueryAdsRequest{CommunityId: m.garden, Status: 9}, types.ErrInvalidAdStatus, codes.InvalidArgument},
		{"malformed owner", &types.QueryAdsRequest{CommunityId: m.garden, Owner: "bob"}, sdkerrors.ErrInvalidAddress, codes.InvalidArgument},
		{"malformed viewer", &types.QueryAdsRequest{CommunityId: m.garden, Viewer: "bob"}, sdkerrors.ErrInvalidAddress, codes.InvalidArgument},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := m.query.Ads(m.ctx, tc.req)
			require.ErrorIs(t, err, tc.want)
			require.Equal(t, tc.code, status.Code(err))
		})
	}
}

// TestQueryAds_FilteredPageReadsOnlyMatches shows that type and status
// filters do not scan the other ads of a community: a page costs the same gas
// whether or not a hundred non-matching ads sit next to the match.
func TestQueryAds_FilteredPageReadsOnlyMatches(t *testing.T) {
	quiet := newMarket(t)
	quiet.createAd(t, "carol", quiet.garden, types.AdTypeGive, "Match", 1)
	noisy := newMarket(t)
	for range 50 {
		noisy.createAd(t, "bob", noisy.garden, types.AdTypeWant, "Noise", 1)
		id := noisy.createAd(t, "bob", noisy.garden, types.AdTypeGive, "Noise", 1)
		noisy.closeAd(t, "bob", id)
	}
	noisy.createAd(t, "carol", noisy.garden, types.AdTypeGive, "Match", 1)

	pageGas := func(m *market) uint64 {
		t.Helper()
		ctx := m.ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
		res, err := m.query.Ads(ctx, &types.QueryAdsRequest{
			CommunityId: m.garden, Type: types.AdTypeGive, Status: types.AdStatusOpen, Pagination: &query.PageRequest{Limit: 10},
		})
		require.NoError(t, err)
		require.Len(t, res.Ads, 1)
		require.Equal(t, "Match", res.Ads[0].Ad.Title)
		return ctx.GasMeter().GasConsumed()
	}
	quietGas := pageGas(quiet)
	require.Positive(t, quietGas, "the store meters reads")
	require.Equal(t, quietGas, pageGas(noisy))
}

// TestListQueries_CapThePageSize asks every list query for 10^9 ads where
// more than pagination.MaxLimit exist: each page holds at most
// pagination.MaxLimit, and says where to continue.
func TestListQueries_CapThePageSize(t *testing.T) {
	m := newMarket(t)
	for i := range int(pagination.MaxLimit) + 1 {
		m.createAd(t, "bob", m.garden, types.AdTypeGive, fmt.Sprintf("Ad %d", i), 1)
	}
	huge := &query.PageRequest{Limit: 1_000_000_000}
	requests := map[string]*types.QueryAdsRequest{
		"community":       {CommunityId: m.garden, Pagination: huge},
		"type":            {CommunityId: m.garden, Type: types.AdTypeGive, Pagination: huge},
		"status":          {CommunityId: m.garden, Status: types.AdStatusOpen, Pagination: huge},
		"type and status": {CommunityId: m.garden, Type: types.AdTypeGive, Status: types.AdStatusOpen, Pagination: huge},
		"owner":           {CommunityId: m.garden, Owner: m.addr("bob"), Pagination: huge},
		"owner and type":  {CommunityId: m.garden, Owner: m.addr("bob"), Type: types.AdTypeGive, Pagination: huge},
	}
	for name, req := range requests {
		t.Run(name, func(t *testing.T) {
			res, err := m.query.Ads(m.ctx, req)
			require.NoError(t, err)
			require.Len(t, res.Ads, int(pagination.MaxLimit))
			require.NotEmpty(t, res.Pagination.NextKey)
		})
	}

	byOwner, err := m.query.AdsByOwner(m.ctx, &types.QueryAdsByOwnerRequest{Owner: m.addr("bob"), Pagination: huge})
	require.NoError(t, err)
	require.Len(t, byOwner.Ads, int(pagination.MaxLimit))
	require.NotEmpty(t, byOwner.Pagination.NextKey)
}
