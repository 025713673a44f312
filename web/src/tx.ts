// Building, simulating, signing and broadcasting transactions over the
// node's REST API, with the community's fee sponsorship when it applies.

import { encodeSecp256k1Pubkey } from "@cosmjs/amino";
import { fromBase64, toBase64 } from "@cosmjs/encoding";
import { encodePubkey, makeAuthInfoBytes, makeSignDoc, Registry, type EncodeObject } from "@cosmjs/proto-signing";
import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";

import type { Chain } from "./chain";
import * as ads from "./gen/kizuna/ads/v1/tx";
import * as community from "./gen/kizuna/community/v1/tx";
import * as ledger from "./gen/kizuna/ledger/v1/tx";
import * as messaging from "./gen/kizuna/messaging/v1/tx";
import type { Signer } from "./keys";
import { api, isNotFound, post, type TxResponse } from "./rest";

/** The Msgs the app sends, by type URL. */
const msgTypes = {
  "/kizuna.community.v1.MsgJoinCommunity": community.MsgJoinCommunity,
  "/kizuna.community.v1.MsgApproveMember": community.MsgApproveMember,
  "/kizuna.community.v1.MsgRejectMember": community.MsgRejectMember,
  "/kizuna.community.v1.MsgSetMemberRole": community.MsgSetMemberRole,
  "/kizuna.community.v1.MsgUpdateProfile": community.MsgUpdateProfile,
  "/kizuna.community.v1.MsgLeaveCommunity": community.MsgLeaveCommunity,
  "/kizuna.ledger.v1.MsgTransfer": ledger.MsgTransfer,
  "/kizuna.ledger.v1.MsgSubmitContribution": ledger.MsgSubmitContribution,
  "/kizuna.ledger.v1.MsgConfirmContribution": ledger.MsgConfirmContribution,
  "/kizuna.ledger.v1.MsgDenyContribution": ledger.MsgDenyContribution,
  "/kizuna.ledger.v1.MsgRequestPayment": ledger.MsgRequestPayment,
  "/kizuna.ledger.v1.MsgAcceptPaymentRequest": ledger.MsgAcceptPaymentRequest,
  "/kizuna.ledger.v1.MsgRejectPaymentRequest": ledger.MsgRejectPaymentRequest,
  "/kizuna.ledger.v1.MsgCancelPaymentRequest": ledger.MsgCancelPaymentRequest,
  "/kizuna.ads.v1.MsgCreateAd": ads.MsgCreateAd,
  "/kizuna.ads.v1.MsgUpdateAd": ads.MsgUpdateAd,
  "/kizuna.ads.v1.MsgCloseAd": ads.MsgCloseAd,
  "/kizuna.messaging.v1.MsgOpenAdThread": messaging.MsgOpenAdThread,
  "/kizuna.messaging.v1.MsgOpenDirectThread": messaging.MsgOpenDirectThread,
  "/kizuna.messaging.v1.MsgPostMessage": messaging.MsgPostMessage,
  "/kizuna.messaging.v1.MsgMarkRead": messaging.MsgMarkRead,
  "/kizuna.messaging.v1.MsgSetMessagingKey": messaging.MsgSetMessagingKey,
} as const;

type MsgTypes = typeof msgTypes;
type Value<U extends keyof MsgTypes> = Partial<ReturnType<MsgTypes[U]["decode"]>>;

/** A Msg of the app, typed by its URL. */
export function msg<U extends keyof MsgTypes>(typeUrl: U, value: Value<U>): EncodeObject {
  const type = msgTypes[typeUrl] as unknown as { fromPartial(v: unknown): unknown };
  return { typeUrl, value: type.fromPartial(value) };
}

const registry = new Registry(Object.entries(msgTypes) as [string, (typeof msgTypes)[keyof MsgTypes]][]);

/** A transaction the chain refused, with its registered error. */
export class TxError extends Error {
  constructor(
    readonly codespace: string,
    readonly code: number,
    readonly log: string,
    /** Refused by the node's CheckTx, before any block. */
    readonly atCheckTx = false,
  ) {
    super(log);
  }
}

// Sponsorship refusals: the member pays the fee itself instead.
const SPONSORSHIP_REFUSALS = new Set(["ledger/31", "ledger/32", "ledger/33", "ledger/34", "ledger/35", "feegrant/2", "feegrant/3", "feegrant/4", "feegrant/5", "feegrant/7"]);

const GAS_ADJUSTMENT = 1.3;
const SPONSORED_MAX_GAS = 500_000;

export interface SendOptions {
  /** The community the Msgs name; its fee account pays when it may. */
  community?: string;
  memo?: string;
  /**
   * For what the app sends on its own (read receipts, the messaging key):
   * only when the community pays, never from the member's KIZ.
   */
  sponsoredOnly?: boolean;
}

export interface Sent {
  hash: string;
  response: TxResponse;
  sponsored: boolean;
}

/** A transaction broadcast but not seen in a block in time: it may still commit. */
export class TxPendingError extends Error {
  constructor(readonly hash: string) {
    super(`transaction ${hash} is not in a block yet`);
  }
}

// One transaction at a time per page: each waits for the previous one's
// block, so account sequences never collide.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Signs msgs with signer and broadcasts them, then waits for the block.
 * When a community is given, its fee account is asked to pay first; when it
 * may not (not a member, allowance spent, …) the signer pays in KIZ, unless
 * sponsoredOnly.
 */
export function send(chain: Chain, signer: Signer, msgs: EncodeObject[], opts: SendOptions = {}): Promise<Sent> {
  const run = queue.then(() => sendNow(chain, signer, msgs, opts));
  queue = run.catch(() => undefined);
  return run;
}

