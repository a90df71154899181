import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import * as decode from '../envelope/decode';
import { findProofs } from './find-proofs';

// Count the decoder's calls, keeping its behaviour.
vi.mock('../envelope/decode', async (importOriginal) => {
  const original = await importOriginal<typeof decode>();
  return {
    ...original,
    decodeEnvelope: vi.fn(original.decodeEnvelope),
    envelopeFromReference: vi.fn(original.envelopeFromReference),
    validateEnvelope: vi.fn(original.validateEnvelope),
  };
});

const hash = `0x${'ab'.repeat(32)}`;

describe('findProofs: the cap comes before decoding', () => {
  it('decodes only the snippets it reports', () => {
    const entries = JSON.stringify(Array.from({ length: 5 }, () => ({ v: 1, proof: { type: 'og-settlement', chainId: 1, tx: hash }, target: 'p' })));
    const html =
      '<p data-ai-proof="e30">a</p>'.repeat(50) +
      `<p>${`ai-proof:v1:og:1:${hash} `.repeat(50)}</p>` +
      `<p>${`<a href="#ai-proof:v1:eas:1:${hash}">x</a>`.repeat(50)}</p>` +
      `<script type="application/ai-proof+json">${entries}</script>`.repeat(10);
    const { document } = new JSDOM(html).window;
    // A script beyond the cap counts as one skipped: its entries are never read.
    const expectedSkipped = new Map([[3, 47 + 50 + 50 + 10], [60, 40 + 50 + 10], [120, 30 + 10], [155, 9]]);
    for (const [maxSnippets, expected] of expectedSkipped) {
      vi.clearAllMocks();
      const { snippets, skipped } = findProofs(document, { maxSnippets });
      // Calls from inside the decode module itself are not counted: these are the finder's own.
      const calls =
        vi.mocked(decode.decodeEnvelope).mock.calls.length +
        vi.mocked(decode.envelopeFromReference).mock.calls.length +
        vi.mocked(decode.validateEnvelope).mock.calls.length;
      expect(snippets).toHaveLength(maxSnippets);
      expect(calls).toBe(maxSnippets);
      expect(skipped).toBe(expected);
    }
  });
});
