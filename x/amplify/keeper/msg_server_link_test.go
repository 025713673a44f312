package keeper_test

import (
	"crypto/ecdsa"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

func TestLinkEthereumAddress_RejectsBadProofsAndSecondLinks(t *testing.T) {
	f := newFixture(t)
	k1, k2 := ethKey(t, 1), ethKey(t, 2)
	chain := f.ctx.ChainID()
	alice, bob := f.addr("alice"), f.addr("bob")
	link := func(account string, key, signer *ecdsa.PrivateKey, nonce uint64) *types.MsgLinkEthereumAddress {
		return &types.MsgLinkEthereumAddress{
			Account: account, EthAddress: ethAddr(key).Hex(),
			Signature: signTyped(t, signer, types.LinkTypedData(ethAddr(key), account, chain, nonce)),
		}
	}
	cases := []struct {
		name string
		want error
		msg  *types.MsgLinkEthereumAddress
	}{
		{"signed by another key", types.ErrInvalidSignature, link(alice, k1, k2, 0)},
		{"wrong nonce", types.ErrInvalidSignature, link(alice, k1, k1, 1)},
		{"signed for another account", types.ErrInvalidSignature, func() *types.MsgLinkEthereumAddress {
			m := link(bob, k1, k1, 0)
			m.Account = alice
			return m
		}()},
		{"bad address", types.ErrInvalidAddress, &types.MsgLinkEthereumAddress{Account: alice, EthAddress: "0x12", Signature: "0x00"}},
		{"bad account", sdkerrors.ErrInvalidAddress, &types.MsgLinkEthereumAddress{Account: "x", EthAddress: ethAddr(k1).Hex()}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f.requireRejected(t, tc.want, func() error {
				_, err := f.msgs.LinkEthereumAddress(f.ctx, tc.msg)
				return err
			})
		})
	}

	_, err := f.msgs.LinkEthereumAddress(f.ctx, link(alice, k1, k1, 0))
	require.NoError(t, err)
	t.Run("the address is taken", func(t *testing.T) {
		f.requireRejected(t, types.ErrLinkConflict, func() error {
			_, err := f.msgs.LinkEthereumAddress(f.ctx, link(bob, k1, k1, 1))
			return err
		})
	})
	t.Run("the account is linked", func(t *testing.T) {
		f.requireRejected(t, types.ErrLinkConflict, func() error {
			_, err := f.msgs.LinkEthereumAddress(f.ctx, link(alice, k2, k2, 0))
			return err
		})
	})

	t.Run("queries show the link and the consumed nonce", func(t *testing.T) {
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
	})
}

func TestUpdateParams_OnlyGovernanceWithValidParams(t *testing.T) {
	f := newFixture(t)
	f.requireRejected(t, sdkerrors.ErrUnauthorized, func() error {
		_, err := f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.addr("alice"), Params: types.DefaultParams()})
		return err
	})
	bad := types.DefaultParams()
	bad.MaxListAmount = 0
	f.requireRejected(t, types.ErrInvalidParams, func() error {
		_, err := f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.keeper.GetAuthority(), Params: bad})
		return err
	})
	p := types.DefaultParams()
	p.MaxListAmount = 50
	_, err := f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.keeper.GetAuthority(), Params: p})
	require.NoError(t, err)
	_, err = f.query.List(f.ctx, &types.QueryListRequest{Amount: 51})
	require.ErrorIs(t, err, types.ErrInvalidRequest)
}
