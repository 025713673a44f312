package contracts_test

import (
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/contracts"
	"github.com/kizuna-chain/kizuna/contracts/bindings"
	"github.com/kizuna-chain/kizuna/contracts/internal/testbindings"
)

// Test token quirks (see test/TestTokens.sol).
const (
	quirkNone uint8 = iota
	quirkFeeOnTransfer
	quirkNoReturn
	quirkReturnFalse
	quirkReenter
)

const kizunaDest = "kizuna1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu"

// deposit approves the bridge and sends amount of an external token to
// Kizuna from the user.
func (e *env) deposit(token *bind.BoundContract, amount int64) (*bindings.KizunaBridgeSendToCosmos, error) {
	e.t.Helper()
	e.mustSend(e.user, token, testABI.PackApprove(e.bridge.Address(), big.NewInt(amount)))
	r, err := e.send(e.user, e.bridge, bridgeABI.PackSendToCosmos(token.Address(), kizunaDest, big.NewInt(amount)))
	if err != nil {
		return nil, err
	}
	return findLog(e.t, r, bridgeABI.UnpackSendToCosmosEvent), nil
}

// TestRoundTrip_KizunaToken: a batch mints a Kizuna token to a user, the user
// sends it back (burned), and every event nonce is the previous one plus one.
func TestRoundTrip_KizunaToken(t *testing.T) {
	e := newEnv(t, newValidators("v", equalPowers(4), 0))
	tokenAddr := e.deployToken("ukizuna", "Kizuna", "KZN", 6)
	user, relayer := addrOf(e.user), addrOf(e.deployer)
	require.Zero(t, e.eventNonce())

	r, err := e.submitBatch(batch{token: tokenAddr, nonce: 1, timeout: farTimeout, transfers: []contracts.Transfer{
		{Destination: user, Amount: big.NewInt(1_000_000), Fee: big.NewInt(50)},
		{Destination: destination("rt", 0), Amount: big.NewInt(7), Fee: big.NewInt(5)},
	}}, 0, 1, 2)
	require.NoError(t, err)
	require.Equal(t, big.NewInt(1), findLog(t, r, bridgeABI.UnpackBatchExecutedEvent).EventNonce)
	require.Equal(t, big.NewInt(1_000_000), e.balanceOf(tokenAddr, user))
	require.Equal(t, big.NewInt(55), e.balanceOf(tokenAddr, relayer))
	require.Equal(t, big.NewInt(1_000_062), e.totalSupply(tokenAddr))

	// Back to Kizuna: burned from the user, no approval needed.
	r = e.mustSend(e.user, e.bridge, bridgeABI.PackSendToCosmos(tokenAddr, kizunaDest, big.NewInt(400_000)))
	ev := findLog(t, r, bridgeABI.UnpackSendToCosmosEvent)
	require.Equal(t, tokenAddr, ev.Token)
	require.Equal(t, user, ev.Sender)
	require.Equal(t, kizunaDest, ev.Destination)
	require.Equal(t, big.NewInt(400_000), ev.Amount)
	require.Equal(t, big.NewInt(2), ev.EventNonce)
	require.Equal(t, big.NewInt(600_000), e.balanceOf(tokenAddr, user))
	require.Equal(t, big.NewInt(600_062), e.totalSupply(tokenAddr))
	require.Zero(t, e.balanceOf(tokenAddr, e.bridge.Address()).Sign(), "burned, not held")
	burn := findLog(t, r, tokenABI.UnpackTransferEvent)
	require.Equal(t, common.Address{}, burn.To)

	// More than the balance: the token refuses the burn.
	_, err = e.send(e.user, e.bridge, bridgeABI.PackSendToCosmos(tokenAddr, kizunaDest, big.NewInt(600_001)))
	requireRevert(t, err, bindings.KizunaTokenInsufficientBalanceErrorID())

	// Nonces keep counting across batches and deposits.
	_, err = e.submitBatch(batch{token: tokenAddr, nonce: 2, timeout: farTimeout, transfers: transfers("rt2", 1, 1, 0)}, 1, 2, 3)
	require.NoError(t, err)
	require.Equal(t, uint64(3), e.eventNonce())
	r = e.mustSend(e.user, e.bridge, bridgeABI.PackSendToCosmos(tokenAddr, kizunaDest, big.NewInt(1)))
	require.Equal(t, big.NewInt(4), findLog(t, r, bridgeABI.UnpackSendToCosmosEvent).EventNonce)
}

