package contracts_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/contracts"
	"github.com/kizuna-chain/kizuna/contracts/bindings"
)

// newBatchEnv deploys a bridge with 4 equal validators and a Kizuna token.
func newBatchEnv(t *testing.T) (*env, common.Address) {
	e := newEnv(t, newValidators("v", equalPowers(4), 0))
	return e, e.deployToken("ukizuna", "Kizuna", "KZN", 6)
}

func TestSubmitBatch_SucceedsAboveTwoThirds(t *testing.T) {
	e, token := newBatchEnv(t)
	b := batch{token: token, nonce: 1, timeout: farTimeout, transfers: transfers("ok", 3, 100, 2)}

	r, err := e.submitBatch(b, 1, 2, 3) // 3 of 4
	require.NoError(t, err)

	for _, tr := range b.transfers {
		require.Equal(t, big.NewInt(100), e.balanceOf(token, tr.Destination))
	}
	require.Equal(t, big.NewInt(6), e.balanceOf(token, addrOf(e.deployer)), "the submitter gets the fees")
	require.Equal(t, big.NewInt(306), e.totalSupply(token))
	require.Equal(t, uint64(1), e.lastBatchNonce(token))
	ev := findLog(t, r, bridgeABI.UnpackBatchExecutedEvent)
	require.Equal(t, big.NewInt(1), ev.BatchNonce)
	require.Equal(t, token, ev.Token)
	require.Equal(t, big.NewInt(1), ev.EventNonce)
}

func TestSubmitBatch_RevertsAtExactlyTwoThirds(t *testing.T) {
	e := newEnv(t, newValidators("v", twoThirdsPowers, 0))
	token := e.deployToken("ukizuna", "Kizuna", "KZN", 6) // signed by both
	b := batch{token: token, nonce: 1, timeout: farTimeout, transfers: transfers("x", 1, 1, 0)}

	_, err := e.submitBatch(b, 0) // exactly floor(2^32 * 2/3)
	data := requireRevert(t, err, bindings.KizunaBridgeInsufficientPowerErrorID())
	ip, err := bridgeABI.UnpackInsufficientPowerError(data[4:])
	require.NoError(t, err)
	require.Equal(t, new(big.Int).SetUint64(contracts.PowerThreshold), ip.Power)

	_, err = e.submitBatch(b, 1) // the other third
	requireRevert(t, err, bindings.KizunaBridgeInsufficientPowerErrorID())

	_, err = e.submitBatch(b, 0, 1)
	require.NoError(t, err)
}

func TestSubmitBatch_RevertsForgedSignature(t *testing.T) {
	e, token := newBatchEnv(t)
	b := batch{token: token, nonce: 1, timeout: farTimeout, transfers: transfers("x", 2, 10, 1)}
	h := b.hash()

	// Wrong key in member 2's slot.
	sigs := e.vals.sign(t, h, 0, 1)
	sigs[2] = sigOf(t, h, key("intruder"))
	_, err := e.send(e.deployer, e.bridge, submitBatchData(e.vals.abi(), sigs, b))
	data := requireRevert(t, err, bindings.KizunaBridgeInvalidSignatureErrorID())
	require.Equal(t, big.NewInt(2), new(big.Int).SetBytes(data[4:]))

	// Member 2 signed a different batch (a larger amount).
	other := b
	other.transfers = transfers("x", 2, 1000, 1)
	sigs = e.vals.sign(t, h, 0, 1)
	sigs[2] = sigOf(t, other.hash(), e.vals.members[2].key)
	_, err = e.send(e.deployer, e.bridge, submitBatchData(e.vals.abi(), sigs, b))
	requireRevert(t, err, bindings.KizunaBridgeInvalidSignatureErrorID())

	// Everyone signed the batch, but the relayer raises an amount.
	tampered := b
	tampered.transfers = transfers("x", 2, 11, 1)
	_, err = e.send(e.deployer, e.bridge, submitBatchData(e.vals.abi(), e.vals.sign(t, h, signers(4)...), tampered))
	requireRevert(t, err, bindings.KizunaBridgeInvalidSignatureErrorID())

	// A deployToken signature is no batch signature.
	sigs = e.vals.sign(t, h, 0, 1)
	sigs[2] = sigOf(t, contracts.DeployTokenHash(testBridgeID, "ukizuna", "Kizuna", "KZN", 6), e.vals.members[2].key)
	_, err = e.send(e.deployer, e.bridge, submitBatchData(e.vals.abi(), sigs, b))
	requireRevert(t, err, bindings.KizunaBridgeInvalidSignatureErrorID())

	require.Zero(t, e.lastBatchNonce(token))
}

