package types

import (
	"encoding/binary"

	"github.com/cosmos/cosmos-sdk/types/bech32"
)

// DefaultGenesis returns the genesis state of a chain whose validators have
// not registered Ethereum keys yet.
func DefaultGenesis() *GenesisState {
	return &GenesisState{
		Params:         DefaultParams(),
		Registrations:  []Registration{},
		Valsets:        []Valset{},
		ValsetConfirms: []ValsetConfirm{},
	}
}

// Validate checks the genesis state without a store: valid params; one
// registration per validator, Ethereum address and orchestrator; valsets
// numbered contiguously from 1, each one the contract would accept;
// confirmations of existing valsets by registered validators with their
// registered key, once each. Signatures are checked against the chain's
// bridge id by InitGenesis, which knows the chain id.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	keys := make(map[string]string, len(gs.Registrations))
	ethOwners := map[string]bool{}
	orchestrators := map[string]bool{}
	for i, r := range gs.Registrations {
		if _, _, err := bech32.DecodeAndConvert(r.Validator); err != nil {
			return ErrInvalidGenesis.Wrapf("registration %d: validator: %v", i, err)
		}
		if _, _, err := bech32.DecodeAndConvert(r.Orchestrator); err != nil {
			return ErrInvalidGenesis.Wrapf("registration %d: orchestrator: %v", i, err)
		}
		addr, err := ParseEthereumAddress(r.EthereumAddress)
		if err != nil {
			return ErrInvalidGenesis.Wrapf("registration %d: %v", i, err)
		}
		if addr.Hex() != r.EthereumAddress {
			return ErrInvalidGenesis.Wrapf("registration %d: ethereum_address must be written with its checksum", i)
		}
		if _, dup := keys[r.Validator]; dup {
			return ErrInvalidGenesis.Wrapf("validator %s registered twice", r.Validator)
		}
		if ethOwners[r.EthereumAddress] || orchestrators[r.Orchestrator] {
			return ErrInvalidGenesis.Wrapf("registration %d reuses an Ethereum address or orchestrator", i)
		}
		keys[r.Validator] = r.EthereumAddress
		ethOwners[r.EthereumAddress] = true
		orchestrators[r.Orchestrator] = true
	}
	for i, v := range gs.Valsets {
		if want := FirstValsetNonce + uint64(i); v.Nonce != want {
			return ErrInvalidGenesis.Wrapf("valset %d has nonce %d; want %d", i, v.Nonce, want)
		}
		if err := v.Validate(); err != nil {
			return err
		}
	}
	confirmed := map[string]bool{}
	for i, c := range gs.ValsetConfirms {
		if c.Nonce < FirstValsetNonce || c.Nonce > uint64(len(gs.Valsets)) {
			return ErrInvalidGenesis.Wrapf("valset confirm %d: no valset %d", i, c.Nonce)
		}
		key, ok := keys[c.Validator]
		if !ok || key != c.EthereumAddress {
			return ErrInvalidGenesis.Wrapf("valset confirm %d: %s is not the registered key of %s", i, c.EthereumAddress, c.Validator)
		}
		if _, err := ParseSignature(c.Signature); err != nil {
			return ErrInvalidGenesis.Wrapf("valset confirm %d: %v", i, err)
		}
		id := c.Validator + "/" + string(binary.BigEndian.AppendUint64(nil, c.Nonce))
		if confirmed[id] {
			return ErrInvalidGenesis.Wrapf("valset %d confirmed twice by %s", c.Nonce, c.Validator)
		}
		confirmed[id] = true
	}
	return nil
}
