package app

import (
	"encoding/json"

	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/x/bank"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
)

// GenesisState is the app state of a genesis file: each module's genesis as
// raw JSON, keyed by module name.
type GenesisState map[string]json.RawMessage

// BondDenomMetadata is the bank metadata of ukiz, so that wallets and
// explorers show KIZ with six decimals.
func BondDenomMetadata() banktypes.Metadata {
	return banktypes.Metadata{
		Description: "The staking and fee token of Kizuna",
		Base:        BondDenom,
		Display:     DisplayDenom,
		Name:        "Kizuna",
		Symbol:      DisplayDenom,
		DenomUnits: []*banktypes.DenomUnit{
			{Denom: BondDenom, Exponent: 0},
			{Denom: DisplayDenom, Exponent: BondDenomExponent},
		},
	}
}

// bankModuleBasic is x/bank's module basic with a default genesis that
// carries the metadata of ukiz.
type bankModuleBasic struct {
	bank.AppModuleBasic
}

func (bankModuleBasic) DefaultGenesis(cdc codec.JSONCodec) json.RawMessage {
	state := banktypes.DefaultGenesisState()
	state.DenomMetadata = append(state.DenomMetadata, BondDenomMetadata())
	return cdc.MustMarshalJSON(state)
}
