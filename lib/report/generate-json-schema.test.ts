import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifiedOgTee, verifiedPageProof } from '../../test/ui/fixtures';
import { publishedReportValidator } from '../../test/report-json-schema';
import { buildReport } from './build-report';
import { invalidImage, verifiedAiImage } from '../../test/fixtures/image-verdicts';
import { renderReportJsonSchema, reportJsonSchemaPath } from '../../test/generators/report-json-schema';

describe('docs/report-v1.schema.json', () => {
  it('is the JSON Schema of lib/report/schema.ts (regenerate: npx tsx test/generators/report-json-schema.ts)', () => {
    expect(readFileSync(reportJsonSchemaPath, 'utf8')).toBe(renderReportJsonSchema());
  });

  it('requires what every report has', () => {
    const schema = JSON.parse(renderReportJsonSchema()) as { required: string[]; properties: Record<string, { const?: unknown }> };
    expect(schema.required).toEqual(['format', 'version', 'generatedAt', 'generator', 'source', 'scope', 'summary', 'chains', 'snippets']);
    expect(schema.properties.format!.const).toBe('verity-report');
  });

  it('accepts the reports Verity builds and rejects one that breaks the format, read by an independent validator (Ajv)', () => {
    const validate = publishedReportValidator();
    const checkedAt = new Date('2026-11-24T21:30:16.000Z');
    const report = buildReport({
      generator: { kind: 'cli', version: '0.1.0' },
      source: { kind: 'file', location: 'page.html' },
      scope: 'page',
      generatedAt: checkedAt,
      notChecked: 0,
      snippets: [{ index: 0, form: 'attribute', raw: verifiedPageProof.raw, verdict: verifiedOgTee, checkedAt }],
    });
    expect(validate(JSON.parse(JSON.stringify(report)))).toEqual([]);
    const [snippet] = report.snippets;
    expect(validate({ ...report, version: 2 })).not.toEqual([]);
    expect(validate({ ...report, snippets: [{ ...snippet, state: 'fine' }] })).not.toEqual([]);
    expect(validate({ ...report, generatedAt: 'yesterday' })).not.toEqual([]);
  });

  it('accepts a page report with its images, and rejects an image with a state an image cannot have', () => {
    const validate = publishedReportValidator();
    const report = buildReport({
      generator: { kind: 'extension', version: '1.4.0' },
      source: { kind: 'page', location: 'https://news.example/a' },
      scope: 'page',
      generatedAt: new Date('2026-11-24T21:30:16.000Z'),
      notChecked: 0,
      snippets: [],
      images: [
        { url: 'https://img.example/cat.jpg', verdict: verifiedAiImage, checkedAt: new Date('2026-11-24T21:30:00.000Z') },
        { url: 'https://img.example/crowd.jpg', verdict: invalidImage },
      ],
    });
    expect(validate(JSON.parse(JSON.stringify(report)))).toEqual([]);
    expect(report.images?.[1]).not.toHaveProperty('manifestStore');
    const [image] = report.images!;
    expect(validate({ ...report, images: [{ ...image, state: 'pending' }] })).not.toEqual([]);
    expect(validate({ ...report, images: [{ ...image, aiClaimed: 'yes' }] })).not.toEqual([]);
  });
});
