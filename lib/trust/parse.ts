import type { z } from 'zod';
import { defaultTrustConfig } from './defaults';
import { TrustConfigError, type TrustConfigIssue } from './errors';
import { mergeTrustConfig } from './merge';
import { trustConfig, trustConfigInput, type TrustConfig, type TrustConfigInput } from './schema';

export { TrustConfigError, type TrustConfigIssue } from './errors';

export type ParseTrustConfigParameters = {
  /** The configuration the input is merged over; the built-in defaults when omitted. */
  base?: TrustConfig;
};

export type ParseTrustConfigReturnType =
  | {
      ok: true;
      /** The effective configuration: the input merged over `base`. */
      config: TrustConfig;
      /** The input alone, validated and normalised: what this layer sets. */
      layer: TrustConfigInput;
    }
  | { ok: false; issues: TrustConfigIssue[]; error: TrustConfigError };

/**
 * Reads one layer of trust configuration (spec §7): JSON text or an already
 * parsed value. Any section, chain or field may be missing; what is missing
 * comes from `base`. The merged result must be complete, so a chain that
 * `base` does not have needs at least a name, an RPC and confirmations.
 */
export function parseTrustConfig(input: unknown, { base = defaultTrustConfig }: ParseTrustConfigParameters = {}): ParseTrustConfigReturnType {
  const layer = parseTrustConfigInput(input);
  if (!layer.ok) return failure(layer.issues);
  const merged = trustConfig.safeParse(mergeTrustConfig(base, layer.layer), { reportInput: true });
  // Merging keeps the layer's paths, so these issues name fields as the input wrote them.
  if (!merged.success) return failure(toIssues(merged.error.issues));
  return { ok: true, config: merged.data, layer: layer.layer };
}

/** JSON text (a byte order mark allowed) or a parsed value; the issue says why text is no JSON. */
export function jsonValue(input: unknown): { ok: true; value: unknown } | { ok: false; issues: TrustConfigIssue[] } {
  if (typeof input !== 'string') return { ok: true, value: input };
  try {
    return { ok: true, value: JSON.parse(input.replace(/^\uFEFF/, '')) };
  } catch (error) {
    return { ok: false, issues: [{ path: '', message: `is not valid JSON (${(error as Error).message})` }] };
  }
}

function parseTrustConfigInput(input: unknown): { ok: true; layer: TrustConfigInput } | { ok: false; issues: TrustConfigIssue[] } {
  const json = jsonValue(input);
  if (!json.ok) return json;
  const parsed = trustConfigInput.safeParse(json.value, { reportInput: true });
  return parsed.success ? { ok: true, layer: parsed.data } : { ok: false, issues: toIssues(parsed.error.issues) };
}

function failure(issues: TrustConfigIssue[]): ParseTrustConfigReturnType {
  return { ok: false, issues, error: new TrustConfigError(issues) };
}

export function toIssues(issues: readonly z.core.$ZodIssue[]): TrustConfigIssue[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: describeIssue(issue) }));
}

/**
 * zod's issues in words for people editing a file. A wrong type is described
 * from the value itself (zod reports it: `reportInput`), not from zod's English.
 */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_key') return issue.issues[0]?.message ?? 'is not a valid key';
  if (issue.code !== 'invalid_type') return issue.message;
  if (issue.input === undefined) return 'is required';
  const received = kindOf(issue.input);
  return `must be ${typeNames[issue.expected] ?? issue.expected}, not ${typeNames[received] ?? received}`;
}

/** A JSON value's kind, in zod's names for types. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

const typeNames: Record<string, string> = {
  array: 'a list',
  boolean: 'true or false',
  null: 'null',
  number: 'a number',
  object: 'an object',
  record: 'an object',
  string: 'a string',
};
