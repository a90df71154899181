import type { Verdict } from '../lib/verdict/types';

export type CheckedSnippet = {
  index: number;
  form: 'attribute' | 'script' | 'text';
  /** The proof as found on the page. */
  raw: string;
  verdict: Verdict;
  /** When the verdict was made. */
  checkedAt: Date;
};

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
