import { worstState, type VerdictState } from '../verdict/states';
import type { StatusLists, ValidationStatus } from './manifest-store';

/** The states an image with a manifest can have (spec §9); an image is never `pending`. */
export type ImageState = Exclude<VerdictState, 'pending'>;

/**
 * Failure codes of C2PA validation that say something other than `invalid`.
 * The hard bindings tie the manifest to the image's bytes: their mismatch
 * means the image changed after signing. Every failure code not listed here
 * (a bad signature, a revoked or expired certificate, an assertion whose
 * hash does not match) is `invalid`.
 */
const failureStates: Readonly<Record<string, ImageState>> = {
  'assertion.dataHash.mismatch': 'altered',
  'assertion.bmffHash.mismatch': 'altered',
  'assertion.boxesHash.mismatch': 'altered',
  'assertion.collectionHash.mismatch': 'altered',
  'signingCredential.untrusted': 'untrusted',
  'timeStamp.untrusted': 'untrusted',
  'claim.malformed': 'malformed',
  'claim.missing': 'malformed',
  'claim.cbor.invalid': 'malformed',
  'assertion.cbor.invalid': 'malformed',
  'assertion.json.invalid': 'malformed',
  'manifest.multipleParents': 'malformed',
  // Something the manifest points at was not read (a remote assertion, a manifest elsewhere): nothing definite.
  'assertion.inaccessible': 'unavailable',
  'manifest.inaccessible': 'unavailable',
};

/**
 * The state of one manifest from its validation codes, never from the
 * engine's overall `validation_state`: c2pa-rs reports an untrusted signer as
 * a failure code while calling the manifest "Valid". `verified` needs no
 * failure and the engine's word that the signer chains to a trust anchor;
 * a manifest with neither is `untrusted`.
 */
export function stateOfStatus(status: StatusLists): ImageState {
  const states = status.failure.map(({ code }) => failureStates[code] ?? 'invalid');
  if (!status.success.some(({ code }) => code === 'signingCredential.trusted')) states.push('untrusted');
  return worstState(states) as ImageState;
}

/** What an `untrusted` manifest's trust fails on: its signer, or only the authority that time-stamped its signature. */
export type UntrustedBy = 'signer' | 'time-stamp';

/**
 * Why a manifest that `stateOfStatus` calls `untrusted` is so: `time-stamp`
 * only when its signer is trusted (`signingCredential.trusted`, and no
 * `signingCredential.untrusted`) and `timeStamp.untrusted` is among its
 * failures; `signer` otherwise.
 */
export function untrustedByOf(status: StatusLists): UntrustedBy {
  const signerTrusted = status.success.some(({ code }) => code === 'signingCredential.trusted') && !status.failure.some(({ code }) => code === 'signingCredential.untrusted');
  return signerTrusted && status.failure.some(({ code }) => code === 'timeStamp.untrusted') ? 'time-stamp' : 'signer';
}

/** Whether a time stamp's authority chains to an anchor of a TSA list in use. */
export type TimeStampTrust = 'trusted' | 'untrusted';

/**
 * Whether the manifest's time stamp comes from a trusted authority:
 * `trusted` with `timeStamp.trusted`, `untrusted` with a time stamp that
 * matched its signature (`timeStamp.validated`) but no such code; nothing
 * without a time stamp that holds. c2pa-rs 0.92 reports an untrusted
 * authority as information, so this never changes the state.
 */
export function timeStampTrustOf(status: StatusLists): TimeStampTrust | undefined {
  const codes = new Set([...status.success, ...status.informational, ...status.failure].map(({ code }) => code));
  if (codes.has('timeStamp.trusted')) return 'trusted';
  return codes.has('timeStamp.validated') ? 'untrusted' : undefined;
}

/**
 * An ingredient's codes now: those recorded when it was added, each replaced
 * by what the reader found this time in the same family (a recorded
 * `signingCredential.untrusted` and a new `signingCredential.trusted` leave
 * only the latter), as the C2PA validation deltas are meant.
 */
export function applyDeltas(recorded: StatusLists, deltas: StatusLists): StatusLists {
  const changed = new Set([...deltas.success, ...deltas.informational, ...deltas.failure].map(({ code }) => familyOf(code)));
  const kept = (list: ValidationStatus[]) => list.filter(({ code }) => !changed.has(familyOf(code)));
  return {
    success: [...kept(recorded.success), ...deltas.success],
    informational: [...kept(recorded.informational), ...deltas.informational],
    failure: [...kept(recorded.failure), ...deltas.failure],
  };
}

/** `signingCredential.ocsp.revoked` → `signingCredential.ocsp`: a code without its outcome. */
function familyOf(code: string): string {
  const lastDot = code.lastIndexOf('.');
  return lastDot === -1 ? code : code.slice(0, lastDot);
}
