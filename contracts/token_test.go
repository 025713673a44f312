package contracts_test

import (
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/contracts"
	"github.com/kizuna-chain/kizuna/contracts/bindings"
)

func (e *env) deployTokenData(denom, name, symbol string, decimals uint8, signerIdx ...int) []byte {
	h := contracts.DeployTokenHash(testBridgeID, denom, name, symbol, decimals)
	return bridgeABI.PackDeployToken(e.vals.abi(), e.vals.sign(e.t, h, signerIdx...), denom, name, symbol, decimals)
}

func TestDeployToken_RevertsWithoutSignatures(t *testing.T) {
	e := newEnv(t, newValidators("v", equalPowers(4), 0))
	_, err := e.send(e.deployer, e.bridge, e.deployTokenData("ukizuna", "Kizuna", "KZN", 6))
	data := requireRevert(t, err, bindings.KizunaBridgeInsufficientPowerErrorID())
	ip, err := bridgeABI.UnpackInsufficientPowerError(data[4:])
	require.NoError(t, err)
	require.Zero(t, ip.Power.Sign())

	// Half the set is not enough either.
	_, err = e.send(e.deployer, e.bridge, e.deployTokenData("ukizuna", "Kizuna", "KZN", 6, 0, 1))
	requireRevert(t, err, bindings.KizunaBridgeInsufficientPowerErrorID())

	// Signatures over other metadata do not deploy this one.
	h := contracts.DeployTokenHash(testBridgeID, "ukizuna", "Kizuna", "KZN", 18)
	_, err = e.send(e.deployer, e.bridge, bridgeABI.PackDeployToken(e.vals.abi(), e.vals.sign(t, h, signers(4)...), "ukizuna", "Kizuna", "KZN", 6))
	requireRevert(t, err, bindings.KizunaBridgeInvalidSignatureErrorID())

	require.Equal(t, common.Address{}, call(e, e.bridge, bridgeABI.PackTokenOf("ukizuna"), bridgeABI.UnpackTokenOf))
}

func TestDeployToken_DeploysAtPredictedAddress(t *testing.T) {
	e := newEnv(t, newValidators("v", equalPowers(4), 0))
	bridge := e.bridge.Address()
	predicted := contracts.TokenAddress(bridge, "ukizuna")

	r := e.mustSend(e.deployer, e.bridge, e.deployTokenData("ukizuna", "Kizuna Token", "KZN", 6, 0, 1, 2))
	ev := findLog(t, r, bridgeABI.UnpackTokenDeployedEvent)
	require.Equal(t, predicted, ev.Token)
	require.Equal(t, "ukizuna", ev.Denom)
	require.Equal(t, "Kizuna Token", ev.Name)
	require.Equal(t, "KZN", ev.Symbol)
	require.Equal(t, uint8(6), ev.Decimals)
	require.Zero(t, e.eventNonce(), "token deployments carry no event nonce")

	require.Equal(t, predicted, call(e, e.bridge, bridgeABI.PackTokenOf("ukizuna"), bridgeABI.UnpackTokenOf))
	require.True(t, call(e, e.bridge, bridgeABI.PackIsKizunaToken(predicted), bridgeABI.UnpackIsKizunaToken))

	tok := tokenABI.Instance(e.client, predicted)
	require.Equal(t, "Kizuna Token", call(e, tok, tokenABI.PackName(), tokenABI.UnpackName))
	require.Equal(t, "KZN", call(e, tok, tokenABI.PackSymbol(), tokenABI.UnpackSymbol))
	require.Equal(t, uint8(6), call(e, tok, tokenABI.PackDecimals(), tokenABI.UnpackDecimals))
	require.Equal(t, bridge, call(e, tok, tokenABI.PackBridge(), tokenABI.UnpackBridge))
	require.Zero(t, e.totalSupply(predicted).Sign())

	// Other denoms land elsewhere, each where predicted.
	for _, denom := range []string{"ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2", "x", strings.Repeat("z", contracts.MaxDenomBytes)} {
		got := e.deployToken(denom, "N", "S", 18)
		require.Equal(t, contracts.TokenAddress(bridge, denom), got, denom)
		require.NotEqual(t, predicted, got)
	}
	// The prediction depends on the bridge address.
	require.NotEqual(t, predicted, contracts.TokenAddress(common.Address{1}, "ukizuna"))
}

