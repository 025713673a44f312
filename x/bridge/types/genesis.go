package types

import (
	"encoding/binary"
	"strings"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/types/bech32"

	"github.com/kizuna-chain/kizuna/contracts"
)

// DefaultGenesis returns the genesis state of a chain whose validators have
// not registered Ethereum keys yet.
func DefaultGenesis() *GenesisState {
	return &GenesisState{
		Params:         DefaultParams(),
		Registrations:  []Registration{},
		Valsets:        []Valset{},
		ValsetConfirms: []ValsetConfirm{},

		Tokens:              []BridgeToken{},
		TokenDeployConfirms: []TokenDeployConfirm{},
		Transfers:           []OutgoingTransfer{},
		NextTransferId:      FirstTransferID,
		Batches:             []OutgoingBatch{},
		BatchConfirms:       []BatchConfirm{},
		LastBatchNonces:     []BatchNonce{},
		Attestations:        []Attestation{},
		ClaimNonces:         []ClaimNonce{},
		OnEthereum:          []TokenBalance{},
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
	tokens, err := gs.validateTokens()
	if err != nil {
		return err
	}
	for i, c := range gs.TokenDeployConfirms {
		if t, ok := tokens[c.Denom]; !ok || t.Origin != TokenOriginKizuna {
			return ErrInvalidGenesis.Wrapf("token deploy confirm %d: %s is not a registered community currency", i, c.Denom)
		}
		if key, ok := keys[c.Validator]; !ok || key != c.EthereumAddress {
			return ErrInvalidGenesis.Wrapf("token deploy confirm %d: %s is not the registered key of %s", i, c.EthereumAddress, c.Validator)
		}
		if _, err := ParseSignature(c.Signature); err != nil {
			return ErrInvalidGenesis.Wrapf("token deploy confirm %d: %v", i, err)
		}
		id := c.Denom + "\x00" + c.Validator
		if confirmed[id] {
			return ErrInvalidGenesis.Wrapf("deployment of %s confirmed twice by %s", c.Denom, c.Validator)
		}
		confirmed[id] = true
	}
	if err := gs.validateTransfers(tokens, keys); err != nil {
		return err
	}
	return gs.validateClaims(tokens, keys)
}

// validateClaims checks the attestations, the validators' claim nonces and
// the counts of tokens on Ethereum: every attestation's hash is its claim's,
// a valid claim, voted by registered validators once each, observed exactly
// when at or below the last observed nonce and the one of its nonce.
func (gs GenesisState) validateClaims(tokens map[string]BridgeToken, keys map[string]string) error {
	type key struct {
		nonce uint64
		hash  string
	}
	seen := map[key]bool{}
	observedAt := map[uint64]bool{}
	for i, a := range gs.Attestations {
		if err := a.Validate(); err != nil {
			return ErrInvalidGenesis.Wrapf("attestation %d: %v", i, err)
		}
		k := key{a.EventNonce, a.ClaimHash}
		if seen[k] {
			return ErrInvalidGenesis.Wrapf("attestation %d repeats nonce %d and hash %s", i, a.EventNonce, a.ClaimHash)
		}
		seen[k] = true
		voters := map[string]bool{}
		for _, v := range a.Votes {
			if _, ok := keys[v]; !ok || voters[v] {
				return ErrInvalidGenesis.Wrapf("attestation %d: vote of %s", i, v)
			}
			voters[v] = true
		}
		if a.Observed {
			if a.EventNonce > gs.LastObservedEventNonce || observedAt[a.EventNonce] {
				return ErrInvalidGenesis.Wrapf("attestation %d: observed beyond the last observed nonce, or twice", i)
			}
			observedAt[a.EventNonce] = true
		}
	}
	claimed := map[string]bool{}
	for i, c := range gs.ClaimNonces {
		if _, ok := keys[c.Validator]; !ok || claimed[c.Validator] {
			return ErrInvalidGenesis.Wrapf("claim nonce %d: %s", i, c.Validator)
		}
		claimed[c.Validator] = true
	}
	counted := map[string]bool{}
	for i, b := range gs.OnEthereum {
		if !registeredContract(tokens, b.TokenContract) || counted[b.TokenContract] || !positive(b.Amount) {
			return ErrInvalidGenesis.Wrapf("on_ethereum %d: %s %s", i, b.TokenContract, b.Amount)
		}
		counted[b.TokenContract] = true
	}
	return nil
}

// validateTokens checks the registry: valid denoms and checksummed
// contracts, each side once, vouchers named by their contract, community
// currencies with a name and a symbol within the contract's bounds.
func (gs GenesisState) validateTokens() (map[string]BridgeToken, error) {
	tokens := make(map[string]BridgeToken, len(gs.Tokens))
	seenContracts := map[string]bool{}
	for i, t := range gs.Tokens {
		if err := ValidateBridgeDenom(t.Denom); err != nil {
			return nil, ErrInvalidGenesis.Wrapf("token %d: %v", i, err)
		}
		addr, err := ParseEthereumAddress(t.TokenContract)
		if err != nil || addr.Hex() != t.TokenContract {
			return nil, ErrInvalidGenesis.Wrapf("token %d: contract %q must be checksummed", i, t.TokenContract)
		}
		switch t.Origin {
		case TokenOriginEthereum:
			if t.Denom != VoucherDenom(addr) {
				return nil, ErrInvalidGenesis.Wrapf("token %d: an ERC-20 from Ethereum is held as %s, not %s", i, VoucherDenom(addr), t.Denom)
			}
		case TokenOriginKizuna:
			if strings.HasPrefix(t.Denom, VoucherPrefix) || t.Name == "" || t.Symbol == "" ||
				len(t.Name) > contracts.MaxNameBytes || len(t.Symbol) > contracts.MaxSymbolBytes || t.Decimals > 18 {
				return nil, ErrInvalidGenesis.Wrapf("token %d: a community currency needs its denom, a name and a symbol within bounds", i)
			}
		default:
			return nil, ErrInvalidGenesis.Wrapf("token %d: origin %s", i, t.Origin)
		}
		if _, dup := tokens[t.Denom]; dup || seenContracts[t.TokenContract] {
			return nil, ErrInvalidGenesis.Wrapf("token %d maps a denom or a contract twice", i)
		}
		tokens[t.Denom] = t
		seenContracts[t.TokenContract] = true
	}
	return tokens, nil
}

// validateTransfers checks the transfers, batches, their signatures and the
// last batch nonces: every transfer of a registered token, positive, below
// next_transfer_id, pooled or in its token's one outstanding batch, whose
// nonce follows the token's last executed one.
func (gs GenesisState) validateTransfers(tokens map[string]BridgeToken, keys map[string]string) error {
	if gs.NextTransferId < FirstTransferID {
		return ErrInvalidGenesis.Wrapf("next_transfer_id %d is below %d", gs.NextTransferId, FirstTransferID)
	}
	lastNonces := map[string]uint64{}
	for i, n := range gs.LastBatchNonces {
		if _, ok := lastNonces[n.TokenContract]; ok || n.Nonce == 0 || !registeredContract(tokens, n.TokenContract) {
			return ErrInvalidGenesis.Wrapf("last batch nonce %d: %s nonce %d", i, n.TokenContract, n.Nonce)
		}
		lastNonces[n.TokenContract] = n.Nonce
	}
	batches := map[string]OutgoingBatch{}
	inBatch := map[uint64]string{}
	for i, b := range gs.Batches {
		if !registeredContract(tokens, b.TokenContract) {
			return ErrInvalidGenesis.Wrapf("batch %d: %s is not registered", i, b.TokenContract)
		}
		if _, dup := batches[b.TokenContract]; dup {
			return ErrInvalidGenesis.Wrapf("batch %d: %s has two outstanding batches", i, b.TokenContract)
		}
		if b.Nonce != lastNonces[b.TokenContract]+1 {
			return ErrInvalidGenesis.Wrapf("batch %d: nonce %d does not follow %d", i, b.Nonce, lastNonces[b.TokenContract])
		}
		if len(b.TransferIds) == 0 || len(b.TransferIds) > contracts.MaxBatchTransfers {
			return ErrInvalidGenesis.Wrapf("batch %d carries %d transfers", i, len(b.TransferIds))
		}
		for _, id := range b.TransferIds {
			if _, dup := inBatch[id]; dup {
				return ErrInvalidGenesis.Wrapf("transfer %d is in two batches", id)
			}
			inBatch[id] = b.TokenContract
		}
		batches[b.TokenContract] = b
	}
	seen := map[uint64]bool{}
	for i, t := range gs.Transfers {
		if t.Id < FirstTransferID || t.Id >= gs.NextTransferId || seen[t.Id] {
			return ErrInvalidGenesis.Wrapf("transfer %d: id %d", i, t.Id)
		}
		seen[t.Id] = true
		if _, _, err := bech32.DecodeAndConvert(t.Sender); err != nil {
			return ErrInvalidGenesis.Wrapf("transfer %d: sender: %v", t.Id, err)
		}
		if _, err := ParseEthereumAddress(t.EthereumRecipient); err != nil {
			return ErrInvalidGenesis.Wrapf("transfer %d: %v", t.Id, err)
		}
		token, ok := tokens[t.Denom]
		if !ok || token.TokenContract != t.TokenContract {
			return ErrInvalidGenesis.Wrapf("transfer %d: %s is not registered as %s", t.Id, t.Denom, t.TokenContract)
		}
		if !positive(t.Amount) || !positive(t.TokenAmount) || negative(t.BridgeFee) || negative(t.TokenFee) {
			return ErrInvalidGenesis.Wrapf("transfer %d: amounts must be positive and fees not negative", t.Id)
		}
		batched, inOne := inBatch[t.Id]
		switch {
		case t.BatchNonce == 0 && inOne, t.BatchNonce != 0 && !inOne:
			return ErrInvalidGenesis.Wrapf("transfer %d: batch_nonce %d disagrees with the batches", t.Id, t.BatchNonce)
		case inOne && (batched != t.TokenContract || batches[batched].Nonce != t.BatchNonce):
			return ErrInvalidGenesis.Wrapf("transfer %d is in a batch of another token or nonce", t.Id)
		}
		delete(inBatch, t.Id)
	}
	if len(inBatch) != 0 {
		return ErrInvalidGenesis.Wrap("a batch carries a transfer that does not exist")
	}
	confirmed := map[string]bool{}
	for i, c := range gs.BatchConfirms {
		if b, ok := batches[c.TokenContract]; !ok || b.Nonce != c.Nonce {
			return ErrInvalidGenesis.Wrapf("batch confirm %d: no outstanding batch %d of %s", i, c.Nonce, c.TokenContract)
		}
		if key, ok := keys[c.Validator]; !ok || key != c.EthereumAddress {
			return ErrInvalidGenesis.Wrapf("batch confirm %d: %s is not the registered key of %s", i, c.EthereumAddress, c.Validator)
		}
		if _, err := ParseSignature(c.Signature); err != nil {
			return ErrInvalidGenesis.Wrapf("batch confirm %d: %v", i, err)
		}
		id := c.TokenContract + "/" + c.Validator
		if confirmed[id] {
			return ErrInvalidGenesis.Wrapf("batch of %s confirmed twice by %s", c.TokenContract, c.Validator)
		}
		confirmed[id] = true
	}
	return nil
}

// registeredContract reports whether an ERC-20 is in the registry.
func registeredContract(tokens map[string]BridgeToken, contract string) bool {
	for _, t := range tokens {
		if t.TokenContract == contract {
			return true
		}
	}
	return false
}

// positive reports whether an amount is set and above zero.
func positive(i math.Int) bool { return !i.IsNil() && i.IsPositive() }

// negative reports whether an amount is unset or below zero.
func negative(i math.Int) bool { return i.IsNil() || i.IsNegative() }
