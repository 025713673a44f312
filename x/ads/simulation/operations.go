// Package simulation builds random Msgs of the ads module for the chain
// simulation: members publish WANT and GIVE ads, and owners edit and close
// them; now and then someone else tries to.
package simulation

import (
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/internal/simops"
	"github.com/kizuna-chain/kizuna/x/ads/keeper"
	"github.com/kizuna-chain/kizuna/x/ads/types"
	communitykeeper "github.com/kizuna-chain/kizuna/x/community/keeper"
	communitysim "github.com/kizuna-chain/kizuna/x/community/simulation"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
)

// Operations returns the ads module's operations; MsgUpdateParams is
// governance's and is simulated by the runner.
func Operations(k keeper.Keeper, ck communitykeeper.Keeper) []simops.Operation {
	s := state{k, ck}
	return []simops.Operation{
		simops.New(&types.MsgCreateAd{}, 10, s.createAd),
		simops.New(&types.MsgUpdateAd{}, 3, s.updateAd),
		simops.New(&types.MsgCloseAd{}, 2, s.closeAd),
	}
}

type state struct {
	k  keeper.Keeper
	ck communitykeeper.Keeper
}

// OpenAds returns the open ads of a community.
func OpenAds(env *simops.Env, k keeper.Keeper, communityID uint64) []types.Ad {
	var out []types.Ad
	_ = k.Ads.Walk(env.Ctx, nil, func(_ uint64, ad types.Ad) (bool, error) {
		if ad.CommunityId == communityID && ad.Status == types.AdStatusOpen {
			out = append(out, ad)
		}
		return false, nil
	})
	return out
}

func (s state) createAd(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	ids := communitysim.Communities(env, s.ck)
	if len(ids) == 0 {
		return simops.Account{}, nil, false
	}
	id := simops.Pick(env.R, ids)
	members := communitysim.Members(env, s.ck, id, communitytypes.MemberStatusActive)
	if len(members) == 0 || simops.Chance(env.R, 5) {
		members = env.Accounts
	}
	owner := simops.Pick(env.R, members)
	adType := types.AdTypeGive
	if simops.Chance(env.R, 40) {
		adType = types.AdTypeWant
	}
	return owner, &types.MsgCreateAd{
		Owner: env.Addr(owner.Address), CommunityId: id, Type: adType, Title: simops.Name(env.R),
		Description: simops.Word(env.R, 40), Price: sdkmath.NewInt(env.R.Int63n(50_000)), Category: simops.Word(env.R, 5),
	}, true
}

// pickAd returns an open ad and its owner, or now and then another account.
func (s state) pickAd(env *simops.Env) (types.Ad, simops.Account, bool) {
	ids := communitysim.Communities(env, s.ck)
	if len(ids) == 0 {
		return types.Ad{}, simops.Account{}, false
	}
	ads := OpenAds(env, s.k, simops.Pick(env.R, ids))
	if len(ads) == 0 {
		return types.Ad{}, simops.Account{}, false
	}
	ad := simops.Pick(env.R, ads)
	signer, ok := env.FindBech32(ad.Owner)
	if !ok || simops.Chance(env.R, 10) {
		signer = simops.Pick(env.R, env.Accounts)
	}
	return ad, signer, true
}

func (s state) updateAd(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	ad, signer, ok := s.pickAd(env)
	if !ok {
		return simops.Account{}, nil, false
	}
	price := sdkmath.NewInt(env.R.Int63n(80_000))
	return signer, &types.MsgUpdateAd{
		Owner: env.Addr(signer.Address), AdId: ad.Id, Title: simops.Name(env.R), Price: &price, CommunityId: ad.CommunityId,
	}, true
}

func (s state) closeAd(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	ad, signer, ok := s.pickAd(env)
	if !ok {
		return simops.Account{}, nil, false
	}
	return signer, &types.MsgCloseAd{Owner: env.Addr(signer.Address), AdId: ad.Id, CommunityId: ad.CommunityId}, true
}
