package cmd

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	cmtbytes "github.com/cometbft/cometbft/libs/bytes"
	rpcclient "github.com/cometbft/cometbft/rpc/client"
	coretypes "github.com/cometbft/cometbft/rpc/core/types"
	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	sdk "github.com/cosmos/cosmos-sdk/types"
	txtypes "github.com/cosmos/cosmos-sdk/types/tx"
	authtx "github.com/cosmos/cosmos-sdk/x/auth/tx"

	"github.com/kizuna-chain/kizuna/app"
)

// A transaction command's answer is the block's verdict, not only the
// mempool's: by default it broadcasts, waits until the transaction is in a
// block and exits non-zero with the registered error when it failed there.
const (
	// broadcastBlock is the --broadcast-mode that waits for the block. The
	// SDK's own modes, sync and async, return before it.
	broadcastBlock = "block"
	// flagWaitTimeout bounds the wait of broadcast mode block.
	flagWaitTimeout = "wait-timeout"
	// defaultWaitTimeout leaves room for a full mempool on a chain with a
	// block every second.
	defaultWaitTimeout = 60 * time.Second
	// defaultGasAdjustment covers what a simulation cannot see, such as a
	// fee grant's bookkeeping on a sponsored transaction, while keeping a
	// sponsored transaction's gas well under the fee account's cap.
	defaultGasAdjustment = 1.3
	// txPollInterval is how often the node's transaction index is asked
	// for a transaction being waited for.
	txPollInterval = 250 * time.Millisecond
)

// setTxDefaults changes the help of every command under tx that has the
// SDK's transaction flags (AutoCLI and hand-written alike) to Kizuna's
// defaults, which prepareTx applies, and adds --wait-timeout. Commands
// elsewhere with those flags, such as genesis gentx, only sign offline and
// keep the SDK's defaults.
func setTxDefaults(txCmd *cobra.Command) {
	walk(txCmd, func(cmd *cobra.Command) {
		mode := cmd.Flags().Lookup(flags.FlagBroadcastMode)
		if mode == nil {
			return
		}
		mode.DefValue = broadcastBlock
		_ = mode.Value.Set(broadcastBlock)
		mode.Usage = "Transaction broadcasting mode: block (wait until the transaction is in a block; exit non-zero if it failed), " +
			"sync (return after the node's CheckTx) or async (return at once). client.toml's broadcast-mode is not used"
		if f := cmd.Flags().Lookup(flags.FlagGas); f != nil {
			f.Usage = fmt.Sprintf("Gas limit of the transaction, or %q to simulate it and multiply by --gas-adjustment "+
				"(default %q; %d with --generate-only or --offline, which cannot simulate)", flags.GasFlagAuto, flags.GasFlagAuto, flags.DefaultGasLimit)
		}
		if f := cmd.Flags().Lookup(flags.FlagGasAdjustment); f != nil {
			f.DefValue = strconv.FormatFloat(defaultGasAdjustment, 'f', -1, 64)
			_ = f.Value.Set(f.DefValue)
		}
		if f := cmd.Flags().Lookup(flags.FlagGasPrices); f != nil {
			f.Usage = fmt.Sprintf("Gas price that sets the fee, fee = gas × price (default: the chain's minimum gas price, %s, unless --fees is given)",
				minGasPrice())
		}
		if f := cmd.Flags().Lookup(flags.FlagFees); f != nil {
			f.Usage = "Fees to pay, e.g. 500ukiz, instead of gas × --gas-prices"
		}
		cmd.Flags().Duration(flagWaitTimeout, defaultWaitTimeout,
			"How long broadcast mode block waits for the transaction's block before it gives up (and exits non-zero)")
	})
}

// minGasPrice is the chain's gas price floor as a user writes it: 0.001ukiz.
func minGasPrice() string {
	amount := strings.TrimRight(app.MinGasPrice.Amount.String(), "0")
	return strings.TrimSuffix(amount, ".") + app.MinGasPrice.Denom
}

func walk(cmd *cobra.Command, fn func(*cobra.Command)) {
	fn(cmd)
	for _, sub := range cmd.Commands() {
		walk(sub, fn)
	}
}

// isTxCommand tells the commands setTxDefaults changed.
func isTxCommand(cmd *cobra.Command) bool {
	return cmd.Flags().Lookup(flagWaitTimeout) != nil
}