async function sendNow(chain: Chain, signer: Signer, msgs: EncodeObject[], opts: SendOptions): Promise<Sent> {
  const body = registry.encodeTxBody({ messages: msgs, memo: opts.memo ?? "" });
  let granter: string | undefined;
  if (opts.community) {
    granter = (await api.feeAccount(opts.community, signer.address).catch(() => undefined))?.address;
  }
  if (!granter && opts.sponsoredOnly) throw new TxError("ledger", 31, "not sponsored");
  for (;;) {
    try {
      return await attempt(chain, signer, body, granter);
    } catch (err) {
      if (!granter || !(err instanceof TxError) || !sponsorshipRefused(err)) throw err;
      if (opts.sponsoredOnly) throw err;
      granter = undefined; // the member pays
    }
  }
}

function sponsorshipRefused(err: TxError): boolean {
  const key = `${err.codespace}/${err.code}`;
  // With a fee granter, sdk/5 and sdk/13 at CheckTx are the fee account's funds or the price.
  return SPONSORSHIP_REFUSALS.has(key) || (err.atCheckTx && (key === "sdk/5" || key === "sdk/13"));
}

async function attempt(chain: Chain, signer: Signer, body: Uint8Array, granter?: string): Promise<Sent> {
  const account = await accountOf(signer.address);
  const gas = await simulate(signer, account, body, granter);
  let gasLimit = Math.ceil(gas * GAS_ADJUSTMENT);
  if (granter && gasLimit > SPONSORED_MAX_GAS) {
    if (gas > SPONSORED_MAX_GAS) throw new TxError("ledger", 32, "too much gas to be sponsored");
    gasLimit = SPONSORED_MAX_GAS;
  }
  // A sponsored fee is priced at the chain's floor, which the sponsorship allows.
  const fee = [{ denom: chain.feeDenom, amount: feeFor(granter ? chain.gasPriceFloor : chain.gasPrice, gasLimit) }];
  const authInfo = makeAuthInfoBytes(
    [{ pubkey: encodePubkey(encodeSecp256k1Pubkey(signer.pubkey)), sequence: account.sequence }],
    fee,
    gasLimit,
    granter,
    undefined,
  );
  const signed = await signer.signDirect(makeSignDoc(body, authInfo, chain.chainId, account.number));
  const raw = TxRaw.encode({
    bodyBytes: signed.doc.bodyBytes,
    authInfoBytes: signed.doc.authInfoBytes,
    signatures: [signed.signature],
  }).finish();
  const res = await post<{ tx_response: TxResponse }>("/cosmos/tx/v1beta1/txs", {
    tx_bytes: toBase64(raw),
    mode: "BROADCAST_MODE_SYNC",
  });
  if (res.tx_response.code !== 0) {
    throw new TxError(res.tx_response.codespace, res.tx_response.code, res.tx_response.raw_log, true);
  }
  const response = await waitFor(res.tx_response.txhash);
  if (response.code !== 0) throw new TxError(response.codespace, response.code, response.raw_log);
  return { hash: response.txhash, response, sponsored: granter !== undefined };
}

/** Gas × price, rounded up, in the fee denom's base units. */
export function feeFor(gasPrice: string, gas: number): string {
  const [whole, frac = ""] = gasPrice.split(".");
  const scale = 10n ** BigInt(frac.length);
  const price = BigInt(whole + frac);
  return ((price * BigInt(gas) + scale - 1n) / scale).toString();
}

interface AccountState {
  number: bigint;
  sequence: bigint;
}

async function accountOf(address: string): Promise<AccountState> {
  try {
    const { account } = await api.account(address);
    const base = account.base_account ?? account;
    return { number: BigInt(base.account_number ?? "0"), sequence: BigInt(base.sequence ?? "0") };
  } catch (err) {
    // An account the chain has never seen cannot pay a fee.
    if (isNotFound(err)) throw new TxError("sdk", 9, "unknown address");
    throw err;
  }
}

async function simulate(signer: Signer, account: AccountState, body: Uint8Array, granter?: string): Promise<number> {
  const authInfo = makeAuthInfoBytes(
    [{ pubkey: encodePubkey(encodeSecp256k1Pubkey(signer.pubkey)), sequence: account.sequence }],
    [],
    0,
    granter,
    undefined,
  );
  const raw = TxRaw.encode({ bodyBytes: body, authInfoBytes: authInfo, signatures: [new Uint8Array()] }).finish();
  // kizunad's /app/simulate, unlike the SDK's, keeps the registered error of a failure.
  const res = await post<{ gas_used: string; codespace?: string; code?: number; log?: string }>("/app/simulate", {
    tx_bytes: toBase64(raw),
  });
  if (res.code) throw new TxError(res.codespace ?? "", res.code, res.log ?? "");
  return Number(res.gas_used);
}

async function waitFor(hash: string, timeoutMs = 60_000): Promise<TxResponse> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return (await api.tx(hash)).tx_response;
    } catch (err) {
      if (!isNotFound(err)) throw err;
      if (Date.now() > deadline) throw new TxPendingError(hash);
    }
    await new Promise((r) => setTimeout(r, 400));
  }
}

/** The first event of a type in a response, with its attributes decoded. */
export function eventOf(res: TxResponse, type: string): Record<string, string> | undefined {
  const ev = res.events.find((e) => e.type === type);
  if (!ev) return undefined;
  const out: Record<string, string> = {};
  for (const a of ev.attributes) {
    try {
      const v = JSON.parse(a.value);
      out[a.key] = typeof v === "string" ? v : String(v);
    } catch {
      out[a.key] = a.value;
    }
  }
  return out;
}

export { fromBase64 };
