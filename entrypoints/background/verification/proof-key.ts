import type { ProofInput } from './session-records';
import { sha256Hex } from './sha256-hex';

export type ProofKeyParameters = ProofInput;

/**
 * What a verdict depends on from the page, hashed: the proof as written,
 * how it was embedded, what the locator found wrong with it, the two
 * texts, what could not be confirmed of the rendering, and the links it is compared with (and whether they were read whole). Identical snippets in any number of tabs share
 * one key, so they are verified once. The id is left out: it only names
 * the snippet within its page. 128 bits of SHA-256 keep storage keys short.
 */
export async function proofKey({ form, raw, shownText, renderedText, renderingDoubts, links, problem, shownTextComplete }: ProofKeyParameters): Promise<string> {
  // A JSON array keeps the fields apart: no two different proofs serialise alike.
  const fields = [form, raw, shownText, renderedText, problem ? [problem.kind, problem.reason] : null, shownTextComplete !== false, links ?? null, renderingDoubts ?? []];
  return (await sha256Hex(JSON.stringify(fields))).slice(0, 32);
}
