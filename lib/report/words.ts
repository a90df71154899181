import { headlineOf, stateStyles } from '../../components/state-style';
import { opensWithoutVerity } from '../share/share-base';
import type { VerdictState } from '../verdict/states';
import type { Verdict } from '../verdict/types';
import type { Report } from './schema';

/**
 * The words reports and citations use, shared by the Markdown and the
 * plain-text forms. Verdict words come from components/state-style.ts
 * (plain data, no React), so a report says what the badge says.
 */

export function verdictWord(state: VerdictState): string {
  return stateStyles[state].word;
}

export function verdictHeadline(snippet: Pick<Verdict, 'state' | 'proofType' | 'checks'>): string {
  return headlineOf(snippet);
}

/** A citation's invitation to open its share link, which says so when the link opens only where Verity is installed. */
export function checkItYourself(link: string): string {
  return `${opensWithoutVerity(link) ? 'Check it yourself' : 'Check it yourself with the Verity browser extension'}: ${link}`;
}

/** What the source of a report was, for a reader: "Page", "Pasted into Verity". */
export const sourceKindWords: Record<Report['source']['kind'], string> = {
  page: 'Page',
  file: 'File',
  stdin: 'Standard input',
  pasted: 'Pasted into Verity',
  shared: 'Shared link',
};

export const generatorKindWords: Record<Report['generator']['kind'], string> = {
  extension: 'browser extension',
  cli: 'command line',
  web: 'verifier page',
};

/** `2026-11-24 21:30:16 UTC` from an ISO time with any offset. */
export function readableTime(iso: string): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : `${time.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The start of a text, cut at a word where one is near, with an ellipsis. */
export function excerpt(text: string, length: number): string {
  if (text.length <= length) return text;
  const end = /[\uD800-\uDBFF]/.test(text[length - 2] ?? '') ? length - 2 : length - 1;
  const cut = text.slice(0, end);
  const space = cut.lastIndexOf(' ');
  return `${space > length * 0.6 ? cut.slice(0, space) : cut}…`;
}
