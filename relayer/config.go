// Package relayer is the bridge orchestrator a validator runs next to its
// node: a signer that confirms valsets, token deployments and batches with
// the validator's registered Ethereum key, an oracle that claims the
// contract's events on the chain in nonce order once they are final, and a
// relayer that submits valset updates, token deployments and batches to the
// contract. It keeps no state of its own: after a crash it resumes from
// what the chain and the contract say.
package relayer

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/pelletier/go-toml/v2"

	sdkmath "cosmossdk.io/math"
)

// Config is a relayer's configuration: a TOML file, overridden by flags.
type Config struct {
	// ChainID is the Kizuna chain's id.
	ChainID string `toml:"chain_id"`
	// ChainGRPC is the validator's node gRPC address (host:port).
	ChainGRPC string `toml:"chain_grpc"`
	// EthereumRPC is the Ethereum node's JSON-RPC URL.
	EthereumRPC string `toml:"ethereum_rpc"`
	// CosmosKeyFile is the orchestrator account's key: an ASCII-armored,
	// passphrase-encrypted secp256k1 key (`kizuna-relayer keys init`, or
	// `kizunad keys export`).
	CosmosKeyFile string `toml:"cosmos_key_file"`
	// EthereumKeyFile is the validator's Ethereum key: a Web3 secret
	// storage (keystore v3) JSON file.
	EthereumKeyFile string `toml:"ethereum_key_file"`
	// PasswordFile holds the passphrase of both key files (first line).
	PasswordFile string `toml:"password_file"`

	// Confirmations is how many blocks an Ethereum event must be under the
	// head before the oracle claims it.
	Confirmations uint64 `toml:"confirmations"`
	// LogRange is the most blocks one eth_getLogs request covers.
	LogRange uint64 `toml:"log_range"`
	// PollInterval is how often each loop looks for work.
	PollInterval Duration `toml:"poll_interval"`
	// MaxMsgsPerTx bounds the confirmations or claims one chain
	// transaction carries.
	MaxMsgsPerTx int `toml:"max_msgs_per_tx"`
	// GasPrice is what the orchestrator pays per unit of chain gas, e.g.
	// "0.001ukiz" (init writes the chain's minimum gas price).
	GasPrice string `toml:"gas_price"`
	// GasAdjustment multiplies simulated chain gas.
	GasAdjustment float64 `toml:"gas_adjustment"`

	// Relay turns on submitting to the contract. A validator may leave
	// relaying to others; signing and claiming always run.
	Relay bool `toml:"relay"`
	// MinBatchFees is, by token contract, the least total fee (in token
	// units) of a batch worth relaying; a batch with less is relayed only
	// when it is about to time out. Tokens not listed relay any batch.
	MinBatchFees map[string]string `toml:"min_batch_fees"`
	// TimeoutMarginBlocks is how many Ethereum blocks before its timeout a
	// batch is relayed whatever its fees.
	TimeoutMarginBlocks uint64 `toml:"timeout_margin_blocks"`
	// RelayDelay is how long a contract call waits, once it is ready,
	// before this relayer submits it: validators that relay give each
	// other different delays so that one pays for each call.
	RelayDelay Duration `toml:"relay_delay"`
	// EthereumTxTimeout bounds the wait for a submitted Ethereum
	// transaction's receipt.
	EthereumTxTimeout Duration `toml:"ethereum_tx_timeout"`

	// MetricsAddr is where Prometheus metrics are served (/metrics); empty
	// turns them off.
	MetricsAddr string `toml:"metrics_addr"`
	// LogFormat is "text" or "json"; LogLevel "debug", "info", "warn" or
	// "error".
	LogFormat string `toml:"log_format"`
	LogLevel  string `toml:"log_level"`
}

// Duration is a time.Duration written as "2s" in TOML.
type Duration struct{ time.Duration }

// UnmarshalText parses a Go duration.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return err
	}
	d.Duration = v
	return nil
}

