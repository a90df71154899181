import { base64url, base64urlnopad } from '@scure/base';
import { InvalidBase64Error } from '../og/errors';

/**
 * The project's one base64 codec (RFC 4648), on @scure/base. Callers that
 * need stricter rules (base64url only, reasons for a reader) check the text
 * first and decode here.
 */

const base64Pattern = /^[A-Za-z0-9+/_-]*={0,2}$/;

/**
 * Decodes standard or URL-safe base64, padding optional but right when
 * present, as envelopes write the TEE signature and as share links and
 * pasted envelopes arrive. Throws InvalidBase64Error on anything else,
 * whitespace and non-zero bits after the last byte included.
 */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  if (!base64Pattern.test(text)) throw new InvalidBase64Error();
  // Both alphabets differ only in these two characters, so one decoder reads either.
  const urlSafe = text.replace(/\+/g, '-').replace(/\//g, '_');
  try {
    // scure's padded coder rejects missing, partial or misplaced padding; its unpadded one, a length of 4n+1.
    const bytes = (urlSafe.endsWith('=') ? base64url : base64urlnopad).decode(urlSafe);
    // scure builds a fresh Uint8Array over its own ArrayBuffer; the type only says so.
    return bytes as Uint8Array<ArrayBuffer>;
  } catch {
    throw new InvalidBase64Error();
  }
}

/** Unpadded base64url (RFC 4648 §5), as share links write their body. */
export function bytesToBase64url(bytes: Uint8Array): string {
  return base64urlnopad.encode(bytes);
}
