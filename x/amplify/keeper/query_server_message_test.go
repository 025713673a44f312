package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

func TestList_PagesMessagesOfEveryTypeOrOneInAcceptanceOrder(t *testing.T) {
	f, _, c := votedAtTheirTimes(t)
	list, err := f.query.List(f.ctx, &types.QueryListRequest{From: 1, Amount: 2, Type: types.TypeAmplify})
	require.NoError(t, err)
	require.Len(t, list.Messages, 2)
	require.Equal(t, uint64(2), list.Messages[0].Seq)
	comments, err := f.query.List(f.ctx, &types.QueryListRequest{From: 0, Amount: 10, Type: types.TypeComment})
	require.NoError(t, err)
	require.Len(t, comments.Messages, 1)
	require.Equal(t, c.Index, comments.Messages[0].Index)
	_, err = f.query.List(f.ctx, &types.QueryListRequest{From: 0, Amount: 501})
	require.ErrorIs(t, err, types.ErrInvalidRequest)
}

func TestMessage_FindsAMessageByItsKiwiIndex(t *testing.T) {
	f, a, _ := votedAtTheirTimes(t)
	msg, err := f.query.Message(f.ctx, &types.QueryMessageRequest{Index: types.KiwiPrefix + a.Index})
	require.NoError(t, err)
	require.Equal(t, "A", msg.Message.Title)
	_, err = f.query.Message(f.ctx, &types.QueryMessageRequest{Index: "00"})
	require.ErrorIs(t, err, types.ErrMessageNotFound)
}
