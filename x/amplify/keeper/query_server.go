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

// queryServer implements types.QueryServer.
type queryServer struct {
	Keeper
}

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns the Query server of the amplify module.
func NewQueryServerImpl(k Keeper) types.QueryServer {
	return queryServer{Keeper: k}
}

// Params returns the module params.
func (q queryServer) Params(ctx context.Context, req *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	params, err := q.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: params}, nil
}

// List returns messages by position in acceptance order, all types or one.
func (q queryServer) List(ctx context.Context, req *types.QueryListRequest) (*types.QueryListResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	params, err := q.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	if req.Amount == 0 || req.Amount > params.MaxListAmount {
		return nil, grpcerr.InvalidArgument(types.ErrInvalidRequest.Wrapf("amount must be in 1..%d", params.MaxListAmount))
	}
	if req.Type != "" && req.Type != types.TypeAmplify && req.Type != types.TypeComment {
		return nil, grpcerr.InvalidArgument(types.ErrInvalidType.Wrapf("%q", req.Type))
	}
	out := make([]types.StoredMessage, 0, req.Amount)
	for i := uint64(0); i < uint64(req.Amount); i++ {
		pos := req.From + i
		if pos < req.From {
			break
		}
		var index string
		if req.Type == "" {
			index, err = q.Messages.Indexes.Seq.MatchExact(ctx, pos+1)
		} else {
			index, err = q.MessagesByType.Get(ctx, collections.Join(req.Type, pos))
		}
		if errors.Is(err, collections.ErrNotFound) {
			break
		}
		if err != nil {
			return nil, err
		}
		m, err := q.Messages.Get(ctx, index)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return &types.QueryListResponse{Messages: out}, nil
}

// Message returns a message by index.
func (q queryServer) Message(ctx context.Context, req *types.QueryMessageRequest) (*types.QueryMessageResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	m, err := q.Messages.Get(ctx, strings.TrimPrefix(req.Index, types.KiwiPrefix))
	if errors.Is(err, collections.ErrNotFound) {
		return nil, types.ErrMessageNotFound.Wrap(req.Index)
	}
	if err != nil {
		return nil, err
	}
	return &types.QueryMessageResponse{Message: m}, nil
}

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

// Delegations lists the delegations, of one identity or all.
func (q queryServer) Delegations(ctx context.Context, req *types.QueryDelegationsRequest) (*types.QueryDelegationsResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	toDelegation := func(key collections.Pair[string, string], _ collections.NoValue) (types.Delegation, error) {
		return types.Delegation{From: key.K1(), To: key.K2()}, nil
	}
	var opts []func(*query.CollectionsPaginateOptions[collections.Pair[string, string]])
	if req.From != "" {
		from, err := types.ParseEthAddress("from", req.From)
		if err != nil {
			return nil, grpcerr.InvalidArgument(err)
		}
		opts = append(opts, query.WithCollectionPaginationPairPrefix[string, string](from.Hex()))
	}
	out, page, err := query.CollectionPaginate(ctx, q.Keeper.Delegations.Indexes.From, pagination.Bound(req.Pagination), toDelegation, opts...)
	if err != nil {
		return nil, grpcerr.InvalidArgument(err)
	}
	return &types.QueryDelegationsResponse{Delegations: out, Pagination: page}, nil
}

// IdentityOf returns the identity a signing key signs for.
func (q queryServer) IdentityOf(ctx context.Context, req *types.QueryIdentityOfRequest) (*types.QueryIdentityOfResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	signer, err := types.ParseEthAddress("signer", req.Signer)
	if err != nil {
		return nil, grpcerr.InvalidArgument(err)
	}
	identity, delegated, err := q.Keeper.IdentityOf(ctx, signer)
	if err != nil {
		return nil, err
	}
	return &types.QueryIdentityOfResponse{Identity: identity.Hex(), Delegated: delegated}, nil
}

// EthAccount returns an Ethereum address's next consent nonce and linked
// account.
func (q queryServer) EthAccount(ctx context.Context, req *types.QueryEthAccountRequest) (*types.QueryEthAccountResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	addr, err := types.ParseEthAddress("address", req.Address)
	if err != nil {
		return nil, grpcerr.InvalidArgument(err)
	}
	nonce, err := q.nextNonce(ctx, addr)
	if err != nil {
		return nil, err
	}
	res := &types.QueryEthAccountResponse{Address: addr.Hex(), ConsentNonce: nonce}
	account, err := q.Links.Indexes.Eth.MatchExact(ctx, addr.Hex())
	switch {
	case errors.Is(err, collections.ErrNotFound):
	case err != nil:
		return nil, err
	default:
		if res.LinkedAccount, err = q.addressCodec.BytesToString(account); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// Link returns the Ethereum address linked to an account.
func (q queryServer) Link(ctx context.Context, req *types.QueryLinkRequest) (*types.QueryLinkResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	account, err := q.parseAddress("account", req.Account)
	if err != nil {
		return nil, grpcerr.InvalidArgument(err)
	}
	eth, err := q.Links.Get(ctx, account)
	if errors.Is(err, collections.ErrNotFound) {
		return nil, types.ErrLinkNotFound.Wrap(req.Account)
	}
	if err != nil {
		return nil, err
	}
	return &types.QueryLinkResponse{EthAddress: eth}, nil
}
