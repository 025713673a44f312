// The node's REST API (grpc-gateway on the same origin as the app) and the
// JSON shapes the app reads from it.

export interface Community {
  id: string;
  name: string;
  description: string;
  location: string;
  join_policy: string;
  creator: string;
}

export interface Profile {
  username: string;
  first_name: string;
  last_name: string;
  description: string;
  location: string;
}

export interface Member {
  community_id: string;
  address: string;
  role: string;
  status: string;
  joined_at: string;
  profile: Profile;
}

export interface Currency {
  community_id: string;
  code: string;
  name: string;
  decimals: number;
  denom: string;
  fee_bps: number;
  issuance_policy: string;
  half_life_seconds: string;
  default_credit_limit: string;
}

export interface LedgerAccount {
  denom: string;
  balance: string;
  pending_decay: string;
  debt: string;
  net_balance: string;
  credit_limit: string;
  available: string;
  half_life_seconds: string;
}

export interface Entry {
  id: string;
  type: string;
  account: string;
  counterparty: string;
  amount: string;
  /** The community fee a SEND entry paid on top of amount ("0" otherwise). */
  fee?: string;
  memo: string;
  ad_id: string;
  contribution_id: string;
  height: string;
  time: string;
  payment_request_id: string;
  bridge_direction: string;
}

export interface Ad {
  id: string;
  community_id: string;
  owner: string;
  type: string;
  title: string;
  description: string;
  price: string;
  location: string;
  category: string;
  status: string;
  paid: boolean;
}

export interface AdView {
  ad: Ad;
  payable: boolean;
}

export interface Thread {
  id: string;
  community_id: string;
  kind: string;
  ad_id: string;
  title: string;
  creator: string;
  members: string[];
  last_seq: string;
  last_message_at: string | null;
}

export interface ThreadView {
  thread: Thread;
  read_seq: string;
  unread: string;
}

export interface MessageMeta {
  thread_id: string;
  seq: string;
  sender: string;
  content_sha256: string;
  time: string;
}

export interface Contribution {
  id: string;
  community_id: string;
  contributor: string;
  amount: string;
  memo: string;
  month: string;
  status: string;
}

export interface PaymentRequest {
  id: string;
  community_id: string;
  requester: string;
  payer: string;
  amount: string;
  memo: string;
  status: string;
}

export interface FeeAccount {
  address: string;
  balance: { denom: string; amount: string };
  sponsorship: { member_period_limit: string; budget_period_limit: string };
  budget_spent: string;
  member_spent: string;
  max_gas: string;
}

export interface TxEvent {
  type: string;
  attributes: { key: string; value: string }[];
}

export interface TxResponse {
  height: string;
  txhash: string;
  codespace: string;
  code: number;
  raw_log: string;
  gas_used: string;
  events: TxEvent[];
  timestamp: string;
}

/** A failure the node reported: the registered error's codespace and code when it has one. */
export class NodeError extends Error {
  constructor(
    message: string,
    readonly codespace: string,
    readonly code: number,
    readonly status: number,
  ) {
    super(message);
  }
}

const REGISTERED = /codespace (\w+) code (\d+)/;

/** GETs a REST path and decodes its JSON; a 4xx/5xx becomes a NodeError. */
export async function get<T>(path: string, params?: Record<string, string | number | boolean | undefined>): Promise<T> {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined && v !== "") url.searchParams.set(k, String(v));
  const res = await fetch(url);
  return decode<T>(res);
}

/** POSTs JSON to a REST path. */
export async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(new URL(path, location.origin), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return decode<T>(res);
}

async function decode<T>(res: Response): Promise<T> {
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new NodeError(text || res.statusText, "", 0, res.status);
  }
  if (!res.ok) {
    const message = String((body as { message?: string }).message ?? res.statusText);
    const m = REGISTERED.exec(message);
    throw new NodeError(message, m ? m[1] : "", m ? Number(m[2]) : 0, res.status);
  }
  return body as T;
}

/** Whether err is the node's "not found" answer. */
export function isNotFound(err: unknown): boolean {
  return err instanceof NodeError && err.status === 404;
}

