package keeper_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

func TestEthAccountAndLink_ShowTheLinkAndTheConsumedNonce(t *testing.T) {
	f := newFixture(t)
	k1, k2 := ethKey(t, 1), ethKey(t, 2)
	alice, bob := f.addr("alice"), f.addr("bob")
	_, err := f.msgs.LinkEthereumAddress(f.ctx, &types.MsgLinkEthereumAddress{
		Account: alice, EthAddress: ethAddr(k1).Hex(),
		Signature: signTyped(t, k1, types.LinkTypedData(ethAddr(k1), alice, f.ctx.ChainID(), 0)),
	})
	require.NoError(t, err)

	acc, err := f.query.EthAccount(f.ctx, &types.QueryEthAccountRequest{Address: strings.ToLower(ethAddr(k1).Hex())})
	require.NoError(t, err)
	require.Equal(t, &types.QueryEthAccountResponse{Address: ethAddr(k1).Hex(), ConsentNonce: 1, LinkedAccount: alice}, acc)
	acc, err = f.query.EthAccount(f.ctx, &types.QueryEthAccountRequest{Address: ethAddr(k2).Hex()})
	require.NoError(t, err)
	require.Equal(t, &types.QueryEthAccountResponse{Address: ethAddr(k2).Hex()}, acc)
	_, err = f.query.EthAccount(f.ctx, &types.QueryEthAccountRequest{Address: "0x12"})
	require.Equal(t, codes.InvalidArgument, status.Code(err))

	link, err := f.query.Link(f.ctx, &types.QueryLinkRequest{Account: alice})
	require.NoError(t, err)
	require.Equal(t, ethAddr(k1).Hex(), link.EthAddress)
	_, err = f.query.Link(f.ctx, &types.QueryLinkRequest{Account: bob})
	require.ErrorIs(t, err, types.ErrLinkNotFound)
	_, err = f.query.Link(f.ctx, &types.QueryLinkRequest{Account: "x"})
	require.Equal(t, codes.InvalidArgument, status.Code(err))
}
