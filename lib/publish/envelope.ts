import { validateEnvelope } from '../envelope/decode';
import { maxEnvelopeBytes } from '../envelope/limits';
import { bytesToBase64url } from '../encoding/base64';
import { InvalidFieldError } from './publish-errors';

/** How the signed text is written: plain text (the default) or Markdown (spec §2 `format`). */
export type TextFormat = 'plain' | 'markdown';

/**
 * An envelope as a publisher writes it (spec §2): JSON-ready, hex 0x-prefixed,
 * numbers as numbers. `target` is added by the script form only.
 */
export type PublishEnvelope = {
  v: 1;
  proof: { type: string } & Record<string, unknown>;
  /** The exact signed text, when a reader's page text would not be it (line breaks, Markdown). */
  text?: string;
  model?: string;
  format?: 'markdown';
};

export type CheckEnvelopeReturnType = PublishEnvelope;

/**
 * The envelope, after checking that a reader's verifier will accept it: the
 * same validation as the extension and `verity verify` (lib/envelope), and
 * the size limit they read up to. A proof that would only show as
 * `malformed` is refused here instead.
 */
export function checkEnvelope(envelope: PublishEnvelope): CheckEnvelopeReturnType {
  const validated = validateEnvelope(envelope);
  if (!validated.ok) throw new InvalidFieldError(`The proof would not be accepted by readers: ${validated.reason}`, { field: 'envelope' });
  const bytes = new TextEncoder().encode(JSON.stringify(envelope)).length;
  if (bytes > maxEnvelopeBytes) {
    throw new InvalidFieldError(`The proof is ${bytes.toLocaleString('en')} bytes; readers read envelopes of up to ${maxEnvelopeBytes.toLocaleString('en')}`, {
      field: 'text',
    });
  }
  return envelope;
}

/** The envelope's JSON text, as the attribute and script forms carry it. */
export function envelopeJson(envelope: PublishEnvelope): string {
  return JSON.stringify(envelope);
}

/** base64url (RFC 4648 §5, unpadded) of the envelope's UTF-8 JSON. */
export function envelopeBase64url(envelope: PublishEnvelope): string {
  return bytesToBase64url(new TextEncoder().encode(envelopeJson(envelope)));
}
