// What the app learns about the chain from the node serving it.

import { api, get, type Currency } from "./rest";

export interface Chain {
  chainId: string;
  prefix: string;
  /** The fee denom (ukiz) and the node's minimum gas price in it, e.g. "0.001". */
  feeDenom: string;
  gasPrice: string;
  /** The chain-wide floor, at which sponsored fees are priced. */
  gasPriceFloor: string;
  /** The CometBFT RPC over HTTP and its websocket, on the serving host. */
  rpcHttp: string;
  rpcWebsocket: string;
  /** Every community currency, for Keplr and the wallet. */
  currencies: Currency[];
}

export async function loadChain(): Promise<Chain> {
  const [info, config, floor, bech32, currencies] = await Promise.all([
    api.nodeInfo(),
    api.nodeConfig(),
    get<{ gas_price_floor: string; fee_denom: string }>("/app/config.json"),
    get<{ bech32_prefix: string }>("/cosmos/auth/v1beta1/bech32"),
    get<{ currencies: Currency[] }>("/kizuna/ledger/v1/currencies", { "pagination.limit": 500 }).catch(() => ({
      currencies: [] as Currency[],
    })),
  ]);
  // The node's own minimum when it is above the chain's floor, else the floor.
  const local = /^([0-9.]+)([a-z/]+)$/.exec(config.minimum_gas_price);
  const price = local && local[2] === floor.fee_denom && Number(local[1]) > Number(floor.gas_price_floor) ? local[1] : floor.gas_price_floor;
  const port = /:(\d+)$/.exec(info.default_node_info.other.rpc_address)?.[1] ?? "26657";
  const secure = location.protocol === "https:";
  return {
    chainId: info.default_node_info.network,
    prefix: bech32.bech32_prefix,
    gasPrice: trimDecimal(price),
    feeDenom: floor.fee_denom,
    gasPriceFloor: trimDecimal(floor.gas_price_floor),
    rpcHttp: `${secure ? "https" : "http"}://${location.hostname}:${port}`,
    rpcWebsocket: `${secure ? "wss" : "ws"}://${location.hostname}:${port}/websocket`,
    currencies: currencies.currencies ?? [],
  };
}

function trimDecimal(v: string): string {
  return v.includes(".") ? v.replace(/0+$/, "").replace(/\.$/, "") : v;
}