// MarshalText writes a Go duration.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// DefaultConfig returns the defaults of everything but the endpoints and
// the key files.
func DefaultConfig() Config {
	return Config{
		Confirmations:       6,
		LogRange:            1000,
		PollInterval:        Duration{2 * time.Second},
		MaxMsgsPerTx:        20,
		GasAdjustment:       1.3,
		Relay:               true,
		TimeoutMarginBlocks: 50,
		EthereumTxTimeout:   Duration{2 * time.Minute},
		MetricsAddr:         "127.0.0.1:9464",
		LogFormat:           "text",
		LogLevel:            "info",
	}
}

// LoadConfig reads a TOML file over the defaults; unknown keys are errors.
func LoadConfig(path string) (Config, error) {
	cfg := DefaultConfig()
	bz, err := os.ReadFile(filepath.Clean(path))
	if err != nil {
		return cfg, err
	}
	dec := toml.NewDecoder(bytes.NewReader(bz))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cfg); err != nil {
		return cfg, fmt.Errorf("%s: %w", path, err)
	}
	return cfg, nil
}

// WriteConfig writes cfg as TOML to path, readable by its owner only.
func WriteConfig(path string, cfg Config) error {
	bz, err := toml.Marshal(cfg)
	if err != nil {
		return err
	}
	return os.WriteFile(path, bz, 0o600)
}

// Validate checks that the relayer can start with cfg.
func (c Config) Validate() error {
	var errs []error
	required := map[string]string{
		"chain_id": c.ChainID, "chain_grpc": c.ChainGRPC, "ethereum_rpc": c.EthereumRPC,
		"cosmos_key_file": c.CosmosKeyFile, "ethereum_key_file": c.EthereumKeyFile, "password_file": c.PasswordFile,
		"gas_price": c.GasPrice,
	}
	for _, k := range []string{"chain_id", "chain_grpc", "ethereum_rpc", "cosmos_key_file", "ethereum_key_file", "password_file", "gas_price"} {
		if required[k] == "" {
			errs = append(errs, fmt.Errorf("%s is required", k))
		}
	}
	if c.LogRange == 0 || c.LogRange > 100_000 {
		errs = append(errs, fmt.Errorf("log_range %d: want 1..100000", c.LogRange))
	}
	if c.PollInterval.Duration < 100*time.Millisecond {
		errs = append(errs, fmt.Errorf("poll_interval %s: want at least 100ms", c.PollInterval))
	}
	if c.MaxMsgsPerTx < 1 || c.MaxMsgsPerTx > 100 {
		errs = append(errs, fmt.Errorf("max_msgs_per_tx %d: want 1..100", c.MaxMsgsPerTx))
	}
	if c.GasAdjustment < 1 {
		errs = append(errs, fmt.Errorf("gas_adjustment %v: want at least 1", c.GasAdjustment))
	}
	if c.RelayDelay.Duration < 0 {
		errs = append(errs, errors.New("relay_delay must not be negative"))
	}
	if c.EthereumTxTimeout.Duration <= 0 {
		errs = append(errs, errors.New("ethereum_tx_timeout must be positive"))
	}
	for token, fee := range c.MinBatchFees {
		if !common.IsHexAddress(token) {
			errs = append(errs, fmt.Errorf("min_batch_fees: %q is not a token address", token))
		}
		if v, ok := sdkmath.NewIntFromString(fee); !ok || v.IsNegative() {
			errs = append(errs, fmt.Errorf("min_batch_fees[%s]: %q is not a non-negative integer", token, fee))
		}
	}
	switch c.LogFormat {
	case "text", "json":
	default:
		errs = append(errs, fmt.Errorf("log_format %q: want text or json", c.LogFormat))
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		errs = append(errs, fmt.Errorf("log_level %q: want debug, info, warn or error", c.LogLevel))
	}
	return errors.Join(errs...)
}

// minBatchFee is the least total fee worth relaying a batch of token.
func (c Config) minBatchFee(token common.Address) sdkmath.Int {
	for k, v := range c.MinBatchFees {
		if common.HexToAddress(k) == token {
			fee, _ := sdkmath.NewIntFromString(v)
			return fee
		}
	}
	return sdkmath.ZeroInt()
}
