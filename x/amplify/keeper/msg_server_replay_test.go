package keeper_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/x/amplify/ethsign"
	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

// TestSubmitAmplify_ReencodedCommentIsStoredOnce replays the attack of
// issue 11 item 8: six encodings of one signature of a victim's comment
// (as signed, upper-case hex, v 0/1, v 29/30, EIP-2098 compact, high s)
// have six indexes and were stored six times. The first is stored; every
// other is refused with nothing stored.
func TestSubmitAmplify_ReencodedCommentIsStoredOnce(t *testing.T) {
	f := newFixture(t)
	victim, other := ethKey(t, 2), ethKey(t, 3)
	story := f.mustSubmit(t, ethKey(t, 1), amplify("Story", "https://example.com/story", now-1000))
	c := comment("I was here first", story.Index, now-500)
	signed, err := ethsign.Sign(c, victim)
	require.NoError(t, err)
	raw, err := types.ParseSignature(signed.Signature)
	require.NoError(t, err)
	hexDigits := strings.TrimPrefix(signed.Signature, "0x")
	encodings := []string{
		signed.Signature,
		"0x" + strings.ToUpper(hexDigits),
		"0x" + hexDigits[:128] + []string{"00", "01"}[raw[64]],
		"0x" + hexDigits[:128] + []string{"1d", "1e"}[raw[64]],
		compact(raw),
		highS(t, raw),
	}
	indexes := map[string]bool{}
	for _, sig := range encodings {
		sm := signed
		sm.Signature = sig
		signer, err := sm.RecoverSigner()
		require.NoError(t, err)
		require.Equal(t, ethAddr(victim), signer)
		indexes[sm.Index()] = true
	}
	require.Len(t, indexes, 6, "six distinct indexes")

	first, err := f.msgs.SubmitAmplify(f.ctx, types.NewMsgSubmitAmplify(f.addr("victim"), signed))
	require.NoError(t, err)
	for _, sig := range encodings[1:] {
		sm := signed
		sm.Signature = sig
		f.requireRejected(t, types.ErrDuplicateComment, func() error {
			_, err := f.msgs.SubmitAmplify(f.ctx, types.NewMsgSubmitAmplify(f.addr("attacker"), sm))
			return err
		})
	}
	// Byte for byte, it is a duplicate index, as in Kiwistand.
	f.requireRejected(t, types.ErrDuplicateMessage, func() error {
		_, err := f.msgs.SubmitAmplify(f.ctx, types.NewMsgSubmitAmplify(f.addr("attacker"), signed))
		return err
	})

	comments, err := f.query.List(f.ctx, &types.QueryListRequest{Amount: 100, Type: types.TypeComment})
	require.NoError(t, err)
	require.Len(t, comments.Messages, 1)
	require.Equal(t, first.Index, comments.Messages[0].Index)

	// Another identity may say the same words, and the victim may say
	// something else.
	f.mustSubmit(t, other, c)
	f.mustSubmit(t, victim, comment("I was here first", story.Index, now-499))
}

// TestSubmitAmplify_CommentIsOnePerIdentityAcrossItsSigningKeys: the
// digest index is per identity, so a delegate re-signing its identity's
// comment is a duplicate too.
func TestSubmitAmplify_CommentIsOnePerIdentityAcrossItsSigningKeys(t *testing.T) {
	f := newFixture(t)
	id, key := ethKey(t, 1), ethKey(t, 4)
	chain := f.ctx.ChainID()
	_, err := f.msgs.Delegate(f.ctx, &types.MsgDelegate{
		Sender: f.addr("alice"), From: ethAddr(id).Hex(), To: ethAddr(key).Hex(),
		ToSignature:   signTyped(t, key, types.DelegationTypedData(types.ActionDelegate, ethAddr(id), ethAddr(key), chain, 0)),
		FromSignature: signTyped(t, id, types.DelegationTypedData(types.ActionDelegate, ethAddr(id), ethAddr(key), chain, 0)),
	})
	require.NoError(t, err)
	story := f.mustSubmit(t, ethKey(t, 2), amplify("Story", "https://example.com/story", now-1000))
	c := comment("Same words", story.Index, now-500)
	f.mustSubmit(t, id, c)
	sm, err := ethsign.Sign(c, key)
	require.NoError(t, err)
	f.requireRejected(t, types.ErrDuplicateComment, func() error {
		_, err := f.msgs.SubmitAmplify(f.ctx, types.NewMsgSubmitAmplify(f.addr("relayer"), sm))
		return err
	})
}
