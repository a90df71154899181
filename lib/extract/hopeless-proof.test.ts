import { describe, expect, it } from 'vitest';
import { decodeEnvelope } from '../envelope/decode';
import { bytesToBase64url } from '../encoding/base64';
import { isHopelessProof } from './hopeless-proof';

const attribute = (raw: string) => ({ form: 'attribute' as const, raw });
const base64url = (text: string) => bytesToBase64url(new TextEncoder().encode(text));

describe('isHopelessProof', () => {
  it('is sure of an attribute value that is neither JSON nor base64url of JSON, and of a proof located as unreadable', () => {
    for (const raw of ['', '   ', 'fake-0', 'fake-99999', '[1]', '"text"', '<b>', base64url('[{"v":1}]'), base64url('  x')]) {
      expect(isHopelessProof(attribute(raw)), raw).toBe(true);
      // Each is malformed for the worker too.
      expect(decodeEnvelope(raw).ok, raw).toBe(false);
    }
    expect(isHopelessProof({ form: 'script', raw: '{', problem: { kind: 'unreadable', reason: 'too large' } })).toBe(true);
  });

  it('leaves to the worker whatever could be an envelope, even a damaged one', () => {
    const envelope = '{"v":1,"proof":{"type":"eas-offchain"}}';
    for (const raw of [envelope, ` \n${envelope}`, '{not json', base64url(envelope), base64url(`   \n\t ${envelope}`), base64url('\n{'), 'ey', 'eyJ']) {
      expect(isHopelessProof(attribute(raw)), raw).toBe(false);
    }
    // Other forms are found by their own markers: the worker reads them.
    expect(isHopelessProof({ form: 'text', raw: 'ai-proof:v1:fake' })).toBe(false);
    expect(isHopelessProof({ form: 'script', raw: 'fake' })).toBe(false);
  });
});
