import { useEffect, useState } from 'react';
import { markColours, markSymbols, personalMarkFrom, type PersonalMark } from '../storage/personal-mark';
import { personalMarkItem } from '../storage/personal-mark-item';

/** The mark as the badges draw it: the symbol in its colour. */
export function PersonalMarkGlyph({ mark, className = '' }: { mark: PersonalMark; className?: string }) {
  return (
    <span aria-hidden="true" className={className} style={{ color: markColours[mark.colour].value }}>
      {markSymbols[mark.symbol].glyph}
    </span>
  );
}

/** The reader's personal mark, live; undefined until read, or while there is none. */
export function usePersonalMark(): PersonalMark | undefined {
  const [mark, setMark] = useState<PersonalMark>();
  useEffect(() => {
    let closed = false;
    personalMarkItem.getValue().then((stored) => !closed && setMark(personalMarkFrom(stored)), () => undefined);
    const unwatch = personalMarkItem.watch((stored) => setMark(personalMarkFrom(stored)));
    return () => {
      closed = true;
      unwatch();
    };
  }, []);
  return mark;
}
