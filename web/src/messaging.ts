// End-to-end encrypted messages: the member's X25519 keys (derived from its
// signature of the derivation text, so no extra secret is stored), sealing
// a payload for a thread's members and opening one.

import { fromBase64, toUtf8, fromUtf8 } from "@cosmjs/encoding";
import { sha256 } from "@cosmjs/crypto";

import type { Chain } from "./chain";
import type { Signer } from "./keys";
import { api, isNotFound } from "./rest";
import { derivationSignDoc, derivationText, isSealed, keyPairFromSignature, open, OpenError, seal } from "./seal";
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
    const sig = await signer.signArbitrary(derivationSignDoc(signer.address, version), derivationText(version));
    kp = keyPairFromSignature(sig);
    derived.set(id, kp);
  }
  return kp;
}

/**
 * The member's usable messaging key version: the published one when this
 * signer derives it. With none published, version 1 is published; with one
 * published that this signer does not derive (another client's), the next
 * version is published only when rotate is set (the member is about to
 * write), since rotating makes the other client's key stale. Returns 0 when
 * there is no usable key.
 */
export async function ensureMessagingKey(
  chain: Chain,
  signer: Signer,
  community: string | undefined,
  opts: { rotate: boolean; sponsoredOnly: boolean },
): Promise<number> {
  let published: { public_key: string; version: number } | undefined;
  try {
    published = (await api.messagingKey(signer.address)).key;
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  if (published) {
    const kp = await keyPair(signer, published.version);
    if (equal(kp.publicKey, fromBase64(published.public_key))) return published.version;
    if (!opts.rotate) return 0;
  }
  const version = (published?.version ?? 0) + 1;
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
    { community, sponsoredOnly: opts.sponsoredOnly },
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

/**
 * Opens a payload with the member's keys, newest version first, after
 * checking it is the one the chain recorded (contentSha256).
 */
export async function openPayload(signer: Signer, payload: Uint8Array, contentSha256: Uint8Array, currentVersion: number): Promise<Opened> {
  if (!equal(sha256(payload), contentSha256)) return { failure: "corrupt" };
  if (!isSealed(payload)) return { text: fromUtf8(payload, true), sealed: false };
  for (let v = currentVersion; v >= 1; v--) {
    try {
      const kp = await keyPair(signer, v);
      return { text: fromUtf8(open(payload, kp.secretKey), true), sealed: true };
    } catch (err) {
      if (err instanceof OpenError && err.reason === "not-for-key") continue;
      if (err instanceof OpenError) return { failure: "corrupt" };
      throw err; // the wallet refused to sign the derivation
    }
  }
  return { failure: "not-for-key" };
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
