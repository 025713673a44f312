package load

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	txtypes "github.com/cosmos/cosmos-sdk/types/tx"
)

const (
	// verifyParallelism bounds the concurrent GetTx calls of FindMissing.
	verifyParallelism = 16
	// indexGrace is how long FindMissing looks for a transaction the node
	// does not find: a node indexes a block's transactions shortly after
	// committing it.
	indexGrace = 5 * time.Second
)

// FindMissing looks every transaction of txs up with GetTx on the node at
// grpcAddr (host:port) and returns those it does not hold as recorded: not
// found within a few seconds, or found at another height or with another
// result code. A node that answers with another error fails the check.
func FindMissing(ctx context.Context, grpcAddr string, txs []CommittedTx) ([]CommittedTx, error) {
	pool, err := dialGRPC([]string{grpcAddr})
	if err != nil {
		return nil, err
	}
	defer func() { _ = pool.close() }()
	deadline := time.Now().Add(indexGrace)
	var mismatched []CommittedTx
	pending := txs
	for {
		var notFound []CommittedTx
		var mu sync.Mutex
		err := forEach(ctx, len(pending), verifyParallelism, func(ctx context.Context, i int) error {
			want := pending[i]
			var got *txtypes.GetTxResponse
			err := pool.query(ctx, func(ctx context.Context, conn *grpc.ClientConn) error {
				var err error
				got, err = txtypes.NewServiceClient(conn).GetTx(ctx, &txtypes.GetTxRequest{Hash: want.Hash})
				return err
			})
			mu.Lock()
			defer mu.Unlock()
			switch {
			case status.Code(err) == codes.NotFound:
				notFound = append(notFound, want)
			case err != nil:
				return fmt.Errorf("looking transaction %s up on %s: %w", want.Hash, grpcAddr, err)
			case got.TxResponse == nil || got.TxResponse.Height != want.Height || got.TxResponse.Code != want.Code:
				mismatched = append(mismatched, want)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		if len(notFound) == 0 || time.Now().After(deadline) {
			missing := slices.Concat(mismatched, notFound)
			slices.SortFunc(missing, func(a, b CommittedTx) int {
				return cmp.Or(cmp.Compare(a.Height, b.Height), cmp.Compare(a.Hash, b.Hash))
			})
			return missing, nil
		}
		if err := sleep(ctx, 500*time.Millisecond); err != nil {
			return nil, err
		}
		pending = notFound
	}
}
