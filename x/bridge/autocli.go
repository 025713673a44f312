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
					Short:     "List the valsets, oldest first (--reverse for newest first)",
					Example:   fmt.Sprintf("%s query bridge valsets --reverse --limit 1", app),
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
					RpcMethod:      "UpdateParams",
					Use:            "update-params-proposal [params]",
					Short:          "Submit a governance proposal to change the bridge params (e.g. set the deployed contract)",
					Example:        fmt.Sprintf(`%s tx bridge update-params-proposal '{"contract_address":"0x...","contract_height":"1","valset_change_bps":500}' --deposit 10000000ukiz --from alice`, app),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "params"}},
					GovProposal:    true,
				},
			},
		},
	}
}