func TestSubmitBatch_RevertsReplayedNonce(t *testing.T) {
	e, token := newBatchEnv(t)
	b := batch{token: token, nonce: 1, timeout: farTimeout, transfers: transfers("x", 1, 10, 1)}
	calldata := submitBatchData(e.vals.abi(), e.vals.sign(t, b.hash(), signers(4)...), b)
	e.mustSend(e.deployer, e.bridge, calldata)

	_, err := e.send(e.deployer, e.bridge, calldata)
	data := requireRevert(t, err, bindings.KizunaBridgeInvalidNonceErrorID())
	in, err := bridgeABI.UnpackInvalidNonceError(data[4:])
	require.NoError(t, err)
	require.Equal(t, big.NewInt(2), in.Expected)
	require.Equal(t, big.NewInt(1), in.Got)
	require.Equal(t, big.NewInt(10), e.balanceOf(token, b.transfers[0].Destination), "paid once")
}

func TestSubmitBatch_RevertsSkippedNonce(t *testing.T) {
	e, token := newBatchEnv(t)
	_, err := e.submitBatch(batch{token: token, nonce: 2, timeout: farTimeout, transfers: transfers("x", 1, 1, 0)}, signers(4)...)
	requireRevert(t, err, bindings.KizunaBridgeInvalidNonceErrorID())

	// Nonces are per token: another token starts at 1 too.
	other := e.deployToken("uother", "Other", "OTH", 6)
	_, err = e.submitBatch(batch{token: token, nonce: 1, timeout: farTimeout, transfers: transfers("x", 1, 1, 0)}, signers(4)...)
	require.NoError(t, err)
	_, err = e.submitBatch(batch{token: other, nonce: 1, timeout: farTimeout, transfers: transfers("y", 1, 1, 0)}, signers(4)...)
	require.NoError(t, err)
}

func TestSubmitBatch_RevertsAfterTimeout(t *testing.T) {
	e, token := newBatchEnv(t)
	b := batch{token: token, nonce: 1, timeout: e.blockNumber() + 3, transfers: transfers("x", 1, 1, 0)}
	calldata := submitBatchData(e.vals.abi(), e.vals.sign(t, b.hash(), signers(4)...), b)
	for range 3 {
		e.sim.Commit()
	}
	// The chain is now at the timeout block: too late.
	_, err := e.send(e.deployer, e.bridge, calldata)
	data := requireRevert(t, err, bindings.KizunaBridgeBatchTimedOutErrorID())
	to, err := bridgeABI.UnpackBatchTimedOutError(data[4:])
	require.NoError(t, err)
	require.Equal(t, new(big.Int).SetUint64(b.timeout), to.Timeout)

	// Mined in the timeout block itself (gas fixed, no estimate): reverts.
	b2 := batch{token: token, nonce: 1, timeout: e.blockNumber() + 1, transfers: b.transfers}
	opts := e.opts(e.deployer)
	opts.GasLimit = 1_000_000
	tx, err := bind.Transact(e.bridge, opts, submitBatchData(e.vals.abi(), e.vals.sign(t, b2.hash(), signers(4)...), b2))
	require.NoError(t, err)
	e.sim.Commit()
	_, err = e.receipt(tx)
	require.ErrorIs(t, err, errReverted)
	require.Zero(t, e.lastBatchNonce(token))
}

