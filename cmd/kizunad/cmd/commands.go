package cmd

import (
	"errors"

	cmtcli "github.com/cometbft/cometbft/libs/cli"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/debug"
	"github.com/cosmos/cosmos-sdk/client/keys"
	"github.com/cosmos/cosmos-sdk/client/pruning"
	"github.com/cosmos/cosmos-sdk/client/rpc"
	"github.com/cosmos/cosmos-sdk/client/snapshot"
	"github.com/cosmos/cosmos-sdk/server"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authcmd "github.com/cosmos/cosmos-sdk/x/auth/client/cli"
	genutilcli "github.com/cosmos/cosmos-sdk/x/genutil/client/cli"

	"github.com/kizuna-chain/kizuna/app"
	"github.com/kizuna-chain/kizuna/x/messaging/client/watch"
)

func initRootCmd(rootCmd *cobra.Command, tempApp *app.App) {
	sdk.GetConfig().Seal()

	rootCmd.AddCommand(
		initCmd(tempApp),
		debug.Cmd(),
		pruning.Cmd(newApp, app.DefaultNodeHome),
		snapshot.Cmd(newApp),
	)

	server.AddCommands(rootCmd, app.DefaultNodeHome, newApp, appExport, func(*cobra.Command) {})

	rootCmd.AddCommand(
		server.StatusCommand(),
		genutilcli.Commands(tempApp.TxConfig(), tempApp.BasicModuleManager, app.DefaultNodeHome),
		queryCommand(),
		txCommand(),
		keys.Commands(),
		messagingCommand(),
	)
	rootCmd.PersistentFlags().String(cmtcli.OutputFlag, "text", "Output format (text|json)")
}

// messagingCommand groups the client-side messaging tools: watching a
// thread in real time over the CometBFT websocket.
func messagingCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        "messaging",
		Short:                      "Follow message threads in real time",
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(watch.NewWatchCmd())
	return cmd
}

func queryCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        "query",
		Aliases:                    []string{"q"},
		Short:                      "Query the chain: modules, blocks, transactions",
		DisableFlagParsing:         false,
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(
		waitTxCmd(),
		rpc.ValidatorCommand(),
		server.QueryBlockCmd(),
		server.QueryBlocksCmd(),
		server.QueryBlockResultsCmd(),
		authcmd.QueryTxsByEventsCmd(),
		authcmd.QueryTxCmd(),
	)
	return cmd
}

func txCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        "tx",
		Short:                      "Sign and broadcast transactions",
		DisableFlagParsing:         false,
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(
		authcmd.GetSignCommand(),
		authcmd.GetSignBatchCommand(),
		authcmd.GetMultiSignCommand(),
		authcmd.GetMultiSignBatchCmd(),
		authcmd.GetValidateSignaturesCommand(),
		authcmd.GetBroadcastCommand(),
		authcmd.GetEncodeCommand(),
		authcmd.GetDecodeCommand(),
		authcmd.GetSimulateCmd(),
	)
	return cmd
}

// newApp opens the application on the node's database.
func newApp(logger log.Logger, db dbm.DB, appOpts servertypes.AppOptions) servertypes.Application {
	return app.New(logger, db, true, appOpts, server.DefaultBaseappOptions(appOpts)...)
}

// appExport exports the application state, at the latest height or a given one.
func appExport(
	logger log.Logger, db dbm.DB, height int64, forZeroHeight bool,
	jailAllowedAddrs []string, appOpts servertypes.AppOptions, modulesToExport []string,
) (servertypes.ExportedApp, error) {
	viperAppOpts, ok := appOpts.(*viper.Viper)
	if !ok {
		return servertypes.ExportedApp{}, errors.New("app options are not a viper.Viper")
	}
	viperAppOpts.Set(server.FlagInvCheckPeriod, 1)

	kizuna := app.New(logger, db, height == -1, viperAppOpts)
	if height != -1 {
		if err := kizuna.LoadHeight(height); err != nil {
			return servertypes.ExportedApp{}, err
		}
	}
	return kizuna.ExportAppStateAndValidators(forZeroHeight, jailAllowedAddrs, modulesToExport)
}
