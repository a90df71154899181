import { storage } from 'wxt/utils/storage';
import { personalMarkFrom, personalMarkKey, randomPersonalMark, type PersonalMark } from './personal-mark';

/** The reader's personal mark, as stored (storage/personal-mark.ts). Extension code only: defining it reads storage. */
export const personalMarkItem = storage.defineItem<PersonalMark>(`local:${personalMarkKey}`);

/** The mark, made once at random when there is none (a new install, or one from before marks): every reader has one. */
export async function ensurePersonalMark(): Promise<PersonalMark> {
  const stored = personalMarkFrom(await personalMarkItem.getValue());
  if (stored !== undefined) return stored;
  const mark = randomPersonalMark();
  await personalMarkItem.setValue(mark);
  return mark;
}

/** The mark now and whenever it changes (undefined while there is none), until `signal` aborts. */
export function watchPersonalMark(signal: AbortSignal, apply: (mark: PersonalMark | undefined) => void): void {
  let changed = false;
  const unwatch = personalMarkItem.watch((value) => {
    if (signal.aborted) return;
    changed = true;
    apply(personalMarkFrom(value));
  });
  signal.addEventListener('abort', unwatch, { once: true });
  personalMarkItem.getValue().then(
    (value) => !changed && !signal.aborted && apply(personalMarkFrom(value)),
    () => undefined,
  );
}
