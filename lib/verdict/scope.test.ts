import { describe, expect, it } from 'vitest';
import { scopeOf } from './scope';

describe('scopeOf', () => {
  it('says that a verdict is about where AI-generated text came from, not whether it is true, for one text or several', () => {
    expect(scopeOf('verified')).toBe('AI-generated text, and the proof shows where it came from. Verity checks its origin, not whether it is true.');
    expect(scopeOf('verified', 3)).toBe('AI-generated texts, and their proofs show where they came from. Verity checks their origin, not whether they are true.');
    expect(scopeOf('untrusted', 2)).toMatch(/sources you have not chosen to trust/);
    expect(scopeOf('invalid', 2)).toMatch(/does not make the texts false\.$/);
  });

  it('says nothing for a proof that could not be checked', () => {
    expect(scopeOf('unavailable')).toBeUndefined();
  });
});
