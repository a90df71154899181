import { describe, expect, it } from 'vitest';
import type { PageProof } from '../../../lib/extract/page-proof';
import { excerptOf, mergeFrameProofs, mergeProofs } from './tab-records';

describe('excerptOf', () => {
  it('keeps short texts and cuts long ones at a word', () => {
    expect(excerptOf('Short.')).toBe('Short.');
    const long = 'word '.repeat(60).trim();
    const excerpt = excerptOf(long);
    expect(excerpt.length).toBeLessThanOrEqual(160);
    expect(excerpt).toMatch(/word…$/);
  });
});

describe('mergeProofs and mergeFrameProofs', () => {
  const pageProof = (id: string): PageProof => ({ id, form: 'attribute', raw: `raw-${id}`, shownText: `Text ${id}.`, renderedText: `Text ${id}.` });
  const entries = (...ids: string[]) => ids.map((id) => ({ proof: pageProof(id), key: `key-${id}` }));
  const request = { pageUrl: 'https://news.example/', proofs: [], notChecked: 0 };

  it('lists a tab’s proofs in the order the page’s content scripts found them, the top frame first, not the order they arrived in', () => {
    // Those near the viewport arrive first: here the page's end, then its start.
    const nearFirst = mergeProofs(undefined, request, entries('p10', 'p11'), undefined);
    const all = mergeProofs(nearFirst, request, entries('p2', 'p0', 'p1'), undefined);
    expect(all.proofs.map((proof) => proof.id)).toEqual(['p0', 'p1', 'p2', 'p10', 'p11']);
    const withFrame = mergeFrameProofs(all, entries('p1', 'p0'), { frameId: 3, documentId: 'doc-3', url: 'https://widget.example/' });
    expect(withFrame.proofs.map((proof) => proof.id)).toEqual(['p0', 'p1', 'p2', 'p10', 'p11', 'f3.p0', 'f3.p1']);
  });
});
