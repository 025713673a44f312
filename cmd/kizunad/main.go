// Command kizunad is the Kizuna full node and wallet CLI.
package main

import (
	"fmt"
	"os"

	svrcmd "github.com/cosmos/cosmos-sdk/server/cmd"

	"github.com/kizuna-chain/kizuna/app"
	"github.com/kizuna-chain/kizuna/cmd/kizunad/cmd"
	"github.com/kizuna-chain/kizuna/internal/gctune"
)

func main() {
	// A node's garbage collector settings (GOGC, GOMEMLIMIT still win).
	gctune.Apply()
	rootCmd := cmd.NewRootCmd()
	if err := svrcmd.Execute(rootCmd, "KIZUNA", app.DefaultNodeHome); err != nil {
		_, _ = fmt.Fprintln(rootCmd.OutOrStderr(), err)
		os.Exit(1)
	}
}
