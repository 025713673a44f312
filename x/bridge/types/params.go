package types

import (
	"github.com/ethereum/go-ethereum/common"
)

// DefaultValsetChangeBps is the change of normalized power that makes a new
// valset: 5 % of the total, as in Gravity Bridge. Smaller changes keep the
// previous valset, which still holds more than 2/3 of the power unless
// the changes add up past what the chain can sign with; every change of
// membership makes a new valset whatever the power.
const DefaultValsetChangeBps uint32 = 500

// CeilingValsetChangeBps bounds valset_change_bps: beyond a third of the
// power, a valset could lose its quorum before the next one is made.
const CeilingValsetChangeBps uint32 = 3333

// DefaultParams returns the params of a chain whose contract is not
// deployed yet.
func DefaultParams() Params {
	return Params{ValsetChangeBps: DefaultValsetChangeBps}
}

// Validate checks the contract address (empty, or 0x-hex with a valid
// EIP-55 checksum) and the valset change threshold.
func (p Params) Validate() error {
	if p.ContractAddress == "" {
		if p.ContractHeight != 0 {
			return ErrInvalidParams.Wrap("contract_height without a contract_address")
		}
	} else if _, err := ParseEthereumAddress(p.ContractAddress); err != nil {
		return ErrInvalidParams.Wrapf("contract_address: %v", err)
	}
	if p.ValsetChangeBps == 0 || p.ValsetChangeBps > CeilingValsetChangeBps {
		return ErrInvalidParams.Wrapf("valset_change_bps %d must be within 1..%d", p.ValsetChangeBps, CeilingValsetChangeBps)
	}
	return nil
}

// Contract returns the contract address; false before governance set it.
func (p Params) Contract() (common.Address, bool) {
	if p.ContractAddress == "" {
		return common.Address{}, false
	}
	return common.HexToAddress(p.ContractAddress), true
}

// SignatureRecoveryGas is the gas charged for each recovery of an Ethereum
// address from a signature: a secp256k1 public-key recovery costs about as
// much CPU as the signature verification x/auth charges 1000 gas for.
const SignatureRecoveryGas uint64 = 1000
