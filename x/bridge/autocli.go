package bridge

import (
	"fmt"

	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/cosmos/cosmos-sdk/version"

	"github.com/kizuna-chain/kizuna/x/bridge/types"
)

// AutoCLIOptions describes the module's CLI: every query and every Msg;
// MsgUpdateParams as a governance proposal.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	app := version.AppName
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: types.Query_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "Params",
					Use:       "params",
					Short:     "Show the bridge params (contract address and height, valset change threshold)",
					Example:   fmt.Sprintf("%s query bridge params", app),
				},
				{
					RpcMethod: "BridgeInfo",
					Use:       "info",
					Short:     "Show the bridge id, the contract and the latest valset: what deploying the contract needs",
					Example:   fmt.Sprintf("%s query bridge info", app),
				},
				{
					RpcMethod:      "RegistrationHash",
					Use:            "registration-hash [validator] [orchestrator]",
					Short:          "Show the hash a validator's Ethereum key signs (eth_sign) to register with an orchestrator",
					Example:        fmt.Sprintf("%s query bridge registration-hash kizunavaloper1... kizuna1...", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "validator"}, {ProtoField: "orchestrator"}},
				},
				{
					RpcMethod:      "Registration",
					Use:            "registration [validator]",
					Short:          "Show a validator's Ethereum key and orchestrator",
					Example:        fmt.Sprintf("%s query bridge registration kizunavaloper1...", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "validator"}},
				},
				{
					RpcMethod: "Registrations",
					Use:       "registrations",
					Short:     "List the validators' Ethereum keys and orchestrators",
					Example:   fmt.Sprintf("%s query bridge registrations", app),
				},
				{
					RpcMethod:      "Valset",
					Use:            "valset [nonce]",
					Short:          "Show a valset and its checkpoint",
					Example:        fmt.Sprintf("%s query bridge valset 1", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "nonce"}},
				},
				{
					RpcMethod: "Valsets",
					Use:       "valsets",
					Short:     "List the valsets, oldest first (--page-reverse for newest first)",
					Example:   fmt.Sprintf("%s query bridge valsets --page-reverse --page-limit 1", app),
				},
				{
					RpcMethod: "Token",
					Use:       "token",
					Short:     "Show the ERC-20 of a denom, or the denom of an ERC-20 (--denom or --token-contract)",
					Example: fmt.Sprintf("%s query bridge token --denom cc/1/KGA\n%s query bridge token --token-contract 0x...",
						app, app),
				},
				{
					RpcMethod: "Tokens",
					Use:       "tokens",
					Short:     "List the denoms mapped to ERC-20s",
					Example:   fmt.Sprintf("%s query bridge tokens", app),
				},
				{
					RpcMethod:      "TokenDeployConfirms",
					Use:            "token-deploy-confirms [denom]",
					Short:          "List the validators' signatures of a community currency's ERC-20 deployment",
					Example:        fmt.Sprintf("%s query bridge token-deploy-confirms cc/1/KGA", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "denom"}},
				},
				{
					RpcMethod:      "Transfer",
					Use:            "transfer [id]",
					Short:          "Show a transfer to Ethereum not yet executed",
					Example:        fmt.Sprintf("%s query bridge transfer 1", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}},
				},
				{
					RpcMethod: "Transfers",
					Use:       "transfers",
					Short:     "List the transfers to Ethereum not yet executed (--sender for one account's)",
					Example:   fmt.Sprintf("%s query bridge transfers --sender kizuna1...", app),
				},
				{
					RpcMethod:      "Batch",
					Use:            "batch [token-contract]",
					Short:          "Show a token's outstanding batch, its transfers and the hash validators sign",
					Example:        fmt.Sprintf("%s query bridge batch 0x...", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "token_contract"}},
				},
				{
					RpcMethod: "Batches",
					Use:       "batches",
					Short:     "List the outstanding batches, one per token at most",
					Example:   fmt.Sprintf("%s query bridge batches", app),
				},
				{
					RpcMethod:      "BatchConfirms",
					Use:            "batch-confirms [token-contract] [nonce]",
					Short:          "List the validators' signatures of a batch",
					Example:        fmt.Sprintf("%s query bridge batch-confirms 0x... 1", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "token_contract"}, {ProtoField: "nonce"}},
				},
				{
					RpcMethod: "Attestations",
					Use:       "attestations",
					Short:     "List the validators' claims of Ethereum events by event nonce (--page-reverse for newest first)",
					Example:   fmt.Sprintf("%s query bridge attestations --page-reverse --page-limit 10", app),
				},
				{
					RpcMethod:      "LastClaimNonce",
					Use:            "last-claim-nonce [validator]",
					Short:          "Show the event nonce of a validator's last claim, where its orchestrator resumes",
					Example:        fmt.Sprintf("%s query bridge last-claim-nonce kizunavaloper1...", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "validator"}},
				},
				{
					RpcMethod:      "ValsetConfirms",
					Use:            "valset-confirms [nonce]",
					Short:          "List the validators' signatures of a valset",
					Example:        fmt.Sprintf("%s query bridge valset-confirms 1", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "nonce"}},
				},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: types.Msg_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "RegisterEthereumKey",
					Use:       "register-ethereum-key [orchestrator] [ethereum-address] [signature]",
					Short:     "Register your validator's Ethereum key and orchestrator account, once",
					Long: "Sign the hash from `query bridge registration-hash` with the Ethereum key (eth_sign), then send " +
						"this from the validator's operator key. A key and an orchestrator serve one validator, and a " +
						"registration is never replaced.",
					Example: fmt.Sprintf("%s tx bridge register-ethereum-key kizuna1... 0xAb5801a7D398351b8bE11C439e05C5B3259aeC9B 0x... --from validator", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "orchestrator"}, {ProtoField: "ethereum_address"}, {ProtoField: "signature"},
					},
				},
				{
					RpcMethod:      "ConfirmValset",
					Use:            "confirm-valset [nonce] [signature]",
					Short:          "Submit your validator's signature of a valset checkpoint (sent by its orchestrator)",
					Example:        fmt.Sprintf("%s tx bridge confirm-valset 1 0x... --from orchestrator", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "nonce"}, {ProtoField: "signature"}},
				},
				{
					RpcMethod:      "RegisterCurrencyToken",
					Use:            "register-currency-token [community-id]",
					Short:          "Let your community's currency go to Ethereum: map it to the ERC-20 the bridge contract will deploy (admins only, once)",
					Example:        fmt.Sprintf("%s tx bridge register-currency-token 1 --from alice", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}},
				},
				{
					RpcMethod:      "ConfirmTokenDeployment",
					Use:            "confirm-token-deployment [denom] [signature]",
					Short:          "Submit your validator's signature of a community currency's ERC-20 deployment (sent by its orchestrator)",
					Example:        fmt.Sprintf("%s tx bridge confirm-token-deployment cc/1/KGA 0x... --from orchestrator", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "denom"}, {ProtoField: "signature"}},
				},
				{
					RpcMethod: "SendToEthereum",
					Use:       "send-to-ethereum [ethereum-recipient] [amount] [bridge-fee]",
					Short:     "Send tokens to an Ethereum address; the fee, of the same denom, pays the relayer",
					Long: "The amount and the fee leave your balance now and wait in the pool until a batch of their token is " +
						"signed and relayed. A community currency leaves only from a positive balance, never on credit; a " +
						"decaying one keeps decaying on Ethereum. Cancel with cancel-send-to-ethereum until it is batched.",
					Example: fmt.Sprintf("%s tx bridge send-to-ethereum 0xAb5801a7D398351b8bE11C439e05C5B3259aeC9B 100cc/1/KGA 1cc/1/KGA --from alice", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "ethereum_recipient"}, {ProtoField: "amount"}, {ProtoField: "bridge_fee"},
					},
				},
				{
					RpcMethod:      "CancelSendToEthereum",
					Use:            "cancel-send-to-ethereum [id]",
					Short:          "Take back a transfer to Ethereum that is not batched yet",
					Example:        fmt.Sprintf("%s tx bridge cancel-send-to-ethereum 1 --from alice", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}},
				},
				{
					RpcMethod:      "ConfirmBatch",
					Use:            "confirm-batch [token-contract] [nonce] [signature]",
					Short:          "Submit your validator's signature of a batch (sent by its orchestrator)",
					Example:        fmt.Sprintf("%s tx bridge confirm-batch 0x... 1 0x... --from orchestrator", app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "token_contract"}, {ProtoField: "nonce"}, {ProtoField: "signature"}},
				},
				{
					RpcMethod: "DepositClaim",
					Use:       "deposit-claim [claim]",
					Short:     "Claim a SendToCosmos event of the contract (sent by a validator's orchestrator, in event-nonce order)",
					Example: fmt.Sprintf(`%s tx bridge deposit-claim '{"event_nonce":"1","ethereum_height":"100","token_contract":"0x...","ethereum_sender":"0x...","cosmos_receiver":"kizuna1...","amount":"1000"}' --from orchestrator`,
						app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "claim"}},
				},
				{
					RpcMethod: "BatchExecutedClaim",
					Use:       "batch-executed-claim [claim]",
					Short:     "Claim a BatchExecuted event of the contract (sent by a validator's orchestrator, in event-nonce order)",
					Example: fmt.Sprintf(`%s tx bridge batch-executed-claim '{"event_nonce":"2","ethereum_height":"120","token_contract":"0x...","batch_nonce":"1"}' --from orchestrator`,
						app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "claim"}},
				},
				{
					RpcMethod:      "UpdateParams",
					Use:            "update-params-proposal [params]",
					Short:          "Submit a governance proposal to change the bridge params (e.g. set the deployed contract)",
					Example:        fmt.Sprintf(`%s tx bridge update-params-proposal '{"contract_address":"0x...","contract_height":"1","valset_change_bps":500,"batch_timeout_blocks":"600","max_batch_transfers":100,"ethereum_block_seconds":12}' --deposit 10000000ukiz --from alice`, app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "params"}},
					GovProposal:    true,
				},
			},
		},
	}
}
