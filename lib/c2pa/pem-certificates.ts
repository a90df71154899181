import { base64 } from '@scure/base';
import { BaseError } from '../errors';

/** One X.509 certificate of a PEM text, with the names a reader recognises it by. */
export type PemCertificate = {
  /** The certificate's PEM block alone, normalised (64-character lines). */
  pem: string;
  /** The subject's common name (CN), else its organisation (O), else "Unnamed certificate". */
  name: string;
  /** The subject's organisation (O), when it has one. */
  organisation?: string;
  /** The end of its validity (notAfter), ISO 8601. */
  validUntil: string;
};

/** A PEM text that is not a list of X.509 certificates. */
export class PemCertificatesError extends BaseError {
  override name = 'PemCertificatesError';
}

const blockPattern = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/**
 * The certificates of a PEM text (a trust list, a pasted or uploaded file),
 * each checked to be an X.509 certificate in DER: anything else would be
 * passed to the C2PA engine, which drops what it cannot read without a word.
 * Text between blocks (the C2PA Trust List names each certificate above it)
 * is allowed; a text with no certificate, a block of another kind (a
 * private key) or one that is not a certificate is refused, saying which.
 */
export function readPemCertificates(text: string): PemCertificate[] {
  const certificates: PemCertificate[] = [];
  for (const [, label, body] of text.matchAll(blockPattern)) {
    const position = certificates.length + 1;
    if (label !== 'CERTIFICATE') throw new PemCertificatesError(`Block ${position} is a ${label!.toLowerCase()}, not a certificate`);
    let der: Uint8Array;
    try {
      der = base64.decode(body!.replace(/\s+/g, ''));
    } catch (error) {
      throw new PemCertificatesError(`Certificate ${position} is not valid base64`, { cause: error });
    }
    try {
      certificates.push({ ...describeCertificate(der), pem: pemOf(der) });
    } catch (error) {
      throw new PemCertificatesError(`Certificate ${position} is not an X.509 certificate`, { details: error instanceof Error ? error.message : String(error), cause: error });
    }
  }
  if (certificates.length === 0) throw new PemCertificatesError('No certificate found: the text has no -----BEGIN CERTIFICATE----- block');
  return certificates;
}

/** A certificate file as text: DER bytes (a .cer or .der file) are written as PEM, anything else read as text. */
export function certificateFileText(bytes: Uint8Array): string {
  return bytes[0] === 0x30 ? pemOf(bytes) : new TextDecoder().decode(bytes);
}

function pemOf(der: Uint8Array): string {
  const lines = base64.encode(der).match(/.{1,64}/g) ?? [];
  return ['-----BEGIN CERTIFICATE-----', ...lines, '-----END CERTIFICATE-----'].join('\n');
}

// Read by hand: WebCrypto parses no X.509, and no kept dependency does; only the subject's names and notAfter are read.
type Node = { tag: number; start: number; end: number; next: number };

/** One DER TLV at `offset`, its length checked against `limit`. */
function nodeAt(der: Uint8Array, offset: number, limit: number): Node {
  if (offset + 2 > limit) throw new Error(`truncated at byte ${offset}`);
  const tag = der[offset]!;
  let length = der[offset + 1]!;
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || start + count > limit) throw new Error(`bad length at byte ${offset}`);
    length = 0;
    for (let index = 0; index < count; index++) length = length * 256 + der[start + index]!;
    start += count;
  }
  const end = start + length;
  if (end > limit) throw new Error(`value past its end at byte ${offset}`);
  return { tag, start, end, next: end };
}

function childrenOf(der: Uint8Array, parent: Node): Node[] {
  const children: Node[] = [];
  for (let offset = parent.start; offset < parent.end; offset = children.at(-1)!.next) children.push(nodeAt(der, offset, parent.end));
  return children;
}

const sequence = 0x30;

function expect(node: Node | undefined, tag: number, what: string): Node {
  if (node?.tag !== tag) throw new Error(`${what} missing`);
  return node;
}

/** The shape of RFC 5280's Certificate, walked far enough to read the subject and validity. */
function describeCertificate(der: Uint8Array): Omit<PemCertificate, 'pem'> {
  const certificate = expect(nodeAt(der, 0, der.length), sequence, 'certificate');
  if (certificate.end !== der.length) throw new Error('bytes after the certificate');
  const [tbs, algorithm, signature] = childrenOf(der, certificate);
  expect(algorithm, sequence, 'signature algorithm');
  expect(signature, 0x03, 'signature');
  const fields = childrenOf(der, expect(tbs, sequence, 'to-be-signed certificate'));
  // [0] version is optional (v1 certificates leave it out).
  const rest = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
  const [serial, , issuer, validity, subject, publicKey] = rest;
  expect(serial, 0x02, 'serial number');
  expect(issuer, sequence, 'issuer');
  expect(publicKey, sequence, 'public key');
  const notAfter = childrenOf(der, expect(validity, sequence, 'validity'))[1];
  const names = namesOf(der, expect(subject, sequence, 'subject'));
  const organisation = names.get('2.5.4.10');
  return {
    name: names.get('2.5.4.3') ?? organisation ?? 'Unnamed certificate',
    ...(organisation !== undefined && { organisation }),
    validUntil: timeOf(der, notAfter),
  };
}

/** The attributes of an X.501 Name, by OID (first value of each). */
function namesOf(der: Uint8Array, name: Node): Map<string, string> {
  const names = new Map<string, string>();
  for (const set of childrenOf(der, name)) {
    for (const attribute of childrenOf(der, set)) {
      const [type, value] = childrenOf(der, attribute);
      if (type?.tag !== 0x06 || value === undefined) continue;
      const oid = oidOf(der.subarray(type.start, type.end));
      if (!names.has(oid)) names.set(oid, new TextDecoder().decode(der.subarray(value.start, value.end)));
    }
  }
  return names;
}

function oidOf(bytes: Uint8Array): string {
  const parts: number[] = [];
  let value = 0;
  for (const byte of bytes) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      if (parts.length === 0) parts.push(Math.min(2, Math.floor(value / 40)), value - Math.min(2, Math.floor(value / 40)) * 40);
      else parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

/** UTCTime (YYMMDDHHMMSSZ) or GeneralizedTime (YYYYMMDDHHMMSSZ), as ISO 8601. */
function timeOf(der: Uint8Array, node: Node | undefined): string {
  if (node === undefined || (node.tag !== 0x17 && node.tag !== 0x18)) throw new Error('validity end missing');
  const text = new TextDecoder().decode(der.subarray(node.start, node.end));
  const digits = node.tag === 0x17 ? `${Number(text.slice(0, 2)) < 50 ? '20' : '19'}${text}` : text;
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(digits);
  if (match === null) throw new Error(`validity end "${text}" is not a time`);
  const [, year, month, day, hour, minute, second] = match;
  return `${year}-${month}-${day}T${hour}:${minute}:${second}Z`;
}
