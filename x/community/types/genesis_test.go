package types_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/community/types"
)

func addr(b byte) string {
	return sdk.MustBech32ifyAddressBytes("kizuna", append(make([]byte, 19), b))
}

// validGenesis has two communities: 1 (OPEN) with an admin, a member and a
// moderator, and 2 (APPROVAL) with an admin and a pending request.
func validGenesis() *types.GenesisState {
	at := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	member := func(id uint64, a byte, role types.Role, status types.MemberStatus, username string) types.Member {
		return types.Member{
			CommunityId: id, Address: addr(a), Role: role, Status: status, JoinedAt: at,
			Profile: types.Profile{Username: username},
		}
	}
	return &types.GenesisState{
		Params: types.DefaultParams(),
		Communities: []types.Community{
			{Id: 1, Name: "Garden", JoinPolicy: types.JoinPolicyOpen, Creator: addr(1), CreatedAt: at},
			{Id: 2, Name: "Orchard", JoinPolicy: types.JoinPolicyApproval, Creator: addr(2), CreatedAt: at},
		},
		Members: []types.Member{
			member(1, 1, types.RoleAdmin, types.MemberStatusActive, "alice"),
			member(1, 3, types.RoleMember, types.MemberStatusActive, "bob"),
			member(1, 4, types.RoleModerator, types.MemberStatusActive, "carol"),
			member(2, 2, types.RoleAdmin, types.MemberStatusActive, "alice"),
			member(2, 3, types.RoleMember, types.MemberStatusPending, "bob"),
		},
		NextCommunityId: 3,
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
		{"names and usernames beyond the params but within the ceilings", func(gs *types.GenesisState) {
			gs.Communities[0].Name = strings.Repeat("n", 200)
			gs.Members[1].Profile.Username = strings.Repeat("u", 50)
		}, nil},
		{"invalid params", func(gs *types.GenesisState) { gs.Params.MaxSearchScan = 0 }, types.ErrInvalidParams},
		{"next id zero", func(gs *types.GenesisState) { gs.NextCommunityId = 0 }, types.ErrInvalidGenesis},
		{"next id not above every id", func(gs *types.GenesisState) { gs.NextCommunityId = 2 }, types.ErrInvalidGenesis},
		{"community id zero", func(gs *types.GenesisState) { gs.Communities[0].Id = 0 }, types.ErrInvalidGenesis},
		{"duplicate community id", func(gs *types.GenesisState) { gs.Communities[1].Id = 1 }, types.ErrInvalidGenesis},
		{"duplicate name", func(gs *types.GenesisState) { gs.Communities[1].Name = "GARDEN" }, types.ErrInvalidGenesis},
		{"look-alike name", func(gs *types.GenesisState) { gs.Communities[1].Name = "G\u0430rden" }, types.ErrInvalidGenesis},
		{"names that differ only in white space", func(gs *types.GenesisState) {
			gs.Communities[0].Name, gs.Communities[1].Name = "Kaga Commons", "Kaga\u3000\u3000Commons"
		}, types.ErrInvalidGenesis},
		{"name with a filler", func(gs *types.GenesisState) { gs.Communities[1].Name = "Or\u3164chard" }, types.ErrInvalidGenesis},
		{"name mixing scripts", func(gs *types.GenesisState) { gs.Communities[1].Name = "Orchard Сад" }, types.ErrInvalidGenesis},
		{"Japanese names", func(gs *types.GenesisState) {
			gs.Communities[0].Name, gs.Communities[1].Name = "金沢コモンズ", "Kaga 金沢"
		}, nil},
		{"empty name", func(gs *types.GenesisState) { gs.Communities[0].Name = "" }, types.ErrInvalidGenesis},
		{"name above ceiling", func(gs *types.GenesisState) { gs.Communities[0].Name = strings.Repeat("n", 257) }, types.ErrInvalidGenesis},
		{"bad description", func(gs *types.GenesisState) { gs.Communities[0].Description = "\x00" }, types.ErrInvalidGenesis},
		{"bad location", func(gs *types.GenesisState) { gs.Communities[0].Location = "a\nb" }, types.ErrInvalidGenesis},
		{"unspecified join policy", func(gs *types.GenesisState) { gs.Communities[0].JoinPolicy = types.JoinPolicyUnspecified }, types.ErrInvalidGenesis},
		{"bad creator", func(gs *types.GenesisState) { gs.Communities[0].Creator = "alice" }, types.ErrInvalidGenesis},
		{"member of unknown community", func(gs *types.GenesisState) { gs.Members[1].CommunityId = 7 }, types.ErrInvalidGenesis},
		{"duplicate member", func(gs *types.GenesisState) {
			gs.Members[2].Address = gs.Members[1].Address
		}, types.ErrInvalidGenesis},
		{"duplicate member in upper-case bech32", func(gs *types.GenesisState) {
			gs.Members[2].Address = strings.ToUpper(gs.Members[1].Address)
		}, types.ErrInvalidGenesis},
		{"duplicate username", func(gs *types.GenesisState) { gs.Members[2].Profile.Username = "BOB" }, types.ErrInvalidGenesis},
		{"bad username", func(gs *types.GenesisState) { gs.Members[2].Profile.Username = "carol!" }, types.ErrInvalidGenesis},
		{"bad member address", func(gs *types.GenesisState) { gs.Members[2].Address = "" }, types.ErrInvalidGenesis},
		{"unspecified role", func(gs *types.GenesisState) { gs.Members[2].Role = types.RoleUnspecified }, types.ErrInvalidGenesis},
		{"unspecified status", func(gs *types.GenesisState) { gs.Members[2].Status = types.MemberStatusUnspecified }, types.ErrInvalidGenesis},
		{"pending admin", func(gs *types.GenesisState) { gs.Members[4].Role = types.RoleAdmin }, types.ErrInvalidGenesis},
		{"bad avatar digest", func(gs *types.GenesisState) {
			gs.Members[2].Profile.AvatarUri = "ipfs://a"
			gs.Members[2].Profile.AvatarSha256 = []byte{1}
		}, types.ErrInvalidGenesis},
		{"community without admin", func(gs *types.GenesisState) { gs.Members[3].Role = types.RoleMember }, types.ErrInvalidGenesis},
		{"community whose only admin is removed", func(gs *types.GenesisState) { gs.Members = gs.Members[:3] }, types.ErrInvalidGenesis},
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
