package types

import (
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/bech32"
)

// DefaultGenesis returns the genesis state of a chain without communities.
func DefaultGenesis() *GenesisState {
	return &GenesisState{
		Params:          DefaultParams(),
		Communities:     []Community{},
		Members:         []Member{},
		NextCommunityId: FirstCommunityID,
	}
}

// Validate checks the genesis state without a store: valid params; unique
// community ids below next_community_id; unique names (compared by NameKey)
// and usernames (compared case-insensitively); members of existing communities only; an active admin in
// every community; every field well formed. Field lengths are checked against
// the params ceilings, so state created under any valid params passes.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	if gs.NextCommunityId < FirstCommunityID {
		return ErrInvalidGenesis.Wrapf("next_community_id %d is below %d", gs.NextCommunityId, FirstCommunityID)
	}

	limits := ceilingParams()
	communities := make(map[uint64]bool, len(gs.Communities))
	names := make(map[string]uint64, len(gs.Communities))
	for i, c := range gs.Communities {
		if err := validateGenesisCommunity(c, limits); err != nil {
			return ErrInvalidGenesis.Wrapf("community #%d (id %d): %s", i, c.Id, err)
		}
		if c.Id >= gs.NextCommunityId {
			return ErrInvalidGenesis.Wrapf("community id %d is not below next_community_id %d", c.Id, gs.NextCommunityId)
		}
		if communities[c.Id] {
			return ErrInvalidGenesis.Wrapf("duplicate community id %d", c.Id)
		}
		communities[c.Id] = true
		if other, taken := names[NameKey(c.Name)]; taken {
			return ErrInvalidGenesis.Wrapf("communities %d and %d share the name %q", other, c.Id, c.Name)
		}
		names[NameKey(c.Name)] = c.Id
	}

	type memberKey struct {
		community uint64
		address   string
	}
	type usernameKey struct {
		community uint64
		username  string
	}
	members := make(map[memberKey]bool, len(gs.Members))
	usernames := make(map[usernameKey]bool, len(gs.Members))
	hasAdmin := make(map[uint64]bool, len(gs.Communities))
	for i, m := range gs.Members {
		addr, err := validateGenesisMember(m, limits)
		if err != nil {
			return ErrInvalidGenesis.Wrapf("member #%d (%s in community %d): %s", i, m.Address, m.CommunityId, err)
		}
		if !communities[m.CommunityId] {
			return ErrInvalidGenesis.Wrapf("member %s belongs to unknown community %d", m.Address, m.CommunityId)
		}
		mk := memberKey{m.CommunityId, string(addr)}
		if members[mk] {
			return ErrInvalidGenesis.Wrapf("duplicate member %s in community %d", m.Address, m.CommunityId)
		}
		members[mk] = true
		uk := usernameKey{m.CommunityId, UsernameKey(m.Profile.Username)}
		if usernames[uk] {
			return ErrInvalidGenesis.Wrapf("duplicate username %q in community %d", m.Profile.Username, m.CommunityId)
		}
		usernames[uk] = true
		if m.Role == RoleAdmin && m.Status == MemberStatusActive {
			hasAdmin[m.CommunityId] = true
		}
	}
	for _, c := range gs.Communities {
		if !hasAdmin[c.Id] {
			return ErrInvalidGenesis.Wrapf("community %d has no active admin", c.Id)
		}
	}
	return nil
}

func validateGenesisCommunity(c Community, limits Params) error {
	if c.Id < FirstCommunityID {
		return fmt.Errorf("id must be at least %d", FirstCommunityID)
	}
	if err := limits.ValidateCommunityName(c.Name); err != nil {
		return err
	}
	if err := limits.ValidateCommunityDescription(c.Description); err != nil {
		return err
	}
	if err := limits.ValidateCommunityLocation(c.Location); err != nil {
		return err
	}
	if err := ValidateJoinPolicy(c.JoinPolicy); err != nil {
		return err
	}
	if _, err := decodeAddress(c.Creator); err != nil {
		return fmt.Errorf("creator: %w", err)
	}
	return nil
}

func validateGenesisMember(m Member, limits Params) (sdk.AccAddress, error) {
	addr, err := decodeAddress(m.Address)
	if err != nil {
		return nil, fmt.Errorf("address: %w", err)
	}
	if err := ValidateRole(m.Role); err != nil {
		return nil, err
	}
	if err := ValidateMemberStatus(m.Status); err != nil {
		return nil, err
	}
	if m.Status == MemberStatusPending && m.Role != RoleMember {
		return nil, fmt.Errorf("a pending request has role %s, want %s", m.Role, RoleMember)
	}
	if err := limits.ValidateProfile(m.Profile); err != nil {
		return nil, err
	}
	return addr, nil
}

// decodeAddress decodes a bech32 account address whatever its prefix: the
// keeper's address codec checks the prefix when the state is loaded.
func decodeAddress(s string) (sdk.AccAddress, error) {
	_, bz, err := bech32.DecodeAndConvert(s)
	if err != nil {
		return nil, err
	}
	if err := sdk.VerifyAddressFormat(bz); err != nil {
		return nil, err
	}
	return bz, nil
}
