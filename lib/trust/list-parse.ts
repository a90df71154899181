import { TrustListError } from './errors';
import { trustList, type TrustList } from './list-schema';
import { jsonValue, toIssues } from './parse';

export type ParseTrustListReturnType = { ok: true; list: TrustList } | { ok: false; error: TrustListError };

/** Reads a trust list (spec §7): JSON text or an already parsed value. A bad one is refused whole, naming the field. */
export function parseTrustList(input: unknown): ParseTrustListReturnType {
  const json = jsonValue(input);
  if (!json.ok) return { ok: false, error: new TrustListError(json.issues) };
  const parsed = trustList.safeParse(json.value, { reportInput: true });
  return parsed.success ? { ok: true, list: parsed.data } : { ok: false, error: new TrustListError(toIssues(parsed.error.issues)) };
}
