import { describe, expect, it } from 'vitest';
import type { ChainAccess } from '../chain/types';
import type { Envelope } from '../envelope/schema';
import type { TrustConfig } from '../trust/schema';
import { verifySnippet } from './verify-snippet';

const trust: TrustConfig = { chains: {}, opengradient: {}, eas: {}, erc7007: {}, trustedAttesters: [] };

/** No chain is configured, so no verifier may ask for a reader. */
const noChains: ChainAccess = { reader: () => undefined };

const erc7007Envelope = (text?: string): Envelope => ({
  v: 1,
  proof: {
    type: 'erc7007',
    chainId: 5,
    contract: '0x1111111111111111111111111111111111111111',
    tokenId: 1n,
    prompt: '0x01',
    proof: '0x02',
  },
  ...(text === undefined ? {} : { text }),
});

const base = { trust, chains: noChains };

describe('verifySnippet', () => {
  it('makes a bad envelope malformed with its reason', async () => {
    const verdict = await verifySnippet({ ...base, decoded: { ok: false, reason: 'unknown proof type "x"' }, shownText: 'Hello' });
    expect(verdict).toMatchObject({ state: 'malformed', confidence: 0, proofType: null, summary: 'unknown proof type "x"' });
    expect(verdict.checks).toEqual([expect.objectContaining({ id: 'envelope', ok: false, implies: 'malformed' })]);
  });

  it('says a chain that is not configured could not be checked', async () => {
    const verdict = await verifySnippet({ ...base, decoded: { ok: true, envelope: erc7007Envelope() }, shownText: 'Hello' });
    expect(verdict.state).toBe('unavailable');
    expect(verdict.confidence).toBe(0);
    expect(verdict.text).toEqual({ signed: 'Hello', shown: 'Hello', match: 'shown-is-signed' });
  });

  it('does not claim a text comparison when the envelope carries no signed text', async () => {
    const verdict = await verifySnippet({ ...base, decoded: { ok: true, envelope: erc7007Envelope() }, shownText: 'Hello' });
    const check = verdict.checks.find(({ id }) => id === 'shown-text');
    expect(check).toMatchObject({ ok: null });
    expect(check?.implies).toBeUndefined();
    expect(check?.detail).toContain('no separate signed text');
    expect(check?.detail).toContain('checked against the text as the page shows it');
  });

  it('lets altered text outrank what could not be checked', async () => {
    const verdict = await verifySnippet({
      ...base,
      decoded: { ok: true, envelope: erc7007Envelope('The vote passed.') },
      shownText: 'The vote failed.',
    });
    expect(verdict.state).toBe('altered');
    expect(verdict.summary).toBe('The page shows different text from what was signed.');
    expect(verdict.text.match).toBe('differs');
  });

  it('accepts a wording match and says so', async () => {
    const verdict = await verifySnippet({
      ...base,
      decoded: { ok: true, envelope: erc7007Envelope('**The vote** “passed”.') },
      shownText: 'The vote "passed".',
    });
    expect(verdict.text.match).toBe('wording');
    expect(verdict.checks.find((check) => check.id === 'shown-text')).toMatchObject({ ok: true });
    expect(verdict.state).toBe('unavailable');
  });

  it('matches signed Markdown shown rendered, declared or not', async () => {
    const markdown = '## Steps\n\n1. Open **Settings**.\n2. Choose `Privacy`.';
    for (const envelope of [erc7007Envelope(markdown), { ...erc7007Envelope(markdown), format: 'markdown' }]) {
      const verdict = await verifySnippet({ ...base, decoded: { ok: true, envelope }, shownText: 'Steps Open Settings. Choose Privacy.' });
      expect(verdict.text.match).toBe('markdown');
      expect(verdict.checks.find((check) => check.id === 'shown-text')).toMatchObject({ ok: true, detail: 'The page shows the signed Markdown, rendered.' });
    }
    const changed = await verifySnippet({ ...base, decoded: { ok: true, envelope: erc7007Envelope(markdown) }, shownText: 'Steps Open Settings. Choose Security.' });
    expect(changed.text.match).toBe('differs');
    expect(changed.state).toBe('altered');
  });

  it('calls a rendered Markdown link that points elsewhere altered, naming it, and says when links were not read', async () => {
    const envelope = { ...erc7007Envelope('See [the report](https://example.com/r).'), format: 'markdown' };
    const shown = (target: string) => verifySnippet({ ...base, decoded: { ok: true, envelope }, shownText: 'See the report.', shownLinks: [{ kind: 'link', text: 'the report', target }] });
    expect((await shown('https://example.com/r')).checks.find((check) => check.id === 'shown-links')).toMatchObject({ ok: true });
    const moved = await shown('https://evil.example/r');
    expect(moved.state).toBe('altered');
    expect(moved.checks.find((check) => check.id === 'shown-links')).toMatchObject({ ok: false, detail: expect.stringContaining('“the report” to “https://evil.example/r”') });
    const unread = await verifySnippet({ ...base, decoded: { ok: true, envelope }, shownText: 'See the report.' });
    expect(unread.checks.find((check) => check.id === 'shown-links')).toMatchObject({ ok: null });
  });

  it('calls a changed sign or sentence mark altered: it changes the meaning', async () => {
    for (const shownText of ['The vote passed?', 'The vote passed!', 'Turnout was -3%.']) {
      const signed = shownText.startsWith('Turnout') ? 'Turnout was 3%.' : 'The vote passed.';
      const verdict = await verifySnippet({ ...base, decoded: { ok: true, envelope: erc7007Envelope(signed) }, shownText });
      expect(verdict.text.match, shownText).toBe('differs');
      expect(verdict.state, shownText).toBe('altered');
    }
  });

  it('calls hidden text altered when the browser renders something else', async () => {
    const verdict = await verifySnippet({
      ...base,
      decoded: { ok: true, envelope: erc7007Envelope() },
      shownText: 'The drug is not safe.',
      renderedText: 'The drug is safe.',
    });
    expect(verdict.state).toBe('altered');
    expect(verdict.checks.find((check) => check.id === 'rendering')).toMatchObject({ ok: false, implies: 'altered' });
  });

  it('does not verify text whose drawing the browser could not confirm, and names what', async () => {
    const envelope = erc7007Envelope('The drug is not safe.');
    const confirmed = await verifySnippet({ ...base, decoded: { ok: true, envelope }, shownText: envelope.text!, renderedText: envelope.text! });
    const doubted = await verifySnippet({
      ...base,
      decoded: { ok: true, envelope },
      shownText: envelope.text!,
      renderedText: envelope.text!,
      renderingDoubts: ['transformed', 'covered'],
    });
    expect(confirmed.checks.find((check) => check.id === 'rendering')).toMatchObject({ ok: true });
    expect(doubted.state).toBe('unavailable');
    expect(doubted.checks.find((check) => check.id === 'rendering')).toMatchObject({
      ok: null,
      implies: 'unavailable',
      detail: 'Verity could not confirm that readers see all of this text as signed: something on the page covers part of it; and part of it is shrunk, rotated or distorted.',
    });
  });

  it('calls different rendered words altered even when the drawing was also in doubt', async () => {
    const verdict = await verifySnippet({
      ...base,
      decoded: { ok: true, envelope: erc7007Envelope() },
      shownText: 'The drug is not safe.',
      renderedText: 'The drug is safe.',
      renderingDoubts: ['faint'],
    });
    expect(verdict.state).toBe('altered');
  });

  it('skips the rendering check where nothing was rendered', async () => {
    const verdict = await verifySnippet({ ...base, decoded: { ok: true, envelope: erc7007Envelope() }, shownText: 'Hi' });
    expect(verdict.checks.find((check) => check.id === 'rendering')).toMatchObject({ ok: null });
    expect(verdict.checks.find((check) => check.id === 'rendering')?.implies).toBeUndefined();
  });

  it('does not verify a text that was cut off at the size limit', async () => {
    const verdict = await verifySnippet({
      trust,
      chains: { reader: () => { throw new Error('must not read the chain'); } },
      decoded: { ok: true, envelope: erc7007Envelope() },
      shownText: 'cut off',
      shownTextComplete: false,
    });
    expect(verdict).toMatchObject({ state: 'unavailable', confidence: 0, proofType: 'erc7007' });
    expect(verdict.summary).toMatch(/too large or too complex to read in full/);
  });
});