func TestDeployToken_RevertsForExistingDenom(t *testing.T) {
	e := newEnv(t, newValidators("v", equalPowers(4), 0))
	first := e.deployToken("ukizuna", "Kizuna", "KZN", 6)

	// Validly signed, other metadata, same denom: refused.
	_, err := e.send(e.deployer, e.bridge, e.deployTokenData("ukizuna", "Kizuna v2", "KZN2", 18, signers(4)...))
	data := requireRevert(t, err, bindings.KizunaBridgeTokenExistsErrorID())
	require.Equal(t, first, common.BytesToAddress(data[4:]))
	require.Equal(t, first, call(e, e.bridge, bridgeABI.PackTokenOf("ukizuna"), bridgeABI.UnpackTokenOf))
}

func TestDeployToken_RevertsInvalidStrings(t *testing.T) {
	e := newEnv(t, newValidators("v", equalPowers(4), 0))
	long := func(n int) string { return strings.Repeat("a", n) }
	for _, c := range []struct {
		name, denom, tokenName, symbol string
		length, max                    int64
	}{
		{"empty denom", "", "N", "S", 0, contracts.MaxDenomBytes},
		{"long denom", long(contracts.MaxDenomBytes + 1), "N", "S", contracts.MaxDenomBytes + 1, contracts.MaxDenomBytes},
		{"empty name", "d", "", "S", 0, contracts.MaxNameBytes},
		{"long name", "d", long(contracts.MaxNameBytes + 1), "S", contracts.MaxNameBytes + 1, contracts.MaxNameBytes},
		{"empty symbol", "d", "N", "", 0, contracts.MaxSymbolBytes},
		{"long symbol", "d", "N", long(contracts.MaxSymbolBytes + 1), contracts.MaxSymbolBytes + 1, contracts.MaxSymbolBytes},
		// Bounds are in bytes: 11 three-byte characters are 33 bytes.
		{"long multibyte symbol", "d", "N", strings.Repeat("記", 11), 33, contracts.MaxSymbolBytes},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := e.send(e.deployer, e.bridge, e.deployTokenData(c.denom, c.tokenName, c.symbol, 6, signers(4)...))
			data := requireRevert(t, err, bindings.KizunaBridgeInvalidStringErrorID())
			is, err := bridgeABI.UnpackInvalidStringError(data[4:])
			require.NoError(t, err)
			require.Equal(t, c.length, is.Length.Int64())
			require.Equal(t, c.max, is.MaxLength.Int64())
		})
	}
	// Exactly at the bounds is fine.
	e.deployToken(long(contracts.MaxDenomBytes), long(contracts.MaxNameBytes), long(contracts.MaxSymbolBytes), 6)
}

// TestKizunaToken_OnlyBridge: nobody but the bridge mints, burns or
// re-initializes a Kizuna token, and the bridge initializes it once.
func TestKizunaToken_OnlyBridge(t *testing.T) {
	e := newEnv(t, newValidators("v", equalPowers(4), 0))
	token := tokenABI.Instance(e.client, e.deployToken("ukizuna", "Kizuna", "KZN", 6))
	user := addrOf(e.user)

	_, err := e.send(e.user, token, tokenABI.PackMint(user, big.NewInt(1)))
	requireRevert(t, err, bindings.KizunaTokenNotBridgeErrorID())
	_, err = e.send(e.user, token, tokenABI.PackBurnFrom(user, big.NewInt(0)))
	requireRevert(t, err, bindings.KizunaTokenNotBridgeErrorID())
	_, err = e.send(e.deployer, token, tokenABI.PackInitialize("Evil", "EVL", 0))
	requireRevert(t, err, bindings.KizunaTokenNotBridgeErrorID())
	require.Equal(t, "Kizuna", call(e, token, tokenABI.PackName(), tokenABI.UnpackName))

	// A token deployed by an ordinary account has that account as bridge and
	// refuses a second initialize.
	addr, err := e.deploy(bindings.KizunaTokenMetaData.Bin, nil)
	require.NoError(t, err)
	own := tokenABI.Instance(e.client, addr)
	e.mustSend(e.deployer, own, tokenABI.PackInitialize("A", "A", 1))
	_, err = e.send(e.deployer, own, tokenABI.PackInitialize("B", "B", 2))
	requireRevert(t, err, bindings.KizunaTokenAlreadyInitializedErrorID())
}

