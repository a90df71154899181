import type { VerdictState } from './states';
import type { Check, CheckId } from './types';

/** The words each check goes by, the same in the card, inspector, CLI and reports. */
export const checkLabels: Record<CheckId, string> = {
  envelope: 'Proof envelope',
  chain: 'Chain configured',
  'registry-trusted': 'TEE registry trusted',
  'tee-key': 'TEE key registered',
  'tee-enabled': 'TEE enabled',
  'tee-active': 'TEE active now',
  signature: 'Signature',
  'content-binding': 'Content matches proof',
  'shown-text': 'Shown text matches signed text',
  'shown-links': 'Links point where the signed text says',
  rendering: 'Nothing hidden from readers',
  'relay-trusted': 'Settlement relay trusted',
  'settlement-log': 'Settled on chain',
  'merkle-proof': 'Merkle proof',
  confirmations: 'Confirmations',
  'eas-trusted': 'EAS contract trusted',
  uid: 'Attestation UID',
  schema: 'Attestation schema',
  revocation: 'Not revoked',
  expiry: 'Not expired',
  'attester-trusted': 'Attester trusted',
  attestation: 'Attestation on chain',
  'contract-trusted': 'ERC-7007 contract trusted',
  'erc7007-verify': 'ERC-7007 verify()',
  'erc7007-token': 'ERC-7007 token exists',
  'erc7007-record': "Token's AIGC record holds this text",
  'tab-budget': "Within this tab's share of Verity",
};

export function passed(id: CheckId, detail: string): Check {
  return { id, label: checkLabels[id], ok: true, detail };
}

/** A failed check; `implies` is the state the failure forces. */
export function failed(id: CheckId, detail: string, implies: Exclude<VerdictState, 'verified'>): Check {
  return { id, label: checkLabels[id], ok: false, detail, implies };
}

/** Could not be run because something was unreachable: forces `unavailable`. */
export function unreachable(id: CheckId, detail: string): Check {
  return { id, label: checkLabels[id], ok: null, detail, implies: 'unavailable' };
}

/** Run, but what it looks at could not be confirmed (how a page draws the text): forces `unavailable`, never `verified`. */
export function unconfirmed(id: CheckId, detail: string): Check {
  return { id, label: checkLabels[id], ok: null, detail, implies: 'unavailable' };
}

/** Not run because it does not apply or an earlier check already decided the verdict. */
export function skipped(id: CheckId, detail: string): Check {
  return { id, label: checkLabels[id], ok: null, detail };
}

/** A check that informs but never moves the verdict: `ok` true or false and no `implies`. */
export function informational(id: CheckId, ok: boolean, detail: string): Check {
  return { id, label: checkLabels[id], ok, detail };
}
