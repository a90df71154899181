import { verdictStates } from '../verdict/states';
import type { Verdict } from '../verdict/types';
import { envelopeJson } from './envelope-json';
import { reportImage, type ReportImageParameters } from './report-image';
import type { Report, ReportSnippet } from './schema';

/** The longest raw proof a report carries, in UTF-8 bytes; a longer one is cut and marked `rawTruncated`. */
export const maxReportRawBytes = 64 * 1024;

export type BuildReportSnippet = {
  /** Position in the page, from 0 (0 for a proof checked on its own). */
  index: number;
  form: ReportSnippet['form'];
  /** The proof exactly as found; null when Verity did not keep it (refused by the tab's budget, check `tab-budget`). */
  raw: string | null;
  verdict: Verdict;
  checkedAt: Date;
};

export type BuildReportParameters = {
  generator: Pick<Report['generator'], 'kind' | 'version'>;
  source: Report['source'];
  scope: Report['scope'];
  generatedAt: Date;
  /** Proofs beyond the per-page cap, not checked. */
  notChecked: number;
  snippets: readonly BuildReportSnippet[];
  /** The page's images with Content Credentials; none leaves `images` out. */
  images?: readonly ReportImageParameters[] | undefined;
};

export type BuildReportReturnType = Report;

/** A Verity report (lib/report/schema.ts) of verdicts already made. */
export function buildReport({ generator, source, scope, generatedAt, notChecked, snippets, images = [] }: BuildReportParameters): BuildReportReturnType {
  const counts: Report['summary']['counts'] = {};
  for (const state of verdictStates) {
    const count = snippets.filter(({ verdict }) => verdict.state === state).length;
    if (count > 0) counts[state] = count;
  }
  return {
    format: 'verity-report',
    version: 1,
    generatedAt: generatedAt.toISOString(),
    generator: { name: 'Verity', kind: generator.kind, version: generator.version },
    source,
    scope,
    summary: {
      snippets: snippets.length,
      counts,
      confidence: snippets.length === 0 ? null : Math.min(...snippets.map(({ verdict }) => verdict.confidence)),
      notChecked,
    },
    chains: chainsOf(snippets.map(({ verdict }) => verdict)),
    snippets: snippets.map(reportSnippet),
    ...(images.length > 0 && { images: images.map(reportImage) }),
  };
}

function reportSnippet({ index, form, raw, verdict, checkedAt }: BuildReportSnippet): ReportSnippet {
  const cut = raw === null ? null : cutUtf8(raw, maxReportRawBytes);
  return {
    index,
    form,
    state: verdict.state,
    confidence: verdict.confidence,
    proofType: verdict.proofType,
    summary: verdict.summary,
    checkedAt: checkedAt.toISOString(),
    text: { ...verdict.text },
    checks: verdict.checks.map((check) => ({ ...check })),
    facts: structuredClone(verdict.facts),
    raw: cut,
    ...(cut !== null && cut.length < raw!.length && { rawTruncated: true as const }),
    envelope: raw === null ? null : envelopeJson(raw),
  };
}

/** Each chain the verdicts read, in order of first mention, with every RPC endpoint used on it. */
function chainsOf(verdicts: readonly Verdict[]): Report['chains'] {
  const chains = new Map<number, { name?: string; rpcs: Set<string> }>();
  for (const { facts } of verdicts) {
    if (facts.chainId === undefined) continue;
    const chain = chains.get(facts.chainId) ?? { rpcs: new Set<string>() };
    chain.name ??= facts.chainName;
    for (const rpc of facts.rpcs ?? []) chain.rpcs.add(rpc);
    chains.set(facts.chainId, chain);
  }
  return [...chains].map(([chainId, { name, rpcs }]) => ({ chainId, ...(name !== undefined && { name }), rpcs: [...rpcs] }));
}

/** `text` cut to at most `maxBytes` UTF-8 bytes, never inside a character. */
function cutUtf8(text: string, maxBytes: number): string {
  if (text.length * 3 <= maxBytes) return text;
  let bytes = 0;
  for (let index = 0; index < text.length; ) {
    const codePoint = text.codePointAt(index)!;
    const size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    if (bytes + size > maxBytes) return text.slice(0, index);
    bytes += size;
    index += codePoint > 0xffff ? 2 : 1;
  }
  return text;
}
