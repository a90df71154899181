import type { FoundSnippet } from '../lib/extract/find-proofs';
import type { CheckedPageImage } from './page-images';
import type { BuildReportSnippet } from '../lib/report/build-report';
import { escapeJsonForTerminal } from '../lib/text/terminal-safe';

/** One proof of the page with its verdict: a report's snippet (lib/report), in a form a page has. */
export type CheckedSnippet = BuildReportSnippet & { form: FoundSnippet['form'] };

export type FormatJsonParameters = {
  source: string;
  snippets: readonly CheckedSnippet[];
  notChecked: number;
  /** The page's `img` sources, each address once (cli/page-images.ts). */
  images?: readonly CheckedPageImage[];
  /** `img` addresses over the per-page cap, not checked. */
  imagesNotChecked?: number;
};

/**
 * The `--json` output of spec §8, plus `form`, `summary` and `notChecked`,
 * then the page's images (docs/protocol.md §9).
 * Strings keep the page's exact text; DEL, C1 and bidi characters are
 * `\uXXXX` escapes (as JSON.stringify makes of C0), so it prints safely.
 */
export function formatJson({ source, snippets, notChecked, images = [], imagesNotChecked = 0 }: FormatJsonParameters): string {
  const json = JSON.stringify(
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
      images: images.map(({ index, src, url, image }) => ({ index, src, url, image })),
      imagesNotChecked,
    },
    null,
    2,
  );
  return escapeJsonForTerminal(json);
}
