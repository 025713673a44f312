package cli

import (
	"encoding/json"
	"fmt"
	"strconv"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/version"

	"github.com/kizuna-chain/kizuna/x/ledger/client/units"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// NewQueryCmd returns the module's query command with its hand-written
// sub-commands.
func NewQueryCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        types.ModuleName,
		Short:                      "Querying commands for the ledger module",
		DisableFlagParsing:         true,
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(NewBalanceCmd())
	return cmd
}

// balance is what `balance` prints with --output json: the account's
// position in display units.
type balance struct {
	Address     string `json:"address"`
	CommunityID uint64 `json:"community_id"`
	Currency    string `json:"currency"`
	Balance     string `json:"balance"`
	Debt        string `json:"debt"`
	NetBalance  string `json:"net_balance"`
	CreditLimit string `json:"credit_limit"`
	MaxBalance  string `json:"max_balance,omitempty"`
	Available   string `json:"available"`
}

// NewBalanceCmd returns `balance [community-id] [member]`.
func NewBalanceCmd() *cobra.Command {
	app := version.AppName
	cmd := &cobra.Command{
		Use:   "balance [community-id] [member]",
		Short: "Show a member's balance in the community's currency, in display units",
		Long: "Show a member's position in the currency of a community as of the current block, in display units: the " +
			"balance after decay, the debt, the net balance (balance - debt), the credit limit and what it may pay now, " +
			"fee included. " + memberHelp + " `query ledger account` shows the same in base units.",
		Example: fmt.Sprintf("%s query ledger balance 1 @hanako\n%s query ledger balance 1 kizuna1... -o json", app, app),
		Args:    cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			communityID, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil {
				return fmt.Errorf("invalid community id %q: %w", args[0], err)
			}
			clientCtx, err := client.GetClientQueryContext(cmd)
			if err != nil {
				return err
			}
			l := units.NewLookup(cmd, clientCtx, communityID)
			addr, err := l.Member(args[1], "member")
			if err != nil {
				return err
			}
			c, err := l.Currency()
			if err != nil {
				return err
			}
			res, err := types.NewQueryClient(clientCtx).Account(cmd.Context(), &types.QueryAccountRequest{CommunityId: communityID, Address: addr})
			if err != nil {
				return err
			}
			b := balance{
				Address:     addr,
				CommunityID: communityID,
				Currency:    fmt.Sprintf("%s (%s)", c.Name, c.Code),
				Balance:     units.FormatAmount(res.Balance, c),
				Debt:        units.FormatAmount(res.Debt, c),
				NetBalance:  units.FormatAmount(res.NetBalance, c),
				CreditLimit: units.FormatAmount(res.CreditLimit, c),
				Available:   units.FormatAmount(res.Available, c),
			}
			if res.MaxBalance.IsPositive() {
				b.MaxBalance = units.FormatAmount(res.MaxBalance, c)
			}
			out := cmd.OutOrStdout()
			if clientCtx.OutputFormat == flags.OutputFormatJSON {
				return json.NewEncoder(out).Encode(b)
			}
			w := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
			_, _ = fmt.Fprintf(w, "member\t%s\n", who(args[1], addr))
			_, _ = fmt.Fprintf(w, "currency\t%s, community %d\n", b.Currency, communityID)
			_, _ = fmt.Fprintf(w, "balance\t%s\n", b.Balance)
			if !res.Debt.IsZero() || !res.CreditLimit.IsZero() {
				_, _ = fmt.Fprintf(w, "debt\t%s\n", b.Debt)
				_, _ = fmt.Fprintf(w, "net balance\t%s\n", b.NetBalance)
				_, _ = fmt.Fprintf(w, "credit limit\t%s\n", b.CreditLimit)
			}
			if b.MaxBalance != "" {
				_, _ = fmt.Fprintf(w, "maximum balance\t%s\n", b.MaxBalance)
			}
			_, _ = fmt.Fprintf(w, "available\t%s\n", b.Available)
			return w.Flush()
		},
	}
	flags.AddQueryFlagsToCmd(cmd)
	return cmd
}
