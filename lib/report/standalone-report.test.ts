import { describe, expect, it } from 'vitest';
import { alteredOgTee, verifiedOgTee, verifiedPageProof } from '../../test/ui/fixtures';
import { reportSchema } from './schema';
import { standaloneReport } from './standalone-report';

const checkedAt = new Date('2026-11-24T21:30:16.000Z');

describe('standaloneReport', () => {
  it('reports one pasted proof as a snippet, made when it was checked', () => {
    const report = reportSchema.parse(standaloneReport({ version: '1.4.0', source: { kind: 'pasted' }, raw: verifiedPageProof.raw, verdict: verifiedOgTee, checkedAt }));
    expect(report).toMatchObject({
      generatedAt: '2026-11-24T21:30:16.000Z',
      generator: { name: 'Verity', kind: 'extension', version: '1.4.0' },
      source: { kind: 'pasted' },
      scope: 'snippet',
      summary: { snippets: 1, counts: { verified: 1 }, confidence: verifiedOgTee.confidence, notChecked: 0 },
    });
    expect(report.snippets).toHaveLength(1);
    expect(report.snippets[0]).toMatchObject({ index: 0, form: 'pasted', state: 'verified', raw: verifiedPageProof.raw, checkedAt: '2026-11-24T21:30:16.000Z' });
  });

  it("keeps a share link's page as the location it claims, and the proof as pasted", () => {
    const report = standaloneReport({
      version: '1.4.0',
      source: { kind: 'shared', location: 'https://news.example.com/a' },
      raw: verifiedPageProof.raw,
      verdict: alteredOgTee,
      checkedAt,
    });
    expect(report.source).toEqual({ kind: 'shared', location: 'https://news.example.com/a' });
    expect(report.summary.counts).toEqual({ altered: 1 });
    expect(report.snippets[0]!.form).toBe('pasted');
  });
});
