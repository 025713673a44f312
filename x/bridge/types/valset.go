package types

import (
	"bytes"
	"sort"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/contracts"
)

// BridgeID is the contract's bridgeId for a chain: every hash a validator
// signs starts with it, so that a signature for one chain is worthless on
// another chain's contract.
func BridgeID(chainID string) [32]byte {
	return crypto.Keccak256Hash([]byte("kizuna-bridge/" + chainID))
}

// RegistrationHash is what a validator's Ethereum key signs (eth_sign) to
// prove it belongs to the validator: the bridge id, the operator address
// and the orchestrator account, each length-prefixed.
func RegistrationHash(bridgeID [32]byte, validator sdk.ValAddress, orchestrator sdk.AccAddress) common.Hash {
	return crypto.Keccak256Hash(
		bridgeID[:],
		[]byte("kizuna-bridge/register"),
		[]byte{byte(len(validator))}, validator,
		[]byte{byte(len(orchestrator))}, orchestrator,
	)
}

// NewValset returns the valset of members, sorted by Ethereum address as
// the contract requires.
func NewValset(nonce uint64, height int64, members []ValsetMember) Valset {
	sorted := append([]ValsetMember(nil), members...)
	sort.Slice(sorted, func(i, j int) bool {
		a, b := common.HexToAddress(sorted[i].EthereumAddress), common.HexToAddress(sorted[j].EthereumAddress)
		return bytes.Compare(a[:], b[:]) < 0
	})
	return Valset{Nonce: nonce, Height: height, Members: sorted}
}

// Power is the members' total normalized power.
func (v Valset) Power() uint64 {
	var total uint64
	for _, m := range v.Members {
		total += m.Power
	}
	return total
}

// Contract returns the valset as the contract's ValsetArgs.
func (v Valset) Contract() contracts.Valset {
	out := contracts.Valset{Nonce: v.Nonce, Members: make([]common.Address, len(v.Members)), Powers: make([]uint64, len(v.Members))}
	for i, m := range v.Members {
		out.Members[i] = common.HexToAddress(m.EthereumAddress)
		out.Powers[i] = m.Power
	}
	return out
}

// Checkpoint is the hash the contract stores for the valset and the
// validators sign.
func (v Valset) Checkpoint(bridgeID [32]byte) common.Hash {
	return contracts.ValsetCheckpoint(bridgeID, v.Contract())
}

// Validate checks a valset as the contract would accept it: a nonce, 1 to
// contracts.MaxValsetMembers members strictly ascending by address, each
// with power, together more than the signing threshold and at most the
// normalized total.
func (v Valset) Validate() error {
	if v.Nonce < FirstValsetNonce {
		return ErrInvalidGenesis.Wrap("valset nonce 0")
	}
	if len(v.Members) == 0 || len(v.Members) > contracts.MaxValsetMembers {
		return ErrInvalidGenesis.Wrapf("valset %d has %d members; want 1..%d", v.Nonce, len(v.Members), contracts.MaxValsetMembers)
	}
	var prev common.Address
	var total uint64
	for i, m := range v.Members {
		addr, err := ParseEthereumAddress(m.EthereumAddress)
		if err != nil {
			return ErrInvalidGenesis.Wrapf("valset %d member %d: %v", v.Nonce, i, err)
		}
		if i > 0 && bytes.Compare(prev[:], addr[:]) >= 0 {
			return ErrInvalidGenesis.Wrapf("valset %d members are not strictly ascending at %d", v.Nonce, i)
		}
		prev = addr
		if m.Power == 0 {
			return ErrInvalidGenesis.Wrapf("valset %d member %s has no power", v.Nonce, m.EthereumAddress)
		}
		total += m.Power
	}
	if total <= contracts.PowerThreshold || total > contracts.PowerTotal {
		return ErrInvalidGenesis.Wrapf("valset %d holds power %d; want more than %d and at most %d",
			v.Nonce, total, contracts.PowerThreshold, contracts.PowerTotal)
	}
	return nil
}

// PowerChange is the sum over Ethereum addresses of the absolute change of
// power from a to b, a member absent from one side counting its whole power.
func PowerChange(a, b []ValsetMember) uint64 {
	before := make(map[string]uint64, len(a))
	for _, m := range a {
		before[m.EthereumAddress] = m.Power
	}
	var change uint64
	for _, m := range b {
		old, ok := before[m.EthereumAddress]
		delete(before, m.EthereumAddress)
		if !ok {
			change += m.Power
			continue
		}
		if m.Power > old {
			change += m.Power - old
		} else {
			change += old - m.Power
		}
	}
	for _, m := range a {
		if old, ok := before[m.EthereumAddress]; ok {
			change += old
		}
	}
	return change
}

// SameMembers reports whether two valsets have the same Ethereum addresses.
func SameMembers(a, b []ValsetMember) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].EthereumAddress != b[i].EthereumAddress {
			return false
		}
	}
	return true
}
