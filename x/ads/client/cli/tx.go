// Package cli holds the ads commands AutoCLI cannot write: publishing and
// editing an ad, whose price is typed in display units of the community's
// currency.
package cli

import (
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/tx"
	"github.com/cosmos/cosmos-sdk/version"

	"github.com/kizuna-chain/kizuna/x/ads/types"
	"github.com/kizuna-chain/kizuna/x/ledger/client/units"
)

const (
	flagTitle       = "title"
	flagDescription = "description"
	flagPrice       = "price"
	flagLocation    = "location"
	flagPhotoURI    = "photo-uri"
	flagPhotoSHA256 = "photo-sha256"
	flagCategory    = "category"
	flagClearFields = "clear-fields"
	flagCommunityID = "community-id"

	// PriceHelp explains how prices are typed.
	PriceHelp = "The price is in display units of the community's currency, \"12.5\" or \"12.5KGA\", or in base units " +
		"with the currency's denom, \"125000cc/1/KGA\" (which works without a node); 0 is free."
	typeHelp  = "Type: want (you need something: only you pay, the helper is paid) or give (you offer something: anyone else pays you)."
	photoHelp = "--photo-sha256 is the SHA-256 of the photo, as 64 hex characters (or base64), and needs a photo URI."
)

// NewTxCmd returns the hand-written ads tx commands; AutoCLI adds the others.
func NewTxCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        types.ModuleName,
		Short:                      "Transactions commands for the ads module",
		DisableFlagParsing:         true,
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(NewCreateCmd(), NewUpdateCmd())
	return cmd
}

