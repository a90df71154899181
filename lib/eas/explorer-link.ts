import { Unzlib } from 'fflate';
import { zeroAddress, zeroHash } from 'viem';
import { maxEnvelopeBytes } from '../envelope/limits';
import { base64ToBytes } from '../encoding/base64';
import { offchainLayouts, type OffchainAttestationVersion } from './offchain-layouts';

/**
 * The envelope an explorer link stands for, as JSON not yet validated: the
 * envelope schema then names whatever field of the attestation is wrong.
 */
export type EasExplorerLinkEnvelope = {
  v: 1;
  proof: { type: 'eas-offchain'; attestation: unknown; signer: unknown };
};

export type ReadEasExplorerLinkReturnType =
  | { ok: true; envelope: EasExplorerLinkEnvelope }
  /** `reason` is a phrase for people: "it is not base64". */
  | { ok: false; reason: string };

/**
 * The share link of EAS's explorer, easscan.org (or any host serving the
 * SDK's `createOffchainURL` path): `/offchain/url/#attestation=PAYLOAD`, or
 * the older `#ticket=PAYLOAD`.
 */
const linkPath = /\/offchain\/url\/?$/;
const payloadNames = ['attestation', 'ticket'];

/**
 * The payload of an explorer link (still URL-encoded); undefined when
 * `input` is not one. Absolute http(s) links, and the path alone as the
 * SDK's `createOffchainURL` returns it.
 */
export function easExplorerLinkPayload(input: string): string | undefined {
  const text = input.trim();
  const absolute = /^https?:\/\//i.test(text);
  if (!absolute && !text.startsWith('/offchain/url')) return undefined;
  if (!URL.canParse(text, 'https://easscan.org')) return undefined;
  const url = new URL(text, 'https://easscan.org');
  if (!linkPath.test(url.pathname)) return undefined;
  for (const part of url.hash.slice(1).split('&')) {
    const separator = part.indexOf('=');
    if (separator > 0 && payloadNames.includes(part.slice(0, separator))) return part.slice(separator + 1);
  }
  return undefined;
}

/**
 * Reads an EAS explorer share link into the `eas-offchain` envelope it
 * carries; undefined when `input` is not such a link. The payload is
 * base64 of zlib-deflated JSON: the SDK's compact array (what
 * `zipAndEncodeToBase64` writes) or the package object `{ sig, signer }`.
 * Never throws; a damaged link says why.
 */
export function readEasExplorerLink(input: string): ReadEasExplorerLinkReturnType | undefined {
  const payload = easExplorerLinkPayload(input);
  if (payload === undefined) return undefined;

  let base64: string;
  try {
    // The SDK percent-encodes its standard base64; a link that went through form decoding has spaces for '+'.
    base64 = decodeURIComponent(payload).replace(/ /g, '+');
  } catch {
    return { ok: false, reason: 'its percent-encoding is broken' };
  }
  let compressed: Uint8Array;
  try {
    compressed = base64ToBytes(base64);
  } catch {
    return { ok: false, reason: 'it is not base64 (cut short or edited?)' };
  }
  const inflated = inflateWithin(compressed, maxEnvelopeBytes);
  if (!inflated.ok) return inflated;

  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes));
  } catch {
    return { ok: false, reason: 'it does not hold JSON' };
  }
  const pkg = Array.isArray(value) ? fromCompact(value) : fromPackage(value);
  if (!pkg.ok) return pkg;
  return { ok: true, envelope: { v: 1, proof: { type: 'eas-offchain', attestation: pkg.attestation, signer: pkg.signer } } };
}

type InflateReturnType = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

/** Input fed to the inflater at a time: zlib expands at most ~1,032 times, so one step makes at most ~1 MiB. */
const inflateStep = 1024;

/** zlib-inflates `compressed`, giving up once the output passes `limit` bytes, so a small link cannot expand into gigabytes. */
function inflateWithin(compressed: Uint8Array, limit: number): InflateReturnType {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflater = new Unzlib((chunk) => {
    chunks.push(chunk);
    size += chunk.length;
  });
  try {
    let offset = 0;
    do {
      const end = Math.min(offset + inflateStep, compressed.length);
      inflater.push(compressed.subarray(offset, end), end === compressed.length);
      offset = end;
    } while (offset < compressed.length && size <= limit);
  } catch {
    return { ok: false, reason: 'it is not zlib-compressed data (cut short or edited?)' };
  }
  if (size > limit) return { ok: false, reason: `it expands to more than ${limit.toLocaleString('en-US')} bytes` };
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { ok: true, bytes };
}

type PackageReturnType = { ok: true; attestation: unknown; signer: unknown } | { ok: false; reason: string };

const notPackage = 'it is not an EAS attestation package';

/**
 * The SDK's compact package (its `compactOffchainAttestationPackage`), read
 * back as its `uncompactOffchainAttestationPackage` does: [domain version,
 * chainId, verifyingContract, r, s, v, signer, uid, schema, recipient
 * ('0' for none), time, expirationTime, refUID ('0' for none), revocable,
 * data, nonce (unused), version (absent: legacy), salt].
 */
function fromCompact(compact: unknown[]): PackageReturnType {
  if (compact.length < 15) return { ok: false, reason: `${notPackage}: ${compact.length} fields where the compact form has at least 15` };
  const version = compact[16] ?? 0;
  if (version !== 0 && version !== 1 && version !== 2) return { ok: false, reason: `${notPackage}: version ${JSON.stringify(version)} is not 0, 1 or 2` };
  // The layout the SDK gives a decoded link: struct "Attest", primary type "Attestation" for legacy ones.
  const layout = offchainLayouts[version as OffchainAttestationVersion].find(({ structName }) => structName === 'Attest')!;
  const [domainVersion, chainId, verifyingContract, r, s, v, signer, uid, schema, recipient, time, expirationTime, refUID, revocable, data] = compact;
  const salt = compact[17];
  return {
    ok: true,
    signer,
    attestation: {
      version,
      domain: { name: 'EAS Attestation', version: domainVersion, chainId, verifyingContract },
      primaryType: layout.primaryType,
      types: { [layout.structName]: layout.fields.map(({ name, type }) => ({ name, type })) },
      signature: { r, s, v },
      uid,
      message: {
        version,
        schema,
        recipient: recipient === '0' ? zeroAddress : recipient,
        time,
        expirationTime,
        refUID: refUID === '0' ? zeroHash : refUID,
        revocable,
        data,
        ...(salt !== undefined && salt !== null && { salt }),
      },
    },
  };
}

/** The package object `{ sig, signer }`; a signature spread as `r`, `s`, `v` beside the fields (the SDK's first package form) is gathered. */
function fromPackage(value: unknown): PackageReturnType {
  if (!isObject(value) || !isObject(value.sig) || !('signer' in value)) return { ok: false, reason: `${notPackage}: neither the compact form nor { sig, signer }` };
  const { sig, signer } = value;
  if ('signature' in sig || !('r' in sig && 's' in sig && 'v' in sig)) return { ok: true, attestation: sig, signer };
  const { r, s, v, ...rest } = sig;
  return { ok: true, attestation: { ...rest, signature: { r, s, v } }, signer };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