// prepareTx applies the defaults that depend on the other flags, before
// the SDK reads them: a simulated gas limit unless the transaction cannot
// be simulated, fees at the chain's minimum gas price unless the user set
// fees or prices, and the broadcast mode. It installs a client that
// simulates with a fee and remembers what it broadcast, so that reportTx
// can wait for it in broadcast mode block.
func prepareTx(cmd *cobra.Command, clientCtx client.Context) (client.Context, *txClient, error) {
	fs := cmd.Flags()
	offline, _ := fs.GetBool(flags.FlagOffline)
	generateOnly, _ := fs.GetBool(flags.FlagGenerateOnly)
	if !fs.Changed(flags.FlagGas) && !offline && !generateOnly {
		if err := fs.Set(flags.FlagGas, flags.GasFlagAuto); err != nil {
			return clientCtx, nil, err
		}
	}
	if !fs.Changed(flags.FlagFees) && !fs.Changed(flags.FlagGasPrices) {
		if err := fs.Set(flags.FlagGasPrices, minGasPrice()); err != nil {
			return clientCtx, nil, err
		}
	}

	mode, _ := fs.GetString(flags.FlagBroadcastMode)
	switch mode {
	case broadcastBlock, flags.BroadcastSync, flags.BroadcastAsync:
	default:
		return clientCtx, nil, fmt.Errorf("invalid --%s %q: use %s, %s or %s",
			flags.FlagBroadcastMode, mode, broadcastBlock, flags.BroadcastSync, flags.BroadcastAsync)
	}
	timeout, err := fs.GetDuration(flagWaitTimeout)
	if err != nil {
		return clientCtx, nil, err
	}
	if timeout <= 0 {
		return clientCtx, nil, fmt.Errorf("invalid --%s %s: it must be positive", flagWaitTimeout, timeout)
	}
	// Block mode sends as sync mode does; the wait follows in reportTx. The
	// flag alone decides the mode: client.toml always holds the SDK's sync.
	sent := mode
	if mode == broadcastBlock {
		sent = flags.BroadcastSync
	}
	if err := fs.Set(flags.FlagBroadcastMode, sent); err != nil {
		return clientCtx, nil, err
	}
	clientCtx = clientCtx.WithBroadcastMode(sent)
	if clientCtx.Client == nil || offline {
		return clientCtx, nil, nil
	}

	c := &txClient{
		CometRPC: clientCtx.Client,
		txConfig: clientCtx.TxConfig,
		wait:     mode == broadcastBlock,
		timeout:  timeout,
		out:      &heldOutput{w: cmd.OutOrStdout()},
	}
	cmd.SetOut(c.out)
	clientCtx = clientCtx.WithClient(c).WithOutput(c.out)
	// Every command reads its context again through the SDK, which makes a
	// new client from --node when that flag was given and would so drop
	// this one; the context set here already holds the node's address.
	if f := fs.Lookup(flags.FlagNode); f != nil {
		f.Changed = false
	}
	return clientCtx, c, nil
}

// txClient is the CometBFT client of a transaction command.
//
// It simulates with a fee: with --gas auto and fees from --gas-prices, the
// SDK simulates a transaction whose fee is zero (the gas, which sets it, is
// what is being estimated), and the ante handler skips deducting a zero
// fee, so the estimate missed the deduction's gas (about 17,000 of a
// 65,000-gas transaction, more than a 1.3 adjustment covers).
//
// It remembers the transaction it broadcast and what CheckTx said. In
// broadcast mode block, once CheckTx has accepted the transaction, the
// command's further output, the SDK's print of that provisional answer, is
// held back: reportTx prints the block's answer instead.
type txClient struct {
	client.CometRPC

	txConfig client.TxConfig
	wait     bool
	timeout  time.Duration
	out      *heldOutput

	// hash is the broadcast transaction's hash, empty until one is sent.
	hash string
	// checkTx is the node's answer to the broadcast, built as the SDK
	// builds it (a refusal the node returns as an RPC error included).
	checkTx *sdk.TxResponse
}

// simulatePath is the ABCI query of the SDK's gas estimate.
const simulatePath = "/cosmos.tx.v1beta1.Service/Simulate"

