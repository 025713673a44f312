// Command kizuna-relayer is the bridge orchestrator a Kizuna validator runs
// next to its node: it confirms valsets, token deployments and batches with
// the validator's registered Ethereum key, claims the bridge contract's
// events on the chain, and relays valset updates, token deployments and
// batches to the contract.
//
//	kizuna-relayer init --home ~/.kizuna-relayer --chain-id kizuna-1 \
//	    --chain-grpc 127.0.0.1:9090 --ethereum-rpc http://127.0.0.1:8545 \
//	    --password-file ~/.kizuna-relayer/password
//	kizuna-relayer registration-signature --home ~/.kizuna-relayer --validator kizunavaloper1...
//	kizuna-relayer start --home ~/.kizuna-relayer
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/app"
	"github.com/kizuna-chain/kizuna/relayer"
	bridgetypes "github.com/kizuna-chain/kizuna/x/bridge/types"
)

// configName is the configuration file inside --home.
const configName = "config.toml"

func main() {
	if err := rootCmd(os.Stdout).Execute(); err != nil {
		fmt.Fprintln(os.Stderr, "kizuna-relayer:", err)
		os.Exit(1)
	}
}

func rootCmd(out io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:           "kizuna-relayer",
		Short:         "The Kizuna bridge orchestrator: signer, oracle and relayer of one validator",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().String("home", defaultHome(), "Directory of the relayer's config.toml and keys")
	root.PersistentFlags().String("config", "", "Configuration file (default <home>/config.toml)")
	root.AddCommand(initCmd(out), startCmd(), showCmd(out), registrationCmd(out), deployCmd(out))
	for _, c := range root.Commands() {
		c.SetOut(out)
	}
	return root
}

func defaultHome() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ".kizuna-relayer"
	}
	return filepath.Join(home, ".kizuna-relayer")
}

func configPath(cmd *cobra.Command) string {
	if p, _ := cmd.Flags().GetString("config"); p != "" {
		return p
	}
	home, _ := cmd.Flags().GetString("home")
	return filepath.Join(home, configName)
}

// Flags that override the configuration file, by TOML key.
var overrides = []struct {
	flag, usage string
	apply       func(*relayer.Config, *pflag.FlagSet) error
}{
	{"chain-grpc", "The node's gRPC address (chain_grpc)", func(c *relayer.Config, f *pflag.FlagSet) (err error) {
		c.ChainGRPC, err = f.GetString("chain-grpc")
		return err
	}},
	{"ethereum-rpc", "The Ethereum node's JSON-RPC URL (ethereum_rpc)", func(c *relayer.Config, f *pflag.FlagSet) (err error) {
		c.EthereumRPC, err = f.GetString("ethereum-rpc")
		return err
	}},
	{"metrics-addr", "Where /metrics is served; empty turns it off (metrics_addr)", func(c *relayer.Config, f *pflag.FlagSet) (err error) {
		c.MetricsAddr, err = f.GetString("metrics-addr")
		return err
	}},
	{"log-format", "text or json (log_format)", func(c *relayer.Config, f *pflag.FlagSet) (err error) {
		c.LogFormat, err = f.GetString("log-format")
		return err
	}},
	{"log-level", "debug, info, warn or error (log_level)", func(c *relayer.Config, f *pflag.FlagSet) (err error) {
		c.LogLevel, err = f.GetString("log-level")
		return err
	}},
}

func addOverrideFlags(cmd *cobra.Command) {
	for _, o := range overrides {
		cmd.Flags().String(o.flag, "", o.usage)
	}
}

// loadConfig reads the configuration file and applies the flags given.
func loadConfig(cmd *cobra.Command) (relayer.Config, error) {
	cfg, err := relayer.LoadConfig(configPath(cmd))
	if err != nil {
		return cfg, err
	}
	for _, o := range overrides {
		if f := cmd.Flags().Lookup(o.flag); f != nil && f.Changed {
			if err := o.apply(&cfg, cmd.Flags()); err != nil {
				return cfg, err
			}
		}
	}
	return cfg, cfg.Validate()
}

