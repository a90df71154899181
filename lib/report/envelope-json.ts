import { envelopeFromReference } from '../envelope/decode';
import { base64ToBytes } from '../encoding/base64';
import { parseToken } from '../text/tokens';

export type EnvelopeJsonReturnType = unknown;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The envelope in a proof's raw form, as parsed JSON, without validating
 * it: a report shows a malformed envelope as it was found, so a reader can
 * see what is wrong. Reads JSON text, base64url of JSON, an
 * `ai-proof:v1:` token's body, and a short reference (as the envelope it
 * stands for). Null when the raw form is none of these.
 */
export function envelopeJson(raw: string): EnvelopeJsonReturnType {
  const trimmed = raw.trim();
  const token = parseToken(trimmed);
  if (token?.kind === 'reference') {
    const decoded = envelopeFromReference(token.reference, token.chainId, token.id);
    return decoded.ok ? decoded.envelope : null;
  }
  const body = token?.body ?? trimmed;
  try {
    return JSON.parse(body.startsWith('{') ? body : utf8.decode(base64ToBytes(body))) as unknown;
  } catch {
    return null;
  }
}
