import { describe, expect, it } from 'vitest';
import { verdictStates, worstState } from './states';

describe('worstState', () => {
  it('is verified when nothing applies', () => {
    expect(worstState([])).toBe('verified');
  });

  it('follows the precedence of spec §6', () => {
    expect(worstState(['pending', 'unavailable'])).toBe('unavailable');
    expect(worstState(['unavailable', 'untrusted'])).toBe('untrusted');
    expect(worstState(['untrusted', 'altered', 'pending'])).toBe('altered');
    expect(worstState(['altered', 'invalid'])).toBe('invalid');
    expect(worstState(['invalid', 'malformed'])).toBe('malformed');
  });

  it('picks the earlier state for every pair', () => {
    for (const [i, a] of verdictStates.entries()) {
      for (const [j, b] of verdictStates.entries()) {
        expect(worstState([a, b])).toBe(verdictStates[Math.min(i, j)]);
      }
    }
  });
});