// TestRoundTrip_ExternalToken: an ERC-20 from Ethereum is locked in the
// bridge and released by a batch; the fee goes to the submitter.
func TestRoundTrip_ExternalToken(t *testing.T) {
	e := newEnv(t, newValidators("v", equalPowers(4), 0))
	token := e.deployTestToken(quirkNone, 0)
	user, relayer, bridge := addrOf(e.user), addrOf(e.deployer), e.bridge.Address()
	e.mustSend(e.user, token, testABI.PackMint(user, big.NewInt(10_000)))

	ev, err := e.deposit(token, 4_000)
	require.NoError(t, err)
	require.Equal(t, token.Address(), ev.Token)
	require.Equal(t, user, ev.Sender)
	require.Equal(t, kizunaDest, ev.Destination)
	require.Equal(t, big.NewInt(4_000), ev.Amount)
	require.Equal(t, big.NewInt(1), ev.EventNonce)
	require.Equal(t, big.NewInt(4_000), e.balanceOf(token.Address(), bridge))
	require.Equal(t, big.NewInt(6_000), e.balanceOf(token.Address(), user))
	require.False(t, call(e, e.bridge, bridgeABI.PackIsKizunaToken(token.Address()), bridgeABI.UnpackIsKizunaToken))

	dest := destination("ext", 0)
	r, err := e.submitBatch(batch{token: token.Address(), nonce: 1, timeout: farTimeout, transfers: []contracts.Transfer{
		{Destination: dest, Amount: big.NewInt(2_500), Fee: big.NewInt(100)},
		{Destination: user, Amount: big.NewInt(1_000), Fee: big.NewInt(25)},
	}}, 0, 2, 3)
	require.NoError(t, err)
	require.Equal(t, big.NewInt(2), findLog(t, r, bridgeABI.UnpackBatchExecutedEvent).EventNonce)
	require.Equal(t, big.NewInt(2_500), e.balanceOf(token.Address(), dest))
	require.Equal(t, big.NewInt(7_000), e.balanceOf(token.Address(), user))
	require.Equal(t, big.NewInt(125), e.balanceOf(token.Address(), relayer), "fees to the submitter")
	require.Equal(t, big.NewInt(375), e.balanceOf(token.Address(), bridge))

	// The bridge cannot release more than it holds.
	_, err = e.submitBatch(batch{token: token.Address(), nonce: 2, timeout: farTimeout, transfers: transfers("ext2", 1, 376, 0)}, signers(4)...)
	requireRevert(t, err, bindings.KizunaBridgeTokenTransferFailedErrorID())
}

// TestSendToCosmos_FeeOnTransferCreditsReceived: the event carries what the
// bridge received, not what the user asked to send.
func TestSendToCosmos_FeeOnTransferCreditsReceived(t *testing.T) {
	e := newEnv(t, newValidators("v", equalPowers(4), 0))
	token := e.deployTestToken(quirkFeeOnTransfer, 100) // 1%
	e.mustSend(e.user, token, testABI.PackMint(addrOf(e.user), big.NewInt(10_000)))

	ev, err := e.deposit(token, 5_000)
	require.NoError(t, err)
	require.Equal(t, big.NewInt(4_950), ev.Amount)
	require.Equal(t, big.NewInt(4_950), e.balanceOf(token.Address(), e.bridge.Address()))

	// A token that takes everything as a fee credits nothing: refused.
	all := e.deployTestToken(quirkFeeOnTransfer, 10_000)
	e.mustSend(e.user, all, testABI.PackMint(addrOf(e.user), big.NewInt(10)))
	_, err = e.deposit(all, 10)
	requireRevert(t, err, bindings.KizunaBridgeNothingReceivedErrorID())
}

// TestSendToCosmos_FakeKizunaTokenIsExternal: a contract that looks like a
// KizunaToken of this bridge, but was not deployed by it, is an external
// token: its burnFrom is never trusted, and as it moves nothing, nothing is
// credited.
func TestSendToCosmos_FakeKizunaTokenIsExternal(t *testing.T) {
	e := newEnv(t, newValidators("v", equalPowers(4), 0))
	addr, err := e.deploy(testbindings.FakeKizunaTokenMetaData.Bin, fakeABI.PackConstructor(e.bridge.Address()))
	require.NoError(t, err)
	fake := fakeABI.Instance(e.client, addr)
	e.mustSend(e.user, fake, fakeABI.PackMint(addrOf(e.user), big.NewInt(100)))

	require.False(t, call(e, e.bridge, bridgeABI.PackIsKizunaToken(addr), bridgeABI.UnpackIsKizunaToken))
	_, err = e.send(e.user, e.bridge, bridgeABI.PackSendToCosmos(addr, kizunaDest, big.NewInt(100)))
	requireRevert(t, err, bindings.KizunaBridgeNothingReceivedErrorID())
	require.Equal(t, big.NewInt(100), call(e, fake, fakeABI.PackBalanceOf(addrOf(e.user)), fakeABI.UnpackBalanceOf), "burnFrom never called")
}

