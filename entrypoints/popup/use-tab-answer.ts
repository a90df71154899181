import { useEffect, useState } from 'react';

/** How often the popup asks again while it is open: a page checks images and may start hiding badges at any time. */
const refreshMs = 1_500;

/**
 * What `ask` answers about the tab, asked again every 1.5 s while the popup
 * is open (it hears no pushes from the worker); `initial` until the first
 * answer, and after a failed ask the last answer stays.
 */
export function useTabAnswer<answer>(tabId: number, ask: (tabId: number) => Promise<answer>, initial: answer): answer {
  const [answer, setAnswer] = useState<answer>(initial);
  useEffect(() => {
    let closed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () =>
      ask(tabId)
        .then((answered) => !closed && setAnswer(() => answered))
        .catch(() => undefined)
        .finally(() => {
          if (!closed) timer = setTimeout(() => void read(), refreshMs);
        });
    void read();
    return () => {
      closed = true;
      clearTimeout(timer);
    };
    // `ask` is a module-level function at each call site: the tab alone starts asking afresh.
  }, [tabId]);
  return answer;
}
