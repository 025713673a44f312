package relayer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"sync"
	"time"

	"github.com/cosmos/gogoproto/proto"
	"google.golang.org/grpc"
	"google.golang.org/grpc/backoff"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"

	sdkmath "cosmossdk.io/math"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"
	txtypes "github.com/cosmos/cosmos-sdk/types/tx"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/kizuna-chain/kizuna/internal/gogocodec"
	"github.com/kizuna-chain/kizuna/internal/txsign"
	bridgetypes "github.com/kizuna-chain/kizuna/x/bridge/types"
)

// chainTxWait bounds the wait for a broadcast transaction's block.
const chainTxWait = 60 * time.Second

// Chain is the relayer's connection to its validator's node: bridge
// queries and the orchestrator's transactions.
type Chain struct {
	conn    *grpc.ClientConn
	Bridge  bridgetypes.QueryClient
	auth    authtypes.QueryClient
	txs     txtypes.ServiceClient
	chainID string
	key     *secp256k1.PrivKey
	pubKey  *codectypes.Any
	address string
	price   sdk.DecCoin
	gasAdj  float64
	log     *slog.Logger

	// submitting serializes the orchestrator's transactions, which share
	// one account sequence.
	submitting sync.Mutex
}

// DialChain connects to a node's gRPC server; the connection is lazy, so
// a node that is not up yet is retried by every call.
func DialChain(addr, chainID string, key *secp256k1.PrivKey, gasPrice string, gasAdjustment float64, log *slog.Logger) (*Chain, error) {
	price, err := sdk.ParseDecCoin(gasPrice)
	if err != nil {
		return nil, fmt.Errorf("gas_price %q: %w", gasPrice, err)
	}
	conn, err := grpc.NewClient(addr,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithConnectParams(grpc.ConnectParams{
			Backoff:           backoff.Config{BaseDelay: 200 * time.Millisecond, Multiplier: 1.6, Jitter: 0.2, MaxDelay: 5 * time.Second},
			MinConnectTimeout: 5 * time.Second,
		}),
		grpc.WithDefaultCallOptions(grpc.ForceCodec(gogocodec.Codec{}), grpc.MaxCallRecvMsgSize(64<<20)),
	)
	if err != nil {
		return nil, fmt.Errorf("chain gRPC %s: %w", addr, err)
	}
	pub, err := codectypes.NewAnyWithValue(key.PubKey())
	if err != nil {
		return nil, err
	}
	return &Chain{
		conn: conn, Bridge: bridgetypes.NewQueryClient(conn), auth: authtypes.NewQueryClient(conn),
		txs: txtypes.NewServiceClient(conn), chainID: chainID, key: key, pubKey: pub,
		address: sdk.AccAddress(key.PubKey().Address()).String(), price: price, gasAdj: gasAdjustment, log: log,
	}, nil
}

// Close closes the connection.
func (c *Chain) Close() error { return c.conn.Close() }

// Address is the orchestrator account's address.
func (c *Chain) Address() string { return c.address }

// TxError is a transaction the chain refused, in CheckTx or in its block,
// with the module's registered error.
type TxError struct {
	Codespace string
	Code      uint32
	Log       string
}

func (e *TxError) Error() string {
	return fmt.Sprintf("transaction failed: %s code %d: %s", e.Codespace, e.Code, e.Log)
}

// Is reports whether the chain's error is the registered error target.
func (e *TxError) Is(target error) bool {
	var reg interface {
		Codespace() string
		ABCICode() uint32
	}
	if !errors.As(target, &reg) {
		return false
	}
	return reg.Codespace() == e.Codespace && reg.ABCICode() == e.Code
}

// Submit signs msgs as the orchestrator with its current sequence,
// simulates them for gas, broadcasts them and waits for their block. Each
// transaction waits for the previous one's block, so the account's
// sequence read from the node is always the next one.
func (c *Chain) Submit(ctx context.Context, msgs ...proto.Message) (string, error) {
	c.submitting.Lock()
	defer c.submitting.Unlock()
	info, err := c.auth.AccountInfo(ctx, &authtypes.QueryAccountInfoRequest{Address: c.address})
	if err != nil {
		if status.Code(err) == codes.NotFound {
			return "", fmt.Errorf("orchestrator account %s does not exist on the chain: fund it first", c.address)
		}
		return "", fmt.Errorf("orchestrator account: %w", err)
	}
	u := txsign.Unsigned{
		Msgs: msgs, PubKey: c.pubKey, AccountNumber: info.Info.AccountNumber, Sequence: info.Info.Sequence,
		Fee: sdk.NewCoins(sdk.NewCoin(c.price.Denom, sdkmath.OneInt())),
	}
	sim, err := u.SimulationBytes()
	if err != nil {
		return "", err
	}
	simRes, err := c.txs.Simulate(ctx, &txtypes.SimulateRequest{TxBytes: sim})
	if err != nil {
		return "", fmt.Errorf("simulating: %w", err)
	}
	u.Gas = uint64(math.Ceil(float64(simRes.GasInfo.GasUsed) * c.gasAdj))
	u.Fee = sdk.NewCoins(sdk.NewCoin(c.price.Denom, c.price.Amount.MulInt64(int64(u.Gas)).Ceil().TruncateInt()))
	bz, err := u.Sign(c.key, c.chainID)
	if err != nil {
		return "", err
	}
	hash := txsign.Hash(bz)
	res, err := c.txs.BroadcastTx(ctx, &txtypes.BroadcastTxRequest{TxBytes: bz, Mode: txtypes.BroadcastMode_BROADCAST_MODE_SYNC})
	if err != nil {
		return hash, fmt.Errorf("broadcasting: %w", err)
	}
	if r := res.TxResponse; r.Code != 0 {
		return hash, &TxError{Codespace: r.Codespace, Code: r.Code, Log: r.RawLog}
	}
	return hash, c.wait(ctx, hash)
}

// wait polls the node's transaction index until the transaction is in a
// block, and returns its error if it failed there.
func (c *Chain) wait(ctx context.Context, hash string) error {
	ctx, cancel := context.WithTimeout(ctx, chainTxWait)
	defer cancel()
	tick := time.NewTicker(300 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return fmt.Errorf("transaction %s not in a block within %s: %w", hash, chainTxWait, ctx.Err())
		case <-tick.C:
		}
		res, err := c.txs.GetTx(ctx, &txtypes.GetTxRequest{Hash: hash})
		if status.Code(err) == codes.NotFound {
			continue
		}
		if err != nil {
			c.log.Debug("waiting for a transaction", "hash", hash, "err", err)
			continue
		}
		if r := res.TxResponse; r.Code != 0 {
			return &TxError{Codespace: r.Codespace, Code: r.Code, Log: r.RawLog}
		}
		return nil
	}
}

// pageSize is how many items one paginated bridge query asks for.
const pageSize = 100

// forEachPage calls fetch with each page's request until the last page.
func forEachPage(fetch func(*query.PageRequest) (*query.PageResponse, error)) error {
	var key []byte
	for {
		res, err := fetch(&query.PageRequest{Key: key, Limit: pageSize})
		if err != nil {
			return err
		}
		if res == nil || len(res.NextKey) == 0 {
			return nil
		}
		key = res.NextKey
	}
}