export const api = {
  nodeInfo: () =>
    get<{ default_node_info: { network: string; other: { rpc_address: string } } }>(
      "/cosmos/base/tendermint/v1beta1/node_info",
    ),
  nodeConfig: () => get<{ minimum_gas_price: string }>("/cosmos/base/node/v1beta1/config"),
  account: (address: string) =>
    get<{ account: { account_number?: string; sequence?: string; base_account?: { account_number: string; sequence: string } } }>(
      `/cosmos/auth/v1beta1/accounts/${address}`,
    ),
  bankBalance: (address: string, denom: string) =>
    get<{ balance: { denom: string; amount: string } }>(`/cosmos/bank/v1beta1/balances/${address}/by_denom`, { denom }),
  communities: () => get<{ communities: Community[] }>("/kizuna/community/v1/communities", { "pagination.limit": 200 }),
  community: (id: string) => get<{ community: Community }>(`/kizuna/community/v1/communities/${id}`),
  memberships: (address: string) =>
    get<{ memberships: { community: Community; member: Member }[] }>(`/kizuna/community/v1/accounts/${address}/communities`),
  member: (community: string, address: string) =>
    get<{ member: Member }>(`/kizuna/community/v1/communities/${community}/members/${address}`),
  members: (community: string, status?: string) =>
    get<{ members: Member[] }>(`/kizuna/community/v1/communities/${community}/members`, {
      status,
      "pagination.limit": 200,
    }),
  searchMembers: (community: string, q: string) =>
    get<{ members: Member[] }>(`/kizuna/community/v1/communities/${community}/search`, { q, "pagination.limit": 20 }),
  memberByUsername: (community: string, username: string) =>
    get<{ member: Member }>(`/kizuna/community/v1/communities/${community}/usernames/${encodeURIComponent(username)}`),
  currency: (community: string) => get<{ currency: Currency }>(`/kizuna/ledger/v1/currencies/${community}`),
  ledgerAccount: (community: string, address: string) =>
    get<LedgerAccount>(`/kizuna/ledger/v1/communities/${community}/accounts/${address}`),
  history: (address: string, community: string, nextKey?: string) =>
    get<{ entries: Entry[]; pagination: { next_key: string | null } }>(`/kizuna/ledger/v1/accounts/${address}/history`, {
      // Newest first, the query's own order.
      community_id: community,
      "pagination.limit": 20,
      "pagination.key": nextKey,
    }),
  feeAccount: (community: string, member: string) =>
    get<FeeAccount>(`/kizuna/ledger/v1/communities/${community}/fee-account`, { member }),
  contributions: (community: string, status?: string) =>
    get<{ contributions: Contribution[] }>(`/kizuna/ledger/v1/communities/${community}/contributions`, {
      status,
      "pagination.limit": 100,
    }),
  paymentRequests: (community: string, params: { payer?: string; requester?: string; status?: string }) =>
    get<{ payment_requests: PaymentRequest[] }>(`/kizuna/ledger/v1/communities/${community}/payment-requests`, {
      ...params,
      "pagination.limit": 100,
    }),
  ads: (community: string, params: { type?: string; status?: string; owner?: string; viewer?: string }) =>
    get<{ ads: AdView[] }>(`/kizuna/ads/v1/communities/${community}/ads`, { ...params, "pagination.limit": 100 }),
  ad: (id: string) => get<{ ad: Ad }>(`/kizuna/ads/v1/ads/${id}`),
  threads: (member: string) =>
    get<{ threads: ThreadView[] }>(`/kizuna/messaging/v1/members/${member}/threads`, { "pagination.limit": 100 }),
  thread: (id: string) => get<{ thread: Thread }>(`/kizuna/messaging/v1/threads/${id}`),
  messages: (thread: string) =>
    get<{ messages: MessageMeta[] }>(`/kizuna/messaging/v1/threads/${thread}/messages`, { "pagination.limit": 100 }),
  unread: (member: string) => get<{ unread: string }>(`/kizuna/messaging/v1/members/${member}/unread`),
  messagingKey: (owner: string) =>
    get<{ key: { owner: string; public_key: string; version: number } }>(`/kizuna/messaging/v1/keys/${owner}`),
  threadKeys: (thread: string) =>
    get<{ members: { member: string; key: { owner: string; public_key: string; version: number } | null }[] }>(
      `/kizuna/messaging/v1/threads/${thread}/keys`,
    ),
  /** The transactions whose events match a query (tx_search), oldest or newest first. */
  searchTxs: (query: string, limit = 100, order: "asc" | "desc" = "asc") =>
    get<{ tx_responses: TxResponse[] }>("/cosmos/tx/v1beta1/txs", {
      query,
      limit,
      order_by: order === "asc" ? "ORDER_BY_ASC" : "ORDER_BY_DESC",
    }),
  tx: (hash: string) => get<{ tx_response: TxResponse }>(`/cosmos/tx/v1beta1/txs/${hash}`),
};

/** The value of a typed event's attribute (typed events JSON-encode their values). */
export function attr(event: TxEvent, key: string): string {
  const a = event.attributes.find((x) => x.key === key);
  if (!a) return "";
  try {
    const v = JSON.parse(a.value);
    return typeof v === "string" ? v : String(v);
  } catch {
    return a.value;
  }
}
