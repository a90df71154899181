import { describe, expect, it } from 'vitest';
import { applyDeltas, stateOfStatus, timeStampTrustOf, untrustedByOf } from './validation-states';

const codes = (...list: string[]) => list.map((code) => ({ code }));
const status = ({ success = [] as string[], failure = [] as string[], informational = [] as string[] }) => ({
  success: codes(...success),
  informational: codes(...informational),
  failure: codes(...failure),
});

describe('untrustedByOf', () => {
  it('blames the time stamp only when the signer itself is trusted', () => {
    const trustedSigner = ['claimSignature.validated', 'signingCredential.trusted'];
    expect(stateOfStatus(status({ success: trustedSigner, failure: ['timeStamp.untrusted'] }))).toBe('untrusted');
    expect(untrustedByOf(status({ success: trustedSigner, failure: ['timeStamp.untrusted'] }))).toBe('time-stamp');
    expect(untrustedByOf(status({ failure: ['signingCredential.untrusted', 'timeStamp.untrusted'] }))).toBe('signer');
    expect(untrustedByOf(status({ success: ['claimSignature.validated'], failure: ['timeStamp.untrusted'] }))).toBe('signer');
    expect(untrustedByOf(status({ failure: ['signingCredential.untrusted'] }))).toBe('signer');
  });
});

describe('stateOfStatus', () => {
  it('is verified only with a trusted signer and no failure', () => {
    expect(stateOfStatus(status({ success: ['claimSignature.validated', 'signingCredential.trusted'] }))).toBe('verified');
    expect(stateOfStatus(status({ success: ['claimSignature.validated'] }))).toBe('untrusted');
  });

  it('reads the codes, not the engine’s overall state: an untrusted signer is a failure code of a "Valid" manifest', () => {
    expect(stateOfStatus(status({ success: ['claimSignature.validated'], failure: ['signingCredential.untrusted'] }))).toBe('untrusted');
  });

  it('calls a hard binding mismatch altered, and any other failure invalid', () => {
    expect(stateOfStatus(status({ success: ['signingCredential.trusted'], failure: ['assertion.dataHash.mismatch'] }))).toBe('altered');
    expect(stateOfStatus(status({ success: ['signingCredential.trusted'], failure: ['assertion.bmffHash.mismatch'] }))).toBe('altered');
    expect(stateOfStatus(status({ success: ['signingCredential.trusted'], failure: ['signingCredential.revoked'] }))).toBe('invalid');
    expect(stateOfStatus(status({ success: ['signingCredential.trusted'], failure: ['some.future.code'] }))).toBe('invalid');
  });

  it('lets the first state of spec §6’s order win where several apply', () => {
    expect(stateOfStatus(status({ failure: ['signingCredential.untrusted', 'assertion.dataHash.mismatch', 'claimSignature.mismatch'] }))).toBe('invalid');
    expect(stateOfStatus(status({ failure: ['signingCredential.untrusted', 'assertion.dataHash.mismatch'] }))).toBe('altered');
    expect(stateOfStatus(status({ failure: ['claimSignature.mismatch', 'claim.cbor.invalid'] }))).toBe('malformed');
    expect(stateOfStatus(status({ failure: ['signingCredential.untrusted', 'assertion.inaccessible'] }))).toBe('untrusted');
  });

  it('never lets informational codes decide', () => {
    expect(stateOfStatus(status({ success: ['signingCredential.trusted'], informational: ['signingCredential.ocsp.skipped'] }))).toBe('verified');
  });
});

describe('timeStampTrustOf', () => {
  it('calls a time stamp that holds trusted only with the engine’s word, wherever the codes are listed', () => {
    expect(timeStampTrustOf(status({ success: ['timeStamp.validated', 'timeStamp.trusted'] }))).toBe('trusted');
    expect(timeStampTrustOf(status({ success: ['timeStamp.validated'], informational: ['timeStamp.untrusted'] }))).toBe('untrusted');
    expect(timeStampTrustOf(status({ success: ['timeStamp.validated'], failure: ['timeStamp.untrusted'] }))).toBe('untrusted');
  });

  it('says nothing without a time stamp, or of one that does not match its signature', () => {
    expect(timeStampTrustOf(status({ success: ['signingCredential.trusted'] }))).toBeUndefined();
    expect(timeStampTrustOf(status({ informational: ['timeStamp.mismatch'] }))).toBeUndefined();
  });
});

describe('applyDeltas', () => {
  it('replaces a recorded code by what the reader found now in the same family, and keeps the rest', () => {
    const recorded = status({ success: ['claimSignature.validated', 'assertion.dataHash.match'], failure: ['signingCredential.untrusted'] });
    const now = applyDeltas(recorded, status({ success: ['ingredient.manifest.validated', 'signingCredential.trusted'] }));
    expect(now.failure).toEqual([]);
    expect(now.success.map(({ code }) => code)).toEqual(['claimSignature.validated', 'assertion.dataHash.match', 'ingredient.manifest.validated', 'signingCredential.trusted']);
    expect(stateOfStatus(now)).toBe('verified');
  });

  it('turns a recorded success into the failure found now', () => {
    const now = applyDeltas(status({ success: ['signingCredential.trusted', 'claimSignature.validated'] }), status({ failure: ['signingCredential.revoked'] }));
    expect(stateOfStatus(now)).toBe('invalid');
  });
});
