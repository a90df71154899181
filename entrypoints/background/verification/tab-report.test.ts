import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../../lib/report/schema';
import { createTabReport } from './tab-report';
import { referenceProof, verdictOf } from '../../../test/fakes/worker-fixtures';
import type { TabVerdicts } from './verification-service';
import { verifiedAiImage } from '../../../test/fixtures/image-verdicts';

const tab: TabVerdicts = {
  url: 'https://news.example/story',
  notChecked: 3,
  proofs: ['a', 'b'].map((id, index) => {
    const { id: _id, ...input } = referenceProof(id);
    return {
      tabId: 1,
      pageUrl: 'https://news.example/story',
      proof: { id, form: 'text', excerpt: input.shownText, key: `key-${id}` },
      input,
      verdict: verdictOf(index === 0 ? 'verified' : 'altered'),
      checkedAt: Date.UTC(2026, 0, 2 + index),
    };
  }),
};

function reportOf(known: TabVerdicts | undefined) {
  return createTabReport({
    service: { tabVerdicts: async () => known },
    version: '1.2.3',
    titleOf: async () => 'Council story',
    imagesOf: async () => [{ url: 'https://img.example/cat.jpg', verdict: verifiedAiImage, checkedAt: new Date(Date.UTC(2026, 0, 4)) }],
    now: () => Date.UTC(2026, 0, 5),
  });
}

describe('createTabReport', () => {
  it("reports a tab's page with every proof's verdict and when it was made", async () => {
    const report = await reportOf(tab)(1);
    expect(reportSchema.parse(report)).toEqual(report);
    expect(report).toMatchObject({
      generator: { name: 'Verity', kind: 'extension', version: '1.2.3' },
      source: { kind: 'page', location: 'https://news.example/story', title: 'Council story' },
      scope: 'page',
      generatedAt: '2026-01-05T00:00:00.000Z',
      summary: { snippets: 2, counts: { verified: 1, altered: 1 }, notChecked: 3 },
    });
    expect(report!.snippets.map(({ index, state, checkedAt }) => [index, state, checkedAt])).toEqual([
      [0, 'verified', '2026-01-02T00:00:00.000Z'],
      [1, 'altered', '2026-01-03T00:00:00.000Z'],
    ]);
    expect(report!.images).toEqual([expect.objectContaining({ url: 'https://img.example/cat.jpg', state: 'verified', aiClaimed: true, checkedAt: '2026-01-04T00:00:00.000Z' })]);
  });

  it('reports one proof at its place in the page, and nothing for a proof or tab that is gone', async () => {
    const report = await reportOf(tab)(1, 'b');
    expect(report).toMatchObject({ scope: 'snippet', summary: { snippets: 1, notChecked: 0 }, snippets: [{ index: 1, state: 'altered' }] });
    expect(report).not.toHaveProperty('images');
    expect(await reportOf(tab)(1, 'zzz')).toBeNull();
    expect(await reportOf(undefined)(1)).toBeNull();
  });
});
