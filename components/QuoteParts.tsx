import type { QuotePartResult } from '../messaging/messages';
import { ConfidenceMeter } from './ConfidenceMeter';
import { StateBadge } from './StateBadge';

export type QuotePartsProps = {
  parts: readonly QuotePartResult[];
  /** Shows a proof's snippet on the page; without it the parts are not clickable. */
  onReveal?: (proofId: string) => void;
  /** The proof whose snippet could not be found when it was last asked for. */
  missing?: string;
};

const matchWords = {
  exact: 'word for word',
  wording: 'same words; punctuation or formatting differ',
} as const;

/** Each piece of a checked quote, and the snippet whose proof signs it (or that none does). */
export function QuoteParts({ parts, onReveal, missing }: QuotePartsProps) {
  return (
    <ul aria-label="Where each part was found" className="space-y-1.5">
      {parts.map((part, index) => (
        <li key={index} className="rounded-lg border border-slate-200 bg-white shadow-xs">
          {part.proofId !== null && onReveal ? (
            <button
              type="button"
              onClick={() => onReveal(part.proofId!)}
              className="focus-ring block w-full rounded-lg px-3 py-2 text-left hover:bg-slate-50"
              title="Show on the page"
            >
              <PartBody part={part} />
              <RevealNote missing={missing === part.proofId} />
            </button>
          ) : (
            <div className="px-3 py-2">
              <PartBody part={part} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The end of a "show on the page" button: that its text is gone from the page, or, for screen readers, what the button does. */
export function RevealNote({ missing }: { missing: boolean }) {
  return missing ? (
    <span role="status" className="mt-1 block text-xs text-slate-500">
      This text isn't on the page any more.
    </span>
  ) : (
    <span className="sr-only">. Show on the page.</span>
  );
}

function PartBody({ part }: { part: QuotePartResult }) {
  return (
    <>
      <span className="line-clamp-2 text-[13px] leading-snug text-slate-800">“{part.text}”</span>
      {part.proofId === null || part.match === null ? (
        <span className="mt-1 block text-xs text-slate-500">Not signed by any proof on this page.</span>
      ) : (
        <span className="mt-1.5 block space-y-1">
          <span className="flex items-center justify-between gap-2">
            <StateBadge state={part.state ?? null} size="sm" />
            {part.state && part.confidence !== undefined && (
              <ConfidenceMeter value={part.confidence} state={part.state} variant="compact" />
            )}
          </span>
          <span className="line-clamp-2 text-xs leading-snug text-slate-600">
            Signed {matchWords[part.match]}
            {part.excerpt && (
              <>
                {' '}
                in <span className="text-slate-800">“{part.excerpt}”</span>
              </>
            )}
          </span>
        </span>
      )}
    </>
  );
}

