package types

import (
	"github.com/ethereum/go-ethereum/common"

	"github.com/kizuna-chain/kizuna/contracts"
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

// Batch defaults: a batch stays valid for 600 Ethereum blocks (two hours
// at 12 s) and carries up to the contract's 100 transfers.
const (
	DefaultBatchTimeoutBlocks   uint64 = 600
	DefaultMaxBatchTransfers    uint32 = 100
	DefaultEthereumBlockSeconds uint32 = 12
	// CeilingBatchTimeoutBlocks bounds how long the transfers of an
	// unsubmitted batch stay locked: about two weeks at 12 s.
	CeilingBatchTimeoutBlocks   uint64 = 100_000
	CeilingEthereumBlockSeconds uint32 = 600
)

// DefaultParams returns the params of a chain whose contract is not
// deployed yet.
func DefaultParams() Params {
	return Params{
		ValsetChangeBps:      DefaultValsetChangeBps,
		BatchTimeoutBlocks:   DefaultBatchTimeoutBlocks,
		MaxBatchTransfers:    DefaultMaxBatchTransfers,
		EthereumBlockSeconds: DefaultEthereumBlockSeconds,
	}
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
	if p.BatchTimeoutBlocks == 0 || p.BatchTimeoutBlocks > CeilingBatchTimeoutBlocks {
		return ErrInvalidParams.Wrapf("batch_timeout_blocks %d must be within 1..%d", p.BatchTimeoutBlocks, CeilingBatchTimeoutBlocks)
	}
	if p.MaxBatchTransfers == 0 || p.MaxBatchTransfers > contracts.MaxBatchTransfers {
		return ErrInvalidParams.Wrapf("max_batch_transfers %d must be within 1..%d", p.MaxBatchTransfers, contracts.MaxBatchTransfers)
	}
	if p.EthereumBlockSeconds == 0 || p.EthereumBlockSeconds > CeilingEthereumBlockSeconds {
		return ErrInvalidParams.Wrapf("ethereum_block_seconds %d must be within 1..%d", p.EthereumBlockSeconds, CeilingEthereumBlockSeconds)
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
