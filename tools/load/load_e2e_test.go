package load_test

import (
	"context"
	"log/slog"
	"os"
	"testing"
	"time"

	"github.com/kizuna-chain/kizuna/internal/txsign"
	"github.com/kizuna-chain/kizuna/testutil/e2e"
	"github.com/kizuna-chain/kizuna/tools/load"
)

// TestDriver_LoadsARealNode starts a one-validator chain, sets the load up
// with a keyring funder, sends transfers at a low rate for a few seconds and
// checks that every committed transfer is on the node. It runs the kizunad
// of $KIZUNAD, as make test-faults-short does after make build, and is
// skipped without it: building kizunad inside the unit tests would take
// minutes.
func TestDriver_LoadsARealNode(t *testing.T) {
	if os.Getenv("KIZUNAD") == "" {
		t.Skip("set KIZUNAD to a kizunad binary to start a node")
	}
	bin, err := e2e.Binary(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	node := e2e.NewNode(t, bin, "funder")
	node.Start(t)

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	funder, err := load.KeyringKey(node.Home, "test", "funder")
	if err != nil {
		t.Fatal(err)
	}
	d, err := load.Dial(ctx, load.Config{
		GRPC: []string{node.GRPCAddress()}, RPC: []string{node.RPCURL()}, Funder: funder,
		Accounts: 20, Seed: t.Name(), Logger: slog.New(slog.NewTextHandler(t.Output(), nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = d.Close() }()
	if d.ChainID() != e2e.ChainID {
		t.Fatalf("chain id %q, want %q", d.ChainID(), e2e.ChainID)
	}
	env, err := d.Setup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if env.CommunityID == 0 || env.Denom == "" || env.TransferGas == 0 || len(env.Accounts) != 20 {
		t.Fatalf("setup: %+v", env)
	}

	rep, err := d.Run(ctx, load.RunOptions{Rate: 20, Duration: 4 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("sent %d, committed %d, p99 %s", rep.Sent, rep.CommittedOK, rep.Latency.P99)
	if rep.CommittedOK == 0 {
		t.Fatal("nothing committed")
	}
	if len(rep.Rejected) != 0 || len(rep.CommittedFailed) != 0 || rep.BroadcastErrors != 0 || rep.Unconfirmed != 0 {
		t.Fatalf("rejected %v, failed %v, broadcast errors %d, unconfirmed %d; examples %v",
			rep.Rejected, rep.CommittedFailed, rep.BroadcastErrors, rep.Unconfirmed, rep.Examples)
	}
	if rep.CommittedOK != rep.Sent || len(rep.Committed) != rep.Sent {
		t.Fatalf("sent %d, committed %d (%d listed)", rep.Sent, rep.CommittedOK, len(rep.Committed))
	}
	if rep.Latency.P50 <= 0 || rep.Latency.Max < rep.Latency.P99 || rep.Blocks == 0 {
		t.Fatalf("latency %+v, blocks %d", rep.Latency, rep.Blocks)
	}

	missing, err := load.FindMissing(ctx, node.GRPCAddress(), rep.Committed)
	if err != nil {
		t.Fatal(err)
	}
	if len(missing) != 0 {
		t.Fatalf("%d committed transfers missing on the node, e.g. %+v", len(missing), missing[0])
	}
	bogus := load.CommittedTx{Hash: txsign.Hash([]byte("never sent")), Height: rep.LastHeight}
	if missing, err := load.FindMissing(ctx, node.GRPCAddress(), []load.CommittedTx{bogus}); err != nil || len(missing) != 1 {
		t.Fatalf("FindMissing of an unknown hash: %v, %v", missing, err)
	}

	// A second setup on the same chain funds nobody again and creates a
	// fresh community.
	again, err := d.Setup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if again.CommunityID == env.CommunityID {
		t.Fatalf("the second setup reused community %d", env.CommunityID)
	}
}
