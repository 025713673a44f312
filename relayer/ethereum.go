package relayer

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	ethcrypto "github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/kizuna-chain/kizuna/contracts/bindings"
)

// bridgeABI packs and unpacks the contract's calls and events.
var bridgeABI = bindings.NewKizunaBridge()

// ErrTxPending is returned instead of sending a transaction while one of
// the relayer's own is still waiting to be mined: one transaction at a
// time is what keeps a relayer from submitting anything twice, across
// restarts too.
var ErrTxPending = errors.New("an earlier transaction of this relayer is still pending")

// Ethereum is the relayer's connection to an Ethereum node and the bridge
// contract.
type Ethereum struct {
	Client    *ethclient.Client
	chainID   *big.Int
	key       *ecdsa.PrivateKey
	from      common.Address
	txTimeout time.Duration
	log       *slog.Logger
}

// DialEthereum connects to an Ethereum node's JSON-RPC endpoint.
func DialEthereum(ctx context.Context, url string, key *ecdsa.PrivateKey, txTimeout time.Duration, log *slog.Logger) (*Ethereum, error) {
	client, err := ethclient.DialContext(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("ethereum %s: %w", url, err)
	}
	return &Ethereum{
		Client: client, key: key, from: ethcrypto.PubkeyToAddress(key.PublicKey), txTimeout: txTimeout, log: log,
	}, nil
}

// Close closes the connection.
func (e *Ethereum) Close() { e.Client.Close() }

// From is the address that pays for the relayer's transactions.
func (e *Ethereum) From() common.Address { return e.from }

func (e *Ethereum) chain(ctx context.Context) (*big.Int, error) {
	if e.chainID == nil {
		id, err := e.Client.ChainID(ctx)
		if err != nil {
			return nil, err
		}
		e.chainID = id
	}
	return e.chainID, nil
}

// call runs a view of the bridge contract at the latest block.
func call[T any](ctx context.Context, e *Ethereum, contract common.Address, data []byte, unpack func([]byte) (T, error)) (T, error) {
	var zero T
	out, err := e.Client.CallContract(ctx, ethereum.CallMsg{To: &contract, Data: data}, nil)
	if err != nil {
		return zero, err
	}
	return unpack(out)
}

// ValsetNonce is the nonce of the valset the contract holds.
func (e *Ethereum) ValsetNonce(ctx context.Context, contract common.Address) (uint64, error) {
	n, err := call(ctx, e, contract, bridgeABI.PackValsetNonce(), bridgeABI.UnpackValsetNonce)
	if err != nil {
		return 0, err
	}
	return n.Uint64(), nil
}

// ValsetCheckpoint is the checkpoint of the valset the contract holds.
func (e *Ethereum) ValsetCheckpoint(ctx context.Context, contract common.Address) (common.Hash, error) {
	h, err := call(ctx, e, contract, bridgeABI.PackValsetCheckpoint(), bridgeABI.UnpackValsetCheckpoint)
	return common.Hash(h), err
}

// LastBatchNonce is the nonce of the last batch of token the contract
// executed.
func (e *Ethereum) LastBatchNonce(ctx context.Context, contract, token common.Address) (uint64, error) {
	n, err := call(ctx, e, contract, bridgeABI.PackLastBatchNonce(token), bridgeABI.UnpackLastBatchNonce)
	if err != nil {
		return 0, err
	}
	return n.Uint64(), nil
}

// TokenOf is the token the contract deployed for denom, or the zero
// address.
func (e *Ethereum) TokenOf(ctx context.Context, contract common.Address, denom string) (common.Address, error) {
	return call(ctx, e, contract, bridgeABI.PackTokenOf(denom), bridgeABI.UnpackTokenOf)
}

// BridgeID is the contract's bridge id.
func (e *Ethereum) BridgeID(ctx context.Context, contract common.Address) ([32]byte, error) {
	return call(ctx, e, contract, bridgeABI.PackBridgeId(), bridgeABI.UnpackBridgeId)
}

// Transact sends a transaction with data to contract and waits for its
// receipt. It refuses while an earlier transaction of the relayer is
// pending (ErrTxPending), and sends nothing when the node's gas estimate
// says the call would revert: the error then names the contract's custom
// error, e.g. InvalidNonce when another relayer was first.
func (e *Ethereum) Transact(ctx context.Context, contract common.Address, data []byte) (*types.Receipt, error) {
	chainID, err := e.chain(ctx)
	if err != nil {
		return nil, err
	}
	mined, err := e.Client.NonceAt(ctx, e.from, nil)
	if err != nil {
		return nil, err
	}
	pending, err := e.Client.PendingNonceAt(ctx, e.from)
	if err != nil {
		return nil, err
	}
	if pending > mined {
		return nil, ErrTxPending
	}
	gas, err := e.Client.EstimateGas(ctx, ethereum.CallMsg{From: e.from, To: &contract, Data: data})
	if err != nil {
		return nil, RevertError(err)
	}
	opts := bind.NewKeyedTransactor(e.key, chainID)
	opts.Context = ctx
	opts.Nonce = new(big.Int).SetUint64(mined)
	opts.GasLimit = gas + gas/4
	tx, err := bind.Transact(bridgeABI.Instance(e.Client, contract), opts, data)
	if err != nil {
		return nil, RevertError(err)
	}
	e.log.Info("ethereum transaction sent", "tx", tx.Hash(), "nonce", tx.Nonce(), "gas", opts.GasLimit)
	waitCtx, cancel := context.WithTimeout(ctx, e.txTimeout)
	defer cancel()
	receipt, err := bind.WaitMined(waitCtx, e.Client, tx.Hash())
	if err != nil {
		return nil, fmt.Errorf("waiting for %s: %w", tx.Hash(), err)
	}
	if receipt.Status != types.ReceiptStatusSuccessful {
		return receipt, fmt.Errorf("transaction %s reverted in block %d", tx.Hash(), receipt.BlockNumber)
	}
	return receipt, nil
}

// ContractError is a call the contract refused with one of its custom
// errors, e.g. InvalidNonce when another relayer was first.
type ContractError struct {
	Name string
	Args []any
	err  error
}

func (e *ContractError) Error() string { return fmt.Sprintf("%v: %s%v", e.err, e.Name, e.Args) }

func (e *ContractError) Unwrap() error { return e.err }

// IsContractError reports whether err is the contract's custom error name.
func IsContractError(err error, name string) bool {
	var ce *ContractError
	return errors.As(err, &ce) && ce.Name == name
}

// RevertError returns a failed call's error as a ContractError when its
// revert data is one of the contract's custom errors.
func RevertError(err error) error {
	var data interface{ ErrorData() any }
	if !errors.As(err, &data) {
		return err
	}
	s, ok := data.ErrorData().(string)
	if !ok {
		return err
	}
	raw, decodeErr := hexutil.Decode(s)
	if decodeErr != nil || len(raw) < 4 {
		return err
	}
	abiDef := bridgeABI.GetABI()
	for name, def := range abiDef.Errors {
		if [4]byte(def.ID[:4]) != [4]byte(raw[:4]) {
			continue
		}
		args, _ := def.Unpack(raw)
		list, _ := args.([]any)
		return &ContractError{Name: name, Args: list, err: err}
	}
	if reason, unpackErr := abi.UnpackRevert(raw); unpackErr == nil {
		return fmt.Errorf("%w: %s", err, reason)
	}
	return err
}
