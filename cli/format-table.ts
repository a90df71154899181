import { terminalSafe } from '../lib/text/terminal-safe';
import type { VerdictState } from '../lib/verdict/states';
import { verdictStates } from '../lib/verdict/states';
import { imageHeadline } from '../lib/c2pa/image-words';
import type { CheckedSnippet } from './format-json';
import type { CheckedPageImage } from './page-images';

export type FormatTableParameters = {
  source: string;
  snippets: readonly CheckedSnippet[];
  notChecked: number;
  /** The page's images, listed after the snippets: those with Content Credentials, then how many have none. */
  images?: readonly CheckedPageImage[];
  imagesNotChecked?: number;
  color: boolean;
  /** Terminal width; text excerpts are cut to fit. */
  width?: number;
};

const stateStyle: Record<VerdictState, { mark: string; ansi: string }> = {
  verified: { mark: '✔', ansi: '32' },
  pending: { mark: '…', ansi: '36' },
  unavailable: { mark: '?', ansi: '90' },
  untrusted: { mark: '!', ansi: '33' },
  altered: { mark: '✘', ansi: '31' },
  invalid: { mark: '✘', ansi: '31' },
  malformed: { mark: '✘', ansi: '35' },
};

/**
 * A readable table: one row a snippet, then why, then a count per state.
 * Text from the page (the source, excerpts, summaries naming signers or models)
 * goes through terminalSafe, so it cannot drive the terminal.
 */
export function formatTable({ source, snippets, notChecked, images = [], imagesNotChecked = 0, color, width = 100 }: FormatTableParameters): string {
  const paint = (ansi: string, text: string) => (color ? `\u001b[${ansi}m${text}\u001b[0m` : text);
  const lines = [paint('1', `Verity · ${terminalSafe(source)} · ${snippets.length} ${snippets.length === 1 ? 'proof' : 'proofs'}`), ''];
  if (snippets.length === 0) lines.push('No AI proofs found: no data-ai-proof attributes, ai-proof scripts or ai-proof:v1: tokens.');

  const textWidth = Math.max(20, width - 44);
  for (const { index, verdict } of snippets) {
    const { mark, ansi } = stateStyle[verdict.state];
    const state = paint(ansi, `${mark} ${verdict.state.padEnd(11)}`);
    const row = [
      String(index).padStart(3),
      state,
      String(verdict.confidence).padStart(3),
      (verdict.proofType ?? '-').padEnd(13),
      excerpt(verdict.text.shown, textWidth),
    ];
    lines.push(row.join('  '));
    lines.push(`${' '.repeat(5)}${paint('2', terminalSafe(verdict.summary))}`);
  }

  const counts = verdictStates
    .map((state) => [state, snippets.filter((snippet) => snippet.verdict.state === state).length] as const)
    .filter(([, count]) => count > 0)
    .map(([state, count]) => `${count} ${state}`);
  lines.push('');
  if (counts.length > 0) lines.push(counts.join(', '));
  if (notChecked > 0) lines.push(`${notChecked} more not checked: over the per-page limit.`);
  if (images.length > 0 || imagesNotChecked > 0) lines.push('', ...imageLines(images, imagesNotChecked, paint));
  return lines.join('\n');
}

/** One row an image with a verdict (state, what it says, its address; `unavailable` when it could not be read), then those without Content Credentials counted. */
function imageLines(images: readonly CheckedPageImage[], notChecked: number, paint: (ansi: string, text: string) => string): string[] {
  const withCredentials = images.flatMap(({ index, url, src, image }) => (image === null ? [] : [{ index, address: url ?? src, image }]));
  const lines = [paint('1', `Images · ${images.length} checked`)];
  for (const { index, address, image } of withCredentials) {
    const { mark, ansi } = stateStyle[image.state];
    lines.push([`img${index}`.padStart(5), paint(ansi, `${mark} ${image.state.padEnd(11)}`), terminalSafe(imageHeadline(image))].join('  '));
    lines.push(`${' '.repeat(7)}${paint('2', terminalSafe(address))}`);
  }
  const without = images.length - withCredentials.length;
  if (without > 0) lines.push(`${without} ${without === 1 ? 'image has' : 'images have'} no Content Credentials.`);
  if (notChecked > 0) lines.push(`${notChecked} more ${notChecked === 1 ? 'image' : 'images'} not checked: over the per-page limit of images.`);
  return lines;
}

function excerpt(text: string, width: number): string {
  const quoted = `“${terminalSafe(text)}”`;
  return quoted.length <= width ? quoted : `${quoted.slice(0, width - 2)}…”`;
}
