import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { reportJsonSchemaPath } from './generators/report-json-schema';

/**
 * The published JSON Schema (docs/report-v1.schema.json) as a validator,
 * compiled by Ajv, a JSON Schema implementation independent of zod: what a
 * consumer of Verity's reports would check them with.
 */
export function publishedReportValidator(): (value: unknown) => string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(reportJsonSchemaPath, 'utf8')) as object);
  return (value) => (validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`));
}
