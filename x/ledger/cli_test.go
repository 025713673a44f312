package ledger_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/testutil/conformance"
	"github.com/kizuna-chain/kizuna/x/ledger"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

func TestCLI_QueriesParsePositionalArgsAndFlags(t *testing.T) {
	addr, err := conformance.AccountCodec.BytesToString(make([]byte, 20))
	require.NoError(t, err)

	method, req := conformance.Query(t, ledger.AppModule{}, "history", addr, "--community-id", "3", "--page-limit", "5")
	require.Equal(t, "/kizuna.ledger.v1.Query/History", method)
	require.Equal(t, addr, req["address"])
	require.Equal(t, "3", req["communityId"])
	require.Equal(t, "5", req["pagination"].(map[string]any)["limit"])

	_, req = conformance.Query(t, ledger.AppModule{}, "history", addr, "--denom", "cc/1/GDD", "--page-reverse")
	require.Equal(t, "cc/1/GDD", req["denom"])
	require.Equal(t, true, req["pagination"].(map[string]any)["reverse"])

	method, req = conformance.Query(t, ledger.AppModule{}, "contributions", "2", "--status", "pending", "--contributor", addr)
	require.Equal(t, "/kizuna.ledger.v1.Query/Contributions", method)
	require.Equal(t, "CONTRIBUTION_STATUS_PENDING", req["status"])
	require.Equal(t, addr, req["contributor"])

	method, req = conformance.Query(t, ledger.AppModule{}, "monthly-created", "1", addr, "2025-03")
	require.Equal(t, "/kizuna.ledger.v1.Query/MonthlyCreated", method)
	require.Equal(t, "2025-03", req["month"])
	_, req = conformance.Query(t, ledger.AppModule{}, "monthly-created", "1", addr)
	require.Nil(t, req["month"], "the month is optional")

	for args, want := range map[string][]string{
		"Params":       {"params"},
		"Currencies":   {"currencies"},
		"Currency":     {"currency", "1"},
		"Contribution": {"contribution", "4"},
		"Treasury":     {"treasury", "1"},
		"FeeAccount":   {"fee-account", "1"},
		"Invariants":   {"invariants"},
	} {
		method, _ = conformance.Query(t, ledger.AppModule{}, want...)
		require.Equal(t, "/kizuna.ledger.v1.Query/"+args, method)
	}
}

