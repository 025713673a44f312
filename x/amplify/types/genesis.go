package types

import (
	"fmt"
)

// DefaultGenesis returns the genesis state of a chain without messages.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams()}
}

// Validate checks the params, that messages are numbered 1, 2, ... with
// unique indexes and well-formed content, and that delegations and links
// respect the module's rules.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	indexes := make(map[string]bool, len(gs.Messages))
	for i, m := range gs.Messages {
		if m.Seq != uint64(i)+1 {
			return ErrInvalidGenesis.Wrapf("message %d has seq %d", i, m.Seq)
		}
		sm := SignedMessage{Content: Content{Title: m.Title, Href: m.Href, Type: m.Type, Timestamp: m.Timestamp}, Signature: m.Signature}
		if err := sm.ValidateSchema(); err != nil {
			return ErrInvalidGenesis.Wrapf("message %d: %v", m.Seq, err)
		}
		if sm.Index() != m.Index {
			return ErrInvalidGenesis.Wrapf("message %d: index %s does not match its content", m.Seq, m.Index)
		}
		if indexes[m.Index] {
			return ErrInvalidGenesis.Wrapf("duplicate index %s", m.Index)
		}
		indexes[m.Index] = true
		for name, a := range map[string]string{"signer": m.Signer, "identity": m.Identity} {
			if _, err := ParseEthAddress(name, a); err != nil {
				return ErrInvalidGenesis.Wrapf("message %d: %v", m.Seq, err)
			}
		}
	}
	tos := map[string]bool{}
	froms := map[string]bool{}
	for _, d := range gs.Delegations {
		from, err := ParseEthAddress("from", d.From)
		if err != nil {
			return ErrInvalidGenesis.Wrap(err.Error())
		}
		to, err := ParseEthAddress("to", d.To)
		if err != nil {
			return ErrInvalidGenesis.Wrap(err.Error())
		}
		if from == to || tos[to.Hex()] {
			return ErrInvalidGenesis.Wrapf("delegation %s -> %s breaks the delegation rules", d.From, d.To)
		}
		tos[to.Hex()] = true
		froms[from.Hex()] = true
	}
	for a := range froms {
		if tos[a] {
			return ErrInvalidGenesis.Wrapf("%s is both an identity and a signing key", a)
		}
	}
	eths := map[string]bool{}
	accounts := map[string]bool{}
	for _, l := range gs.Links {
		eth, err := ParseEthAddress("eth_address", l.EthAddress)
		if err != nil {
			return ErrInvalidGenesis.Wrap(err.Error())
		}
		if eths[eth.Hex()] || accounts[l.Account] || l.Account == "" {
			return ErrInvalidGenesis.Wrapf("duplicate or empty link %s/%s", l.Account, l.EthAddress)
		}
		eths[eth.Hex()] = true
		accounts[l.Account] = true
	}
	for _, n := range gs.ConsentNonces {
		if _, err := ParseEthAddress("address", n.Address); err != nil {
			return ErrInvalidGenesis.Wrap(fmt.Sprint(err))
		}
	}
	return nil
}
