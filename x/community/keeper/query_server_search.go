package keeper

import (
	"context"
	"strings"
	"unicode/utf8"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/address"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/kizuna-chain/kizuna/internal/grpcerr"
	"github.com/kizuna-chain/kizuna/internal/pagination"
	"github.com/kizuna-chain/kizuna/x/community/types"
)

// SearchMembers finds the active members of a community whose username,
// first name or last name contains q, compared case-insensitively.
//
// It walks the community's members by address from the page key and stops
// after Params.MaxSearchScan members or one match past the limit, whichever
// comes first; next_key is then the address to resume from. A page may thus
// hold fewer results than asked, or none, while next_key is set.
func (q queryServer) SearchMembers(ctx context.Context, req *types.QuerySearchMembersRequest) (*types.QuerySearchMembersResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	params, err := q.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	needle, err := searchNeedle(req.Q, params)
	if err != nil {
		return nil, err
	}
	if _, err := q.GetCommunity(ctx, req.CommunityId); err != nil {
		return nil, err
	}
	page := pagination.Bound(req.Pagination)
	if page.Offset != 0 || page.CountTotal || page.Reverse {
		return nil, types.ErrInvalidSearch.Wrap("pagination supports key and limit only")
	}
	limit := page.Limit

	rng := collections.NewPrefixedPairRange[uint64, sdk.AccAddress](req.CommunityId)
	if len(page.Key) != 0 {
		n, start, err := sdk.AccAddressKey.Decode(page.Key)
		if err != nil || n != len(page.Key) || len(start) > address.MaxAddrLen {
			return nil, types.ErrInvalidSearch.Wrap("invalid pagination key")
		}
		rng = rng.StartInclusive(start)
	}
	var (
		members []types.Member
		nextKey []byte
		scanned uint32
	)
	err = q.Keeper.Members.Walk(ctx, rng, func(key MemberKey, m types.Member) (bool, error) {
		if scanned == params.MaxSearchScan {
			var encodeErr error
			nextKey, encodeErr = encodeAddressKey(key.K2())
			return true, encodeErr
		}
		scanned++
		if !memberMatches(m, needle) {
			return false, nil
		}
		if uint64(len(members)) == limit {
			var encodeErr error
			nextKey, encodeErr = encodeAddressKey(key.K2())
			return true, encodeErr
		}
		members = append(members, m)
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	return &types.QuerySearchMembersResponse{
		Members:    members,
		Pagination: &query.PageResponse{NextKey: nextKey},
	}, nil
}

// searchNeedle checks the search text and returns it lowercased.
func searchNeedle(q string, params types.Params) (string, error) {
	if q == "" {
		return "", types.ErrInvalidSearch.Wrap("q is empty")
	}
	if !utf8.ValidString(q) {
		return "", types.ErrInvalidSearch.Wrap("q is not valid UTF-8")
	}
	if n := utf8.RuneCountInString(q); uint64(n) > uint64(params.MaxSearchQueryLength) {
		return "", types.ErrInvalidSearch.Wrapf("q has %d characters, at most %d allowed", n, params.MaxSearchQueryLength)
	}
	return strings.ToLower(q), nil
}

func memberMatches(m types.Member, needle string) bool {
	if m.Status != types.MemberStatusActive {
		return false
	}
	return strings.Contains(strings.ToLower(m.Profile.Username), needle) ||
		strings.Contains(strings.ToLower(m.Profile.FirstName), needle) ||
		strings.Contains(strings.ToLower(m.Profile.LastName), needle)
}

// encodeAddressKey encodes addr the way the member key encodes its address
// part, which is the page key format of every member listing.
func encodeAddressKey(addr sdk.AccAddress) ([]byte, error) {
	buf := make([]byte, sdk.AccAddressKey.Size(addr))
	if _, err := sdk.AccAddressKey.Encode(buf, addr); err != nil {
		return nil, err
	}
	return buf, nil
}
