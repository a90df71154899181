import type { z } from 'zod';
import { base64ToBytes } from '../encoding/base64';
import { gatewayFormReason } from './gateway-forms';
import { maxEnvelopeBytes } from './limits';
import { envelope as envelopeSchema, proofTypes, type Envelope } from './schema';
import { sizeReason } from './size';

/**
 * Reading an envelope from a page (spec §1, §2). Nothing here throws: every
 * failure is a reason a reader can act on, and the snippet is `malformed`.
 */

export type DecodeResult = { ok: true; envelope: Envelope } | { ok: false; reason: string };

export type DecodeEnvelopeReturnType = DecodeResult;

/**
 * An envelope from its raw form: JSON text (first non-space character `{`)
 * or base64url (RFC 4648 §5, padding optional) of UTF-8 JSON. Surrounding
 * JSON whitespace is ignored in both forms. The size limit is checked
 * before anything is decoded.
 */
export function decodeEnvelope(raw: string): DecodeEnvelopeReturnType {
  try {
    if (typeof raw !== 'string') return fail('envelope must be a string');
    const tooLarge = sizeReason({ text: raw, limit: maxEnvelopeBytes, name: 'envelope' });
    if (tooLarge !== undefined) return fail(tooLarge);

    const trimmed = raw.replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, '');
    if (trimmed === '') return fail('envelope is empty');
    let json: string;
    if (trimmed.startsWith('{')) {
      if (!trimmed.isWellFormed()) return fail('envelope is not valid Unicode text (it has a lone surrogate)');
      json = trimmed;
    } else {
      const decoded = decodeBase64urlText(trimmed);
      if (!decoded.ok) return decoded;
      json = decoded.text;
    }

    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch (error) {
      return fail(`envelope is not valid JSON: ${clip(error instanceof Error ? error.message : String(error), 160)}`);
    }
    return validateEnvelope(value);
  } catch (error) {
    return unexpected(error);
  }
}

export type ValidateEnvelopeReturnType = DecodeResult;

/**
 * An envelope from a parsed JSON value. Checks in this order, so the reason
 * names the first thing wrong: an object; `v` is 1; `proof.type` is known;
 * then every field (the first three issues are named).
 */
export function validateEnvelope(value: unknown): ValidateEnvelopeReturnType {
  try {
    if (!isObject(value)) return fail(`envelope must be a JSON object, not ${kindOf(value)}`);
    if (value.v === undefined) return fail('envelope has no version (v)');
    if (value.v !== 1) return fail(`unsupported envelope version ${show(value.v)}`);
    const proof = value.proof;
    if (proof === undefined) return fail('envelope has no proof');
    if (!isObject(proof)) return fail(`proof: must be an object, not ${kindOf(proof)}`);
    if (proof.type === undefined) return fail('proof has no type');
    if (typeof proof.type !== 'string' || !(proofTypes as readonly string[]).includes(proof.type)) {
      return fail(`unknown proof type ${show(proof.type)}`);
    }

    const parsed = envelopeSchema.safeParse(value, { error: issueMessage });
    if (!parsed.success) return fail(describeIssues(parsed.error.issues, (path) => gatewayFormReason({ envelope: value, path })));
    // Signed text is hashed as UTF-8; a lone surrogate has no UTF-8 form.
    if (parsed.data.text !== undefined && !parsed.data.text.isWellFormed()) {
      return fail('text: must be valid Unicode text (it has a lone surrogate)');
    }
    return { ok: true, envelope: parsed.data };
  } catch (error) {
    return unexpected(error);
  }
}

export type ReferenceKind = 'og' | 'eas';

export type EnvelopeFromReferenceReturnType = DecodeResult;

/**
 * The envelope a short reference stands for (spec §1.3):
 * `og` → an og-settlement proof of transaction `id`; `eas` → an
 * eas-onchain proof of attestation `id`. The chain id is a positive
 * decimal integer without leading zeros.
 */
export function envelopeFromReference(kind: string, chainId: string | number, id: string): EnvelopeFromReferenceReturnType {
  try {
    if (kind !== 'og' && kind !== 'eas') return fail(`unknown short reference ${show(kind)}; expected og or eas`);
    const chain = typeof chainId === 'number' ? chainId : /^[1-9][0-9]*$/.test(chainId) ? Number(chainId) : Number.NaN;
    if (!Number.isSafeInteger(chain) || chain <= 0) {
      return fail(`short reference: chain id ${show(chainId)} must be a positive decimal integer`);
    }
    const idName = kind === 'og' ? 'transaction hash' : 'attestation UID';
    if (typeof id !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(id)) {
      return fail(`short reference: ${idName} ${show(id)} must be 0x and exactly 64 hex digits`);
    }
    const proof = kind === 'og' ? { type: 'og-settlement', chainId: chain, tx: id } : { type: 'eas-onchain', chainId: chain, uid: id };
    return validateEnvelope({ v: 1, proof });
  } catch (error) {
    return unexpected(error);
  }
}