func newLogger(cfg relayer.Config, w io.Writer) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.LogLevel))
	opts := &slog.HandlerOptions{Level: level}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

func initCmd(out io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Create the relayer's keys (orchestrator account and Ethereum key) and config.toml in --home",
		Long: `Create, in --home, an orchestrator account key (orchestrator.armor) and an
Ethereum key (ethereum.json, Web3 secret storage), both encrypted with the
passphrase of --password-file, and a config.toml naming them. Existing keys
are never overwritten. It prints both addresses: fund the orchestrator
account on the chain (it pays for confirmations and claims) and the
Ethereum address (it pays for relayed transactions), then register them
with the validator's operator key (see registration-signature).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			home, _ := cmd.Flags().GetString("home")
			passwordFile, _ := cmd.Flags().GetString("password-file")
			light, _ := cmd.Flags().GetBool("light-kdf")
			password, err := relayer.ReadPassword(passwordFile)
			if err != nil {
				return err
			}
			passwordFile, err = filepath.Abs(passwordFile)
			if err != nil {
				return err
			}
			scryptN, scryptP := keystore.StandardScryptN, keystore.StandardScryptP
			if light {
				scryptN, scryptP = keystore.LightScryptN, keystore.LightScryptP
			}
			path := configPath(cmd)
			if _, err := os.Stat(path); err == nil {
				return fmt.Errorf("%s exists", path)
			}
			keys, err := relayer.InitKeys(home, password, scryptN, scryptP)
			if err != nil {
				return err
			}
			absHome, err := filepath.Abs(home)
			if err != nil {
				return err
			}
			cfg := relayer.DefaultConfig()
			cfg.GasPrice = app.MinGasPrice.String()
			cfg.ChainID, _ = cmd.Flags().GetString("chain-id")
			cfg.CosmosKeyFile = filepath.Join(absHome, relayer.CosmosKeyName)
			cfg.EthereumKeyFile = filepath.Join(absHome, relayer.EthereumKeyName)
			cfg.PasswordFile = passwordFile
			for _, o := range overrides {
				if f := cmd.Flags().Lookup(o.flag); f != nil && f.Changed {
					if err := o.apply(&cfg, cmd.Flags()); err != nil {
						return err
					}
				}
			}
			if err := cfg.Validate(); err != nil {
				return err
			}
			if err := relayer.WriteConfig(path, cfg); err != nil {
				return err
			}
			return printJSON(out, map[string]string{
				"orchestrator": keys.Orchestrator().String(), "ethereum_address": keys.EthereumAddress().Hex(), "config": path,
			})
		},
	}
	cmd.Flags().String("chain-id", "", "The chain's id")
	cmd.Flags().String("password-file", "", "File whose first line is the keys' passphrase")
	cmd.Flags().Bool("light-kdf", false, "Encrypt the Ethereum key with a cheap scrypt (development networks only)")
	addOverrideFlags(cmd)
	_ = cmd.MarkFlagRequired("chain-id")
	_ = cmd.MarkFlagRequired("password-file")
	return cmd
}

func startCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "start",
		Short: "Run the signer, oracle and relayer loops until interrupted",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := loadConfig(cmd)
			if err != nil {
				return err
			}
			log := newLogger(cfg, cmd.ErrOrStderr())
			keys, err := relayer.LoadKeys(cfg)
			if err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			chain, err := relayer.DialChain(cfg.ChainGRPC, cfg.ChainID, keys.Cosmos, cfg.GasPrice, cfg.GasAdjustment, log)
			if err != nil {
				return err
			}
			defer func() { _ = chain.Close() }()
			eth, err := relayer.DialEthereum(ctx, cfg.EthereumRPC, keys.Ethereum, cfg.EthereumTxTimeout.Duration, log)
			if err != nil {
				return err
			}
			defer eth.Close()
			metrics := relayer.NewMetrics()
			if cfg.MetricsAddr != "" {
				if err := metrics.Serve(ctx, cfg.MetricsAddr, log); err != nil {
					return fmt.Errorf("metrics: %w", err)
				}
			}
			log.Info("starting", "chain_id", cfg.ChainID, "chain_grpc", cfg.ChainGRPC, "ethereum_rpc", cfg.EthereumRPC,
				"orchestrator", keys.Orchestrator().String(), "ethereum", keys.EthereumAddress().Hex(), "relay", cfg.Relay)
			err = relayer.NewOrchestrator(cfg, keys, chain, eth, metrics, log).Run(ctx)
			if errors.Is(err, context.Canceled) || ctx.Err() != nil {
				log.Info("stopped")
				return nil
			}
			return err
		},
	}
	addOverrideFlags(cmd)
	return cmd
}

func showCmd(out io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "keys",
		Short: "Print the orchestrator account and Ethereum address of the relayer's keys",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := loadConfig(cmd)
			if err != nil {
				return err
			}
			keys, err := relayer.LoadKeys(cfg)
			if err != nil {
				return err
			}
			return printJSON(out, map[string]string{"orchestrator": keys.Orchestrator().String(), "ethereum_address": keys.EthereumAddress().Hex()})
		},
	}
}

func registrationCmd(out io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "registration-signature",
		Short: "Sign the registration of the relayer's keys for a validator",
		Long: `Print the Ethereum key's signature that registers the relayer's keys for
--validator, and the command the validator's operator runs with it:

  kizunad tx bridge register-ethereum-key <orchestrator> <ethereum-address> <signature> --from <operator key>`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := loadConfig(cmd)
			if err != nil {
				return err
			}
			keys, err := relayer.LoadKeys(cfg)
			if err != nil {
				return err
			}
			valStr, _ := cmd.Flags().GetString("validator")
			val, err := sdk.ValAddressFromBech32(valStr)
			if err != nil {
				return fmt.Errorf("--validator: %w", err)
			}
			sig, err := relayer.RegistrationSignature(cfg.ChainID, val, keys.Orchestrator(), keys.Ethereum)
			if err != nil {
				return err
			}
			return printJSON(out, map[string]string{
				"validator": val.String(), "orchestrator": keys.Orchestrator().String(),
				"ethereum_address": keys.EthereumAddress().Hex(), "signature": hexutil.Encode(sig),
			})
		},
	}
	cmd.Flags().String("validator", "", "The validator's operator address (kizunavaloper1...)")
	_ = cmd.MarkFlagRequired("validator")
	return cmd
}

func deployCmd(out io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "deploy-contract",
		Short: "Deploy the bridge contract with the chain's latest valset, paid by the relayer's Ethereum key",
		Long: `Deploy KizunaBridge for the chain, holding the chain's latest valset, and
print its address and block. Governance then sets them as the bridge's
contract_address and contract_height (MsgUpdateParams); until then the
relayers only confirm valsets.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := loadConfig(cmd)
			if err != nil {
				return err
			}
			log := newLogger(cfg, cmd.ErrOrStderr())
			keys, err := relayer.LoadKeys(cfg)
			if err != nil {
				return err
			}
			chain, err := relayer.DialChain(cfg.ChainGRPC, cfg.ChainID, keys.Cosmos, cfg.GasPrice, cfg.GasAdjustment, log)
			if err != nil {
				return err
			}
			defer func() { _ = chain.Close() }()
			eth, err := relayer.DialEthereum(cmd.Context(), cfg.EthereumRPC, keys.Ethereum, cfg.EthereumTxTimeout.Duration, log)
			if err != nil {
				return err
			}
			defer eth.Close()
			info, err := chain.Bridge.BridgeInfo(cmd.Context(), &bridgetypes.QueryBridgeInfoRequest{})
			if err != nil {
				return fmt.Errorf("bridge info: %w", err)
			}
			d, err := relayer.Deploy(cmd.Context(), eth, info)
			if err != nil {
				return err
			}
			return printJSON(out, d)
		},
	}
	addOverrideFlags(cmd)
	return cmd
}

func printJSON(out io.Writer, v any) error {
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
