/**
 * Writes docs/report-v1.schema.json, the JSON Schema of a Verity report,
 * from the zod schema in lib/report/schema.ts:
 *
 *   npx tsx test/generators/report-json-schema.ts
 *
 * lib/report/generate-json-schema.test.ts fails when the committed file and the zod
 * schema differ.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { reportSchema } from '../../lib/report/schema';

export const reportJsonSchemaPath = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'report-v1.schema.json');

/** The schema as the committed file holds it: JSON Schema 2020-12, pretty-printed, with a title and description. */
export function renderReportJsonSchema(): string {
  const schema = z.toJSONSchema(reportSchema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' });
  const described = {
    $schema: schema.$schema,
    title: 'Verity report, version 1',
    description: 'What Verity checked, against what, when and with which build: every check, chain facts and the envelope. Generated from lib/report/schema.ts; do not edit.',
    ...schema,
  };
  return `${JSON.stringify(described, null, 2)}\n`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(reportJsonSchemaPath, renderReportJsonSchema());
  process.stdout.write(`Wrote ${reportJsonSchemaPath}\n`);
}
