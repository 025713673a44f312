package keeper_test

import (
	"crypto/ecdsa"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

func TestDelegate_SigningKeySignsForItsIdentityUntilRevoked(t *testing.T) {
	f := newFixture(t)
	id, key, other := ethKey(t, 1), ethKey(t, 2), ethKey(t, 3)
	chain := f.ctx.ChainID()
	sender := f.addr("alice")

	delegate := func(from, to common.Address, toKey, fromKey *ecdsa.PrivateKey, toNonce, fromNonce uint64) *types.MsgDelegate {
		msg := &types.MsgDelegate{
			Sender: sender, From: from.Hex(), To: to.Hex(),
			ToSignature: signTyped(t, toKey, types.DelegationTypedData(types.ActionDelegate, from, to, chain, toNonce)),
		}
		if fromKey != nil {
			msg.FromSignature = signTyped(t, fromKey, types.DelegationTypedData(types.ActionDelegate, from, to, chain, fromNonce))
		}
		return msg
	}

	t.Run("from's consent is required", func(t *testing.T) {
		f.requireRejected(t, types.ErrInvalidSignature, func() error {
			_, err := f.msgs.Delegate(f.ctx, delegate(ethAddr(id), ethAddr(key), key, nil, 0, 0))
			return err
		})
	})
	t.Run("to's consent must be to's", func(t *testing.T) {
		f.requireRejected(t, types.ErrInvalidSignature, func() error {
			_, err := f.msgs.Delegate(f.ctx, delegate(ethAddr(id), ethAddr(key), other, id, 0, 0))
			return err
		})
	})
	t.Run("from equals to", func(t *testing.T) {
		f.requireRejected(t, types.ErrInvalidDelegation, func() error {
			_, err := f.msgs.Delegate(f.ctx, delegate(ethAddr(id), ethAddr(id), id, id, 0, 0))
			return err
		})
	})

	_, err := f.msgs.Delegate(f.ctx, delegate(ethAddr(id), ethAddr(key), key, id, 0, 0))
	require.NoError(t, err)

	identity, err := f.query.IdentityOf(f.ctx, &types.QueryIdentityOfRequest{Signer: strings.ToLower(ethAddr(key).Hex())})
	require.NoError(t, err)
	require.Equal(t, ethAddr(id).Hex(), identity.Identity)
	require.True(t, identity.Delegated)

	// A vote signed by the delegated key counts for the identity, so the
	// identity's own vote on the same link is a duplicate.
	res := f.mustSubmit(t, key, amplify("via key", "https://example.com/d", now))
	require.Equal(t, ethAddr(key).Hex(), res.Signer)
	require.Equal(t, ethAddr(id).Hex(), res.Identity)
	f.requireRejected(t, types.ErrDuplicateAmplify, func() error {
		_, err := f.submit(t, id, amplify("self", "https://example.com/d", now))
		return err
	})

	t.Run("the first delegation wins", func(t *testing.T) {
		f.requireRejected(t, types.ErrDelegationConflict, func() error {
			_, err := f.msgs.Delegate(f.ctx, delegate(ethAddr(other), ethAddr(key), key, other, 1, 0))
			return err
		})
	})
	t.Run("an address used as to cannot delegate", func(t *testing.T) {
		f.requireRejected(t, types.ErrDelegationConflict, func() error {
			_, err := f.msgs.Delegate(f.ctx, delegate(ethAddr(key), ethAddr(other), other, key, 0, 1))
			return err
		})
	})
	t.Run("an identity cannot become a signing key", func(t *testing.T) {
		f.requireRejected(t, types.ErrDelegationConflict, func() error {
			_, err := f.msgs.Delegate(f.ctx, delegate(ethAddr(other), ethAddr(id), id, other, 1, 0))
			return err
		})
	})
	t.Run("a used consent cannot be replayed", func(t *testing.T) {
		_, err := f.msgs.Delegate(f.ctx, delegate(ethAddr(other), ethAddr(ethKey(t, 4)), ethKey(t, 4), other, 0, 0))
		require.NoError(t, err)
		f.requireRejected(t, types.ErrInvalidSignature, func() error {
			_, err := f.msgs.Delegate(f.ctx, delegate(ethAddr(other), ethAddr(ethKey(t, 5)), ethKey(t, 5), other, 0, 0))
			return err
		})
	})

	list, err := f.query.Delegations(f.ctx, &types.QueryDelegationsRequest{From: ethAddr(id).Hex()})
	require.NoError(t, err)
	require.Equal(t, []types.Delegation{{From: ethAddr(id).Hex(), To: ethAddr(key).Hex()}}, list.Delegations)

	// Link the identity to alice, then revoke without a signature.
	_, err = f.msgs.LinkEthereumAddress(f.ctx, &types.MsgLinkEthereumAddress{
		Account: sender, EthAddress: ethAddr(id).Hex(),
		Signature: signTyped(t, id, types.LinkTypedData(ethAddr(id), sender, chain, 1)),
	})
	require.NoError(t, err)
	_, err = f.msgs.RevokeDelegation(f.ctx, &types.MsgRevokeDelegation{Sender: sender, From: ethAddr(id).Hex(), To: ethAddr(key).Hex()})
	require.NoError(t, err)
	t.Run("revocation needs a delegation", func(t *testing.T) {
		f.requireRejected(t, types.ErrDelegationNotFound, func() error {
			_, err := f.msgs.RevokeDelegation(f.ctx, &types.MsgRevokeDelegation{Sender: sender, From: ethAddr(id).Hex(), To: ethAddr(key).Hex()})
			return err
		})
	})
	identity, err = f.query.IdentityOf(f.ctx, &types.QueryIdentityOfRequest{Signer: ethAddr(key).Hex()})
	require.NoError(t, err)
	require.Equal(t, ethAddr(key).Hex(), identity.Identity)
	require.False(t, identity.Delegated)
}
