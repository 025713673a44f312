package ledger

import (
	"fmt"

	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/cosmos/cosmos-sdk/version"

	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// The commands generated here take amounts in base units: with 4 decimals
// (Gradido), 12.5 GDD is 125000; the payment commands of client/cli take
// display units. Enum values are typed in lower case without their prefix,
// words joined by hyphens, as AutoCLI expects.
const (
	policyHelp = "Issuance policy: admin (admins and tellers issue), contribution (members submit, moderators confirm), " +
		"admin-and-contribution, mutual-credit (nothing is issued: members pay on credit down to their credit limits) " +
		"or mutual-credit-and-creation (credit, issuance and contributions)."
	creditHelp = "Credit limits and maximum balances are in base units; net balance = bank balance - debt, and a payment " +
		"beyond the bank balance draws on credit (mutual-credit policies only)."
	feeHelp = "Fees are in basis points: 150 is 1.50 %, 10000 is 100 %."
)

// AutoCLIOptions describes the module's CLI: every query and every Msg, the
// governance-only MsgUpdateParams as a proposal.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	app := version.AppName
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service:              types.Query_serviceDesc.ServiceName,
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "Params",
					Use:       "params",
					Short:     "Show the ledger module params (limits, monthly cap, fee sponsorship)",
					Example:   fmt.Sprintf("%s query ledger params", app),
				},
				{
					RpcMethod: "Currencies",
					Use:       "currencies",
					Short:     "List the community currencies by community id",
					Example:   fmt.Sprintf("%s query ledger currencies --page-limit 20", app),
				},
				{
					RpcMethod:      "Currency",
					Use:            "currency [community-id]",
					Short:          "Show the currency of a community and its supply",
					Example:        fmt.Sprintf("%s query ledger currency 1", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}},
				},
				{
					RpcMethod:      "Contribution",
					Use:            "contribution [id]",
					Short:          "Show one contribution",
					Example:        fmt.Sprintf("%s query ledger contribution 4", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}},
				},
				{
					RpcMethod: "Contributions",
					Use:       "contributions [community-id]",
					Short:     "List the contributions of a community",
					Long:      "List the contributions of a community by id. --status (pending, confirmed, denied, deleted) and --contributor filter the list.",
					Example: fmt.Sprintf("%s query ledger contributions 1 --status pending\n%s query ledger contributions 1 --contributor kizuna1...",
						app, app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}},
					FlagOptions: map[string]*autocliv1.FlagOptions{
						"status":      {Usage: "only contributions with this status: pending, confirmed, denied or deleted"},
						"contributor": {Usage: "only the contributions of this account"},
					},
				},
				{
					RpcMethod: "History",
					Use:       "history [address]",
					Short:     "List the ledger entries of an account in one currency, newest first",
					Long: "List the ledger entries (creation, send, receive, fee) of an account in the currency named by " +
						"--community-id or --denom, newest first; --page-reverse lists the oldest first.",
					Example: fmt.Sprintf("%s query ledger history kizuna1... --community-id 1 --page-limit 20\n%s query ledger history kizuna1... --denom cc/1/GDD",
						app, app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "address"}},
					FlagOptions: map[string]*autocliv1.FlagOptions{
						"community_id": {Usage: "the community whose currency to list"},
						"denom":        {Usage: "the denom of the currency to list, e.g. cc/1/GDD"},
					},
				},
				{
					RpcMethod:      "Treasury",
					Use:            "treasury [community-id]",
					Short:          "Show the treasury of a community, which receives the transfer fees",
					Example:        fmt.Sprintf("%s query ledger treasury 1", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}},
				},
				{
					RpcMethod: "FeeAccount",
					Use:       "fee-account [community-id]",
					Short:     "Show the fee account of a community, which pays its members' transaction fees",
					Long: "Show the fee account of a community, its balance, what it pays per period for each member and in all, " +
						"and what it has paid this period (for --member too). Active members pay their transaction fees from it " +
						"with --fee-granter <address>, for Msgs that name the community.",
					Example:        fmt.Sprintf("%s query ledger fee-account 1 --member kizuna1...", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}},
					FlagOptions:    map[string]*autocliv1.FlagOptions{"member": {Usage: "also show what this member spent this period"}},
				},
				{
					RpcMethod: "MonthlyCreated",
					Use:       "monthly-created [community-id] [address] [month]",
					Short:     "Show how much of a member's monthly creation cap is used",
					Long:      "Show what counts against a member's monthly creation cap for a month (YYYY-MM, default the current one): admin issuance and pending and confirmed contributions.",
					Example:   fmt.Sprintf("%s query ledger monthly-created 1 kizuna1... 2025-04", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "community_id"}, {ProtoField: "address"}, {ProtoField: "month", Optional: true},
					},
				},
				{
					RpcMethod: "Account",
					Use:       "account [community-id] [address]",
					Short:     "Show a member's balance (decayed to this block), debt, net balance, limits and what it may spend",
					Long: "Show an account's position in the currency of a community as of the current block: the bank balance after " +
						"the decay due, the decay still to burn, the debt, the net balance, the credit limit, the maximum balance and " +
						"what it may pay now, fee included. " + creditHelp,
					Example:        fmt.Sprintf("%s query ledger account 1 kizuna1...", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}, {ProtoField: "address"}},
				},
				{
					RpcMethod:      "PaymentRequest",
					Use:            "payment-request [id]",
					Short:          "Show one payment request",
					Example:        fmt.Sprintf("%s query ledger payment-request 3", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}},
				},
				{
					RpcMethod: "PaymentRequests",
					Use:       "payment-requests [community-id]",
					Short:     "List the payment requests of a community",
					Long:      "List the payment requests of a community by id; --payer, --requester and --status (pending, accepted, rejected, cancelled, expired) filter the list.",
					Example: fmt.Sprintf("%s query ledger payment-requests 1 --payer kizuna1... --status pending\n%s query ledger payment-requests 1 --requester kizuna1...",
						app, app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}},
					FlagOptions: map[string]*autocliv1.FlagOptions{
						"payer":     {Usage: "only the requests made to this account"},
						"requester": {Usage: "only the requests made by this account"},
						"status":    {Usage: "only requests with this status: pending, accepted, rejected, cancelled or expired"},
					},
				},
				{
					RpcMethod: "Invariants",
					Use:       "invariants",
					Short:     "Check the ledger invariants (supply - debt = creation - decay, limits, caps) and list the broken ones",
					Example:   fmt.Sprintf("%s query ledger invariants", app),
				},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service:              types.Msg_serviceDesc.ServiceName,
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "CreateCurrency",
					Use:       "create-currency [community-id] [code] [name] [decimals]",
					Short:     "Create the currency of a community (admins)",
					Long: "Create the currency of a community; admins only. The code is 3 to 8 upper-case letters or digits; " +
						"the denom becomes cc/{community-id}/{code}. --half-life-seconds makes balances decay (31556952: half a year's " +
						"balance is gone after a year); it never changes later. " + policyHelp + " " + creditHelp + " " + feeHelp,
					Example: fmt.Sprintf("%s tx ledger create-currency 1 GDD Gradido 4 --issuance-policy admin-and-contribution --half-life-seconds 31556952 --from taro\n"+
						"%s tx ledger create-currency 2 HOUR Hours 2 --issuance-policy mutual-credit --default-credit-limit 5000 --max-balance 20000 --from taro",
						app, app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "community_id"}, {ProtoField: "code"}, {ProtoField: "name"}, {ProtoField: "decimals"},
					},
					FlagOptions: map[string]*autocliv1.FlagOptions{
						"issuance_policy":      {Usage: "admin, contribution, admin-and-contribution (the default), mutual-credit or mutual-credit-and-creation"},
						"fee_bps":              {Usage: "transfer fee in basis points, 0 to 10000"},
						"half_life_seconds":    {Usage: "half-life of balances in seconds, at least 86400; 0 (the default) means no decay"},
						"default_credit_limit": {Usage: "credit limit of every member without one of its own, in base units (mutual-credit policies)"},
						"max_balance":          {Usage: "highest net balance members reach by receiving, in base units; 0 means none"},
					},
				},
				{
					RpcMethod: "UpdateCurrency",
					Use:       "update-currency [community-id]",
					Short:     "Change the name, issuance policy, fee, default credit limit or maximum balance of a currency (admins)",
					Long: "Change the settings of a currency; admins only. Settings left out keep their value; --clear-fields fee " +
						"removes the fee, default_credit_limit sets it to 0, max_balance removes the maximum. Lowering a limit below " +
						"what a member following it owes or holds is refused. " + policyHelp + " " + creditHelp + " " + feeHelp,
					Example: fmt.Sprintf("%s tx ledger update-currency 1 --fee-bps 150 --from taro\n%s tx ledger update-currency 1 --clear-fields fee --from taro\n"+
						"%s tx ledger update-currency 2 --default-credit-limit 10000 --from taro",
						app, app, app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}},
					FlagOptions: map[string]*autocliv1.FlagOptions{
						"name":                 {Usage: "new currency name"},
						"issuance_policy":      {Usage: "admin, contribution, admin-and-contribution, mutual-credit or mutual-credit-and-creation"},
						"fee_bps":              {Usage: "new transfer fee in basis points, 1 to 10000"},
						"clear_fields":         {Usage: "settings to reset: fee, default_credit_limit, max_balance"},
						"default_credit_limit": {Usage: "new default credit limit in base units, positive"},
						"max_balance":          {Usage: "new maximum balance in base units, positive"},
					},
				},
				{RpcMethod: "Issue", Skip: true},              // client/cli: amounts in display units, @username
				{RpcMethod: "SubmitContribution", Skip: true}, // client/cli: amounts in display units
				{
					RpcMethod:      "ConfirmContribution",
					Use:            "confirm-contribution [id]",
					Short:          "Confirm a pending contribution and mint its amount (moderators and admins, not the contributor)",
					Example:        fmt.Sprintf("%s tx ledger confirm-contribution 4 --from mod", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "contribution_id"}},
				},
				{
					RpcMethod:      "DenyContribution",
					Use:            "deny-contribution [id]",
					Short:          "Deny a pending contribution (moderators and admins, not the contributor)",
					Example:        fmt.Sprintf("%s tx ledger deny-contribution 4 --reason \"not in this community\" --from mod", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "contribution_id"}},
					FlagOptions:    map[string]*autocliv1.FlagOptions{"reason": {Usage: "why the contribution is denied"}},
				},
				{
					RpcMethod:      "DeleteContribution",
					Use:            "delete-contribution [id]",
					Short:          "Withdraw your pending contribution",
					Example:        fmt.Sprintf("%s tx ledger delete-contribution 4 --from hanako", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "contribution_id"}},
				},
				{RpcMethod: "Transfer", Skip: true}, // client/cli: display units, @username, the fee read from the chain
				{
					RpcMethod: "SetAccountLimits",
					Use:       "set-account-limits [community-id] [member]",
					Short:     "Give a member a credit limit or maximum balance of its own, or return it to the currency's (admins)",
					Long: "Set a member's credit limit (--credit-limit, 0 allowed, mutual-credit policies only) or maximum balance " +
						"(--max-balance, positive); --clear-fields credit_limit,max_balance returns it to the currency's settings. " +
						"It takes effect at once; a limit below what the member owes, or a maximum below what it holds, is refused. " + creditHelp,
					Example: fmt.Sprintf("%s tx ledger set-account-limits 2 kizuna1... --credit-limit 20000 --from taro\n"+
						"%s tx ledger set-account-limits 2 kizuna1... --clear-fields credit_limit --from taro", app, app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}, {ProtoField: "member"}},
					FlagOptions: map[string]*autocliv1.FlagOptions{
						"credit_limit": {Usage: "the member's credit limit in base units"},
						"max_balance":  {Usage: "the member's maximum balance in base units"},
						"clear_fields": {Usage: "limits to return to the currency's: credit_limit, max_balance"},
					},
				},
				{RpcMethod: "RequestPayment", Skip: true},       // client/cli: amounts in display units, @username
				{RpcMethod: "AcceptPaymentRequest", Skip: true}, // client/cli: the fee read from the chain
				{
					RpcMethod:      "RejectPaymentRequest",
					Use:            "reject-payment-request [id]",
					Short:          "Reject a payment request made to you",
					Example:        fmt.Sprintf("%s tx ledger reject-payment-request 3 --reason \"already paid in cash\" --from taro", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "request_id"}},
					FlagOptions: map[string]*autocliv1.FlagOptions{
						"reason":       {Usage: "why you reject it"},
						"community_id": {Usage: "the request's community, so that its fee account may pay the transaction fee"},
					},
				},
				{
					RpcMethod:      "CancelPaymentRequest",
					Use:            "cancel-payment-request [id]",
					Short:          "Withdraw your pending payment request",
					Example:        fmt.Sprintf("%s tx ledger cancel-payment-request 3 --from hanako", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "request_id"}},
					FlagOptions: map[string]*autocliv1.FlagOptions{
						"community_id": {Usage: "the request's community, so that its fee account may pay the transaction fee"},
					},
				},
				{
					RpcMethod: "FundFeeAccount",
					Use:       "fund-fee-account [community-id] [amount]",
					Short:     "Fund the fee account that pays the members' transaction fees (admins)",
					Long: "Send ukiz (the fee_denom param), as an integer of base units, from you to the community fee account; " +
						"admins only. Active members pay their fees from it with --fee-granter (see query ledger fee-account).",
					Example:        fmt.Sprintf("%s tx ledger fund-fee-account 1 10000000 --from taro", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}, {ProtoField: "amount"}},
				},
				{
					RpcMethod: "SetFeeSponsorship",
					Use:       "set-fee-sponsorship [community-id] [member-period-limit] [budget-period-limit]",
					Short:     "Set how much the community fee account pays per period, per member and in all (admins)",
					Long: "Set, in ukiz base units, what the community fee account pays per period (the fee_allowance_period_seconds " +
						"param, a day by default) for each active member and in all; admins only. 0 0 stops the sponsorship.",
					Example: fmt.Sprintf("%s tx ledger set-fee-sponsorship 1 1000000 50000000 --from taro", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "community_id"}, {ProtoField: "member_period_limit"}, {ProtoField: "budget_period_limit"},
					},
				},
				{
					RpcMethod: "UpdateParams",
					Use:       "update-params-proposal [params]",
					Short:     "Submit a governance proposal to change the ledger module params",
					Example: fmt.Sprintf(`%s tx ledger update-params-proposal '{"monthly_creation_cap":"1000", ...}' --deposit 10000000ukiz --from alice`,
						app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "params"}},
					GovProposal:    true,
				},
			},
		},
	}
}
