package relayer

import (
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"

	"github.com/kizuna-chain/kizuna/contracts/bindings"
	bridgetypes "github.com/kizuna-chain/kizuna/x/bridge/types"
)

// Deployment is where the bridge contract was deployed: what governance
// then sets as the bridge's contract_address (checksummed) and
// contract_height.
type Deployment struct {
	Address string `json:"contract_address"`
	Height  uint64 `json:"contract_height"`
	Valset  uint64 `json:"valset_nonce"`
}

// Deploy deploys the bridge contract for the chain whose bridge info is
// info, holding the chain's latest valset, and waits for it to be mined.
func Deploy(ctx context.Context, e *Ethereum, info *bridgetypes.QueryBridgeInfoResponse) (Deployment, error) {
	if info.ContractAddress != "" {
		return Deployment{}, fmt.Errorf("the chain's bridge already has contract %s", info.ContractAddress)
	}
	if info.LatestValset == nil {
		return Deployment{}, fmt.Errorf("the chain has no valset yet: validators holding more than 2/3 of the power must register their Ethereum keys")
	}
	id, err := parseBridgeID(info.BridgeId)
	if err != nil {
		return Deployment{}, err
	}
	chainID, err := e.chain(ctx)
	if err != nil {
		return Deployment{}, err
	}
	opts := bind.NewKeyedTransactor(e.key, chainID)
	opts.Context = ctx
	input := bridgeABI.PackConstructor(id, abiValset(*info.LatestValset))
	addr, tx, err := bind.DeployContract(opts, common.FromHex(bindings.KizunaBridgeMetaData.Bin), e.Client, input)
	if err != nil {
		return Deployment{}, RevertError(err)
	}
	waitCtx, cancel := context.WithTimeout(ctx, e.txTimeout)
	defer cancel()
	receipt, err := bind.WaitMined(waitCtx, e.Client, tx.Hash())
	if err != nil {
		return Deployment{}, fmt.Errorf("waiting for the deployment %s: %w", tx.Hash(), err)
	}
	if receipt.Status != 1 {
		return Deployment{}, fmt.Errorf("the deployment %s reverted", tx.Hash())
	}
	return Deployment{Address: addr.Hex(), Height: receipt.BlockNumber.Uint64(), Valset: info.LatestValset.Nonce}, nil
}
