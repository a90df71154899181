import type { FoundSnippet } from '../lib/extract/find-proofs';
import type { BuildReportSnippet } from '../lib/report/build-report';

/** One proof of the page with its verdict: a report's snippet (lib/report), in a form a page has. */
export type CheckedSnippet = BuildReportSnippet & { form: FoundSnippet['form'] };

export type FormatJsonParameters = { source: string; snippets: readonly CheckedSnippet[]; notChecked: number };

/** The `--json` output of spec §8, plus `form`, `summary` and `notChecked`. */
export function formatJson({ source, snippets, notChecked }: FormatJsonParameters): string {
  return JSON.stringify(
    {
      source,
      snippets: snippets.map(({ index, form, verdict }) => ({
        index,
        state: verdict.state,
        confidence: verdict.confidence,
        proofType: verdict.proofType,
        form,
        text: verdict.text.shown,
        summary: verdict.summary,
        checks: verdict.checks.map(({ id, ok, detail }) => ({ id, ok, detail })),
      })),
      notChecked,
    },
    null,
    2,
  );
}
