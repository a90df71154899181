import { InvalidBase64Error } from './errors';

const base64Pattern = /^[A-Za-z0-9+/_-]*={0,2}$/;

/**
 * Decodes standard or URL-safe base64, padding optional, as envelopes write
 * the TEE signature. Throws InvalidBase64Error on anything else: `atob`
 * alone would also accept whitespace.
 */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  if (!base64Pattern.test(text)) throw new InvalidBase64Error();
  let binary: string;
  try {
    binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    // A length of 4n+1 characters, or padding in the wrong place.
    throw new InvalidBase64Error();
  }
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
