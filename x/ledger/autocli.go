package ledger

import (
	"fmt"

	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/cosmos/cosmos-sdk/version"

	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// Amounts are integers in base units: with 4 decimals (Gradido), 12.5 GDD is
// 125000. Enum values are typed in lower case without their prefix, as
// AutoCLI expects.
const (
	amountHelp = "Amounts are integers in base units: with 4 decimals, 12.5 units are 125000."
	policyHelp = "Issuance policy: admin (admins and tellers issue), contribution (members submit, moderators confirm) or admin_and_contribution."
	feeHelp    = "Fees are in basis points: 150 is 1.50 %, 10000 is 100 %."
	monthHelp  = "The target month is YYYY-MM: the current month (UTC, by block time, the default) or one of the two before it."
)

// AutoCLIOptions describes the module's CLI: every query and every Msg, the
// governance-only MsgUpdateParams as a proposal.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	app := version.AppName
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: types.Query_serviceDesc.ServiceName,
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
					RpcMethod: "Invariants",
					Use:       "invariants",
					Short:     "Check the ledger invariants (currency supply equals confirmed creations) and list the broken ones",
					Example:   fmt.Sprintf("%s query ledger invariants", app),
				},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: types.Msg_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "CreateCurrency",
					Use:       "create-currency [community-id] [code] [name] [decimals]",
					Short:     "Create the currency of a community (admins)",
					Long: "Create the currency of a community; admins only. The code is 3 to 8 upper-case letters or digits; " +
						"the denom becomes cc/{community-id}/{code}. " + policyHelp + " " + feeHelp,
					Example: fmt.Sprintf("%s tx ledger create-currency 1 GDD Gradido 4 --issuance-policy admin_and_contribution --fee-bps 100 --from taro",
						app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "community_id"}, {ProtoField: "code"}, {ProtoField: "name"}, {ProtoField: "decimals"},
					},
					FlagOptions: map[string]*autocliv1.FlagOptions{
						"issuance_policy": {Usage: "admin, contribution or admin_and_contribution (the default)"},
						"fee_bps":         {Usage: "transfer fee in basis points, 0 to 10000"},
					},
				},
				{
					RpcMethod: "UpdateCurrency",
					Use:       "update-currency [community-id]",
					Short:     "Change the name, issuance policy or fee of a currency (admins)",
					Long:      "Change the settings of a currency; admins only. Settings left out keep their value; --clear-fields fee removes the fee. " + policyHelp + " " + feeHelp,
					Example: fmt.Sprintf("%s tx ledger update-currency 1 --fee-bps 150 --from taro\n%s tx ledger update-currency 1 --clear-fields fee --from taro",
						app, app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}},
					FlagOptions: map[string]*autocliv1.FlagOptions{
						"name":            {Usage: "new currency name"},
						"issuance_policy": {Usage: "admin, contribution or admin_and_contribution"},
						"fee_bps":         {Usage: "new transfer fee in basis points, 1 to 10000"},
						"clear_fields":    {Usage: "settings to reset: fee"},
					},
				},
				{
					RpcMethod: "Issue",
					Use:       "issue [community-id] [recipient] [amount] [memo]",
					Short:     "Issue currency to an active member (admins and tellers)",
					Long: "Mint currency to an active member; admins and tellers only. It counts against the recipient's monthly cap. " +
						amountHelp + " " + monthHelp,
					Example: fmt.Sprintf("%s tx ledger issue 1 kizuna1... 1000000 \"member top-up\" --from taro", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "community_id"}, {ProtoField: "recipient"}, {ProtoField: "amount"}, {ProtoField: "memo", Optional: true},
					},
					FlagOptions: map[string]*autocliv1.FlagOptions{"month": {Usage: "target month YYYY-MM (default: the current month)"}},
				},
				{
					RpcMethod: "SubmitContribution",
					Use:       "submit-contribution [community-id] [amount] [memo] [month]",
					Short:     "Ask for the creation of currency for your contribution",
					Long: "Submit a contribution (5 to 512 characters of memo) for a moderator or admin to confirm; it counts " +
						"against your monthly cap while pending. " + amountHelp + " " + monthHelp,
					Example: fmt.Sprintf("%s tx ledger submit-contribution 1 200000 \"Garden work, 20 hours\" 2025-03 --from hanako", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "community_id"}, {ProtoField: "amount"}, {ProtoField: "memo"}, {ProtoField: "month", Optional: true},
					},
				},
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
				{
					RpcMethod: "Transfer",
					Use:       "transfer [community-id] [recipient] [amount]",
					Short:     "Pay another member of the community",
					Long: "Send currency to another active member of the community. If the currency charges a fee, state it with " +
						"--expected-fee-bps (see query ledger currency); the fee, rounded up, is paid on top to the community " +
						"treasury. --ad-id pays for an ad: the owner of a WANT ad pays, anyone but the owner pays the owner of a GIVE ad. " +
						amountHelp,
					Example: fmt.Sprintf("%s tx ledger transfer 1 kizuna1... 50000 --memo \"a piece of cake\" --ad-id 7 --expected-fee-bps 100 --from hanako",
						app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "community_id"}, {ProtoField: "recipient"}, {ProtoField: "amount"},
					},
					FlagOptions: map[string]*autocliv1.FlagOptions{
						"memo":             {Usage: "memo for the recipient"},
						"ad_id":            {Usage: "the ad this transfer pays for"},
						"expected_fee_bps": {Usage: "the currency's fee in basis points, which you agree to pay on top"},
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
