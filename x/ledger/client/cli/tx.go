// Package cli holds the ledger commands AutoCLI cannot generate: those that
// take amounts in display units ("12.5" or "12.5KGA", read with the
// currency's decimals), members by @username and the fee read from the
// chain, so that paying someone is one command. AutoCLI adds the module's
// other commands to the ones NewTxCmd and NewQueryCmd return.
package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/tx"
	"github.com/cosmos/cosmos-sdk/version"

	"github.com/kizuna-chain/kizuna/x/ledger/client/units"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

const (
	flagMemo           = "memo"
	flagAdID           = "ad-id"
	flagExpectedFeeBps = "expected-fee-bps"
	flagMonth          = "month"
	flagExpirySeconds  = "expiry-seconds"
	flagCommunityID    = "community-id"

	// AmountHelp explains how amounts are typed; the ledger's AutoCLI
	// commands that still take base units say so themselves.
	AmountHelp = "Amounts are in display units of the community's currency, \"12.5\" or \"12.5KGA\" (at most as many " +
		"decimals as the currency has), or in base units with the denom, \"125000cc/1/KGA\"."
	memberHelp = "Members are named by address or by @username in the community."
	feeHelp    = "The currency's fee is read from the chain and shown before signing; --expected-fee-bps pins it instead " +
		"(needed offline): a fee changed meanwhile is then refused, never charged unawares."
)

// NewTxCmd returns the module's tx command with its hand-written
// sub-commands.
func NewTxCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        types.ModuleName,
		Short:                      "Transactions commands for the ledger module",
		DisableFlagParsing:         true,
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(NewTransferCmd(), NewIssueCmd(), NewSubmitContributionCmd(), NewRequestPaymentCmd(), NewAcceptPaymentRequestCmd())
	return cmd
}

// txContext returns the client context of a tx command, its signer's
// address, and the community id parsed from arg.
func txContext(cmd *cobra.Command, communityArg string) (client.Context, string, uint64, error) {
	communityID, err := strconv.ParseUint(communityArg, 10, 64)
	if err != nil {
		return client.Context{}, "", 0, fmt.Errorf("invalid community id %q: %w", communityArg, err)
	}
	clientCtx, err := client.GetClientTxContext(cmd)
	if err != nil {
		return client.Context{}, "", 0, err
	}
	clientCtx = clientCtx.WithOutput(cmd.OutOrStdout())
	if clientCtx.InterfaceRegistry == nil {
		return client.Context{}, "", 0, fmt.Errorf("client context has no interface registry")
	}
	// The signer is encoded with the app's address codec, as AutoCLI does.
	signer, err := clientCtx.InterfaceRegistry.SigningContext().AddressCodec().BytesToString(clientCtx.GetFromAddress())
	if err != nil {
		return client.Context{}, "", 0, err
	}
	return clientCtx, signer, communityID, nil
}

// addExpectedFeeFlag adds --expected-fee-bps, read by expectedFee.
func addExpectedFeeFlag(cmd *cobra.Command) {
	cmd.Flags().Uint32(flagExpectedFeeBps, 0, "the currency's fee in basis points, which you agree to pay on top (default: read from the chain)")
}

// expectedFee returns the fee the signer agrees to: --expected-fee-bps when
// given, the currency's fee otherwise.
func expectedFee(cmd *cobra.Command, l *units.Lookup) (uint32, error) {
	if cmd.Flags().Changed(flagExpectedFeeBps) {
		return cmd.Flags().GetUint32(flagExpectedFeeBps)
	}
	c, err := l.Currency()
	if err != nil {
		return 0, err
	}
	return c.FeeBps, nil
}

// feeText describes the fee on amount at bps for the person paying.
func feeText(l *units.Lookup, amount sdkmath.Int, bps uint32) string {
	if bps == 0 {
		return "no fee"
	}
	return fmt.Sprintf("fee %s (%d.%02d %%) to the community treasury", l.Format(types.Fee(amount, bps)), bps/100, bps%100)
}

