package keeper_test

import (
	"crypto/ecdsa"
	"testing"

	"github.com/stretchr/testify/require"

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
}
