// Who signs: a key held in the browser (a mnemonic kept in localStorage,
// encrypted with the member's passphrase by CosmJS's wallet serialization)
// or Keplr.

import { Secp256k1HdWallet, type StdSignDoc } from "@cosmjs/amino";
import { fromBase64 } from "@cosmjs/encoding";
import { DirectSecp256k1HdWallet, type OfflineDirectSigner } from "@cosmjs/proto-signing";
import type { SignDoc } from "cosmjs-types/cosmos/tx/v1beta1/tx";

import type { Chain } from "./chain";

/** An account that signs transactions and the messaging-key derivation text. */
export interface Signer {
  readonly kind: "browser" | "keplr";
  readonly address: string;
  /** The compressed secp256k1 public key. */
  readonly pubkey: Uint8Array;
  /**
   * Signs a SIGN_MODE_DIRECT sign doc; returns the 64-byte signature and the
   * doc signed (a wallet may have changed it, e.g. Keplr's fee setting).
   */
  signDirect(doc: SignDoc): Promise<{ signature: Uint8Array; doc: SignDoc }>;
  /**
   * Signs the ADR-036 sign doc of text (the messaging key's derivation, doc
   * is that doc); returns the 64-byte signature.
   */
  signArbitrary(doc: StdSignDoc, text: string): Promise<Uint8Array>;
}

const STORE = "kizuna.browser-key";

/** Whether this browser holds an encrypted key. */
export function hasBrowserKey(): boolean {
  return localStorage.getItem(STORE) !== null;
}

/** The stored key's address (kept beside it in clear, to greet the member). */
export function browserKeyAddress(): string {
  const raw = localStorage.getItem(STORE);
  return raw ? (JSON.parse(raw) as { address: string }).address : "";
}

export function forgetBrowserKey(): void {
  localStorage.removeItem(STORE);
}

/** A new 24-word mnemonic. */
export async function newMnemonic(): Promise<string> {
  const w = await DirectSecp256k1HdWallet.generate(24);
  return w.mnemonic;
}

/** Encrypts the mnemonic with passphrase, stores it and returns its signer. */
export async function saveBrowserKey(chain: Chain, mnemonic: string, passphrase: string): Promise<Signer> {
  const wallet = await DirectSecp256k1HdWallet.fromMnemonic(mnemonic.normalize("NFKD").trim().toLowerCase().replace(/\s+/g, " "), {
    prefix: chain.prefix,
  });
  const serialization = await wallet.serialize(passphrase);
  const signer = await browserSigner(chain, wallet);
  localStorage.setItem(STORE, JSON.stringify({ address: signer.address, wallet: serialization }));
  return signer;
}

/** Decrypts the stored key; a wrong passphrase throws. */
export async function unlockBrowserKey(chain: Chain, passphrase: string): Promise<Signer> {
  const raw = localStorage.getItem(STORE);
  if (!raw) throw new Error("no key in this browser");
  const { wallet } = JSON.parse(raw) as { wallet: string };
  return browserSigner(chain, await DirectSecp256k1HdWallet.deserialize(wallet, passphrase));
}

async function browserSigner(chain: Chain, wallet: DirectSecp256k1HdWallet): Promise<Signer> {
  const [account] = await wallet.getAccounts();
  const amino = await Secp256k1HdWallet.fromMnemonic(wallet.mnemonic, { prefix: chain.prefix });
  return {
    kind: "browser",
    address: account.address,
    pubkey: account.pubkey,
    async signDirect(doc) {
      const res = await wallet.signDirect(account.address, doc);
      return { signature: fromBase64(res.signature.signature), doc: res.signed };
    },
    async signArbitrary(doc) {
      const res = await amino.signAmino(account.address, doc);
      return fromBase64(res.signature.signature);
    },
  };
}

interface Keplr {
  defaultOptions: { sign?: { preferNoSetFee?: boolean; preferNoSetMemo?: boolean } };
  experimentalSuggestChain(info: unknown): Promise<void>;
  enable(chainId: string): Promise<void>;
  getOfflineSigner(chainId: string): OfflineDirectSigner;
  signArbitrary(chainId: string, signer: string, data: string): Promise<{ signature: string }>;
}

/** Whether Keplr is installed in this browser. */
export function hasKeplr(): boolean {
  return typeof (window as unknown as { keplr?: Keplr }).keplr !== "undefined";
}

/**
 * Connects Keplr: suggests the chain, with KIZ as the fee and staking
 * currency and every community currency as a currency, then signs with the
 * account Keplr selects.
 */
export async function connectKeplr(chain: Chain): Promise<Signer> {
  const keplr = (window as unknown as { keplr?: Keplr }).keplr;
  if (!keplr) throw new Error("Keplr is not installed");
  const kiz = { coinDenom: "KIZ", coinMinimalDenom: chain.feeDenom, coinDecimals: 6 };
  const gasPrice = Number(chain.gasPrice);
  await keplr.experimentalSuggestChain({
    chainId: chain.chainId,
    chainName: `Kizuna (${chain.chainId})`,
    rpc: chain.rpcHttp,
    rest: location.origin,
    bip44: { coinType: 118 },
    bech32Config: {
      bech32PrefixAccAddr: chain.prefix,
      bech32PrefixAccPub: `${chain.prefix}pub`,
      bech32PrefixValAddr: `${chain.prefix}valoper`,
      bech32PrefixValPub: `${chain.prefix}valoperpub`,
      bech32PrefixConsAddr: `${chain.prefix}valcons`,
      bech32PrefixConsPub: `${chain.prefix}valconspub`,
    },
    currencies: [
      kiz,
      ...chain.currencies.map((c) => ({ coinDenom: c.code, coinMinimalDenom: c.denom, coinDecimals: c.decimals })),
    ],
    feeCurrencies: [{ ...kiz, gasPriceStep: { low: gasPrice, average: gasPrice, high: gasPrice * 1.5 } }],
    stakeCurrency: kiz,
    features: [],
  });
  await keplr.enable(chain.chainId);
  // The app sets the fee (sponsored or at the floor) and the memo.
  keplr.defaultOptions = { sign: { preferNoSetFee: true, preferNoSetMemo: true } };
  const offline = keplr.getOfflineSigner(chain.chainId);
  const [account] = await offline.getAccounts();
  return {
    kind: "keplr",
    address: account.address,
    pubkey: account.pubkey,
    async signDirect(doc) {
      const res = await offline.signDirect(account.address, doc);
      return { signature: fromBase64(res.signature.signature), doc: res.signed };
    },
    async signArbitrary(_doc, text) {
      // Keplr builds the ADR-036 doc of the text itself: the same doc as derivationSignDoc.
      const res = await keplr.signArbitrary(chain.chainId, account.address, text);
      return fromBase64(res.signature);
    },
  };
}
