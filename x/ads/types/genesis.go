package types

import (
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/bech32"
)

// DefaultGenesis returns the genesis state of a chain without ads.
func DefaultGenesis() *GenesisState {
	return &GenesisState{
		Params:   DefaultParams(),
		Ads:      []Ad{},
		NextAdId: FirstAdID,
	}
}

// Validate checks the genesis state without a store: valid params; unique ad
// ids below next_ad_id; every field well formed. Field lengths are checked
// against the params ceilings, so state created under any valid params
// passes. Whether the communities exist is not checked here: members may
// leave after publishing, and the community module's state is its own.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	if gs.NextAdId < FirstAdID {
		return ErrInvalidGenesis.Wrapf("next_ad_id %d is below %d", gs.NextAdId, FirstAdID)
	}

	limits := ceilingParams()
	ids := make(map[uint64]bool, len(gs.Ads))
	for i, ad := range gs.Ads {
		if err := validateGenesisAd(ad, limits); err != nil {
			return ErrInvalidGenesis.Wrapf("ad #%d (id %d): %s", i, ad.Id, err)
		}
		if ad.Id >= gs.NextAdId {
			return ErrInvalidGenesis.Wrapf("ad id %d is not below next_ad_id %d", ad.Id, gs.NextAdId)
		}
		if ids[ad.Id] {
			return ErrInvalidGenesis.Wrapf("duplicate ad id %d", ad.Id)
		}
		ids[ad.Id] = true
	}
	return nil
}

func validateGenesisAd(ad Ad, limits Params) error {
	if ad.Id < FirstAdID {
		return fmt.Errorf("id must be at least %d", FirstAdID)
	}
	if ad.CommunityId == 0 {
		return fmt.Errorf("community_id is zero")
	}
	if _, err := decodeAddress(ad.Owner); err != nil {
		return fmt.Errorf("owner: %w", err)
	}
	if err := limits.ValidateAd(ad); err != nil {
		return err
	}
	if ad.UpdatedAt.Before(ad.CreatedAt) {
		return fmt.Errorf("updated_at %s is before created_at %s", ad.UpdatedAt, ad.CreatedAt)
	}
	return nil
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
