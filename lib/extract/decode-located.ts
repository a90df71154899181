import { decodeEnvelope, envelopeFromReference, validateEnvelope, type DecodeResult } from '../envelope/decode';
import { maxScriptBytes } from '../envelope/limits';
import { sizeReason } from '../envelope/size';
import { parseToken } from '../text/tokens';
import type { LocatedProof } from './locate-proofs';

export type DecodeLocatedProofParameters = Pick<LocatedProof, 'form' | 'raw' | 'problem'>;

export type DecodeLocatedProofReturnType = DecodeResult;

/**
 * The envelope of a located proof, or why there is none. The command line
 * calls it on what it located; the worker on what a content script sent
 * (a PageProof carries the same three fields), so both say the same about
 * the same page. Never throws.
 */
export function decodeLocatedProof({ form, raw, problem }: DecodeLocatedProofParameters): DecodeLocatedProofReturnType {
  if (problem?.kind === 'unreadable') return fail(problem.reason);
  const decoded = decodeRaw(form, raw);
  return decoded.ok && problem !== undefined ? fail(problem.reason) : decoded;
}

function decodeRaw(form: LocatedProof['form'], raw: string): DecodeResult {
  switch (form) {
    case 'attribute':
      return decodeEnvelope(raw);
    case 'script':
      return decodeScriptEntry(raw);
    case 'text': {
      const token = parseToken(raw);
      if (token === undefined) return fail('not a text-form token (ai-proof:v1:…)');
      return token.kind === 'envelope' ? decodeEnvelope(token.body) : envelopeFromReference(token.reference, token.chainId, token.id);
    }
  }
}

/** One entry of a proof script, as JSON text: parsed, then validated like any envelope. */
function decodeScriptEntry(raw: string): DecodeResult {
  const tooLarge = sizeReason({ text: raw, limit: maxScriptBytes, name: 'script entry' });
  if (tooLarge !== undefined) return fail(tooLarge);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return fail('script entry is not valid JSON');
  }
  return validateEnvelope(value);
}

function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}
