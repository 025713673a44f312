package load

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/backoff"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"

	"github.com/cosmos/cosmos-sdk/client/grpc/cmtservice"

	"github.com/kizuna-chain/kizuna/internal/gogocodec"
	"github.com/kizuna-chain/kizuna/internal/txsign"
)

const (
	// callTimeout bounds one gRPC or RPC call to one endpoint.
	callTimeout = 10 * time.Second
	// retryTimeout bounds how long a query is retried while no endpoint
	// answers, e.g. while the only node restarts.
	retryTimeout = 60 * time.Second
)

// grpcPool holds a connection to each gRPC endpoint. gRPC reconnects by
// itself; the pool moves a call to the next endpoint when one fails to
// answer, and tries again a little later when none does.
type grpcPool struct {
	addrs []string
	conns []*grpc.ClientConn
}

func dialGRPC(addrs []string) (*grpcPool, error) {
	p := &grpcPool{addrs: addrs}
	for _, addr := range addrs {
		conn, err := grpc.NewClient(addr,
			grpc.WithTransportCredentials(insecure.NewCredentials()),
			// Reconnect within a second of a node coming back, not after
			// gRPC's default backoff of up to two minutes.
			grpc.WithConnectParams(grpc.ConnectParams{
				Backoff:           backoff.Config{BaseDelay: 100 * time.Millisecond, Multiplier: 1.6, Jitter: 0.2, MaxDelay: time.Second},
				MinConnectTimeout: 2 * time.Second,
			}),
			grpc.WithDefaultCallOptions(grpc.ForceCodec(gogocodec.Codec{}), grpc.MaxCallRecvMsgSize(64<<20)),
		)
		if err != nil {
			_ = p.close()
			return nil, fmt.Errorf("gRPC endpoint %s: %w", addr, err)
		}
		p.conns = append(p.conns, conn)
	}
	return p, nil
}

func (p *grpcPool) close() error {
	var errs []error
	for _, c := range p.conns {
		errs = append(errs, c.Close())
	}
	return errors.Join(errs...)
}

// unreachable reports whether err says that an endpoint did not answer (as
// opposed to answering with an error), so that another may be asked.
func unreachable(ctx context.Context, err error) bool {
	if ctx.Err() != nil {
		return false
	}
	switch status.Code(err) {
	case codes.Unavailable, codes.DeadlineExceeded, codes.Canceled, codes.ResourceExhausted, codes.Aborted:
		return true
	}
	return false
}

// call runs fn with the endpoints in turn, starting at start, until one
// answers. It returns the index of the endpoint that answered, or the last
// error when none did.
func (p *grpcPool) call(ctx context.Context, start int, fn func(context.Context, *grpc.ClientConn) error) (int, error) {
	var err error
	for i := range p.conns {
		idx := (start + i) % len(p.conns)
		callCtx, cancel := context.WithTimeout(ctx, callTimeout)
		err = fn(callCtx, p.conns[idx])
		cancel()
		if !unreachable(ctx, err) {
			return idx, err
		}
	}
	return start % len(p.conns), fmt.Errorf("%w (%s): %w", errNoEndpoint, strings.Join(p.addrs, ", "), err)
}

// errNoEndpoint says that no gRPC endpoint answered a call.
var errNoEndpoint = errors.New("no gRPC endpoint answered")

// query is call retried with backoff for up to retryTimeout while no
// endpoint answers.
func (p *grpcPool) query(ctx context.Context, fn func(context.Context, *grpc.ClientConn) error) error {
	deadline := time.Now().Add(retryTimeout)
	delay := 200 * time.Millisecond
	for {
		_, err := p.call(ctx, 0, fn)
		if !errors.Is(err, errNoEndpoint) || time.Now().After(deadline) {
			return err
		}
		if err := sleep(ctx, delay); err != nil {
			return err
		}
		delay = min(2*delay, 2*time.Second)
	}
}

// rpcClient asks CometBFT RPC endpoints for the latest height, moving to
// the next endpoint when one fails.
type rpcClient struct {
	urls []string
	http *http.Client

	mu  sync.Mutex
	cur int
}

func newRPCClient(urls []string) (*rpcClient, error) {
	c := &rpcClient{http: &http.Client{Timeout: callTimeout}}
	for _, raw := range urls {
		u, err := url.Parse(strings.Replace(strings.TrimRight(raw, "/"), "tcp://", "http://", 1))
		if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
			return nil, fmt.Errorf("CometBFT RPC endpoint %q is not an http(s) URL", raw)
		}
		c.urls = append(c.urls, u.String())
	}
	return c, nil
}

// get calls the JSON-RPC method with params by HTTP GET and decodes its
// result into out. A failing endpoint is left for the next one.
func (c *rpcClient) get(ctx context.Context, method string, params url.Values, out any) error {
	c.mu.Lock()
	cur := c.cur
	c.mu.Unlock()
	endpoint := c.urls[cur] + "/" + method
	if len(params) > 0 {
		endpoint += "?" + params.Encode()
	}
	err := c.fetch(ctx, endpoint, out)
	if err != nil && ctx.Err() == nil {
		c.mu.Lock()
		if c.cur == cur {
			c.cur = (cur + 1) % len(c.urls)
		}
		c.mu.Unlock()
	}
	return err
}

