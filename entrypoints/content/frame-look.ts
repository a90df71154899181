import type { ContentMessageHandlers } from './content-messages';
import { frameLabelPrefix } from './frame-labels';
import { createOuterFramesCheck, outerFrameOf, outerFramesOf, type AroundFrame } from './outer-frames';
import { isOwnNode } from './own-nodes';
import type { RenderingDoubt } from '../../lib/verdict/rendering-doubts';

/** How long a label names its frame element, in ms: the worker asks about it within a second or two. */
const labelLife = 10_000;
/** Frames labelled at once at most: a page of thousands of frames costs no more. */
const framesLabelled = 256;

type Labelled = { frame: WeakRef<Element>; at: number };

export type CreateFrameLookHandlersParameters = {
  window: Window;
  /** The open shadow roots known in the page now (page-session.ts). */
  shadowRoots?: () => Iterable<ShadowRoot>;
};

const frameElements = 'iframe, frame';

/**
 * This window's answers about its own frame elements, for the frame of
 * another origin whose snippet the worker looks around
 * (entrypoints/background/frames/frames-around.ts): it labels its frames,
 * then looks at the one a label names as it looks at text of its own
 * (outer-frames.ts), the frame element standing for the text it draws.
 * Frames in the open shadow roots the page's world reported are labelled
 * too; those in closed ones are not.
 */
export function createFrameLookHandlers({ window, shadowRoots = () => [] }: CreateFrameLookHandlersParameters): Pick<ContentMessageHandlers, 'label-frames' | 'look-at-frame'> {
  const labelled = new Map<string, Labelled>();
  return {
    'label-frames': () => {
      const now = Date.now();
      for (const [label, { at }] of labelled) if (now - at > labelLife) labelled.delete(label);
      const labels: string[] = [];
      const frames = [window.document, ...shadowRoots()].flatMap((root) => [...root.querySelectorAll(frameElements)]);
      for (const frame of frames.slice(0, framesLabelled)) {
        const framed = (frame as HTMLIFrameElement).contentWindow;
        if (framed === null) continue;
        const label = Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
        labelled.set(label, { frame: new WeakRef(frame), at: now });
        framed.postMessage(`${frameLabelPrefix}${label}`, '*');
        labels.push(label);
      }
      return { labels };
    },
    'look-at-frame': ({ labels, lines, seeThrough, leastOpacity }) => {
      const frames = new Set(labels.map((label) => labelled.get(label)?.frame.deref()).filter((frame) => frame?.isConnected === true));
      if (frames.size === 0) return { known: false, doubts: [] };
      const doubts = new Set<RenderingDoubt>();
      let around: AroundFrame | undefined;
      let untested = false;
      const above = outerFramesOf(window);
      // Several only when the page posted a frame another's label: what any of them shows counts.
      for (const frame of frames) {
        const check = createOuterFramesCheck({ view: window, frames: [outerFrameOf(frame!, window), ...above], isOwn: isOwnNode, seeThrough });
        check.text(lines);
        check.doubts({ coversToo: true }).forEach((doubt) => doubts.add(doubt));
        // The frame told how much fading its text can take (its colour, its own opacity): these frames' fades multiply it.
        if (check.opacity < leastOpacity) doubts.add('faint');
        check.fadesBelow(leastOpacity / check.opacity);
        const found = check.around();
        // Its levels count up from this window (frames-around.ts): the frame element asked about is below it.
        around ??= found && { ...found, levels: above.length };
        untested ||= !check.tested;
      }
      return { known: true, doubts: [...doubts], ...(around && { around }), ...(untested && { untested }) };
    },
  };
}
