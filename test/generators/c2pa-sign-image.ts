/**
 * Tests only: signs images with the C2PA engine's own Builder (c2pa-rs in
 * WASM), in Node. The Builder reads its sources as Blobs through
 * FileReaderSync, which only browser workers have: `BytesBlob` and the
 * FileReaderSync below give it the same synchronous reads over bytes in
 * memory. The engine hands the claim to our signer and takes back a whole
 * COSE_Sign1 (ES256, the chain in x5chain, a C2PA 2 time stamp in
 * `sigTst2` when asked), padded to the size it reserved.
 */
import { createHash, sign as signEcdsa } from 'node:crypto';
import { WasmBuilder } from '@contentauth/c2pa-wasm';
import { encode, Tag } from 'cbor2';
import type { TestSigningChain } from './c2pa-test-pki';

class BytesBlob {
  readonly size: number;
  constructor(readonly bytes: Uint8Array) {
    this.size = bytes.length;
  }
  slice(start = 0, end = this.size): BytesBlob {
    return new BytesBlob(this.bytes.subarray(start, end));
  }
}

class BytesFileReaderSync {
  readAsArrayBuffer(blob: BytesBlob): ArrayBuffer {
    return blob.bytes.slice().buffer;
  }
}

(globalThis as { FileReaderSync?: unknown }).FileReaderSync ??= BytesFileReaderSync;

const iptc = 'http://cv.iptc.org/newscodes/digitalsourcetype/';
/** What the COSE signature may take in the manifest; the chain of two P-256 certificates needs about 1.3 kB. */
const reserveSize = 4096;

export type SignImageParameters = {
  jpeg: Uint8Array;
  chain: TestSigningChain;
  /** An IPTC digital source type term for a new image (`trainedAlgorithmicMedia`); absent with `parent`. */
  digitalSourceType?: string;
  /** A signed image this one was edited from: it becomes the parent ingredient, and the edit a `c2pa.opened` plus `actions`. */
  parent?: Uint8Array;
  /** Further actions, such as `c2pa.color_adjustments`. */
  actions?: string[];
  claimGenerator?: { name: string; version: string };
  /** Sign other bytes than the claim: a signature that does not verify. */
  badSignature?: boolean;
  /** The chain whose time-stamping authority stamps the signature; none, no time stamp. */
  timeStampedBy?: TestSigningChain;
};

export async function signImage({ jpeg, chain, digitalSourceType, parent, actions = [], claimGenerator, badSignature = false, timeStampedBy }: SignImageParameters): Promise<Uint8Array> {
  const definition = { claim_generator_info: [claimGenerator ?? { name: 'Verity Test Generator', version: '1.0' }], title: 'image.jpg', format: 'image/jpeg' };
  const builder = WasmBuilder.fromJson(JSON.stringify(definition), JSON.stringify({ verify: { verify_after_sign: false } }));
  try {
    if (parent !== undefined) {
      await builder.addIngredientFromBlob(JSON.stringify({ title: 'parent.jpg', relationship: 'parentOf' }), 'image/jpeg', new BytesBlob(parent) as unknown as Blob);
      builder.setIntent('edit');
    } else {
      builder.setIntent({ create: `${iptc}${digitalSourceType ?? 'digitalCapture'}` });
    }
    for (const action of actions) builder.addAction({ action });
    const signer = { alg: 'es256', reserveSize, sign: async (claim: Uint8Array) => coseSign1(chain, badSignature ? new Uint8Array([0]) : claim, timeStampedBy) };
    return await builder.sign(signer as never, [], 'image/jpeg', new BytesBlob(jpeg) as unknown as Blob);
  } finally {
    builder.free();
  }
}

/** COSE_Sign1 with a detached payload (RFC 9052), alg ES256 (-7) and x5chain (33) protected, padded to `reserveSize`. */
function coseSign1(chain: TestSigningChain, claim: Uint8Array, timeStampedBy: TestSigningChain | undefined): Uint8Array {
  const protectedHeader = encode(new Map<number, unknown>([[1, -7], [33, chain.chainDer]]));
  const toBeSigned = encode(['Signature1', protectedHeader, new Uint8Array(), claim]);
  const signature = new Uint8Array(signEcdsa('sha256', toBeSigned, { key: chain.signingKey, dsaEncoding: 'ieee-p1363' }));
  const stamp = timeStampedBy === undefined ? [] : [['sigTst2', { tstTokens: [{ val: timeStampedBy.stampTime(sigTst2Digest(protectedHeader, signature)) }] }] as const];
  const withPadding = (size: number) => encode(new Tag(18, [protectedHeader, new Map<string, unknown>([...stamp, ['pad', new Uint8Array(size)]]), null, signature]));
  // The pad's own length prefix grows with it, so step down until the whole fits exactly.
  let size = reserveSize - withPadding(0).length;
  while (withPadding(size).length > reserveSize) size -= 1;
  const cose = withPadding(size);
  if (cose.length !== reserveSize) throw new Error(`COSE signature is ${cose.length} bytes, not the ${reserveSize} reserved`);
  return cose;
}

/**
 * What a C2PA 2 time stamp (`sigTst2`) is over: the COSE countersignature
 * structure of the signature itself, ["CounterSignature", the protected
 * header, no external data, the signature as a CBOR byte string], hashed.
 */
function sigTst2Digest(protectedHeader: Uint8Array, signature: Uint8Array): Uint8Array {
  const countersigned = encode(['CounterSignature', protectedHeader, new Uint8Array(), encode(signature)]);
  return new Uint8Array(createHash('sha256').update(countersigned).digest());
}
