/**
 * Which snippets are near the viewport: within `nearMargin` of it, so a
 * reader scrolling finds verdicts already there. One IntersectionObserver
 * for the page; the browser does the work, off our hands.
 */
export const nearMargin = '1000px';

export type ViewportWatch = {
  observe(element: Element): void;
  unobserve(element: Element): void;
};

export type CreateViewportWatchParameters = {
  signal: AbortSignal;
  /** Called with the elements whose nearness is new: at first, and each time one comes near or goes away. */
  onChange: (changes: { element: Element; near: boolean }[]) => void;
};

export function createViewportWatch({ signal, onChange }: CreateViewportWatchParameters): ViewportWatch {
  const observer = new IntersectionObserver(
    (entries) => onChange(entries.map((entry) => ({ element: entry.target, near: entry.isIntersecting }))),
    { rootMargin: nearMargin },
  );
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  return {
    observe: (element) => observer.observe(element),
    unobserve: (element) => observer.unobserve(element),
  };
}
