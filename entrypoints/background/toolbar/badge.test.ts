import { describe, expect, it } from 'vitest';
import { verdictStates } from '../../../lib/verdict/states';
import { stateColors, tabBadge } from './badge';

describe('tabBadge', () => {
  it('is cleared when the tab has no proofs', () => {
    expect(tabBadge({ states: [], notChecked: 0 })).toBeNull();
  });

  it('counts the proofs on the colour of the worst state', () => {
    expect(tabBadge({ states: ['verified', 'verified'], notChecked: 0 })).toEqual({ text: '2', ...stateColors('verified') });
    expect(tabBadge({ states: ['verified', 'invalid', 'pending'], notChecked: 0 })).toEqual({ text: '3', ...stateColors('invalid') });
    expect(tabBadge({ states: ['unavailable', 'pending'], notChecked: 0 })?.color).toBe(stateColors('unavailable').color);
    expect(tabBadge({ states: ['malformed', 'altered'], notChecked: 0 })?.color).toBe(stateColors('malformed').color);
  });

  it('is neutral while any proof is being checked', () => {
    const badge = tabBadge({ states: ['invalid', undefined], notChecked: 0 });
    expect(badge).toEqual({ text: '2', color: '#e2e8f0', textColor: '#334155' });
    for (const state of verdictStates) expect(stateColors(state).color).not.toBe(badge!.color);
  });

  it('says when there are more proofs than were checked', () => {
    expect(tabBadge({ states: ['verified'], notChecked: 3 })?.text).toBe('1+');
    expect(tabBadge({ states: Array(1200).fill('verified'), notChecked: 0 })?.text).toBe('999+');
  });

  it('gives every state its own colour, in the hue the pages use', () => {
    const colors = verdictStates.map((state) => stateColors(state).color);
    expect(new Set(colors).size).toBe(verdictStates.length);
    expect(stateColors('verified')).toEqual({ color: '#047857', textColor: '#ffffff' });
    expect(stateColors('invalid').color).toBe('#b91c1c');
    expect(stateColors('untrusted').color).toBe('#b45309');
  });
});