// simulationFee is the fee put on a simulated transaction that has none:
// any non-zero fee makes the ante handler deduct it. It is what 200,000
// gas costs at the floor price, so that the fee's size in bytes is close
// to the real one's.
var simulationFee = sdk.NewCoins(sdk.NewCoin(app.MinGasPrice.Denom, app.MinGasPrice.Amount.MulInt64(200_000).Ceil().TruncateInt()))

// ABCIQueryWithOptions puts a fee on a simulated transaction without one,
// and turns a failed simulation into the chain's registered error.
func (c *txClient) ABCIQueryWithOptions(ctx context.Context, path string, data cmtbytes.HexBytes, opts rpcclient.ABCIQueryOptions) (*coretypes.ResultABCIQuery, error) {
	if path != simulatePath {
		return c.CometRPC.ABCIQueryWithOptions(ctx, path, data, opts)
	}
	var req txtypes.SimulateRequest
	if err := req.Unmarshal(data); err != nil || len(req.TxBytes) == 0 {
		// Not the SDK's request: the node answers it as it is.
		return c.CometRPC.ABCIQueryWithOptions(ctx, path, data, opts)
	}
	txBytes, err := c.withSimulationFee(req.TxBytes)
	if err != nil {
		return nil, err
	}
	req.TxBytes = txBytes
	if data, err = req.Marshal(); err != nil {
		return nil, err
	}
	res, err := c.CometRPC.ABCIQueryWithOptions(ctx, path, data, opts)
	if err != nil || res.Response.IsOK() {
		return res, err
	}
	// The gRPC simulation reports every failure as the SDK's "unknown
	// request"; the app's own simulation route keeps the registered error.
	app, appErr := c.CometRPC.ABCIQueryWithOptions(ctx, "/app/simulate", txBytes, opts)
	if appErr != nil || app.Response.IsOK() {
		return res, err
	}
	return nil, fmt.Errorf("transaction not sent: its simulation failed with codespace %s, code %d: %s",
		app.Response.Codespace, app.Response.Code, app.Response.Log)
}

func (c *txClient) withSimulationFee(txBytes []byte) ([]byte, error) {
	decoded, err := c.txConfig.TxDecoder()(txBytes)
	if err != nil {
		return txBytes, nil // the node reports what is wrong with it
	}
	b, err := c.txConfig.WrapTxBuilder(decoded)
	if err != nil {
		return nil, err
	}
	if !b.GetTx().GetFee().IsZero() {
		return txBytes, nil
	}
	b.SetFeeAmount(simulationFee)
	return c.txConfig.TxEncoder()(b.GetTx())
}

// BroadcastTxSync broadcasts and records the transaction.
func (c *txClient) BroadcastTxSync(ctx context.Context, tx cmttypes.Tx) (*coretypes.ResultBroadcastTx, error) {
	res, err := c.CometRPC.BroadcastTxSync(ctx, tx)
	c.hash = fmt.Sprintf("%X", tx.Hash())
	switch {
	case err != nil:
		// Known refusals (already in the mempool cache, mempool full, too
		// large) come back as errors that the SDK turns into a response
		// with a code; anything else fails the command.
		c.checkTx = client.CheckCometError(err, tx)
	default:
		c.checkTx = sdk.NewResponseFormatBroadcastTx(res)
		if res.Code == 0 && c.wait {
			c.out.hold()
		}
	}
	return res, err
}

// reportTx ends a transaction command: after a CheckTx refusal it returns
// that error; otherwise, in broadcast mode block, it waits for the block,
// prints the committed transaction and returns its error if it failed.
func reportTx(cmd *cobra.Command, c *txClient) error {
	if c == nil || c.checkTx == nil {
		// Nothing was broadcast: --generate-only, --dry-run, a refused
		// confirmation, or a command that only signs.
		return nil
	}
	if c.checkTx.Code != 0 {
		return txError(c.checkTx)
	}
	if !c.wait {
		return nil
	}
	clientCtx, err := client.GetClientTxContext(cmd)
	if err != nil {
		return err
	}
	clientCtx = clientCtx.WithClient(c.CometRPC).WithOutput(c.out.w)
	res, err := waitForTx(cmdContext(cmd), clientCtx, c.hash, c.timeout)
	if err != nil {
		return err
	}
	if err := clientCtx.PrintProto(res); err != nil {
		return err
	}
	return txError(res)
}

