package types_test

import (
	"strings"
	"testing"
	"time"

	"cosmossdk.io/math"

	"github.com/kizuna-chain/kizuna/testutil/statetest"
	"github.com/kizuna-chain/kizuna/x/ads/types"
)

// validGenesis has three ads: an open WANT and a paid GIVE in community 1,
// and a closed GIVE in community 2.
func validGenesis() types.GenesisState {
	at := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	ad := func(id, community uint64, owner byte, adType types.AdType, status types.AdStatus) types.Ad {
		return types.Ad{
			Id: id, CommunityId: community, Owner: statetest.Address(owner), Type: adType, Title: "Ad",
			Price: math.NewInt(int64(id)), Status: status, CreatedAt: at, UpdatedAt: at.Add(time.Hour),
		}
	}
	paid := ad(2, 1, 2, types.AdTypeGive, types.AdStatusOpen)
	paid.Paid = true
	paid.PhotoUri, paid.PhotoSha256 = "ipfs://photo", make([]byte, 32)
	return types.GenesisState{
		Params:   types.DefaultParams(),
		Ads:      []types.Ad{ad(1, 1, 1, types.AdTypeWant, types.AdStatusOpen), paid, ad(3, 2, 1, types.AdTypeGive, types.AdStatusClosed)},
		NextAdId: 4,
	}
}

func TestGenesisValidate_AcceptsConsistentStates(t *testing.T) {
	statetest.Accepts(t, validGenesis, map[string]func(*types.GenesisState){
		"default": func(gs *types.GenesisState) { *gs = *types.DefaultGenesis() },
		"fields beyond the params but within the ceilings": func(gs *types.GenesisState) {
			gs.Ads[0].Title = strings.Repeat("t", 500)
			gs.Ads[0].Category = strings.Repeat("c", 200)
		},
		"next id above the ids": func(gs *types.GenesisState) { gs.NextAdId = 100 },
	})
}

func TestGenesisValidate_RefusesInconsistentStates(t *testing.T) {
	statetest.Refuses(t, validGenesis, types.ErrInvalidParams, map[string]func(*types.GenesisState){
		"invalid params": func(gs *types.GenesisState) { gs.Params.MaxTitleLength = 0 },
	})
	statetest.Refuses(t, validGenesis, types.ErrInvalidGenesis, map[string]func(*types.GenesisState){
		"next id zero":               func(gs *types.GenesisState) { gs.NextAdId = 0 },
		"next id not above every id": func(gs *types.GenesisState) { gs.NextAdId = 3 },
		"ad id zero":                 func(gs *types.GenesisState) { gs.Ads[0].Id = 0 },
		"duplicate ad id":            func(gs *types.GenesisState) { gs.Ads[1].Id = 1 },
		"community zero":             func(gs *types.GenesisState) { gs.Ads[0].CommunityId = 0 },
		"bad owner":                  func(gs *types.GenesisState) { gs.Ads[0].Owner = "alice" },
		"empty owner":                func(gs *types.GenesisState) { gs.Ads[0].Owner = "" },
		"unspecified type":           func(gs *types.GenesisState) { gs.Ads[0].Type = types.AdTypeUnspecified },
		"unspecified status":         func(gs *types.GenesisState) { gs.Ads[0].Status = types.AdStatusUnspecified },
		"empty title":                func(gs *types.GenesisState) { gs.Ads[0].Title = "" },
		"title above ceiling":        func(gs *types.GenesisState) { gs.Ads[0].Title = strings.Repeat("t", 1001) },
		"bad description":            func(gs *types.GenesisState) { gs.Ads[0].Description = "\x00" },
		"missing price":              func(gs *types.GenesisState) { gs.Ads[0].Price = math.Int{} },
		"negative price":             func(gs *types.GenesisState) { gs.Ads[0].Price = math.NewInt(-1) },
		"bad location":               func(gs *types.GenesisState) { gs.Ads[0].Location = "a\nb" },
		"bad photo uri":              func(gs *types.GenesisState) { gs.Ads[1].PhotoUri = "photo" },
		"digest without photo":       func(gs *types.GenesisState) { gs.Ads[1].PhotoUri = "" },
		"short digest":               func(gs *types.GenesisState) { gs.Ads[1].PhotoSha256 = []byte{1} },
		"category above ceiling":     func(gs *types.GenesisState) { gs.Ads[0].Category = strings.Repeat("c", 257) },
		"updated before created": func(gs *types.GenesisState) {
			gs.Ads[0].UpdatedAt = gs.Ads[0].CreatedAt.Add(-time.Second)
		},
	})
}