func TestSendToCosmos_RevertsInvalidInput(t *testing.T) {
	e := newEnv(t, newValidators("v", equalPowers(4), 0))
	token := e.deployTestToken(quirkNone, 0)
	e.mustSend(e.user, token, testABI.PackMint(addrOf(e.user), big.NewInt(100)))
	e.mustSend(e.user, token, testABI.PackApprove(e.bridge.Address(), big.NewInt(100)))
	send := func(tok common.Address, dest string, amount int64) error {
		_, err := e.send(e.user, e.bridge, bridgeABI.PackSendToCosmos(tok, dest, big.NewInt(amount)))
		return err
	}

	requireRevert(t, send(token.Address(), kizunaDest, 0), bindings.KizunaBridgeZeroAmountErrorID())
	requireRevert(t, send(token.Address(), "", 1), bindings.KizunaBridgeInvalidStringErrorID())
	requireRevert(t, send(token.Address(), strings.Repeat("k", contracts.MaxDestinationBytes+1), 1), bindings.KizunaBridgeInvalidStringErrorID())
	requireRevert(t, send(common.Address{0xee}, kizunaDest, 1), bindings.KizunaBridgeNotAContractErrorID())
	requireRevert(t, send(addrOf(e.deployer), kizunaDest, 1), bindings.KizunaBridgeNotAContractErrorID())
	requireRevert(t, send(token.Address(), kizunaDest, 101), bindings.KizunaBridgeTokenTransferFailedErrorID())
	require.NoError(t, send(token.Address(), strings.Repeat("k", contracts.MaxDestinationBytes), 100))
}

// TestSafeTransfer_TokenReturnValues: tokens that return nothing work; tokens
// that return false are failures, for deposits and for batches.
func TestSafeTransfer_TokenReturnValues(t *testing.T) {
	e := newEnv(t, newValidators("v", equalPowers(4), 0))

	noReturn := e.deployTestToken(quirkNoReturn, 0)
	e.mustSend(e.user, noReturn, testABI.PackMint(addrOf(e.user), big.NewInt(100)))
	ev, err := e.deposit(noReturn, 100)
	require.NoError(t, err)
	require.Equal(t, big.NewInt(100), ev.Amount)
	_, err = e.submitBatch(batch{token: noReturn.Address(), nonce: 1, timeout: farTimeout, transfers: transfers("nr", 2, 40, 10)}, signers(4)...)
	require.NoError(t, err)
	require.Equal(t, big.NewInt(20), e.balanceOf(noReturn.Address(), addrOf(e.deployer)))

	returnsFalse := e.deployTestToken(quirkReturnFalse, 0)
	e.mustSend(e.user, returnsFalse, testABI.PackMint(addrOf(e.user), big.NewInt(100)))
	e.mustSend(e.user, returnsFalse, testABI.PackApprove(e.bridge.Address(), big.NewInt(50)))
	// Allowance too low: transferFrom returns false.
	_, err = e.send(e.user, e.bridge, bridgeABI.PackSendToCosmos(returnsFalse.Address(), kizunaDest, big.NewInt(60)))
	requireRevert(t, err, bindings.KizunaBridgeTokenTransferFailedErrorID())
	_, err = e.deposit(returnsFalse, 50)
	require.NoError(t, err)
	// The bridge holds 50: releasing 60 makes transfer return false.
	_, err = e.submitBatch(batch{token: returnsFalse.Address(), nonce: 1, timeout: farTimeout, transfers: transfers("rf", 1, 60, 0)}, signers(4)...)
	requireRevert(t, err, bindings.KizunaBridgeTokenTransferFailedErrorID())
}

// TestReentrancy_Blocked: a token that calls back into the bridge from its
// transfer function finds it locked, in deposits and in batches.
func TestReentrancy_Blocked(t *testing.T) {
	e := newEnv(t, newValidators("v", equalPowers(4), 0))
	token := e.deployTestToken(quirkReenter, 0)
	e.mustSend(e.user, token, testABI.PackMint(addrOf(e.user), big.NewInt(1_000)))
	_, err := e.deposit(token, 500) // no re-entry armed yet
	require.NoError(t, err)

	reentryErr := func() {
		t.Helper()
		require.False(t, call(e, token, testABI.PackReenterOk(), testABI.UnpackReenterOk))
		res := call(e, token, testABI.PackReenterResult(), testABI.UnpackReenterResult)
		require.Equal(t, bindings.KizunaBridgeReentrancyErrorID().Bytes()[:4], res)
	}

	// A deposit whose transferFrom re-enters sendToCosmos.
	e.mustSend(e.user, token, testABI.PackSetReenter(e.bridge.Address(), bridgeABI.PackSendToCosmos(token.Address(), kizunaDest, big.NewInt(1))))
	ev, err := e.deposit(token, 100)
	require.NoError(t, err)
	require.Equal(t, big.NewInt(100), ev.Amount)
	reentryErr()

	// A batch whose transfer re-enters submitBatch with the next batch.
	next := batch{token: token.Address(), nonce: 2, timeout: farTimeout, transfers: transfers("re2", 1, 1, 0)}
	e.mustSend(e.user, token, testABI.PackSetReenter(e.bridge.Address(), submitBatchData(e.vals.abi(), e.vals.sign(t, next.hash(), signers(4)...), next)))
	_, err = e.submitBatch(batch{token: token.Address(), nonce: 1, timeout: farTimeout, transfers: transfers("re1", 1, 1, 0)}, signers(4)...)
	require.NoError(t, err)
	reentryErr()
	require.Equal(t, uint64(1), e.lastBatchNonce(token.Address()))
}
