// Package cli holds the amplify tx commands AutoCLI cannot generate, which
// sign with Ethereum key files and submit in one step: upvote and comment
// (Kiwistand messages), link, authorize-signer and revoke-signer (consent
// proofs). AutoCLI adds the module's other commands to the one
// NewTxCmd returns.
package cli

import (
	"crypto/ecdsa"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/tx"
	"github.com/cosmos/cosmos-sdk/version"

	"github.com/kizuna-chain/kizuna/x/amplify/ethsign"
	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

const (
	// FlagEthKey names the file holding the hex Ethereum private key.
	FlagEthKey = "eth-key"
	// FlagCommunityID names the community a submission is for (0: none).
	FlagCommunityID = "community-id"
)

// NewTxCmd returns the module's tx command with its hand-written
// sub-commands.
func NewTxCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        types.ModuleName,
		Short:                      "Transactions commands for the amplify module",
		DisableFlagParsing:         true,
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(NewUpvoteCmd(), NewCommentCmd(), NewLinkCmd(), NewAuthorizeSignerCmd(), NewRevokeSignerCmd())
	return cmd
}

// NewUpvoteCmd returns `upvote [url] [title] --eth-key FILE`.
func NewUpvoteCmd() *cobra.Command {
	app := version.AppName
	cmd := &cobra.Command{
		Use:   "upvote [url] [title]",
		Short: "Sign an amplify of a link with an Ethereum key and submit it",
		Long: "Sign a Kiwistand amplify {title, href, type: amplify, timestamp: now} with the Ethereum key in --eth-key " +
			"(a file holding the hex private key) and submit it. The vote counts for the key's address, or for the " +
			"identity that delegated to it; the --from account only pays the fee.",
		Example: fmt.Sprintf("%s tx amplify upvote https://example.com \"Hello Kiwi News\" --eth-key eth.key --from taro", app),
		Args:    cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return signAndSubmit(cmd, types.Content{Title: args[1], Href: args[0], Type: types.TypeAmplify})
		},
	}
	addSubmitFlags(cmd)
	return cmd
}

// NewCommentCmd returns `comment [parent-index] [text] --eth-key FILE`.
func NewCommentCmd() *cobra.Command {
	app := version.AppName
	cmd := &cobra.Command{
		Use:   "comment [parent-index] [text]",
		Short: "Sign a comment on a message with an Ethereum key and submit it",
		Long: "Sign a Kiwistand comment {title: text, href: kiwi:0x<parent-index>, type: comment, timestamp: now} with " +
			"the Ethereum key in --eth-key and submit it. The parent index may be given with or without kiwi:0x. " +
			"A comment must be newer than its parent: within the parent's second, the timestamp is the next second.",
		Example: fmt.Sprintf("%s tx amplify comment 63b0bef04c38... \"Great link\" --eth-key eth.key --from taro", app),
		Args:    cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			parent := strings.TrimPrefix(args[0], types.KiwiPrefix)
			parentAt, err := types.TimestampOfIndex(parent)
			if err != nil {
				return err
			}
			content := types.Content{Title: args[1], Href: types.KiwiPrefix + parent, Type: types.TypeComment}
			content.Timestamp = commentTimestamp(uint64(time.Now().Unix()), parentAt)
			return signAndSubmit(cmd, content)
		},
	}
	addSubmitFlags(cmd)
	return cmd
}

// commentTimestamp is the timestamp of a comment signed at now on a parent
// signed at parentAt: now, or the second after the parent's when now is not
// past it (a comment must be newer than its parent).
func commentTimestamp(now, parentAt uint64) uint64 {
	return max(now, parentAt+1)
}

// addSubmitFlags adds the flags of the commands that sign and submit a
// message.
func addSubmitFlags(cmd *cobra.Command) {
	cmd.Flags().String(FlagEthKey, "", "file holding the hex Ethereum private key that signs the message")
	cmd.Flags().Uint64(FlagCommunityID, 0,
		"the community the submission is for (you must be an active member; lets its fee sponsorship pay); 0 for none")
	flags.AddTxFlagsToCmd(cmd)
}

func signAndSubmit(cmd *cobra.Command, content types.Content) error {
	keyFile, err := cmd.Flags().GetString(FlagEthKey)
	if err != nil {
		return err
	}
	key, err := readEthKey(keyFile)
	if err != nil {
		return err
	}
	if content.Timestamp == 0 {
		content.Timestamp = uint64(time.Now().Unix())
	}
	sm, err := ethsign.Sign(content, key)
	if err != nil {
		return err
	}
	if err := sm.ValidateSchema(); err != nil {
		return err
	}
	communityID, err := cmd.Flags().GetUint64(FlagCommunityID)
	if err != nil {
		return err
	}
	clientCtx, submitter, err := txContext(cmd)
	if err != nil {
		return err
	}
	msg := types.NewMsgSubmitAmplify(submitter, sm)
	msg.CommunityId = communityID
	return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
}

// readEthKey reads the Ethereum key file a flag names.
func readEthKey(name string) (*ecdsa.PrivateKey, error) {
	if name == "" {
		return nil, fmt.Errorf("--%s is required", FlagEthKey)
	}
	return ethsign.ReadKey(name)
}
