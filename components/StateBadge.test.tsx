// @vitest-environment jsdom
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { verdictStates } from '../lib/verdict/states';
import { confidenceWord } from './confidence-word';
import { ConfidenceMeter } from './ConfidenceMeter';
import { StateBadge } from './StateBadge';
import { StateCounts } from './StateCounts';

const textOf = (markup: string) => {
  const element = document.createElement('div');
  element.innerHTML = markup;
  return element.textContent ?? '';
};

describe('StateBadge', () => {
  it('names every state in a word, with an icon hidden from assistive technology', () => {
    const words = verdictStates.map((state) => textOf(renderToStaticMarkup(<StateBadge state={state} />)));
    expect(words).toEqual(['Unreadable', 'Invalid', 'Altered', 'Untrusted', "Couldn't check", 'Pending', 'Verified']);
    expect(renderToStaticMarkup(<StateBadge state="verified" />)).toContain('aria-hidden="true"');
  });

  it('never calls a proof that could not be checked a failure', () => {
    const markup = renderToStaticMarkup(<StateBadge state="unavailable" />);
    expect(textOf(markup)).not.toMatch(/fail|invalid/i);
    expect(markup).not.toMatch(/red-|orange-/);
  });

  it('shows a proof without a verdict as checking, and takes a replacement word', () => {
    expect(textOf(renderToStaticMarkup(<StateBadge state={null} />))).toBe('Checking');
    expect(textOf(renderToStaticMarkup(<StateBadge state="altered" label="Mixed results" />))).toBe('Mixed results');
  });
});

describe('ConfidenceMeter', () => {
  it('words a confidence so that it agrees with the state', () => {
    expect([95, 80, 50].map((value) => confidenceWord(value, 'verified'))).toEqual(['Very strong', 'Strong', 'Good']);
    expect(confidenceWord(75, 'pending')).toBe('Not final yet');
    expect(confidenceWord(27, 'untrusted')).toBe('Weak');
    expect(confidenceWord(0, 'untrusted')).toBe('Not rated');
  });

  it('is a labelled meter with the value and its word', () => {
    const markup = renderToStaticMarkup(<ConfidenceMeter value={92} state="verified" />);
    expect(markup).toContain('role="meter"');
    expect(markup).toContain('aria-valuenow="92"');
    expect(textOf(markup)).toContain('92/100 · Very strong');
  });

  it('does not rate what could not be checked, nor a proof that does not hold', () => {
    expect(confidenceWord(0, 'unavailable')).toBe('Not rated');
    expect(confidenceWord(0, 'invalid')).toBe('Not rated');
    const invalid = renderToStaticMarkup(<ConfidenceMeter value={0} state="invalid" />);
    expect(textOf(invalid)).toBe('ConfidenceNot rated');
    expect(invalid).not.toContain('role="meter"');
    expect(textOf(renderToStaticMarkup(<ConfidenceMeter value={0} state="unavailable" variant="compact" />))).toContain(
      'Confidence not rated',
    );
  });

  it('keeps the value within 0 and 100', () => {
    expect(renderToStaticMarkup(<ConfidenceMeter value={140} state="verified" />)).toContain('aria-valuenow="100"');
  });
});

describe('StateCounts', () => {
  it('lists states worst first, leaves out empty ones and adds the proofs still being checked', () => {
    const markup = renderToStaticMarkup(<StateCounts counts={{ verified: 3, altered: 1, pending: 0 }} checking={2} />);
    expect(textOf(markup)).toBe('1Altered3Verified2Checking');
  });

  it('renders nothing when there is nothing to count', () => {
    expect(renderToStaticMarkup(<StateCounts counts={{}} />)).toBe('');
  });
});