func TestCLI_TxCommandsBuildTheirMsgs(t *testing.T) {
	member, err := conformance.AccountCodec.BytesToString(make([]byte, 20))
	require.NoError(t, err)

	msg, signer := conformance.Tx(t, ledger.AppModule{}, "create-currency", "1", "GDD", "Gradido", "4", "--issuance-policy", "contribution", "--fee-bps", "150")
	require.Equal(t, "/kizuna.ledger.v1.MsgCreateCurrency", msg["@type"])
	require.Equal(t, signer, msg["admin"])
	require.Equal(t, "1", msg["community_id"])
	require.Equal(t, "GDD", msg["code"])
	require.Equal(t, "Gradido", msg["name"])
	require.EqualValues(t, 4, msg["decimals"])
	require.Equal(t, "ISSUANCE_POLICY_CONTRIBUTION", msg["issuance_policy"])
	require.EqualValues(t, 150, msg["fee_bps"])

	msg, _ = conformance.Tx(t, ledger.AppModule{}, "update-currency", "1", "--clear-fields", "fee", "--name", "Garden Gradido")
	require.Equal(t, []any{"fee"}, msg["clear_fields"])
	require.Equal(t, "Garden Gradido", msg["name"])

	msg, signer = conformance.Tx(t, ledger.AppModule{}, "issue", "1", member, "125000cc/1/GDD", "member top-up", "--month", "2025-03")
	require.Equal(t, "/kizuna.ledger.v1.MsgIssue", msg["@type"])
	require.Equal(t, signer, msg["issuer"])
	require.Equal(t, member, msg["recipient"])
	require.Equal(t, "125000", msg["amount"])
	require.Equal(t, "member top-up", msg["memo"])
	require.Equal(t, "2025-03", msg["month"])
	msg, _ = conformance.Tx(t, ledger.AppModule{}, "issue", "1", member, "5cc/1/GDD")
	require.Equal(t, "", msg["memo"], "the memo is optional")

	msg, signer = conformance.Tx(t, ledger.AppModule{}, "submit-contribution", "1", "200000cc/1/GDD", "Garden work, 20 hours", "2025-02")
	require.Equal(t, signer, msg["contributor"])
	require.Equal(t, "200000", msg["amount"])
	require.Equal(t, "Garden work, 20 hours", msg["memo"])
	require.Equal(t, "2025-02", msg["month"])

	msg, signer = conformance.Tx(t, ledger.AppModule{}, "transfer", "1", member, "50000cc/1/GDD", "--memo", "cake", "--ad-id", "7", "--expected-fee-bps", "100")
	require.Equal(t, "/kizuna.ledger.v1.MsgTransfer", msg["@type"])
	require.Equal(t, signer, msg["sender"])
	require.Equal(t, member, msg["recipient"])
	require.Equal(t, "50000", msg["amount"])
	require.Equal(t, "cake", msg["memo"])
	require.Equal(t, "7", msg["ad_id"])
	require.EqualValues(t, 100, msg["expected_fee_bps"])

	msg, signer = conformance.Tx(t, ledger.AppModule{}, "request-payment", "2", member, "700cc/2/GDD", "--memo", "cake", "--expiry-seconds", "60")
	require.Equal(t, "/kizuna.ledger.v1.MsgRequestPayment", msg["@type"])
	require.Equal(t, signer, msg["requester"])
	require.Equal(t, member, msg["payer"])
	require.Equal(t, "700", msg["amount"])
	require.Equal(t, "60", msg["expiry_seconds"])

	msg, signer = conformance.Tx(t, ledger.AppModule{}, "accept-payment-request", "3", "--expected-fee-bps", "150", "--community-id", "2")
	require.Equal(t, "/kizuna.ledger.v1.MsgAcceptPaymentRequest", msg["@type"])
	require.Equal(t, signer, msg["payer"])
	require.Equal(t, "3", msg["request_id"])
	require.Equal(t, "2", msg["community_id"])
	require.EqualValues(t, 150, msg["expected_fee_bps"])

	// Offline, amounts name the base denom of the community's currency and
	// members are addresses: nothing can be looked up.
	for _, args := range [][]string{
		{"transfer", "1", member, "50000cc/2/GDD", "--expected-fee-bps", "100"},
		{"transfer", "1", member, "-5cc/1/GDD", "--expected-fee-bps", "100"},
		{"transfer", "1", member, "0cc/1/GDD", "--expected-fee-bps", "100"},
		{"transfer", "1", member, "1.5cc/1/GDD", "--expected-fee-bps", "100"},
		{"transfer", "1", "hanako", "5cc/1/GDD", "--expected-fee-bps", "100"},
		{"issue", "x", member, "5cc/1/GDD"},
	} {
		_, err := conformance.RunTx(t, ledger.AppModule{}, args...)
		require.Error(t, err, "%v", args)
	}

	msg, _ = conformance.Tx(t, ledger.AppModule{}, "fund-fee-account", "1", "10000000")
	require.Equal(t, "/kizuna.ledger.v1.MsgFundFeeAccount", msg["@type"])
	require.Equal(t, "10000000", msg["amount"])

	msg, _ = conformance.Tx(t, ledger.AppModule{}, "deny-contribution", "4", "--reason", "not garden work")
	require.Equal(t, "4", msg["contribution_id"])
	require.Equal(t, "not garden work", msg["reason"])
	for _, cmd := range []string{"confirm-contribution", "delete-contribution"} {
		msg, signer = conformance.Tx(t, ledger.AppModule{}, cmd, "4")
		require.Equal(t, "4", msg["contribution_id"])
		require.Contains(t, []any{msg["reviewer"], msg["contributor"]}, signer)
	}
}

// MsgUpdateParams is reachable only as a governance proposal.
func TestCLI_UpdateParamsProposalTakesADeposit(t *testing.T) {
	cmd := conformance.TxCmd(t, ledger.AppModule{}, conformance.NewTxEnv(t, ledger.AppModule{}))
	sub, _, err := cmd.Find([]string{"update-params-proposal"})
	require.NoError(t, err)
	require.NotNil(t, sub.Flags().Lookup("deposit"), "a proposal command takes a deposit")
}

func TestAminoJSONSigning_SignsAmountsAsStringsAndNestedParams(t *testing.T) {
	env := conformance.NewTxEnv(t, ledger.AppModule{})
	for _, msg := range allMsgs(env.Signer) {
		sign := conformance.AminoJSONSignBytes(t, env, msg)
		switch msg.(type) {
		case *types.MsgIssue, *types.MsgTransfer, *types.MsgFundFeeAccount, *types.MsgSubmitContribution:
			require.Contains(t, sign, `"amount":"125000"`, "amounts are signed as strings")
		case *types.MsgUpdateParams:
			require.Contains(t, sign, `"monthly_creation_cap":"1000"`, "nested messages are signed in full")
		}
	}
}
