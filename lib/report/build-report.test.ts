import { describe, expect, it } from 'vitest';
import {
  alteredOgTee,
  alteredPageProof,
  malformedPageProof,
  malformedVerdict,
  pendingEas,
  unavailableOgSettlement,
  verifiedOgTee,
  verifiedPageProof,
} from '../../test/ui/fixtures';
import { referenceProof } from '../../test/fakes/worker-fixtures';
import { buildReport, maxReportRawBytes, type BuildReportParameters } from './build-report';
import { reportSchema } from './schema';

const checkedAt = new Date('2026-11-24T21:30:16.000Z');

const page: BuildReportParameters = {
  generator: { kind: 'extension', version: '0.1.0' },
  source: { kind: 'page', location: 'https://news.example.com/a', title: 'Council approves lanes' },
  scope: 'page',
  generatedAt: new Date('2026-11-24T21:31:00.000Z'),
  notChecked: 2,
  snippets: [
    { index: 0, form: 'attribute', raw: verifiedPageProof.raw, verdict: verifiedOgTee, checkedAt },
    { index: 1, form: 'attribute', raw: alteredPageProof.raw, verdict: alteredOgTee, checkedAt },
    { index: 2, form: 'text', raw: malformedPageProof.raw, verdict: malformedVerdict, checkedAt },
    { index: 3, form: 'script', raw: '{"v":1,"proof":{"type":"eas-onchain"}}', verdict: pendingEas, checkedAt },
    { index: 4, form: 'text', raw: referenceProof('p5').raw, verdict: { ...unavailableOgSettlement, facts: { ...unavailableOgSettlement.facts, rpcs: ['https://rpc.two.example'] } }, checkedAt },
  ],
};

describe('buildReport', () => {
  it('builds a report the schema accepts, with the summary of the verdicts', () => {
    const report = reportSchema.parse(buildReport(page));
    expect(report).toMatchObject({
      format: 'verity-report',
      version: 1,
      generatedAt: '2026-11-24T21:31:00.000Z',
      generator: { name: 'Verity', kind: 'extension', version: '0.1.0' },
      source: page.source,
      scope: 'page',
      summary: { snippets: 5, counts: { verified: 1, altered: 1, malformed: 1, pending: 1, unavailable: 1 }, confidence: 0, notChecked: 2 },
    });
    expect(Object.keys(report.summary.counts)).toEqual(['malformed', 'altered', 'unavailable', 'pending', 'verified']);
  });

  it('keeps every check, fact and text of each verdict', () => {
    const [verified, altered] = buildReport(page).snippets;
    expect(verified).toMatchObject({ index: 0, form: 'attribute', state: 'verified', confidence: 90, proofType: 'og-tee', checkedAt: '2026-11-24T21:30:16.000Z' });
    expect(verified!.checks).toEqual(verifiedOgTee.checks);
    expect(verified!.facts).toEqual(verifiedOgTee.facts);
    expect(altered!.text).toEqual({ shown: alteredOgTee.text.shown, signed: alteredOgTee.text.signed, match: 'differs' });
  });

  it('gathers each chain once, with the union of the RPC endpoints used on it', () => {
    expect(buildReport(page).chains).toEqual([
      { chainId: 10740, name: 'OpenGradient devnet', rpcs: ['https://ogevmdevnet.opengradient.ai', 'https://rpc.two.example'] },
      { chainId: 8453, name: 'Base', rpcs: ['https://mainnet.base.org', 'https://base-rpc.publicnode.com'] },
    ]);
  });

  it('parses the envelope from base64url, JSON, a token body and a short reference, malformed or not', () => {
    const [verified, altered, malformed, script, reference] = buildReport(page).snippets;
    expect(verified!.envelope).toMatchObject({ v: 1, proof: { type: 'og-tee', chainId: 10740 } });
    expect(altered!.envelope).toEqual(JSON.parse(alteredPageProof.raw));
    expect(malformed!.envelope).toEqual({ v: 1, proof: { type: 'og-tee', outputHash: '0x123' } });
    expect(script!.envelope).toEqual({ v: 1, proof: { type: 'eas-onchain' } });
    expect(reference!.envelope).toMatchObject({ v: 1, proof: { type: 'og-settlement', chainId: 31337 } });
  });

  it('gives null for a raw proof that is not JSON in any form', () => {
    const report = buildReport({ ...page, snippets: [{ ...page.snippets[0]!, raw: 'not+an/envelope' }, { ...page.snippets[0]!, raw: '{"v":1,' }] });
    expect(report.snippets.map((snippet) => snippet.envelope)).toEqual([null, null]);
  });

  it('cuts a raw proof over 64 KiB at a character and marks it', () => {
    const raw = `{"v":1,"text":"${'é'.repeat(maxReportRawBytes)}"}`;
    const [snippet] = buildReport({ ...page, snippets: [{ ...page.snippets[0]!, raw }] }).snippets;
    expect(snippet!.rawTruncated).toBe(true);
    expect(new TextEncoder().encode(snippet!.raw!).length).toBeLessThanOrEqual(maxReportRawBytes);
    expect(raw.startsWith(snippet!.raw!)).toBe(true);
    expect(snippet!.raw!.endsWith('é')).toBe(true);
    expect(snippet!.envelope).toMatchObject({ v: 1 });
    expect(buildReport(page).snippets[0]!.rawTruncated).toBeUndefined();
  });

  it('has no confidence and no chains without snippets', () => {
    const report = reportSchema.parse(buildReport({ ...page, snippets: [], notChecked: 0 }));
    expect(report.summary).toEqual({ snippets: 0, counts: {}, confidence: null, notChecked: 0 });
    expect(report.chains).toEqual([]);
  });
});
