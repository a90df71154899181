import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderReportJsonSchema, reportJsonSchemaPath } from './generate-json-schema';

describe('docs/report-v1.schema.json', () => {
  it('is the JSON Schema of lib/report/schema.ts (regenerate: npx tsx lib/report/generate-json-schema.ts)', () => {
    expect(readFileSync(reportJsonSchemaPath, 'utf8')).toBe(renderReportJsonSchema());
  });

  it('requires what every report has', () => {
    const schema = JSON.parse(renderReportJsonSchema()) as { required: string[]; properties: Record<string, { const?: unknown }> };
    expect(schema.required).toEqual(['format', 'version', 'generatedAt', 'generator', 'source', 'scope', 'summary', 'chains', 'snippets']);
    expect(schema.properties.format!.const).toBe('verity-report');
  });
});
