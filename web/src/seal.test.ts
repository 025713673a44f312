// The web app's side of the vectors shared with the Go clients
// (x/messaging/client/seal/testdata/vectors.json): the same keys are derived
// from the same account keys, payloads sealed by Go open here and payloads
// sealed here ("sealed_by": "web", written with UPDATE_VECTORS=1) open in
// Go's test.

import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { encodeSecp256k1Pubkey, pubkeyToAddress } from "@cosmjs/amino";
import { Secp256k1, sha256 } from "@cosmjs/crypto";
import { fromHex, toHex, toUtf8, fromUtf8 } from "@cosmjs/encoding";
import nacl from "tweetnacl";

import { OpenError, derivationBytes, isSealed, keyPairFromSignature, open, seal, sealedSize } from "./seal";

const vectorsPath = fileURLToPath(new URL("../../x/messaging/client/seal/testdata/vectors.json", import.meta.url));

interface Account {
  name: string;
  secp256k1_private_key: string;
  address: string;
  version: number;
  sign_doc: string;
  signature: string;
  x25519_secret: string;
  x25519_public: string;
}
interface Sealed {
  sealed_by: string;
  text: string;
  readers: string[];
  randomness?: string;
  payload: string;
}
interface Vectors {
  accounts: Account[];
  sealed: Sealed[];
}

const vectors: Vectors = JSON.parse(readFileSync(vectorsPath, "utf8"));
const byName = new Map(vectors.accounts.map((a) => [a.name, a]));

/** Derives an account's messaging key as the browser key does. */
async function derive(a: Account) {
  const priv = fromHex(a.secp256k1_private_key);
  const { pubkey } = await Secp256k1.makeKeypair(priv);
  const address = pubkeyToAddress(encodeSecp256k1Pubkey(Secp256k1.compressPubkey(pubkey)), "kizuna");
  const doc = derivationBytes(address, a.version);
  const signature = (await Secp256k1.createSignature(sha256(doc), priv)).toFixedLength().slice(0, 64);
  return { address, doc, signature, ...keyPairFromSignature(signature) };
}

function fixedRandom(hex: string) {
  const bytes = fromHex(hex);
  let at = 0;
  return (n: number) => {
    const out = bytes.slice(at, at + n);
    at += n;
    return out;
  };
}

describe("vectors shared with the Go clients", () => {
  it("derives the same messaging keys from the same account keys", async () => {
    for (const a of vectors.accounts) {
      const d = await derive(a);
      expect(d.address, a.name).toBe(a.address);
      expect(fromUtf8(d.doc), a.name).toBe(a.sign_doc);
      expect(toHex(d.signature), a.name).toBe(a.signature);
      expect(toHex(d.secretKey), a.name).toBe(a.x25519_secret);
      expect(toHex(d.publicKey), a.name).toBe(a.x25519_public);
    }
  });

  it("seals what Go seals from the same randomness, and opens every payload for its readers only", () => {
    expect(vectors.sealed.some((s) => s.sealed_by === "go")).toBe(true);
    for (const s of vectors.sealed) {
      const payload = fromHex(s.payload);
      if (s.sealed_by === "go") {
        const readers = s.readers.map((r) => fromHex(byName.get(r)!.x25519_public));
        expect(toHex(seal(toUtf8(s.text), readers, fixedRandom(s.randomness!)))).toBe(s.payload);
      }
      for (const a of vectors.accounts) {
        const secret = fromHex(a.x25519_secret);
        if (s.readers.includes(a.name)) {
          expect(fromUtf8(open(payload, secret))).toBe(s.text);
        } else {
          expect(() => open(payload, secret)).toThrow(OpenError);
        }
      }
    }
  });

  it.runIf(process.env.UPDATE_VECTORS === "1")("writes payloads sealed by the web app for Go's test", () => {
    const web: Sealed[] = [
      { sealed_by: "web", text: "Is Saturday morning fine for the repair?", readers: ["alice", "bob"], payload: "" },
      { sealed_by: "web", text: "ボランティアの皆さん、ありがとう！", readers: ["alice_v2", "bob", "carol"], payload: "" },
    ];
    for (const s of web) {
      const readers = s.readers.map((r) => fromHex(byName.get(r)!.x25519_public));
      s.payload = toHex(seal(toUtf8(s.text), readers));
    }
    vectors.sealed = [...vectors.sealed.filter((s) => s.sealed_by !== "web"), ...web];
    writeFileSync(vectorsPath, JSON.stringify(vectors, null, 2) + "\n");
  });
});

describe("seal and open", () => {
  const alice = nacl.box.keyPair();
  const bob = nacl.box.keyPair();
  const eve = nacl.box.keyPair();

  it("opens for each reader and refuses others, plaintext and tampering", () => {
    const payload = seal(toUtf8("the gate code is 4711"), [alice.publicKey, bob.publicKey]);
    expect(isSealed(payload)).toBe(true);
    expect(payload.length).toBe(sealedSize(2, 21));
    expect(fromUtf8(open(payload, alice.secretKey))).toBe("the gate code is 4711");
    expect(fromUtf8(open(payload, bob.secretKey))).toBe("the gate code is 4711");
    expect(() => open(payload, eve.secretKey)).toThrow("not sealed for this key");
    expect(() => open(toUtf8("hello"), alice.secretKey)).toThrow("not sealed");
    const tampered = payload.slice();
    tampered[tampered.length - 1] ^= 1;
    expect(() => open(tampered, alice.secretKey)).toThrow("corrupt");
  });

  it("refuses no readers, too many and low-order keys", () => {
    expect(() => seal(toUtf8("x"), [])).toThrow();
    expect(() => seal(toUtf8("x"), Array(256).fill(alice.publicKey))).toThrow();
    expect(() => seal(toUtf8("x"), [new Uint8Array(32)])).toThrow("low-order");
  });
});
