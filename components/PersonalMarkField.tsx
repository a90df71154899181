import { useState } from 'react';
import { PersonalMarkGlyph, usePersonalMark } from './PersonalMark';
import { markColours, markSymbols, personalMarkName, randomPersonalMark, type MarkColour, type MarkSymbol, type PersonalMark } from '../storage/personal-mark';
import { personalMarkItem } from '../storage/personal-mark-item';

export type PersonalMarkFieldProps = {
  /** Only the mark and its controls, for a page that explains the mark itself (the welcome page). */
  bare?: boolean;
};

/**
 * "Your mark" (issue 11): the colour and symbol every genuine badge and
 * card draws, which no page can read. Saved at once; every open page
 * follows.
 */
export function PersonalMarkField({ bare = false }: PersonalMarkFieldProps) {
  const stored = usePersonalMark();
  const [chosen, setChosen] = useState<PersonalMark>();
  const [error, setError] = useState<string>();
  const mark = chosen ?? stored;

  const save = (next: PersonalMark) => {
    setChosen(next);
    personalMarkItem.setValue(next).then(
      () => setError(undefined),
      (failure: unknown) => setError(`Could not save: ${failure instanceof Error ? failure.message : String(failure)}`),
    );
  };

  const controls =
    mark === undefined ? (
      <p className="mt-3 text-sm text-slate-600">Not chosen yet: Verity chooses one when it starts.</p>
    ) : (
      <div className="mt-3 flex flex-wrap items-end gap-4">
        <p className="flex items-center gap-2 text-sm text-slate-900" aria-live="polite">
          <PersonalMarkGlyph mark={mark} className="text-2xl leading-none" />
          <span>{personalMarkName(mark)}</span>
        </p>
        <label className="text-sm text-slate-700">
          <span className="block text-xs font-medium text-slate-600">Colour</span>
          <select className="field mt-1" value={mark.colour} onChange={(event) => save({ ...mark, colour: event.target.value as MarkColour })}>
            {Object.entries(markColours).map(([key, { name }]) => (
              <option key={key} value={key}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm text-slate-700">
          <span className="block text-xs font-medium text-slate-600">Symbol</span>
          <select className="field mt-1" value={mark.symbol} onChange={(event) => save({ ...mark, symbol: event.target.value as MarkSymbol })}>
            {Object.entries(markSymbols).map(([key, { name, glyph }]) => (
              <option key={key} value={key}>
                {glyph} {name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn-secondary" onClick={() => save(randomPersonalMark())}>
          Choose another at random
        </button>
      </div>
    );
  const saveError = error && (
    <p role="alert" className="mt-2 text-xs text-red-700">
      {error}
    </p>
  );
  if (bare) {
    return (
      <div>
        {controls}
        {saveError}
      </div>
    );
  }
  return (
    <div className="mt-4 rounded-xl border border-slate-200 bg-white px-4 py-4">
      <h3 className="text-sm font-medium text-slate-900">Your mark</h3>
      <p className="mt-0.5 max-w-2xl text-sm text-slate-600">
        Every badge and card Verity draws shows this mark. Pages cannot read it, so a badge without your mark was drawn by
        the page, not by Verity. Keep it to yourself; change it whenever you like.
      </p>
      {controls}
      {saveError}
    </div>
  );
}
