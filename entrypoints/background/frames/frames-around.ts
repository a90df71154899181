import { renderingDoubts, type RenderingDoubt } from '../../../lib/verdict/rendering-doubts';
import type { Request } from '../../../messaging/client';
import type { Answer, ContentMessages, LookAroundFrameAnswer, TextAroundFrame } from '../../../messaging/messages';

/** The content messages the worker sends frames for a look around one. */
type FrameLookMessage = 'expect-frame-label' | 'label-frames' | 'look-at-frame';

export type CreateFramesAroundParameters = {
  /** Each frame of the tab's parent frame (webNavigation.getAllFrames); -1 for the top frame's. */
  parentsOf: (tabId: number) => Promise<Map<number, number>>;
  /** Sends a frame of the tab a content message; rejects when nothing there answers. */
  sendToFrame: <type extends FrameLookMessage>(tabId: number, frameId: number, type: type, request: Request<ContentMessages, type>) => Promise<Answer<ContentMessages, type>>;
  /** How long a frame has to tell the label its parent posted it, in ms. */
  labelWait?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
};

export type FramesAround = {
  /** A frame's content script passed on a label its parent posted it. */
  labelled(tabId: number, frameId: number, label: string): void;
  /** What the pages of other origins around a frame do to text it draws at these lines: asked of each parent up to the top. */
  look(tabId: number, frameId: number, text: TextAroundFrame): Promise<LookAroundFrameAnswer>;
};

/** Parents asked at most, up from one frame: deeper nesting is not looked through. */
const deepestLook = 8;
/** How often the worker looks for a frame's label while it waits. */
const labelPoll = 20;
/** How long a frame's labels are used again, in ms (a frame of many snippets needs them once): less than a parent keeps them. */
const labelsReused = 5_000;

/**
 * A frame's content script cannot read a parent of another origin, and a
 * parent's cannot tell which of its frame elements holds a given frame
 * (Chromium has no `runtime.getFrameId`). So the parent posts each of its
 * frames a fresh random label, the frame's script tells the worker the one
 * it got, and the parent is asked about the element of that label. The
 * parent's page never sees a label (it is posted into the frames' own
 * windows); one that listens in a frame of its own origin may learn that
 * frame's and post it to another: every label a frame tells is looked at,
 * and the doubts of all count. A frame that tells none, or a parent that
 * cannot answer, leaves the doubt that the page around could not be
 * looked at, never a verdict that it was.
 */
export function createFramesAround({
  parentsOf,
  sendToFrame,
  labelWait = 1_500,
  sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now = () => Date.now(),
}: CreateFramesAroundParameters): FramesAround {
  /** The labels each frame told while the worker waited for them, by `tabId:frameId`. */
  const told = new Map<string, Set<string>>();
  /** The labels each frame told last, by `tabId:frameId`, with its parent's id and when. */
  const recent = new Map<string, { parentId: number; labels: string[]; at: number }>();
  /** Each tab's looks, one after another: one frame's labels are awaited at a time, and a page cannot pile them up. */
  const queues = new Map<number, Promise<unknown>>();

  async function labelsOf(tabId: number, frameId: number, parentId: number): Promise<string[]> {
    const key = `${tabId}:${frameId}`;
    const labels = new Set<string>();
    told.set(key, labels);
    try {
      await sendToFrame(tabId, frameId, 'expect-frame-label', {});
      const issued = new Set((await sendToFrame(tabId, parentId, 'label-frames', {})).labels);
      for (let waited = 0; waited <= labelWait; waited += labelPoll) {
        if ([...labels].some((label) => issued.has(label))) break;
        await sleep(labelPoll);
      }
      // A label learnt and posted on by the parent's page comes after the frame's own: a moment more for it.
      await sleep(labelPoll);
      return [...labels].filter((label) => issued.has(label));
    } finally {
      told.delete(key);
    }
  }

  /** The labels naming the frame's element in its parent: the last ones while they are recent (`reused`), else new ones. */
  async function labelsFor(tabId: number, frameId: number, parentId: number, { fresh }: { fresh: boolean }): Promise<{ labels: string[]; reused: boolean }> {
    const key = `${tabId}:${frameId}`;
    const last = recent.get(key);
    if (!fresh && last !== undefined && last.parentId === parentId && now() - last.at < labelsReused) return { labels: last.labels, reused: true };
    for (const [other, { at }] of recent) if (now() - at >= labelsReused) recent.delete(other);
    const labels = await labelsOf(tabId, frameId, parentId);
    if (labels.length > 0) recent.set(key, { parentId, labels, at: now() });
    else recent.delete(key);
    return { labels, reused: false };
  }

  return {
    labelled(tabId, frameId, label) {
      told.get(`${tabId}:${frameId}`)?.add(label);
    },
    look(tabId, frameId, text) {
      const queued = (queues.get(tabId) ?? Promise.resolve()).then(() => lookNow(tabId, frameId, text));
      const settled = queued.catch(() => undefined);
      queues.set(tabId, settled);
      void settled.then(() => queues.get(tabId) === settled && queues.delete(tabId));
      return queued;
    },
  };

  async function lookNow(tabId: number, frameId: number, text: TextAroundFrame): Promise<LookAroundFrameAnswer> {
    const doubts = new Set<RenderingDoubt>();
    let untested = false;
    try {
      const parents = await parentsOf(tabId);
      const up = (frame: number, levels: number): number | undefined => {
        let current: number | undefined = frame;
        for (let level = 0; level < levels && current !== undefined; level++) current = parents.get(current);
        return current;
      };
      let framed = up(frameId, text.levels);
      let { lines, seeThrough, leastOpacity } = text;
      for (let depth = 0; framed !== undefined; depth++) {
        const parent = parents.get(framed);
        if (parent === undefined || parent < 0) break;
        const found = depth < deepestLook ? await labelsFor(tabId, framed, parent, { fresh: false }) : { labels: [], reused: false };
        let { labels } = found;
        let answer = labels.length > 0 ? await sendToFrame(tabId, parent, 'look-at-frame', { labels, lines, seeThrough, leastOpacity }) : undefined;
        // Labels used again may have lapsed in the parent, or its page (and their element) be another by now.
        if (answer?.known === false && found.reused) {
          ({ labels } = await labelsFor(tabId, framed, parent, { fresh: true }));
          answer = labels.length > 0 ? await sendToFrame(tabId, parent, 'look-at-frame', { labels, lines, seeThrough, leastOpacity }) : undefined;
        }
        if (answer === undefined) {
          doubts.add('around-frame');
          break;
        }
        if (!answer.known) doubts.add('around-frame');
        answer.doubts.forEach((doubt) => doubts.add(doubt));
        untested ||= answer.untested === true;
        if (!answer.known || answer.around === undefined) break;
        framed = up(parent, answer.around.levels);
        ({ lines, seeThrough, leastOpacity } = answer.around);
      }
    } catch {
      // A parent with no content script (a page no extension may run on), a frame gone meanwhile.
      doubts.add('around-frame');
    }
    return { doubts: renderingDoubts.filter((doubt) => doubts.has(doubt)), ...(untested && { untested }) };
  }
}