func TestSubmitBatch_RevertsWrongCurrentValset(t *testing.T) {
	e, token := newBatchEnv(t)
	b := batch{token: token, nonce: 1, timeout: farTimeout, transfers: transfers("x", 1, 1, 0)}

	// A set of strangers signs the batch and presents itself as current.
	strangers := newValidators("s", equalPowers(4), 0)
	_, err := e.send(e.deployer, e.bridge, submitBatchData(strangers.abi(), strangers.sign(t, b.hash(), signers(4)...), b))
	requireRevert(t, err, bindings.KizunaBridgeIncorrectCheckpointErrorID())

	// The current set after it was replaced.
	next := newValidators("w", equalPowers(4), 1)
	_, err = e.updateValset(next, signers(4)...)
	require.NoError(t, err)
	_, err = e.submitBatch(b, signers(4)...) // e.vals is still the old set
	requireRevert(t, err, bindings.KizunaBridgeIncorrectCheckpointErrorID())
	e.vals = next
	_, err = e.submitBatch(b, signers(4)...)
	require.NoError(t, err)
}

func TestSubmitBatch_RevertsMalformedBatch(t *testing.T) {
	e, token := newBatchEnv(t)
	sign := func(b batch) []bindings.KizunaBridgeSig { return e.vals.sign(t, b.hash(), signers(4)...) }

	empty := batch{token: token, nonce: 1, timeout: farTimeout}
	_, err := e.send(e.deployer, e.bridge, submitBatchData(e.vals.abi(), sign(empty), empty))
	requireRevert(t, err, bindings.KizunaBridgeMalformedBatchErrorID())

	tooLong := batch{token: token, nonce: 1, timeout: farTimeout, transfers: transfers("x", contracts.MaxBatchTransfers+1, 1, 0)}
	_, err = e.send(e.deployer, e.bridge, submitBatchData(e.vals.abi(), sign(tooLong), tooLong))
	requireRevert(t, err, bindings.KizunaBridgeMalformedBatchErrorID())

	ok := batch{token: token, nonce: 1, timeout: farTimeout, transfers: transfers("x", 2, 1, 0)}
	d, a, f := ok.arrays()
	_, err = e.send(e.deployer, e.bridge, bridgeABI.PackSubmitBatch(e.vals.abi(), sign(ok), token, big.NewInt(1), big.NewInt(farTimeout), d, a[:1], f))
	requireRevert(t, err, bindings.KizunaBridgeMalformedBatchErrorID())
	_, err = e.send(e.deployer, e.bridge, bridgeABI.PackSubmitBatch(e.vals.abi(), sign(ok), token, big.NewInt(1), big.NewInt(farTimeout), d, a, append(f, big.NewInt(0))))
	requireRevert(t, err, bindings.KizunaBridgeMalformedBatchErrorID())

	zeroDest := batch{token: token, nonce: 1, timeout: farTimeout, transfers: transfers("x", 3, 1, 0)}
	zeroDest.transfers[2].Destination = common.Address{}
	_, err = e.send(e.deployer, e.bridge, submitBatchData(e.vals.abi(), sign(zeroDest), zeroDest))
	data := requireRevert(t, err, bindings.KizunaBridgeZeroDestinationErrorID())
	require.Equal(t, big.NewInt(2), new(big.Int).SetBytes(data[4:]))

	// A full batch of 100 goes through.
	full := batch{token: token, nonce: 1, timeout: farTimeout, transfers: transfers("full", contracts.MaxBatchTransfers, 1, 1)}
	_, err = e.send(e.deployer, e.bridge, submitBatchData(e.vals.abi(), sign(full), full))
	require.NoError(t, err)
}

// TestSubmitBatch_ExternalTokenNeedsCode: a batch for an address without code
// must not "succeed" against nothing.
func TestSubmitBatch_ExternalTokenNeedsCode(t *testing.T) {
	e, _ := newBatchEnv(t)
	b := batch{token: common.Address{0xee}, nonce: 1, timeout: farTimeout, transfers: transfers("x", 1, 1, 0)}
	_, err := e.submitBatch(b, signers(4)...)
	requireRevert(t, err, bindings.KizunaBridgeNotAContractErrorID())
}
