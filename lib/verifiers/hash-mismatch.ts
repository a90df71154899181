import type { Envelope } from '../envelope/schema';

export type HashMismatchDetailParameters = {
  /** The envelope the signed text came from: its own `text`, or none. */
  envelope: Pick<Envelope, 'text'>;
  /** What the text failed to hash to: "the attested contentHash". */
  target: string;
};

/**
 * A failed content binding's detail, naming the text that was hashed: the
 * envelope's own text, or, when the envelope carries none, the text as shown
 * on the page, which then stands for the signed text.
 */
export function hashMismatchDetail({ envelope, target }: HashMismatchDetailParameters): string {
  return envelope.text === undefined
    ? `The text as shown does not hash to ${target}; the envelope carries no text of its own.`
    : `The envelope's text does not hash to ${target}.`;
}
