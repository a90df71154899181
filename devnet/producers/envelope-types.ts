import type { z } from 'zod';
import type { envelope, offchainAttestation } from '../../lib/envelope/schema';

/**
 * What a producer writes into a page: the schema's input side, where uints
 * may be numbers or strings and addresses keep their checksum.
 */
export type EnvelopeInput = z.input<typeof envelope>;
export type OffchainAttestationInput = z.input<typeof offchainAttestation>;

/** The optional envelope fields every producer passes through. */
export type EnvelopeExtras = {
  /** The exact signed text, when what the page shows differs (markdown, say). */
  text?: string;
  model?: string;
};
