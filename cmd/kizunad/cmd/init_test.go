package cmd_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"

	"github.com/kizuna-chain/kizuna/app"
	"github.com/kizuna-chain/kizuna/cmd/kizunad/cmd"
)

func TestInit_WritesAFiniteBlockGasLimitAndAQueryGasLimit(t *testing.T) {
	home := t.TempDir()
	root := cmd.NewRootCmd()
	root.SetArgs([]string{"init", "test-node", "--home", home, "--chain-id", "kizuna-init-1"})
	root.SetOut(os.Stderr)
	require.NoError(t, root.Execute())

	genesis, err := genutiltypes.AppGenesisFromFile(filepath.Join(home, "config", "genesis.json"))
	require.NoError(t, err)
	require.Equal(t, app.BlockMaxGas, genesis.Consensus.Params.Block.MaxGas)
	require.Positive(t, genesis.Consensus.Params.Block.MaxGas, "-1 means no block gas limit")

	appToml, err := os.ReadFile(filepath.Join(home, "config", "app.toml"))
	require.NoError(t, err)
	require.True(t, strings.Contains(string(appToml), `query-gas-limit = "50000000"`), "app.toml sets a query gas limit")
}
