import { describe, expect, it } from 'vitest';
import { pendingEas, verifiedOgTee, verifiedPageProof } from '../../test/ui/fixtures';
import { buildReport, type BuildReportParameters } from './build-report';
import { CitationSnippetError, citationText } from './citation';

const checkedAt = new Date('2026-11-24T21:30:16.000Z');
const parameters: BuildReportParameters = {
  generator: { kind: 'extension', version: '0.1.0' },
  source: { kind: 'page', location: 'https://news.example.com/a', title: 'Council approves lanes' },
  scope: 'page',
  generatedAt: new Date('2026-11-24T21:31:00.000Z'),
  notChecked: 0,
  snippets: [
    { index: 0, form: 'attribute', raw: verifiedPageProof.raw, verdict: verifiedOgTee, checkedAt },
    { index: 1, form: 'script', raw: '{}', verdict: pendingEas, checkedAt },
  ],
};
const report = buildReport(parameters);

describe('citationText', () => {
  it('records what was checked, when, the verdict and the chain facts', () => {
    expect(citationText(report, 0).split('\n')).toEqual([
      'Checked with Verity on 24 November 2026, 21:30 UTC',
      'Page: https://news.example.com/a',
      'Title: Council approves lanes',
      'Verdict: Verified, confidence 90/100',
      `Why: ${verifiedOgTee.summary}`,
      'Proof: og-tee on OpenGradient devnet (chain id 10740)',
      'Transaction: 0x9f2c…c6e8 in block 4821907',
      'TEE: 0x3333…3333',
      'The page says (not signed): model “meta-llama/Llama-3.1-70B-Instruct”',
      'Checks: 13 passed, 0 failed, 0 not run',
      `Text: "${verifiedOgTee.text.shown}"`,
      'Verity browser extension 0.1.0',
    ]);
  });

  it('cites the snippet at the given position, with its attester', () => {
    const citation = citationText(report, 1);
    expect(citation).toContain('Verdict: Pending, confidence 65/100');
    expect(citation).toMatch(/^Attester: Example Newsroom \(0x[0-9a-f]{4}…[0-9a-f]{4}\)$/m);
    expect(citation).toMatch(/^Attestation UID: 0x[0-9a-f]{4}…[0-9a-f]{4}$/m);
    expect(citation).not.toMatch(/0x[0-9a-f]{12}/i);
    expect(citation).toContain('Checks: 9 passed, 1 failed, 0 not run');
  });

  it('names pasted material without a location, and cuts a long text', () => {
    const long = 'word '.repeat(100).trim();
    const pasted = buildReport({
      ...parameters,
      source: { kind: 'pasted' },
      snippets: [{ ...parameters.snippets[0]!, form: 'pasted', verdict: { ...verifiedOgTee, text: { shown: long, signed: long, match: 'shown-is-signed' } } }],
    });
    const lines = citationText(pasted).split('\n');
    expect(lines[1]).toBe('Pasted into Verity');
    const text = lines.find((line) => line.startsWith('Text: '))!;
    expect(text.length).toBeLessThanOrEqual('Text: ""'.length + 280);
    expect(text.endsWith('…"')).toBe(true);
  });

  it("says where a shared link claims to come from by its origin only, and a long bidi model only as the page's claim, cut", () => {
    const model = `gpt\u202E${'x'.repeat(200)}`;
    const shared = buildReport({
      ...parameters,
      source: { kind: 'shared', location: 'https://www.reuters.com:x@\u0430pple.com/\u202Efdp.exe' },
      snippets: [{ ...parameters.snippets[0]!, verdict: { ...verifiedOgTee, facts: { ...verifiedOgTee.facts, model } } }],
    });
    const lines = citationText(shared).split('\n');
    expect(lines[1]).toBe('Shared link, which says it comes from https://xn--pple-43d.com (not opened or checked)');
    expect(lines).toContain(`The page says (not signed): model “gpt\\u{202E}${'x'.repeat(48)}…”`);
    expect(lines.join('\n')).not.toMatch(/reuters|\u202E|\u0430/);
  });

  it('ends with a share link to check it again, when given one', () => {
    const lines = citationText(report, 0, { shareLink: 'https://verify.example.org/#share=v1.abc' }).split('\n');
    expect(lines.at(-2)).toBe('Check it yourself: https://verify.example.org/#share=v1.abc');
  });

  it('says when its share link opens only where Verity is installed (the placeholder verifier page)', () => {
    const lines = citationText(report, 0, { shareLink: 'https://verity.example/verify/#share=v1.abc' }).split('\n');
    expect(lines.at(-2)).toBe('Check it yourself with the Verity browser extension: https://verity.example/verify/#share=v1.abc');
  });

  it('throws a CitationSnippetError for a position the report does not have', () => {
    expect(() => citationText(report, 2)).toThrow(CitationSnippetError);
    expect(() => citationText(report, 2)).toThrow('The report has no snippet at position 2');
  });
});
