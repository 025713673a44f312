// Package cli holds the messaging tx command AutoCLI cannot generate: post,
// which hashes the payload before signing. AutoCLI adds the module's other
// commands to the one NewTxCmd returns.
package cli

import (
	"crypto/sha256"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/tx"
	"github.com/cosmos/cosmos-sdk/version"

	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

// NewTxCmd returns the module's tx command with its hand-written
// sub-commands.
func NewTxCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        types.ModuleName,
		Short:                      "Transactions commands for the messaging module",
		DisableFlagParsing:         true,
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(NewPostCmd())
	return cmd
}

// NewPostCmd returns `post [thread-id] [payload-text-or-@file]`, which sends
// MsgPostMessage with the SHA-256 of the payload it computes.
func NewPostCmd() *cobra.Command {
	app := version.AppName
	cmd := &cobra.Command{
		Use:   "post [thread-id] [payload-text-or-@file]",
		Short: "Post a message in a thread you are a member of",
		Long: "Post a message in a thread you are a member of. The payload is the text given, or the bytes of the file " +
			"named after @, sent as is: it is public in the transaction and in its event, kept by every full node, so " +
			"clients should encrypt it end to end. The chain stores only its SHA-256, computed here.",
		Example: fmt.Sprintf("%s tx messaging post 1 \"Is the bicycle still available?\" --community-id 1 --from taro\n%s tx messaging post 1 @message.enc --from taro",
			app, app),
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			threadID, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil {
				return fmt.Errorf("thread id %q: %w", args[0], err)
			}
			communityID, err := cmd.Flags().GetUint64(flagCommunityID)
			if err != nil {
				return err
			}
			payload, err := ReadPayload(args[1])
			if err != nil {
				return err
			}
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			clientCtx = clientCtx.WithOutput(cmd.OutOrStdout())
			if clientCtx.InterfaceRegistry == nil {
				return fmt.Errorf("client context has no interface registry")
			}
			// The signer is encoded with the app's address codec, as AutoCLI does.
			sender, err := clientCtx.InterfaceRegistry.SigningContext().AddressCodec().BytesToString(clientCtx.GetFromAddress())
			if err != nil {
				return err
			}
			msg := NewMsgPostMessage(sender, threadID, payload)
			msg.CommunityId = communityID
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	cmd.Flags().Uint64(flagCommunityID, 0, "the thread's community; refused if it is another; fee sponsorship pays only for Msgs that name their community")
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

// flagCommunityID names the thread's community in the Msg.
const flagCommunityID = "community-id"

// NewMsgPostMessage returns the Msg posting payload, with its SHA-256.
func NewMsgPostMessage(sender string, threadID uint64, payload []byte) *types.MsgPostMessage {
	sum := sha256.Sum256(payload)
	return &types.MsgPostMessage{
		Sender:        sender,
		ThreadId:      threadID,
		ContentSha256: sum[:],
		Payload:       payload,
	}
}

// ReadPayload returns the bytes of the file named after a leading @, or the
// text itself.
func ReadPayload(arg string) ([]byte, error) {
	if name, ok := strings.CutPrefix(arg, "@"); ok {
		bz, err := os.ReadFile(name) //nolint:gosec // the user names the file to send
		if err != nil {
			return nil, fmt.Errorf("payload file: %w", err)
		}
		return bz, nil
	}
	return []byte(arg), nil
}
