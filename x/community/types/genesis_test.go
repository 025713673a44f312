package types_test

import (
	"strings"
	"testing"
	"time"

	"github.com/kizuna-chain/kizuna/testutil/statetest"
	"github.com/kizuna-chain/kizuna/x/community/types"
)

// validGenesis has two communities: 1 (OPEN) with an admin, a member and a
// moderator, and 2 (APPROVAL) with an admin and a pending request.
func validGenesis() types.GenesisState {
	at := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	member := func(id uint64, a byte, role types.Role, status types.MemberStatus, username string) types.Member {
		return types.Member{
			CommunityId: id, Address: statetest.Address(a), Role: role, Status: status, JoinedAt: at,
			Profile: types.Profile{Username: username},
		}
	}
	return types.GenesisState{
		Params: types.DefaultParams(),
		Communities: []types.Community{
			{Id: 1, Name: "Garden", JoinPolicy: types.JoinPolicyOpen, Creator: statetest.Address(1), CreatedAt: at},
			{Id: 2, Name: "Orchard", JoinPolicy: types.JoinPolicyApproval, Creator: statetest.Address(2), CreatedAt: at},
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

func TestGenesisValidate_AcceptsConsistentStates(t *testing.T) {
	statetest.Accepts(t, validGenesis, map[string]func(*types.GenesisState){
		"default": func(gs *types.GenesisState) { *gs = *types.DefaultGenesis() },
		"names and usernames beyond the params but within the ceilings": func(gs *types.GenesisState) {
			gs.Communities[0].Name = strings.Repeat("n", 200)
			gs.Members[1].Profile.Username = strings.Repeat("u", 50)
		},
		"Japanese names": func(gs *types.GenesisState) {
			gs.Communities[0].Name, gs.Communities[1].Name = "金沢コモンズ", "Kaga 金沢"
		},
	})
}

func TestGenesisValidate_RefusesInconsistentStates(t *testing.T) {
	statetest.Refuses(t, validGenesis, types.ErrInvalidParams, map[string]func(*types.GenesisState){
		"invalid params": func(gs *types.GenesisState) { gs.Params.MaxSearchScan = 0 },
	})
	statetest.Refuses(t, validGenesis, types.ErrInvalidGenesis, map[string]func(*types.GenesisState){
		"next id zero":               func(gs *types.GenesisState) { gs.NextCommunityId = 0 },
		"next id not above every id": func(gs *types.GenesisState) { gs.NextCommunityId = 2 },
		"community id zero":          func(gs *types.GenesisState) { gs.Communities[0].Id = 0 },
		"duplicate community id":     func(gs *types.GenesisState) { gs.Communities[1].Id = 1 },
		"duplicate name":             func(gs *types.GenesisState) { gs.Communities[1].Name = "GARDEN" },
		"look-alike name":            func(gs *types.GenesisState) { gs.Communities[1].Name = "G\u0430rden" },
		"names that differ only in white space": func(gs *types.GenesisState) {
			gs.Communities[0].Name, gs.Communities[1].Name = "Kaga Commons", "Kaga\u3000\u3000Commons"
		},
		"name with a filler":          func(gs *types.GenesisState) { gs.Communities[1].Name = "Or\u3164chard" },
		"name mixing scripts":         func(gs *types.GenesisState) { gs.Communities[1].Name = "Orchard Сад" },
		"empty name":                  func(gs *types.GenesisState) { gs.Communities[0].Name = "" },
		"name above ceiling":          func(gs *types.GenesisState) { gs.Communities[0].Name = strings.Repeat("n", 257) },
		"bad description":             func(gs *types.GenesisState) { gs.Communities[0].Description = "\x00" },
		"bad location":                func(gs *types.GenesisState) { gs.Communities[0].Location = "a\nb" },
		"unspecified join policy":     func(gs *types.GenesisState) { gs.Communities[0].JoinPolicy = types.JoinPolicyUnspecified },
		"bad creator":                 func(gs *types.GenesisState) { gs.Communities[0].Creator = "alice" },
		"member of unknown community": func(gs *types.GenesisState) { gs.Members[1].CommunityId = 7 },
		"duplicate member": func(gs *types.GenesisState) {
			gs.Members[2].Address = gs.Members[1].Address
		},
		"duplicate member in upper-case bech32": func(gs *types.GenesisState) {
			gs.Members[2].Address = strings.ToUpper(gs.Members[1].Address)
		},
		"duplicate username": func(gs *types.GenesisState) { gs.Members[2].Profile.Username = "BOB" },
		"bad username":       func(gs *types.GenesisState) { gs.Members[2].Profile.Username = "carol!" },
		"bad member address": func(gs *types.GenesisState) { gs.Members[2].Address = "" },
		"unspecified role":   func(gs *types.GenesisState) { gs.Members[2].Role = types.RoleUnspecified },
		"unspecified status": func(gs *types.GenesisState) { gs.Members[2].Status = types.MemberStatusUnspecified },
		"pending admin":      func(gs *types.GenesisState) { gs.Members[4].Role = types.RoleAdmin },
		"bad avatar digest": func(gs *types.GenesisState) {
			gs.Members[2].Profile.AvatarUri = "ipfs://a"
			gs.Members[2].Profile.AvatarSha256 = []byte{1}
		},
		"community without admin":               func(gs *types.GenesisState) { gs.Members[3].Role = types.RoleMember },
		"community whose only admin is removed": func(gs *types.GenesisState) { gs.Members = gs.Members[:3] },
	})
}
