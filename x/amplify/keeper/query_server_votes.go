package keeper

import (
	"context"
	"errors"
	"sort"
	"strings"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/kizuna-chain/kizuna/internal/grpcerr"
	"github.com/kizuna-chain/kizuna/internal/pagination"
	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

// Votes lists the identities that amplified a link.
func (q queryServer) Votes(ctx context.Context, req *types.QueryVotesRequest) (*types.QueryVotesResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	link := req.Href
	if !strings.HasPrefix(link, types.KiwiPrefix) {
		normalized, err := types.NormalizeURL(req.Href)
		if err != nil {
			return nil, grpcerr.InvalidArgument(err)
		}
		link = normalized
	}
	identities, page, err := query.CollectionPaginate(ctx, q.Messages.Indexes.Votes, pagination.Bound(req.Pagination),
		func(_ VoteKey, identity string) (string, error) { return identity, nil },
		query.WithCollectionPaginationPairPrefix[string, uint64](link))
	if err != nil {
		return nil, grpcerr.InvalidArgument(err)
	}
	return &types.QueryVotesResponse{Link: link, Identities: identities, Pagination: page}, nil
}

// maxTopScan bounds the amplifies Query/Top reads.
const maxTopScan = 100_000

// Top ranks the links amplified within params.top_window before the block
// time. score = votes * 1_000_000 / (age_hours + 2)^2, where votes counts
// the link's amplifies in the window (one per identity) and age_hours is the
// whole hours from the block time of the link's first accepted amplify in the
// window to the current block time. Ties go to more votes, then to the
// smaller first index. Integer math only.
//
// The age never comes from a signed timestamp: a voter chooses that, and one
// back-dated vote used to age a link by years and drop its score to 0. Block
// times only grow, so a new vote never precedes a link's first acceptance;
// it adds one to votes and leaves the age as it is: one more vote never
// lowers a link's score.
func (q queryServer) Top(ctx context.Context, req *types.QueryTopRequest) (*types.QueryTopResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	params, err := q.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	if req.N == 0 || req.N > params.MaxTop {
		return nil, grpcerr.InvalidArgument(types.ErrInvalidRequest.Wrapf("n must be in 1..%d", params.MaxTop))
	}
	now := sdk.UnwrapSDKContext(ctx).BlockTime().Unix()
	since := now - int64(params.TopWindow)

	count, err := q.TypeCounts.Get(ctx, types.TypeAmplify)
	if errors.Is(err, collections.ErrNotFound) {
		return &types.QueryTopResponse{}, nil
	}
	if err != nil {
		return nil, err
	}
	scores := map[string]*types.LinkScore{}
	var order []string
	for scanned := uint64(0); scanned < count && scanned < maxTopScan; scanned++ {
		index, err := q.MessagesByType.Get(ctx, collections.Join(types.TypeAmplify, count-1-scanned))
		if err != nil {
			return nil, err
		}
		m, err := q.Messages.Get(ctx, index)
		if err != nil {
			return nil, err
		}
		if m.AcceptedAt < since {
			break
		}
		s, ok := scores[m.Link]
		if !ok {
			s = &types.LinkScore{Link: m.Link}
			scores[m.Link] = s
			order = append(order, m.Link)
		}
		s.Votes++
		// The scan runs from the newest amplify back, so the last one seen
		// of a link is its first accepted.
		s.FirstTimestamp = m.Timestamp
		s.FirstIndex = m.Index
		s.FirstAcceptedAt = m.AcceptedAt
	}
	links := make([]types.LinkScore, 0, len(order))
	for _, l := range order {
		s := scores[l]
		var ageHours uint64
		if now > s.FirstAcceptedAt {
			ageHours = uint64(now-s.FirstAcceptedAt) / 3600
		}
		d := ageHours + 2
		s.Score = s.Votes * 1_000_000 / (d * d)
		links = append(links, *s)
	}
	sort.SliceStable(links, func(i, j int) bool {
		a, b := links[i], links[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.Votes != b.Votes {
			return a.Votes > b.Votes
		}
		return a.FirstIndex < b.FirstIndex
	})
	if len(links) > int(req.N) {
		links = links[:req.N]
	}
	return &types.QueryTopResponse{Links: links}, nil
}