// Base64url --------------------------------------------------------------

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** base64url of UTF-8 text, checked first so that each way it can be wrong has its own reason. */
function decodeBase64urlText(text: string): { ok: true; text: string } | { ok: false; reason: string } {
  const unpadded = text.replace(/={1,2}$/, '');
  const index = unpadded.search(/[^A-Za-z0-9_-]/);
  if (index !== -1) {
    const character = unpadded[index] === '+' || unpadded[index] === '/' ? unpadded[index] : show(String.fromCodePoint(unpadded.codePointAt(index)!));
    const hint = character === '+' || character === '/' ? ' (standard base64; base64url uses - and _)' : '';
    return fail(`envelope is neither JSON (starting with {) nor base64url: ${character} at position ${index}${hint}`);
  }
  const rest = unpadded.length % 4;
  const padding = text.length - unpadded.length;
  if (rest === 1) return fail('envelope is not base64url: its length is impossible (one character too many or too few)');
  if (padding > 0 && (rest === 0 || rest + padding !== 4)) return fail('envelope is not base64url: wrong "=" padding');

  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(text);
  } catch {
    // All that is left to be wrong: the last character sets bits past the last byte, which no encoder writes.
    return fail('envelope is not base64url: its last character has bits set past the last byte (edited?)');
  }
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return fail('envelope decodes from base64url to bytes that are not UTF-8 text');
  }
}

// Reasons -----------------------------------------------------------------

type Issue = z.core.$ZodIssue;

/** Messages for issues the schema has no words of its own for. */
const issueMessage: z.core.$ZodErrorMap = (issue) => {
  if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union')) return 'is missing';
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${expectedNames[issue.expected] ?? issue.expected}, not ${kindOf(issue.input)}`;
    case 'unrecognized_keys':
      return `has unexpected ${issue.keys.length === 1 ? 'field' : 'fields'} ${issue.keys.slice(0, 3).map(show).join(', ')}`;
    case 'too_small':
      return `must be at least ${issue.minimum}`;
    case 'too_big':
      return `must be at most ${issue.maximum}`;
    default:
      return undefined;
  }
};

const expectedNames: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  record: 'an object',
};

const issuesShown = 3;

/** `proof.teeId: must be 0x and exactly 64 hex digits; … (and 2 more)`. */
/** A reason of its own for the issue at `path`, when there is a better one than the schema's. */
type ExplainIssue = (path: readonly PropertyKey[]) => string | undefined;

function describeIssues(issues: readonly Issue[], explain: ExplainIssue): string {
  const lines = issues.flatMap((issue) => describeIssue(issue, [], explain));
  const shown = lines.slice(0, issuesShown).join('; ');
  return lines.length > issuesShown ? `${shown} (and ${lines.length - issuesShown} more)` : shown;
}

function describeIssue(issue: Issue, base: readonly PropertyKey[], explain: ExplainIssue): string[] {
  const path = [...base, ...issue.path];
  if (issue.code === 'invalid_union' && issue.message !== 'is missing' && issue.errors.length > 0) {
    // All branches are "wrong type here": say which types would do.
    const types = issue.errors.map((branch) => (branch.length === 1 && branch[0]!.code === 'invalid_type' && branch[0]!.path.length === 0 ? branch[0]!.expected : undefined));
    if (types.every((type) => type !== undefined)) {
      return [`${formatPath(path)}: must be ${types.map((type) => expectedNames[type!] ?? type).join(' or ')}`];
    }
    // Otherwise explain the branch that came closest: one that is not a different shape, with fewest issues.
    const closest = issue.errors
      .map((branch) => ({ branch, score: branch.length + (branch.some((inner) => inner.code === 'unrecognized_keys' && inner.path.length === 0) ? 1_000 : 0) }))
      .sort((a, b) => a.score - b.score)[0]!.branch;
    return closest.flatMap((inner) => describeIssue(inner, path, explain));
  }
  return [`${formatPath(path)}: ${explain(path) ?? issue.message}`];
}

/** `proof.settlement.proof[2]`; odd keys quoted; the whole envelope is `envelope`. */
function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'envelope';
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) text += text === '' ? key : `.${key}`;
    else text += `[${show(String(key))}]`;
  }
  return clip(text, 120);
}

function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

function unexpected(error: unknown): { ok: false; reason: string } {
  return fail(`envelope could not be read: ${clip(error instanceof Error ? error.message : String(error), 160)}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'object':
      return 'an object';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return typeof value;
  }
}

/** A value as JSON, clipped: reasons quote what the page wrote, never at length. */
function show(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return clip(text, 80);
}

function clip(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