// NewCreateCmd returns `create [community-id] [want|give] [title] [price]`.
func NewCreateCmd() *cobra.Command {
	app := version.AppName
	cmd := &cobra.Command{
		Use:   "create [community-id] [want|give] [title] [price]",
		Short: "Publish an ad in a community you are an active member of",
		Long:  "Publish an ad in a community you are an active member of. " + typeHelp + " " + PriceHelp + " " + photoHelp,
		Example: fmt.Sprintf("%s tx ads create 1 give \"Bicycle repair\" 20 --description \"Flat tyres, brakes\" --category repairs --location Osaka --from hanako\n"+
			"%s tx ads create 1 want \"Help moving boxes\" 0 --from taro", app, app),
		Args: cobra.ExactArgs(4),
		RunE: func(cmd *cobra.Command, args []string) error {
			communityID, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil {
				return fmt.Errorf("invalid community id %q: %w", args[0], err)
			}
			adType, err := parseType(args[1])
			if err != nil {
				return err
			}
			clientCtx, owner, err := txContext(cmd)
			if err != nil {
				return err
			}
			l := units.NewLookup(cmd, clientCtx, communityID)
			price, err := l.Amount(args[3], true)
			if err != nil {
				return err
			}
			msg := &types.MsgCreateAd{Owner: owner, CommunityId: communityID, Type: adType, Title: args[2], Price: price}
			if msg.PhotoSha256, err = photoDigest(cmd); err != nil {
				return err
			}
			msg.Description, _ = cmd.Flags().GetString(flagDescription)
			msg.Location, _ = cmd.Flags().GetString(flagLocation)
			msg.PhotoUri, _ = cmd.Flags().GetString(flagPhotoURI)
			msg.Category, _ = cmd.Flags().GetString(flagCategory)
			l.Tell("publishing %q at %s in community %d", msg.Title, l.Format(price), communityID)
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	addFieldFlags(cmd)
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

// NewUpdateCmd returns `update [ad-id]`.
func NewUpdateCmd() *cobra.Command {
	app := version.AppName
	cmd := &cobra.Command{
		Use:   "update [ad-id]",
		Short: "Edit one of your open ads that was never paid",
		Long: "Edit one of your ads. Fields left out keep their value; --clear-fields empties the listed ones. " +
			"Clearable: description, location, photo_uri (with its digest), photo_sha256, category. A new --photo-uri drops the old digest. " +
			"The type cannot change. A paid or closed ad can no longer be edited. " + PriceHelp +
			" A price in display units is read with the ad's community currency, from the node. " + photoHelp,
		Example: fmt.Sprintf("%s tx ads update 3 --price 25 --title \"Bicycle repair and tune-up\" --from hanako\n"+
			"%s tx ads update 3 --clear-fields location,photo_uri --from hanako", app, app),
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			adID, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil {
				return fmt.Errorf("invalid ad id %q: %w", args[0], err)
			}
			clientCtx, owner, err := txContext(cmd)
			if err != nil {
				return err
			}
			msg := &types.MsgUpdateAd{Owner: owner, AdId: adID}
			msg.CommunityId, _ = cmd.Flags().GetUint64(flagCommunityID)
			if cmd.Flags().Changed(flagPrice) {
				text, _ := cmd.Flags().GetString(flagPrice)
				price, err := updatePrice(cmd, clientCtx, adID, msg.CommunityId, text)
				if err != nil {
					return err
				}
				msg.Price = &price
			}
			if msg.PhotoSha256, err = photoDigest(cmd); err != nil {
				return err
			}
			msg.Title, _ = cmd.Flags().GetString(flagTitle)
			msg.Description, _ = cmd.Flags().GetString(flagDescription)
			msg.Location, _ = cmd.Flags().GetString(flagLocation)
			msg.PhotoUri, _ = cmd.Flags().GetString(flagPhotoURI)
			msg.Category, _ = cmd.Flags().GetString(flagCategory)
			msg.ClearFields, _ = cmd.Flags().GetStringSlice(flagClearFields)
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	cmd.Flags().String(flagTitle, "", "new title")
	cmd.Flags().String(flagPrice, "", "new price (0 is free)")
	cmd.Flags().StringSlice(flagClearFields, nil, "fields to empty: description, location, photo_uri, photo_sha256, category")
	cmd.Flags().Uint64(flagCommunityID, 0, "the ad's community, to have the community's fee account pay (with --fee-granter)")
	addFieldFlags(cmd)
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

// updatePrice reads a new price in base units of the ad's currency: the
// community comes from --community-id, the denom of a base-units price, or
// the ad itself, read from the node.
func updatePrice(cmd *cobra.Command, clientCtx client.Context, adID, communityID uint64, text string) (sdkmath.Int, error) {
	if strings.Trim(strings.TrimSpace(text), "0.") == "" && strings.ContainsAny(text, "0") {
		return sdkmath.ZeroInt(), nil // free, whatever the currency
	}
	if communityID == 0 {
		communityID = communityOfDenom(text)
	}
	if communityID == 0 {
		if clientCtx.Offline || clientCtx.GenerateOnly {
			return sdkmath.Int{}, fmt.Errorf("invalid price %q: without a node, give base units with the denom (e.g. 125000cc/1/KGA) or --community-id", text)
		}
		res, err := types.NewQueryClient(clientCtx).Ad(cmd.Context(), &types.QueryAdRequest{Id: adID})
		if err != nil {
			return sdkmath.Int{}, fmt.Errorf("reading ad %d: %w", adID, err)
		}
		communityID = res.Ad.Ad.CommunityId
	}
	l := units.NewLookup(cmd, clientCtx, communityID)
	price, err := l.Amount(text, true)
	if err != nil {
		return sdkmath.Int{}, err
	}
	l.Tell("new price of ad %d: %s", adID, l.Format(price))
	return price, nil
}

// communityOfDenom is the community of a base-units amount's denom
// ("125000cc/1/KGA" → 1), or 0.
func communityOfDenom(text string) uint64 {
	_, denom, ok := strings.Cut(strings.TrimSpace(text), "cc/")
	if !ok {
		return 0
	}
	id, _, _ := strings.Cut(denom, "/")
	n, err := strconv.ParseUint(id, 10, 64)
	if err != nil {
		return 0
	}
	return n
}

func addFieldFlags(cmd *cobra.Command) {
	cmd.Flags().String(flagDescription, "", "description")
	cmd.Flags().String(flagLocation, "", "location, e.g. a city")
	cmd.Flags().String(flagPhotoURI, "", "URI of a photo, with a scheme (https://, ipfs://, ...)")
	cmd.Flags().String(flagPhotoSHA256, "", "SHA-256 of the photo, 64 hex characters or base64")
	cmd.Flags().String(flagCategory, "", "category, e.g. food, repairs, childcare")
}

func parseType(s string) (types.AdType, error) {
	switch strings.ToLower(strings.TrimPrefix(strings.ToUpper(s), "AD_TYPE_")) {
	case "want":
		return types.AdTypeWant, nil
	case "give":
		return types.AdTypeGive, nil
	}
	return types.AdTypeUnspecified, fmt.Errorf("invalid ad type %q: want or give", s)
}

// photoDigest reads --photo-sha256: 64 hex characters or base64.
func photoDigest(cmd *cobra.Command) ([]byte, error) {
	s, _ := cmd.Flags().GetString(flagPhotoSHA256)
	if s == "" {
		return nil, nil
	}
	if len(s) == 64 {
		if b, err := hex.DecodeString(s); err == nil {
			return b, nil
		}
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("invalid --%s %q: 64 hex characters or base64", flagPhotoSHA256, s)
	}
	return b, nil
}

// txContext returns the client context of a tx command and its signer.
func txContext(cmd *cobra.Command) (client.Context, string, error) {
	clientCtx, err := client.GetClientTxContext(cmd)
	if err != nil {
		return client.Context{}, "", err
	}
	clientCtx = clientCtx.WithOutput(cmd.OutOrStdout())
	if clientCtx.InterfaceRegistry == nil {
		return client.Context{}, "", fmt.Errorf("client context has no interface registry")
	}
	signer, err := clientCtx.InterfaceRegistry.SigningContext().AddressCodec().BytesToString(clientCtx.GetFromAddress())
	if err != nil {
		return client.Context{}, "", err
	}
	return clientCtx, signer, nil
}
