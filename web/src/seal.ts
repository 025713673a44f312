// End-to-end encryption of message payloads, in the format of Kizuna's Go
// clients (x/messaging/client/seal): the web app and the CLI read each
// other's messages. See x/messaging/README.md, "End-to-end encryption".
//
//   "KZM1" | ephemeral X25519 public key (32) | nonce (24) | n (1)
//   | n × box(content key) (48 each) | secretbox(text, content key)

import nacl from "tweetnacl";
import { makeSignDoc, serializeSignDoc, type StdSignDoc } from "@cosmjs/amino";
import { sha256 } from "@cosmjs/crypto";
import { toBase64, toUtf8 } from "@cosmjs/encoding";

export const MAGIC = "KZM1";
const KEY = 32;
const NONCE = 24;
const BOX = KEY + nacl.box.overheadLength;
const HEADER = MAGIC.length + KEY + NONCE + 1;
const MAX_READERS = 255;
const DOMAIN = "kizuna/messaging/x25519/v1";

/** Why a payload could not be opened. */
export type OpenFailure = "not-sealed" | "not-for-key" | "corrupt";

export class OpenError extends Error {
  constructor(readonly reason: OpenFailure) {
    super(
      {
        "not-sealed": "the payload is not sealed",
        "not-for-key": "the payload is not sealed for this key",
        corrupt: "the sealed payload is corrupt",
      }[reason],
    );
  }
}

/** The size of a payload sealing `text` bytes for `readers` keys. */
export function sealedSize(readers: number, text: number): number {
  return HEADER + readers * BOX + nacl.secretbox.overheadLength + text;
}

/** Whether a payload is in the sealed format. */
export function isSealed(payload: Uint8Array): boolean {
  if (payload.length < HEADER) return false;
  for (let i = 0; i < MAGIC.length; i++) if (payload[i] !== MAGIC.charCodeAt(i)) return false;
  return true;
}

/**
 * Seals text for readers, the X25519 public keys of a thread's members (the
 * sender's included). `random(n)` supplies the ephemeral secret key, the
 * nonce and the content key, in that order; tests pass fixed bytes.
 */
export function seal(
  text: Uint8Array,
  readers: Uint8Array[],
  random: (n: number) => Uint8Array = nacl.randomBytes,
): Uint8Array {
  if (readers.length === 0 || readers.length > MAX_READERS) {
    throw new Error(`a payload is sealed for 1 to ${MAX_READERS} readers, not ${readers.length}`);
  }
  const ephSecret = random(KEY);
  const nonce = random(NONCE);
  const content = random(KEY);
  const ephPublic = nacl.scalarMult.base(ephSecret);
  const out = new Uint8Array(sealedSize(readers.length, text.length));
  out.set(toUtf8(MAGIC), 0);
  out.set(ephPublic, MAGIC.length);
  out.set(nonce, MAGIC.length + KEY);
  out[HEADER - 1] = readers.length;
  readers.forEach((reader, i) => {
    if (reader.length !== KEY) throw new Error(`reader ${i}: a key is ${KEY} bytes`);
    if (nacl.scalarMult(ephSecret, reader).every((b) => b === 0)) {
      throw new Error(`reader ${i}: a low-order key`);
    }
    out.set(nacl.box(content, nonce, reader, ephSecret), HEADER + i * BOX);
  });
  out.set(nacl.secretbox(text, nonce, content), HEADER + readers.length * BOX);
  return out;
}

/** Opens a sealed payload with the reader's X25519 secret key. */
export function open(payload: Uint8Array, secret: Uint8Array): Uint8Array {
  if (!isSealed(payload)) throw new OpenError("not-sealed");
  const ephPublic = payload.subarray(MAGIC.length, MAGIC.length + KEY);
  const nonce = payload.subarray(MAGIC.length + KEY, HEADER - 1);
  const n = payload[HEADER - 1];
  const boxes = payload.subarray(HEADER);
  if (n === 0 || boxes.length < n * BOX + nacl.secretbox.overheadLength) throw new OpenError("corrupt");
  const shared = nacl.box.before(ephPublic, secret);
  for (let i = 0; i < n; i++) {
    const content = nacl.box.open.after(boxes.subarray(i * BOX, (i + 1) * BOX), nonce, shared);
    if (!content) continue;
    const text = nacl.secretbox.open(boxes.subarray(n * BOX), nonce, content);
    if (!text) throw new OpenError("corrupt");
    return text;
  }
  throw new OpenError("not-for-key");
}

/** The text an account signs to derive its messaging key of a version. */
export function derivationText(version: number): string {
  return (
    `Kizuna messaging key #${version}\n\nSigning this text creates the key that opens your Kizuna messages. ` +
    "Sign it only in a Kizuna app."
  );
}

/**
 * The ADR-036 sign doc of derivationText(version) for signer, as Keplr's
 * signArbitrary builds it: the browser key signs its serialization, Keplr
 * signs the doc itself.
 */
export function derivationSignDoc(signer: string, version: number): StdSignDoc {
  const msg = {
    type: "sign/MsgSignData",
    value: { signer, data: toBase64(toUtf8(derivationText(version))) },
  };
  return makeSignDoc([msg], { gas: "0", amount: [] }, "", "", 0, 0);
}

/** The bytes a secp256k1 key signs (after SHA-256) to derive the key. */
export function derivationBytes(signer: string, version: number): Uint8Array {
  return serializeSignDoc(derivationSignDoc(signer, version));
}

/** The X25519 key pair derived from the 64-byte signature (r || s). */
export function keyPairFromSignature(signature: Uint8Array): { secretKey: Uint8Array; publicKey: Uint8Array } {
  if (signature.length !== 64) throw new Error(`a secp256k1 signature is 64 bytes, got ${signature.length}`);
  const input = new Uint8Array(DOMAIN.length + 64);
  input.set(toUtf8(DOMAIN), 0);
  input.set(signature, DOMAIN.length);
  const secretKey = sha256(input);
  return { secretKey, publicKey: nacl.scalarMult.base(secretKey) };
}
