import { frameLabelPattern } from '../../messaging/messages';

/**
 * How a window posts one of its frames a label (frame-look.ts): a string,
 * which crosses worlds as it is (an object would reach a Firefox content
 * script through an Xray wrapper).
 */
export const frameLabelPrefix = 'verity-frame-label:';

/** How long a frame passes labels on once the worker expects one, in ms, and how many at most. */
const labelWindow = 2_000;
const labelsPassed = 4;

export type PassFrameLabelsParameters = {
  window: Window;
  signal: AbortSignal;
  /** Tells the worker a label its parent window posted it (`frame-label`). */
  tell: (label: string) => Promise<unknown>;
};

/**
 * For a moment, passes on to the worker the labels this frame's parent
 * window posts it: the worker asked, and is asking the parent to label
 * its frames (entrypoints/background/frames/frames-around.ts). Only posts
 * from the parent count; a parent's page may post labels of its own
 * making too, which the worker checks against the parent's.
 */
export function passFrameLabels({ window, signal, tell }: PassFrameLabelsParameters): void {
  let passed = 0;
  const enough = new AbortController();
  window.addEventListener(
    'message',
    (event) => {
      if (event.source !== window.parent || typeof event.data !== 'string' || !event.data.startsWith(frameLabelPrefix)) return;
      const label = event.data.slice(frameLabelPrefix.length);
      if (!frameLabelPattern.test(label)) return;
      void tell(label).catch(() => undefined);
      if (++passed >= labelsPassed) enough.abort();
    },
    { signal: AbortSignal.any([signal, enough.signal]) },
  );
  setTimeout(() => enough.abort(), labelWindow);
}
