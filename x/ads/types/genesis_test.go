package types_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/ads/types"
)

func addr(b byte) string {
	return sdk.MustBech32ifyAddressBytes("kizuna", append(make([]byte, 19), b))
}

// validGenesis has three ads: an open WANT and a paid GIVE in community 1,
// and a closed GIVE in community 2.
func validGenesis() *types.GenesisState {
	at := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	ad := func(id, community uint64, owner byte, adType types.AdType, status types.AdStatus) types.Ad {
		return types.Ad{
			Id: id, CommunityId: community, Owner: addr(owner), Type: adType, Title: "Ad",
			Price: math.NewInt(int64(id)), Status: status, CreatedAt: at, UpdatedAt: at.Add(time.Hour),
		}
	}
	paid := ad(2, 1, 2, types.AdTypeGive, types.AdStatusOpen)
	paid.Paid = true
	paid.PhotoUri, paid.PhotoSha256 = "ipfs://photo", make([]byte, 32)
	return &types.GenesisState{
		Params:   types.DefaultParams(),
		Ads:      []types.Ad{ad(1, 1, 1, types.AdTypeWant, types.AdStatusOpen), paid, ad(3, 2, 1, types.AdTypeGive, types.AdStatusClosed)},
		NextAdId: 4,
	}
}

func TestGenesisValidate(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*types.GenesisState)
		want   error
	}{
		{"valid", func(*types.GenesisState) {}, nil},
		{"default", func(gs *types.GenesisState) { *gs = *types.DefaultGenesis() }, nil},
		{"fields beyond the params but within the ceilings", func(gs *types.GenesisState) {
			gs.Ads[0].Title = strings.Repeat("t", 500)
			gs.Ads[0].Category = strings.Repeat("c", 200)
		}, nil},
		{"next id above the ids", func(gs *types.GenesisState) { gs.NextAdId = 100 }, nil},
		{"invalid params", func(gs *types.GenesisState) { gs.Params.MaxTitleLength = 0 }, types.ErrInvalidParams},
		{"next id zero", func(gs *types.GenesisState) { gs.NextAdId = 0 }, types.ErrInvalidGenesis},
		{"next id not above every id", func(gs *types.GenesisState) { gs.NextAdId = 3 }, types.ErrInvalidGenesis},
		{"ad id zero", func(gs *types.GenesisState) { gs.Ads[0].Id = 0 }, types.ErrInvalidGenesis},
		{"duplicate ad id", func(gs *types.GenesisState) { gs.Ads[1].Id = 1 }, types.ErrInvalidGenesis},
		{"community zero", func(gs *types.GenesisState) { gs.Ads[0].CommunityId = 0 }, types.ErrInvalidGenesis},
		{"bad owner", func(gs *types.GenesisState) { gs.Ads[0].Owner = "alice" }, types.ErrInvalidGenesis},
		{"empty owner", func(gs *types.GenesisState) { gs.Ads[0].Owner = "" }, types.ErrInvalidGenesis},
		{"unspecified type", func(gs *types.GenesisState) { gs.Ads[0].Type = types.AdTypeUnspecified }, types.ErrInvalidGenesis},
		{"unspecified status", func(gs *types.GenesisState) { gs.Ads[0].Status = types.AdStatusUnspecified }, types.ErrInvalidGenesis},
		{"empty title", func(gs *types.GenesisState) { gs.Ads[0].Title = "" }, types.ErrInvalidGenesis},
		{"title above ceiling", func(gs *types.GenesisState) { gs.Ads[0].Title = strings.Repeat("t", 1001) }, types.ErrInvalidGenesis},
		{"bad description", func(gs *types.GenesisState) { gs.Ads[0].Description = "\x00" }, types.ErrInvalidGenesis},
		{"missing price", func(gs *types.GenesisState) { gs.Ads[0].Price = math.Int{} }, types.ErrInvalidGenesis},
		{"negative price", func(gs *types.GenesisState) { gs.Ads[0].Price = math.NewInt(-1) }, types.ErrInvalidGenesis},
		{"bad location", func(gs *types.GenesisState) { gs.Ads[0].Location = "a\nb" }, types.ErrInvalidGenesis},
		{"bad photo uri", func(gs *types.GenesisState) { gs.Ads[1].PhotoUri = "photo" }, types.ErrInvalidGenesis},
		{"digest without photo", func(gs *types.GenesisState) { gs.Ads[1].PhotoUri = "" }, types.ErrInvalidGenesis},
		{"short digest", func(gs *types.GenesisState) { gs.Ads[1].PhotoSha256 = []byte{1} }, types.ErrInvalidGenesis},
		{"category above ceiling", func(gs *types.GenesisState) { gs.Ads[0].Category = strings.Repeat("c", 257) }, types.ErrInvalidGenesis},
		{"updated before created", func(gs *types.GenesisState) {
			gs.Ads[0].UpdatedAt = gs.Ads[0].CreatedAt.Add(-time.Second)
		}, types.ErrInvalidGenesis},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			gs := validGenesis()
			tc.mutate(gs)
			err := gs.Validate()
			if tc.want == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.want)
		})
	}
}
