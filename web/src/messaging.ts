// End-to-end encrypted messages: the member's X25519 keys (derived from its
// signature of the derivation text, so no extra secret is stored), sealing
// a payload for a thread's members and opening one.

import { fromBase64, toUtf8, fromUtf8 } from "@cosmjs/encoding";
import { sha256 } from "@cosmjs/crypto";

import type { Chain } from "./chain";
import type { Signer } from "./keys";
import { api, isNotFound } from "./rest";
import { derivationBytes, derivationSignDoc, isSealed, keyPairFromSignature, open, OpenError, seal } from "./seal";
import { msg, send } from "./tx";

interface KeyPair {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

const derived = new Map<string, KeyPair>();

/** The member's key pair of a version, derived by signing (once per session). */
export async function keyPair(signer: Signer, version: number): Promise<KeyPair> {
  const id = `${signer.address}/${version}`;
  let kp = derived.get(id);
  if (!kp) {
    const sig = await signer.signArbitrary(derivationSignDoc(signer.address, version), derivationBytes(signer.address, version));
    kp = keyPairFromSignature(sig);
    derived.set(id, kp);
  }
  return kp;
}

/**
 * Makes sure the member has published its messaging key: derives version 1
 * and publishes it when the chain has none (sponsored by community when
 * given). Returns the published version.
 */
export async function ensureMessagingKey(chain: Chain, signer: Signer, community?: string): Promise<number> {
  try {
    const { key } = await api.messagingKey(signer.address);
    const kp = await keyPair(signer, key.version);
    if (equal(kp.publicKey, fromBase64(key.public_key))) return key.version;
    // Published by another client with a different derivation: move past it.
    return publish(chain, signer, key.version + 1, community);
  } catch (err) {
    if (!isNotFound(err)) throw err;
    return publish(chain, signer, 1, community);
  }
}

async function publish(chain: Chain, signer: Signer, version: number, community?: string): Promise<number> {
  const kp = await keyPair(signer, version);
  await send(
    chain,
    signer,
    [
      msg("/kizuna.messaging.v1.MsgSetMessagingKey", {
        owner: signer.address,
        publicKey: kp.publicKey,
        version,
        communityId: BigInt(community ?? "0"),
      }),
    ],
    { community },
  );
  return version;
}

/** The members of a thread without a published key (the sealer cannot write to them). */
export async function missingKeys(thread: string): Promise<string[]> {
  const { members } = await api.threadKeys(thread);
  return members.filter((m) => !m.key).map((m) => m.member);
}

/** Seals text for every member of a thread; returns the payload and its SHA-256. */
export async function sealForThread(thread: string, text: string): Promise<{ payload: Uint8Array; sha: Uint8Array }> {
  const { members } = await api.threadKeys(thread);
  const readers = members.map((m) => {
    if (!m.key) throw new MissingKeyError(m.member);
    return fromBase64(m.key.public_key);
  });
  const payload = seal(toUtf8(text), readers);
  return { payload, sha: sha256(payload) };
}

export class MissingKeyError extends Error {
  constructor(readonly member: string) {
    super(`${member} has no messaging key`);
  }
}

export type Opened = { text: string; sealed: boolean } | { failure: "not-for-key" | "corrupt" };

/** Opens a payload with the member's keys, newest version first. */
export async function openPayload(signer: Signer, payload: Uint8Array, currentVersion: number): Promise<Opened> {
  if (!isSealed(payload)) return { text: fromUtf8(payload, true), sealed: false };
  for (let v = currentVersion; v >= 1; v--) {
    try {
      const kp = await keyPair(signer, v);
      return { text: fromUtf8(open(payload, kp.secretKey), true), sealed: true };
    } catch (err) {
      if (err instanceof OpenError && err.reason === "not-for-key") continue;
      return { failure: "corrupt" };
    }
  }
  return { failure: "not-for-key" };
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
