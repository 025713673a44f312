package cmd

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	genutilcli "github.com/cosmos/cosmos-sdk/x/genutil/client/cli"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"

	"github.com/kizuna-chain/kizuna/app"
)

// initCmd is the SDK's init command, which also sets Kizuna's block gas
// limit (app.BlockMaxGas) in the new genesis: CometBFT's default leaves
// blocks without one.
func initCmd(tempApp *app.App) *cobra.Command {
	cmd := genutilcli.InitCmd(tempApp.BasicModuleManager, app.DefaultNodeHome)
	run := cmd.RunE
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if err := run(cmd, args); err != nil {
			return err
		}
		home := client.GetClientContextFromCmd(cmd).HomeDir
		if flag := cmd.Flags().Lookup("home"); flag != nil && flag.Changed {
			home = flag.Value.String()
		}
		return setBlockMaxGas(filepath.Join(home, "config", "genesis.json"), app.BlockMaxGas)
	}
	return cmd
}

// setBlockMaxGas rewrites the genesis file's block gas limit.
func setBlockMaxGas(genesisFile string, maxGas int64) error {
	genesis, err := genutiltypes.AppGenesisFromFile(genesisFile)
	if err != nil {
		return fmt.Errorf("read %s: %w", genesisFile, err)
	}
	if genesis.Consensus == nil || genesis.Consensus.Params == nil {
		return fmt.Errorf("%s has no consensus params", genesisFile)
	}
	genesis.Consensus.Params.Block.MaxGas = maxGas
	if err := genesis.ValidateAndComplete(); err != nil {
		return err
	}
	return genesis.SaveAs(genesisFile)
}