// TestKizunaToken_ERC20: transfer, approve, transferFrom and their errors.
func TestKizunaToken_ERC20(t *testing.T) {
	e := newEnv(t, newValidators("v", equalPowers(4), 0))
	tokenAddr := e.deployToken("ukizuna", "Kizuna", "KZN", 6)
	token := tokenABI.Instance(e.client, tokenAddr)
	user, relayer := addrOf(e.user), addrOf(e.deployer)
	_, err := e.submitBatch(batch{token: tokenAddr, nonce: 1, timeout: farTimeout, transfers: []contracts.Transfer{
		{Destination: user, Amount: big.NewInt(1000), Fee: big.NewInt(0)},
	}}, signers(4)...)
	require.NoError(t, err)

	r := e.mustSend(e.user, token, tokenABI.PackTransfer(relayer, big.NewInt(300)))
	tr := findLog(t, r, tokenABI.UnpackTransferEvent)
	require.Equal(t, user, tr.From)
	require.Equal(t, relayer, tr.To)
	require.Equal(t, big.NewInt(300), tr.Value)
	require.Equal(t, big.NewInt(700), e.balanceOf(tokenAddr, user))

	_, err = e.send(e.user, token, tokenABI.PackTransfer(relayer, big.NewInt(701)))
	requireRevert(t, err, bindings.KizunaTokenInsufficientBalanceErrorID())
	_, err = e.send(e.user, token, tokenABI.PackTransfer(common.Address{}, big.NewInt(1)))
	requireRevert(t, err, bindings.KizunaTokenInvalidReceiverErrorID())

	e.mustSend(e.user, token, tokenABI.PackApprove(relayer, big.NewInt(200)))
	require.Equal(t, big.NewInt(200), call(e, token, tokenABI.PackAllowance(user, relayer), tokenABI.UnpackAllowance))
	_, err = e.send(e.deployer, token, tokenABI.PackTransferFrom(user, relayer, big.NewInt(201)))
	requireRevert(t, err, bindings.KizunaTokenInsufficientAllowanceErrorID())
	e.mustSend(e.deployer, token, tokenABI.PackTransferFrom(user, relayer, big.NewInt(150)))
	require.Equal(t, big.NewInt(50), call(e, token, tokenABI.PackAllowance(user, relayer), tokenABI.UnpackAllowance))
	require.Equal(t, big.NewInt(450), e.balanceOf(tokenAddr, relayer))

	// Unlimited allowance stays unlimited.
	e.mustSend(e.user, token, tokenABI.PackApprove(relayer, maxUint256))
	e.mustSend(e.deployer, token, tokenABI.PackTransferFrom(user, relayer, big.NewInt(10)))
	require.Equal(t, maxUint256, call(e, token, tokenABI.PackAllowance(user, relayer), tokenABI.UnpackAllowance))
	_, err = e.send(e.user, token, tokenABI.PackApprove(common.Address{}, big.NewInt(1)))
	requireRevert(t, err, bindings.KizunaTokenInvalidSpenderErrorID())
	require.Equal(t, big.NewInt(1000), e.totalSupply(tokenAddr))
}