// waitForTx polls the node's transaction index until it holds the
// transaction hash, or timeout passes. Polling, unlike a websocket
// subscription opened after the broadcast, cannot miss a transaction whose
// block was committed before the wait began and that the index has not yet
// caught up with.
func waitForTx(ctx context.Context, clientCtx client.Context, hash string, timeout time.Duration) (*sdk.TxResponse, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	clientCtx = clientCtx.WithCmdContext(ctx)
	for {
		res, err := authtx.QueryTx(clientCtx, hash)
		if err == nil {
			return res, nil
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("transaction %s is not in a block after %s (last answer: %v); "+
				"it may still be included: `kizunad q wait-tx %s` waits again, `kizunad q tx %s` looks once",
				hash, timeout, err, hash, hash)
		case <-time.After(txPollInterval):
		}
	}
}

func cmdContext(cmd *cobra.Command) context.Context {
	if ctx := cmd.Context(); ctx != nil {
		return ctx
	}
	return context.Background()
}

// txError is the error a transaction ended with, or nil: the chain's
// registered error by codespace and code, with the chain's message.
func txError(res *sdk.TxResponse) error {
	if res.Code == 0 {
		return nil
	}
	where := "was refused by the node (CheckTx)"
	if res.Height > 0 {
		where = fmt.Sprintf("failed in block %d", res.Height)
	}
	return fmt.Errorf("transaction %s %s: codespace %s, code %d: %s", res.TxHash, where, res.Codespace, res.Code, res.RawLog)
}

// heldOutput passes a command's output through until it is held; from then
// on it drops it.
type heldOutput struct {
	w    io.Writer
	held bool
}

func (o *heldOutput) hold() { o.held = true }

func (o *heldOutput) Write(p []byte) (int, error) {
	if o.held {
		return len(p), nil
	}
	return o.w.Write(p)
}

// waitTxCmd replaces the SDK's wait-tx, which subscribes to the websocket
// and then looks the transaction up once: a transaction committed in
// between whose indexing lags behind is missed, and it printed a failed
// transaction and exited 0. This one polls and exits non-zero when the
// transaction failed.
func waitTxCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "wait-tx [hash]",
		Aliases: []string{"event-query-tx-for"},
		Short:   "Wait until a transaction is in a block; exit non-zero if it failed there",
		Long: `Waits until the node's transaction index holds the transaction, prints it
and exits non-zero with the chain's registered error (codespace, code,
message) if it failed. Without a hash, reads the output of a tx command
(JSON or text) from stdin.`,
		Example: `kizunad q wait-tx 5F3C...E1
kizunad tx ledger transfer 1 @bob 0.05 --from alice -b sync -o json | kizunad q wait-tx`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientQueryContext(cmd)
			if err != nil {
				return err
			}
			timeout, err := cmd.Flags().GetDuration("timeout")
			if err != nil {
				return err
			}
			var hash string
			if len(args) == 1 {
				hash = args[0]
			} else {
				in, err := io.ReadAll(cmd.InOrStdin())
				if err != nil {
					return err
				}
				if hash, err = hashFromTxOutput(in); err != nil {
					return err
				}
			}
			if b, err := hex.DecodeString(hash); err != nil || len(b) != 32 {
				return fmt.Errorf("invalid transaction hash %q: want 64 hex digits", hash)
			}
			res, err := waitForTx(cmdContext(cmd), clientCtx, strings.ToUpper(hash), timeout)
			if err != nil {
				return err
			}
			if err := clientCtx.PrintProto(res); err != nil {
				return err
			}
			return txError(res)
		},
	}
	cmd.Flags().Duration("timeout", defaultWaitTimeout, "How long to wait for the transaction's block")
	flags.AddQueryFlagsToCmd(cmd)
	return cmd
}

// hashFromTxOutput finds the txhash in a tx command's JSON or text output.
func hashFromTxOutput(in []byte) (string, error) {
	var res struct {
		TxHash string `json:"txhash"`
	}
	if err := json.Unmarshal(in, &res); err == nil && res.TxHash != "" {
		return res.TxHash, nil
	}
	for _, line := range strings.Split(string(in), "\n") {
		if v, ok := strings.CutPrefix(line, "txhash:"); ok {
			return strings.TrimSpace(v), nil
		}
	}
	return "", errors.New("no txhash in the input: give the hash as an argument or pipe a tx command's output")
}