func (c *rpcClient) fetch(ctx context.Context, endpoint string, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, endpoint, nil)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer func() { _ = resp.Body.Close() }()
	return decodeRPC(endpoint, resp, out)
}

// decodeRPC reads a JSON-RPC response and decodes its result into out.
func decodeRPC(endpoint string, resp *http.Response, out any) error {
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Errorf("%s: %w", endpoint, err)
	}
	var envelope struct {
		Result json.RawMessage `json:"result"`
		Error  *struct {
			Message string `json:"message"`
			Data    string `json:"data"`
		} `json:"error"`
	}
	if err := json.Unmarshal(body, &envelope); err != nil {
		return fmt.Errorf("%s: HTTP %d: %w", endpoint, resp.StatusCode, err)
	}
	if envelope.Error != nil {
		return fmt.Errorf("%s: %s %s", endpoint, envelope.Error.Message, envelope.Error.Data)
	}
	return json.Unmarshal(envelope.Result, out)
}

// latestHeight returns the height of the last block the node committed.
func (c *rpcClient) latestHeight(ctx context.Context) (int64, error) {
	var st struct {
		SyncInfo struct {
			LatestBlockHeight string `json:"latest_block_height"`
		} `json:"sync_info"`
	}
	if err := c.get(ctx, "status", nil, &st); err != nil {
		return 0, err
	}
	return strconv.ParseInt(st.SyncInfo.LatestBlockHeight, 10, 64)
}

// block is a committed block: its transactions with their results.
type block struct {
	height int64
	time   time.Time
	// observed is when the driver first learnt the block was committed.
	observed time.Time
	txs      []blockTx
}

// blockTx is a transaction of a block and its result.
type blockTx struct {
	hash      string
	code      uint32
	codespace string
	log       string
	data      []byte
}

// block reads block height and its results over gRPC, from the endpoint
// start or the next one that answers, whose index it returns. (CometBFT
// RPC's block_results would cost the node far more: it renders every
// event of every transaction as JSON.)
func (p *grpcPool) block(ctx context.Context, start int, height int64) (*block, int, error) {
	var b *block
	used, err := p.call(ctx, start, func(ctx context.Context, conn *grpc.ClientConn) error {
		client := cmtservice.NewServiceClient(conn)
		blk, err := client.GetBlockByHeight(ctx, &cmtservice.GetBlockByHeightRequest{Height: height})
		if err != nil {
			return err
		}
		res, err := client.GetBlockResults(ctx, &cmtservice.GetBlockResultsRequest{Height: height})
		if err != nil {
			return err
		}
		if blk.SdkBlock == nil {
			return fmt.Errorf("the node returned no block %d", height)
		}
		txs := blk.SdkBlock.Data.Txs
		if len(res.TxsResults) != len(txs) {
			return fmt.Errorf("block %d has %d transactions and %d results", height, len(txs), len(res.TxsResults))
		}
		b = &block{height: height, time: blk.SdkBlock.Header.Time, txs: make([]blockTx, len(txs))}
		for i, tx := range txs {
			r := res.TxsResults[i]
			b.txs[i] = blockTx{hash: txsign.Hash(tx), code: r.Code, codespace: r.Codespace, log: r.Log, data: r.Data}
		}
		return nil
	})
	return b, used, err
}

// sleep waits for d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// errRPCUnreachable says that a CometBFT RPC endpoint did not answer.
var errRPCUnreachable = errors.New("CometBFT RPC endpoint unreachable")

// broadcastResult is CometBFT's answer to broadcast_tx_sync: the CheckTx
// outcome of the transaction.
type broadcastResult struct {
	Code      uint32 `json:"code"`
	Codespace string `json:"codespace"`
	Log       string `json:"log"`
	Hash      string `json:"hash"`
}

// broadcastTxSync sends tx with CometBFT's broadcast_tx_sync, as wallets do,
// to the endpoints in turn from start until one answers. It returns the
// index of the endpoint that answered.
func (c *rpcClient) broadcastTxSync(ctx context.Context, start int, tx []byte) (broadcastResult, int, error) {
	body, err := json.Marshal(map[string]any{
		"jsonrpc": "2.0", "id": 1, "method": "broadcast_tx_sync",
		"params": map[string]string{"tx": base64.StdEncoding.EncodeToString(tx)},
	})
	if err != nil {
		return broadcastResult{}, start, err
	}
	for i := range c.urls {
		idx := (start + i) % len(c.urls)
		var res broadcastResult
		err = c.post(ctx, c.urls[idx], body, &res)
		if err == nil || !errors.Is(err, errRPCUnreachable) || ctx.Err() != nil {
			return res, idx, err
		}
	}
	return broadcastResult{}, start % len(c.urls), fmt.Errorf("no CometBFT RPC endpoint answered (%s): %w", strings.Join(c.urls, ", "), err)
}

// post sends a JSON-RPC request body and decodes its result into out.
func (c *rpcClient) post(ctx context.Context, endpoint string, body []byte, out any) error {
	ctx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("%w: %w", errRPCUnreachable, err)
	}
	defer func() { _ = resp.Body.Close() }()
	return decodeRPC(endpoint, resp, out)
}