// NewTransferCmd returns `transfer [community-id] [recipient] [amount]`.
func NewTransferCmd() *cobra.Command {
	app := version.AppName
	cmd := &cobra.Command{
		Use:   "transfer [community-id] [recipient] [amount]",
		Short: "Pay another member of the community",
		Long: "Send currency to another active member of the community. The fee, rounded up, is paid on top to the " +
			"community treasury. --ad-id pays for an ad: the owner of a WANT ad pays, anyone but the owner pays the owner " +
			"of a GIVE ad. " + AmountHelp + " " + memberHelp + " " + feeHelp,
		Example: fmt.Sprintf("%s tx ledger transfer 1 @bob 12.5 --memo \"a piece of cake\" --from hanako\n"+
			"%s tx ledger transfer 1 kizuna1... 12.5KGA --ad-id 7 --from hanako\n"+
			"%s tx ledger transfer 1 kizuna1... 125000cc/1/KGA --expected-fee-bps 100 --from hanako --generate-only", app, app, app),
		Args: cobra.ExactArgs(3),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, sender, communityID, err := txContext(cmd, args[0])
			if err != nil {
				return err
			}
			l := units.NewLookup(cmd, clientCtx, communityID)
			recipient, err := l.Member(args[1], "recipient")
			if err != nil {
				return err
			}
			amount, err := l.Amount(args[2], false)
			if err != nil {
				return err
			}
			bps, err := expectedFee(cmd, l)
			if err != nil {
				return err
			}
			memo, _ := cmd.Flags().GetString(flagMemo)
			adID, _ := cmd.Flags().GetUint64(flagAdID)
			l.Tell("paying %s to %s in community %d; %s", l.Format(amount), who(args[1], recipient), communityID, feeText(l, amount, bps))
			msg := &types.MsgTransfer{
				Sender:         sender,
				CommunityId:    communityID,
				Recipient:      recipient,
				Amount:         amount,
				Memo:           memo,
				AdId:           adID,
				ExpectedFeeBps: bps,
			}
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	cmd.Flags().String(flagMemo, "", "memo for the recipient")
	cmd.Flags().Uint64(flagAdID, 0, "the ad this transfer pays for")
	addExpectedFeeFlag(cmd)
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

// NewIssueCmd returns `issue [community-id] [recipient] [amount] [memo]`.
func NewIssueCmd() *cobra.Command {
	app := version.AppName
	cmd := &cobra.Command{
		Use:   "issue [community-id] [recipient] [amount] [memo]",
		Short: "Issue currency to an active member (admins and tellers)",
		Long: "Mint currency to an active member; admins and tellers only. It counts against the recipient's monthly cap " +
			"of the target month, --month YYYY-MM: the current month (the default) or either of the two before it. " +
			AmountHelp + " " + memberHelp,
		Example: fmt.Sprintf("%s tx ledger issue 1 @hanako 100 \"member top-up\" --from taro", app),
		Args:    cobra.RangeArgs(3, 4),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, issuer, communityID, err := txContext(cmd, args[0])
			if err != nil {
				return err
			}
			l := units.NewLookup(cmd, clientCtx, communityID)
			recipient, err := l.Member(args[1], "recipient")
			if err != nil {
				return err
			}
			amount, err := l.Amount(args[2], false)
			if err != nil {
				return err
			}
			msg := &types.MsgIssue{Issuer: issuer, CommunityId: communityID, Recipient: recipient, Amount: amount}
			if len(args) == 4 {
				msg.Memo = args[3]
			}
			msg.Month, _ = cmd.Flags().GetString(flagMonth)
			l.Tell("issuing %s to %s in community %d", l.Format(amount), who(args[1], recipient), communityID)
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	cmd.Flags().String(flagMonth, "", "target month YYYY-MM (default: the current month)")
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

// NewSubmitContributionCmd returns `submit-contribution [community-id]
// [amount] [memo] [month]`.
func NewSubmitContributionCmd() *cobra.Command {
	app := version.AppName
	cmd := &cobra.Command{
		Use:   "submit-contribution [community-id] [amount] [memo] [month]",
		Short: "Ask for the creation of currency for your contribution",
		Long: "Submit a contribution (5 to 512 characters of memo) for a moderator or admin to confirm; it counts against " +
			"your monthly cap while pending. The target month YYYY-MM is the current month (the default) or either of the " +
			"two before it. " + AmountHelp,
		Example: fmt.Sprintf("%s tx ledger submit-contribution 1 20 \"Garden work, 20 hours\" 2025-03 --from hanako", app),
		Args:    cobra.RangeArgs(3, 4),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, contributor, communityID, err := txContext(cmd, args[0])
			if err != nil {
				return err
			}
			l := units.NewLookup(cmd, clientCtx, communityID)
			amount, err := l.Amount(args[1], false)
			if err != nil {
				return err
			}
			msg := &types.MsgSubmitContribution{Contributor: contributor, CommunityId: communityID, Amount: amount, Memo: args[2]}
			if len(args) == 4 {
				msg.Month = args[3]
			}
			l.Tell("asking for %s in community %d", l.Format(amount), communityID)
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

// NewRequestPaymentCmd returns `request-payment [community-id] [payer]
// [amount]`.
func NewRequestPaymentCmd() *cobra.Command {
	app := version.AppName
	cmd := &cobra.Command{
		Use:   "request-payment [community-id] [payer] [amount]",
		Short: "Ask another member to pay you",
		Long: "Ask another active member to pay you an amount; the payer accepts (paying the fee on top) or rejects, you may " +
			"cancel, and the request expires after --expiry-seconds (default and most: the max_payment_request_seconds " +
			"param, 30 days). --ad-id names the ad the payment is for. " + AmountHelp + " " + memberHelp,
		Example: fmt.Sprintf("%s tx ledger request-payment 1 @taro 5 --memo \"cake for the fair\" --expiry-seconds 604800 --from hanako", app),
		Args:    cobra.ExactArgs(3),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, requester, communityID, err := txContext(cmd, args[0])
			if err != nil {
				return err
			}
			l := units.NewLookup(cmd, clientCtx, communityID)
			payer, err := l.Member(args[1], "payer")
			if err != nil {
				return err
			}
			amount, err := l.Amount(args[2], false)
			if err != nil {
				return err
			}
			msg := &types.MsgRequestPayment{Requester: requester, CommunityId: communityID, Payer: payer, Amount: amount}
			msg.Memo, _ = cmd.Flags().GetString(flagMemo)
			msg.AdId, _ = cmd.Flags().GetUint64(flagAdID)
			msg.ExpirySeconds, _ = cmd.Flags().GetUint64(flagExpirySeconds)
			l.Tell("asking %s to pay %s in community %d", who(args[1], payer), l.Format(amount), communityID)
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	cmd.Flags().String(flagMemo, "", "what the payment is for; it becomes the transfer's memo")
	cmd.Flags().Uint64(flagAdID, 0, "the ad the payment is for")
	cmd.Flags().Uint64(flagExpirySeconds, 0, "how long the request stays pending; 0 means the longest allowed")
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

// NewAcceptPaymentRequestCmd returns `accept-payment-request [id]`.
func NewAcceptPaymentRequestCmd() *cobra.Command {
	app := version.AppName
	cmd := &cobra.Command{
		Use:   "accept-payment-request [id]",
		Short: "Pay a payment request made to you",
		Long: "Pay a pending payment request made to you, with every rule of a transfer; a mutual-credit currency lets you " +
			"pay on credit. " + feeHelp,
		Example: fmt.Sprintf("%s tx ledger accept-payment-request 3 --from taro", app),
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil {
				return fmt.Errorf("invalid payment request id %q: %w", args[0], err)
			}
			clientCtx, payer, _, err := txContext(cmd, "0")
			if err != nil {
				return err
			}
			msg := &types.MsgAcceptPaymentRequest{Payer: payer, RequestId: id}
			msg.CommunityId, _ = cmd.Flags().GetUint64(flagCommunityID)
			if cmd.Flags().Changed(flagExpectedFeeBps) && cmd.Flags().Changed(flagCommunityID) {
				msg.ExpectedFeeBps, _ = cmd.Flags().GetUint32(flagExpectedFeeBps)
				return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
			}
			res, err := types.NewQueryClient(clientCtx).PaymentRequest(cmd.Context(), &types.QueryPaymentRequestRequest{Id: id})
			if err != nil {
				return fmt.Errorf("reading payment request %d: %w", id, err)
			}
			req := res.PaymentRequest
			if msg.CommunityId != 0 && msg.CommunityId != req.CommunityId {
				return fmt.Errorf("payment request %d is in community %d, not %d", id, req.CommunityId, msg.CommunityId)
			}
			msg.CommunityId = req.CommunityId
			l := units.NewLookup(cmd, clientCtx, req.CommunityId)
			if msg.ExpectedFeeBps, err = expectedFee(cmd, l); err != nil {
				return err
			}
			l.Tell("paying %s to %s in community %d for request %d; %s",
				l.Format(req.Amount), req.Requester, req.CommunityId, id, feeText(l, req.Amount, msg.ExpectedFeeBps))
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	addExpectedFeeFlag(cmd)
	cmd.Flags().Uint64(flagCommunityID, 0, "the request's community (default: read from the chain); fee sponsorship pays only for Msgs that name their community")
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

// who names an account as the person typed it: "@bob (kizuna1…)" or the
// address alone.
func who(arg, addr string) string {
	if strings.HasPrefix(arg, "@") {
		return fmt.Sprintf("%s (%s)", arg, addr)
	}
	return addr
}
