package types_test

import (
	"testing"

	"github.com/kizuna-chain/kizuna/testutil/statetest"
	"github.com/kizuna-chain/kizuna/x/bridge/types"
)

func TestParamsValidate_AcceptsTheBounds(t *testing.T) {
	statetest.Accepts(t, types.DefaultParams, map[string]func(*types.Params){
		"a contract": func(p *types.Params) {
			p.ContractAddress, p.ContractHeight = "0x5FbDB2315678afecb367f032d93F642f64180aa3", 7
		},
		"a lowercase contract": func(p *types.Params) { p.ContractAddress = "0x5fbdb2315678afecb367f032d93f642f64180aa3" },
		"change at 1 bps":      func(p *types.Params) { p.ValsetChangeBps = 1 },
		"change at ceiling":    func(p *types.Params) { p.ValsetChangeBps = types.CeilingValsetChangeBps },
		"timeout at ceiling":   func(p *types.Params) { p.BatchTimeoutBlocks = types.CeilingBatchTimeoutBlocks },
		"one transfer a batch": func(p *types.Params) { p.MaxBatchTransfers = 1 },
		"one second blocks":    func(p *types.Params) { p.EthereumBlockSeconds = 1 },
	})
}

func TestParamsValidate_RefusesLimitsOutOfBounds(t *testing.T) {
	statetest.Refuses(t, types.DefaultParams, types.ErrInvalidParams, map[string]func(*types.Params){
		"a height without a contract":  func(p *types.Params) { p.ContractHeight = 7 },
		"a wrong checksum":             func(p *types.Params) { p.ContractAddress = "0x5FBDB2315678afecb367f032d93F642f64180aa3" },
		"the zero contract":            func(p *types.Params) { p.ContractAddress = "0x0000000000000000000000000000000000000000" },
		"no change threshold":          func(p *types.Params) { p.ValsetChangeBps = 0 },
		"change over ceiling":          func(p *types.Params) { p.ValsetChangeBps = types.CeilingValsetChangeBps + 1 },
		"no timeout":                   func(p *types.Params) { p.BatchTimeoutBlocks = 0 },
		"timeout over ceiling":         func(p *types.Params) { p.BatchTimeoutBlocks = types.CeilingBatchTimeoutBlocks + 1 },
		"no transfers a batch":         func(p *types.Params) { p.MaxBatchTransfers = 0 },
		"more than the contract takes": func(p *types.Params) { p.MaxBatchTransfers = 101 },
		"no block time":                func(p *types.Params) { p.EthereumBlockSeconds = 0 },
	})
}
