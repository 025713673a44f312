package faults_test

import (
	"testing"
	"time"

	"github.com/kizuna-chain/kizuna/testutil/e2e"
	"github.com/kizuna-chain/kizuna/tools/load"
)

// TestLocalnet_FaultsUnderLoad loads the four-validator localnet with
// transfers and, in turn: kills one validator with SIGKILL (blocks go on;
// restarted, it catches up to the same app hash); then (not with -short)
// kills two of four (no block without a 2/3 quorum, no divergence;
// restarted, the chain resumes); and adds a full node that joins by state
// sync from the validators' snapshots. After each phase every transfer the
// driver saw committed is looked up on the nodes.
func TestLocalnet_FaultsUnderLoad(t *testing.T) {
	net := startLocalnet(t)
	all := net.validators()
	d := dialLoad(t, net.grpcs(all...), net.rpcs(all...), net.home(0))

	t.Run("kill one validator", func(t *testing.T) {
		run := startLoad(t, d, 40, 45*time.Second, 30*time.Second)
		time.Sleep(8 * time.Second)
		net.run("kill", "3")
		// The three left keep committing, more slowly: the heights the
		// dead validator should propose wait out a propose timeout.
		killed, before := time.Now(), net.height(0)
		if err := e2e.WaitForHeight(net.rpc(0), before+4, 40*time.Second); err != nil {
			t.Fatalf("three of four validators stopped committing after height %d: %v", before, err)
		}
		t.Logf("three of four validators committed 4 blocks in %s", time.Since(killed).Round(time.Millisecond))
		net.run("start", "3")
		requireConsistent(t, net, run.wait(t), 0, 3)
	})
	if testing.Short() {
		return
	}

	t.Run("stop two of four", func(t *testing.T) {
		run := startLoad(t, d, 30, 50*time.Second, 90*time.Second)
		time.Sleep(5 * time.Second)
		net.run("kill", "2")
		net.run("kill", "3")
		// A block already under way may still commit; after that, nothing.
		time.Sleep(4 * time.Second)
		halted := net.height(0)
		time.Sleep(12 * time.Second)
		for _, i := range []int{0, 1} {
			if h := net.height(i); h > halted {
				t.Fatalf("validator %d committed height %d with half of the power down (halted at %d)", i, h, halted)
			}
		}
		// The two that are up agree on their last state.
		st0, err := e2e.RPCStatus(net.rpc(0))
		if err != nil {
			t.Fatal(err)
		}
		st1, err := e2e.RPCStatus(net.rpc(1))
		if err != nil {
			t.Fatal(err)
		}
		if st0 != st1 {
			t.Fatalf("halted validators diverge: %+v and %+v", st0, st1)
		}

		net.run("start", "2")
		net.run("start", "3")
		if err := e2e.WaitForHeight(net.rpc(0), halted+3, 2*time.Minute); err != nil {
			t.Fatalf("the chain did not resume: %v", err)
		}
		requireConsistent(t, net, run.wait(t), 1, 2)
	})

	t.Run("join by state sync", func(t *testing.T) {
		run := startLoad(t, d, 30, 30*time.Second, 30*time.Second)
		time.Sleep(3 * time.Second)
		net.run("join")
		rep := run.wait(t)

		earliest := earliestHeight(t, net.rpc(4))
		if earliest <= 1 {
			t.Fatalf("the full node holds blocks from %d: it replayed the chain instead of restoring a snapshot", earliest)
		}
		t.Logf("the full node restored a snapshot and holds blocks from %d", earliest)
		requireSameAppHash(t, net.rpcs(0, 4)...)
		requireInvariants(t, net.api(4))
		var since []load.CommittedTx
		for _, tx := range rep.Committed {
			if tx.Height >= earliest {
				since = append(since, tx)
			}
		}
		if len(since) == 0 {
			t.Fatal("no transfer was committed after the full node's snapshot")
		}
		requireNoneMissing(t, net.grpc(4), since)
		requireSameHistory(t, net.api(0), net.api(4), rep.Committed[0].Hash)
	})
}

// TestSingleNode_CrashUnderLoad kills the only validator of a chain like
// `make run`'s with SIGKILL in the middle of a load and restarts it: the
// chain resumes, the invariants hold, and every transfer the driver saw
// committed is still there.
func TestSingleNode_CrashUnderLoad(t *testing.T) {
	node := e2e.NewNode(t, kizunad)
	node.Start(t)
	d := dialLoad(t, []string{node.GRPCAddress()}, []string{node.RPCURL()}, node.Home)

	run := startLoad(t, d, 40, 30*time.Second, 20*time.Second)
	time.Sleep(10 * time.Second)
	if err := node.Kill(); err != nil {
		t.Fatal(err)
	}
	crashed := time.Now()
	time.Sleep(2 * time.Second)
	node.Start(t)
	t.Logf("restarted %s after the crash", time.Since(crashed).Round(time.Millisecond))
	rep := run.wait(t)

	before := height(t, node.RPCURL())
	if err := node.WaitForHeight(before+2, time.Minute); err != nil {
		t.Fatal(err)
	}
	requireNoneMissing(t, node.GRPCAddress(), rep.Committed)
	requireInvariants(t, node.APIURL())
}
