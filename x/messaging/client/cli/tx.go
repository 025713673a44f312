// Package cli holds the messaging tx commands AutoCLI cannot generate:
// post, which seals the payload for the thread's members and hashes it
// before signing, and publish-key, which derives the account's messaging
// key. AutoCLI adds the module's other commands to the one NewTxCmd
// returns.
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

	"github.com/kizuna-chain/kizuna/x/messaging/client/seal"
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
	cmd.AddCommand(NewPostCmd(), NewPublishKeyCmd())
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
			"named after @. It is sealed end to end for every member of the thread (you included) with the messaging " +
			"keys they published (publish-key), so nodes see only ciphertext; a member who has published none could " +
			"not read it, and the command says who. --plaintext sends the payload as is instead: public in the " +
			"transaction and its event, kept by every full node. The chain stores only the SHA-256, computed here.",
		Example: fmt.Sprintf("%s tx messaging post 1 \"Is the bicycle still available?\" --community-id 1 --from taro\n%s tx messaging post 1 @notes.txt --from taro",
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
			if plain, _ := cmd.Flags().GetBool(flagPlaintext); !plain {
				if payload, err = sealForThread(cmd, clientCtx, sender, threadID, payload); err != nil {
					return err
				}
			}
			msg := NewMsgPostMessage(sender, threadID, payload)
			msg.CommunityId = communityID
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	cmd.Flags().Uint64(flagCommunityID, 0, "the thread's community; refused if it is another; fee sponsorship pays only for Msgs that name their community")
	cmd.Flags().Bool(flagPlaintext, false, "send the payload unencrypted, readable by anyone")
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

const (
	// flagCommunityID names the thread's community in the Msg.
	flagCommunityID = "community-id"
	flagPlaintext   = "plaintext"
)

// sealForThread seals payload for the members of a thread with their
// published messaging keys. It refuses, naming them, when a member has
// published no key, and when the sealed payload exceeds max_payload_bytes.
func sealForThread(cmd *cobra.Command, clientCtx client.Context, sender string, threadID uint64, payload []byte) ([]byte, error) {
	q := types.NewQueryClient(clientCtx)
	res, err := q.ThreadKeys(cmd.Context(), &types.QueryThreadKeysRequest{ThreadId: threadID})
	if err != nil {
		return nil, fmt.Errorf("reading the keys of thread %d: %w", threadID, err)
	}
	var keys [][seal.KeySize]byte
	var missing []string
	for _, m := range res.Members {
		if m.Key == nil || len(m.Key.PublicKey) != seal.KeySize {
			if m.Member == sender {
				return nil, fmt.Errorf("you have published no messaging key, so you could not read your own message: "+
					"publish one first with `%s tx messaging publish-key`", version.AppName)
			}
			missing = append(missing, m.Member)
			continue
		}
		keys = append(keys, [seal.KeySize]byte(m.Key.PublicKey))
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%s published no messaging key and could not read an encrypted message: "+
			"each publishes one with `%s tx messaging publish-key`; --plaintext sends the message readable by anyone",
			strings.Join(missing, ", "), version.AppName)
	}
	params, err := q.Params(cmd.Context(), &types.QueryParamsRequest{})
	if err != nil {
		return nil, err
	}
	if size, limit := seal.Size(len(keys), len(payload)), int(params.Params.MaxPayloadBytes); size > limit {
		return nil, fmt.Errorf("sealed for the %d members of thread %d the message takes %d bytes, more than the %d allowed: "+
			"shorten it by %d bytes", len(keys), threadID, size, limit, size-limit)
	}
	return seal.Seal(payload, keys)
}

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
