package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/tx"
	"github.com/cosmos/cosmos-sdk/version"

	"github.com/kizuna-chain/kizuna/x/messaging/client/seal"
	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

const flagRotate = "rotate"

// DeriveSecret derives the X25519 secret key of version of the messaging
// key of the --from account.
func DeriveSecret(clientCtx client.Context, version uint32) ([seal.KeySize]byte, error) {
	if clientCtx.Keyring == nil || clientCtx.FromName == "" {
		return [seal.KeySize]byte{}, errors.New("name your key with --from")
	}
	owner, err := clientCtx.InterfaceRegistry.SigningContext().AddressCodec().BytesToString(clientCtx.GetFromAddress())
	if err != nil {
		return [seal.KeySize]byte{}, err
	}
	return seal.FromKeyring(clientCtx.Keyring, clientCtx.FromName, owner, version)
}

// PublishedKey returns the messaging key owner published, and false when
// it published none.
func PublishedKey(ctx context.Context, clientCtx client.Context, owner string) (types.MessagingKey, bool, error) {
	res, err := types.NewQueryClient(clientCtx).MessagingKey(ctx, &types.QueryMessagingKeyRequest{Owner: owner})
	if status.Code(err) == codes.NotFound {
		return types.MessagingKey{}, false, nil
	}
	if err != nil {
		return types.MessagingKey{}, false, fmt.Errorf("reading the messaging key of %s: %w", owner, err)
	}
	return res.Key, true, nil
}

// NewPublishKeyCmd returns `publish-key`, which derives the account's
// messaging key and publishes it, or rotates it with --rotate.
func NewPublishKeyCmd() *cobra.Command {
	app := version.AppName
	cmd := &cobra.Command{
		Use:   "publish-key",
		Short: "Publish the X25519 key others seal your messages for (once per account), or rotate it",
		Long: "Derive your messaging key from your account key (your keyring signs a fixed text, as Keplr and the web app " +
			"do, so every Kizuna client of the account reads the same messages) and publish its public half. Messages " +
			"posted in your threads are then sealed for you. --rotate publishes the next version: messages sealed from " +
			"then on open only with the new key; older ones still open with the old one, which any of your clients can " +
			"derive again.",
		Example: fmt.Sprintf("%s tx messaging publish-key --from hanako\n%s tx messaging publish-key --rotate --community-id 1 --from hanako", app, app),
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			clientCtx = clientCtx.WithOutput(cmd.OutOrStdout())
			owner, err := clientCtx.InterfaceRegistry.SigningContext().AddressCodec().BytesToString(clientCtx.GetFromAddress())
			if err != nil {
				return err
			}
			rotate, _ := cmd.Flags().GetBool(flagRotate)
			communityID, _ := cmd.Flags().GetUint64(flagCommunityID)
			current, found, err := PublishedKey(cmd.Context(), clientCtx, owner)
			if err != nil {
				return err
			}
			version := uint32(1)
			if found {
				version = current.Version
				if rotate {
					version++
				}
			}
			secret, err := DeriveSecret(clientCtx, version)
			if err != nil {
				return err
			}
			public, err := seal.PublicKey(secret)
			if err != nil {
				return err
			}
			if found && !rotate {
				if bytes.Equal(public[:], current.PublicKey) {
					_, err := fmt.Fprintf(cmd.ErrOrStderr(), "your messaging key (version %d) is already published\n", version)
					return err
				}
				return fmt.Errorf("the messaging key published for %s (version %d) is not the one this key derives; "+
					"publish a new one with --rotate", owner, current.Version)
			}
			msg := &types.MsgSetMessagingKey{Owner: owner, PublicKey: public[:], Version: version, CommunityId: communityID}
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	cmd.Flags().Bool(flagRotate, false, "publish the next version of the key")
	cmd.Flags().Uint64(flagCommunityID, 0, "a community you are an active member of, whose fee sponsorship may pay")
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}
