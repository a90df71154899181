import { base64ToBytes } from '../lib/encoding/base64';

/**
 * Reads an envelope as the content script found it (spec §1) into a plain
 * value for display. No validation: that is the worker's job, and the
 * inspector shows even what does not validate.
 */
export type DecodedEnvelope =
  | { ok: true; encoding: EnvelopeEncoding; value: unknown }
  | { ok: false; encoding: EnvelopeEncoding; error: string };

export type EnvelopeEncoding = 'json' | 'base64url' | 'token' | 'short reference';

const tokenPrefix = 'ai-proof:v1:';

export function decodeEnvelope(raw: string): DecodedEnvelope {
  const text = raw.trim();
  const tokenAt = text.indexOf(tokenPrefix);
  if (tokenAt !== -1) return decodeToken(text.slice(tokenAt + tokenPrefix.length));
  if (text.startsWith('{') || text.startsWith('[')) return parsed('json', () => JSON.parse(text));
  return parsed('base64url', () => JSON.parse(base64UrlToText(text)));
}

function decodeToken(body: string): DecodedEnvelope {
  // Short references stand for a whole envelope (spec §1.3); show the envelope they stand for.
  const reference = /^(og|eas):([1-9][0-9]*):(0x[0-9a-fA-F]{64})$/.exec(body);
  if (reference) {
    const [, kind, chainId, hash] = reference;
    const proof =
      kind === 'og'
        ? { type: 'og-settlement', chainId: Number(chainId), tx: hash }
        : { type: 'eas-onchain', chainId: Number(chainId), uid: hash };
    return { ok: true, encoding: 'short reference', value: { v: 1, proof } };
  }
  return parsed('token', () => JSON.parse(base64UrlToText(body)));
}

function parsed(encoding: EnvelopeEncoding, parse: () => unknown): DecodedEnvelope {
  try {
    return { ok: true, encoding, value: parse() };
  } catch (error) {
    return { ok: false, encoding, error: error instanceof Error ? error.message : String(error) };
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** RFC 4648 §5 base64url, up to two "=" of padding, to UTF-8 text; throws on anything else. */
export function base64UrlToText(encoded: string): string {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(encoded)) throw new Error('Not base64url: unexpected characters');
  // The inspector shows what it can: padding is not checked, only dropped.
  return utf8.decode(base64ToBytes(encoded.replace(/=+$/, '')));
}
