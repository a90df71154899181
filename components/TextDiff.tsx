import { diffTexts } from '../lib/text/diff';
import type { Verdict } from '../lib/verdict/types';

export type TextDiffProps = {
  /** What the proof signs. */
  signed: string;
  /** What the page shows. */
  shown: string;
  /** Names the two sides; defaults to the signed and shown text. */
  beforeName?: string;
  afterName?: string;
};

/**
 * The texts of a verdict worth a diff: the proof signs a text of its own and
 * the checked text is not exactly it. Null otherwise (nothing to compare).
 */
export function textsToDiff({ signed, shown, match }: Verdict['text']): { signed: string; shown: string } | null {
  return signed !== null && (match === 'wording' || match === 'differs') ? { signed, shown } : null;
}

/** The shown text against the signed text, word by word, with a legend and both texts in full. */
export function TextDiff({ signed, shown, beforeName = 'signed text', afterName = 'page' }: TextDiffProps) {
  const { parts, complete } = diffTexts({ signed, shown, text: 'as-written' });
  const changes = parts.filter((part) => part.kind !== 'same' && part.text.trim() !== '').length;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600">
        <span className="inline-flex items-center gap-1.5">
          <del className="rounded-sm bg-rose-100 px-1 text-rose-900 decoration-rose-700/60">text</del>
          only in the {beforeName}
        </span>
        <span className="inline-flex items-center gap-1.5">
          <ins className="rounded-sm bg-amber-100 px-1 text-amber-950 underline decoration-amber-700/60 underline-offset-2">
            text
          </ins>
          only on the {afterName}
        </span>
        <span className="ml-auto tabular-nums">
          {changes === 0 ? 'No differences' : `${changes} ${changes === 1 ? 'difference' : 'differences'}`}
        </span>
      </div>
      <p
        aria-label={`Differences between the ${beforeName} and the ${afterName}`}
        className="max-h-96 overflow-auto rounded-lg border border-slate-200 bg-white p-3.5 text-sm leading-relaxed break-words whitespace-pre-wrap text-slate-800"
      >
        {parts.map((part, index) => {
          if (part.kind === 'same') return <span key={index}>{part.text}</span>;
          if (part.kind === 'signed-only') {
            return (
              <del key={index} className="rounded-sm bg-rose-100 px-0.5 text-rose-900 decoration-rose-700/60">
                <span className="sr-only">[only in the {beforeName}: </span>
                {part.text}
                <span className="sr-only">]</span>
              </del>
            );
          }
          return (
            <ins
              key={index}
              className="rounded-sm bg-amber-100 px-0.5 text-amber-950 underline decoration-amber-700/60 underline-offset-2"
            >
              <span className="sr-only">[only on the {afterName}: </span>
              {part.text}
              <span className="sr-only">]</span>
            </ins>
          );
        })}
      </p>
      {!complete && (
        <p className="text-xs text-slate-600">
          The texts differ in too many places to match word by word: everything between their common start and end is shown as
          removed and added.
        </p>
      )}
      <details className="text-sm">
        <summary className="focus-ring cursor-pointer rounded-sm text-slate-600 select-none hover:text-slate-900">
          Both texts in full
        </summary>
        <div className="mt-2 grid gap-3 md:grid-cols-2">
          <FullText title={`The ${beforeName}`} text={signed} />
          <FullText title={`On the ${afterName}`} text={shown} />
        </div>
      </details>
    </div>
  );
}

function FullText({ title, text }: { title: string; text: string }) {
  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 text-xs font-medium text-slate-500">{title}</figcaption>
      <pre className="max-h-72 overflow-auto rounded-lg border border-slate-200 bg-slate-50 p-3 font-sans text-[13px] leading-relaxed break-words whitespace-pre-wrap text-slate-800">
        {text}
      </pre>
    </figure>
  );
}
