import { describe, expect, it, vi } from 'vitest';
import type { RenderingDoubt } from '../../../lib/verdict/rendering-doubts';
import type { TextAroundFrame } from '../../../messaging/messages';
import { createFramesAround, type FramesAround } from './frames-around';

const tabId = 7;
const text: TextAroundFrame = { levels: 0, lines: [{ x: 4, y: 8, width: 200, height: 16 }], seeThrough: false, leastOpacity: 0.3 };

type Answers = {
  /** The labels each parent frame issues, and those its framed frame then tells (a page may post it more). */
  labels?: Record<number, { issued: string[]; told: Record<number, string[]> }>;
  /** What each parent says of the labels it is asked about. */
  look?: Record<number, { known: boolean; doubts: RenderingDoubt[]; around?: TextAroundFrame; untested?: true }>;
};

/** A tab of frames 0 (top) ← 3 ← 5 ← 8, each frame's content script answering as `answers` say; a frame not named there has none. */
function setUp(answers: Answers) {
  const parents = new Map([
    [0, -1],
    [3, 0],
    [5, 3],
    [8, 5],
  ]);
  const asked: { frameId: number; type: string; request: unknown }[] = [];
  const sendToFrame = vi.fn(async (_tab: number, frameId: number, type: string, request: unknown): Promise<never> => {
    asked.push({ frameId, type, request });
    if (type === 'expect-frame-label') return { listening: true } as never;
    if (type === 'label-frames') {
      const labels = answers.labels?.[frameId];
      if (labels === undefined) throw new Error('Could not establish connection. Receiving end does not exist.');
      // Each framed frame tells the labels posted to it, as its content script would.
      for (const [framed, told] of Object.entries(labels.told)) told.forEach((label) => around.labelled(tabId, Number(framed), label));
      return { labels: labels.issued } as never;
    }
    const look = answers.look?.[frameId];
    if (look === undefined) throw new Error('Could not establish connection. Receiving end does not exist.');
    return look as never;
  });
  const clock = { now: 0 };
  const around: FramesAround = createFramesAround({ parentsOf: async () => parents, sendToFrame, labelWait: 60, sleep: () => new Promise((resolve) => setTimeout(resolve, 1)), now: () => clock.now });
  return { around, asked, clock };
}

describe('createFramesAround', () => {
  it('asks the parent about the frame element of the label the frame told, at the lines it sent', async () => {
    const { around, asked } = setUp({ labels: { 3: { issued: ['a1', 'a2'], told: { 5: ['a2'] } } }, look: { 3: { known: true, doubts: ['covered'] } } });
    expect(await around.look(tabId, 5, text)).toEqual({ doubts: ['covered'] });
    expect(asked).toEqual([
      { frameId: 5, type: 'expect-frame-label', request: {} },
      { frameId: 3, type: 'label-frames', request: {} },
      { frameId: 3, type: 'look-at-frame', request: { labels: ['a2'], lines: text.lines, seeThrough: false, leastOpacity: 0.3 } },
    ]);
  });

  it("looks at every label the frame told that its parent issued (a page may pass it another frame's), and at none the parent did not", async () => {
    const { around, asked } = setUp({ labels: { 3: { issued: ['a1', 'a2'], told: { 5: ['a2', 'forged', 'a1'] } } }, look: { 3: { known: true, doubts: [] } } });
    expect(await around.look(tabId, 5, text)).toEqual({ doubts: [] });
    expect(asked.at(-1)!.request).toMatchObject({ labels: ['a2', 'a1'] });
  });

  it('says the page around could not be looked at when the frame tells no label of its parent, or the parent knows none, or has no content script', async () => {
    expect(await setUp({ labels: { 3: { issued: ['a1'], told: { 5: ['forged'] } } } }).around.look(tabId, 5, text)).toEqual({ doubts: ['around-frame'] });
    expect(await setUp({ labels: { 3: { issued: ['a1'], told: { 5: ['a1'] } } }, look: { 3: { known: false, doubts: [] } } }).around.look(tabId, 5, text)).toEqual({ doubts: ['around-frame'] });
    expect(await setUp({}).around.look(tabId, 5, text)).toEqual({ doubts: ['around-frame'] });
  });

  it('goes on up to the top from the window each parent names, and adds up what each does', async () => {
    // Frame 5 hands on what fading the text can take after its own frames' (a fade of 0.5 there: 0.3 / 0.5).
    const fromParent: TextAroundFrame = { levels: 0, lines: [{ x: 40, y: 80, width: 200, height: 16 }], seeThrough: true, leastOpacity: 0.6 };
    const { around, asked } = setUp({
      labels: { 5: { issued: ['b'], told: { 8: ['b'] } }, 0: { issued: ['c'], told: { 3: ['c'] } } },
      look: { 5: { known: true, doubts: ['faint'], around: { ...fromParent, levels: 1 } }, 0: { known: true, doubts: ['covered'] } },
    });
    expect(await around.look(tabId, 8, text)).toEqual({ doubts: ['covered', 'faint'] });
    // Frame 5 read its own parent (3, of its origin); 3's parent, the top, is asked about 3 with the lines in 3's viewport.
    expect(asked.filter(({ type }) => type === 'look-at-frame')).toEqual([
      { frameId: 5, type: 'look-at-frame', request: { labels: ['b'], lines: text.lines, seeThrough: false, leastOpacity: 0.3 } },
      { frameId: 0, type: 'look-at-frame', request: { labels: ['c'], lines: fromParent.lines, seeThrough: true, leastOpacity: 0.6 } },
    ]);
  });

  it('starts from the readable frame `levels` up, and asks nothing about the top frame', async () => {
    const { around, asked } = setUp({ labels: { 0: { issued: ['c'], told: { 3: ['c'] } } }, look: { 0: { known: true, doubts: [] } } });
    expect(await around.look(tabId, 5, { ...text, levels: 1 })).toEqual({ doubts: [] });
    expect(asked.map(({ frameId, type }) => `${type} ${frameId}`)).toEqual(['expect-frame-label 3', 'label-frames 0', 'look-at-frame 0']);
    const top = setUp({});
    expect(await top.around.look(tabId, 0, text)).toEqual({ doubts: [] });
    expect(top.asked).toEqual([]);
  });

  it("takes a tab's looks one at a time, a frame's labels asked for once for a while (a frame of many snippets)", async () => {
    const { around, asked } = setUp({ labels: { 3: { issued: ['a1'], told: { 5: ['a1'] } } }, look: { 3: { known: true, doubts: [] } } });
    await Promise.all([around.look(tabId, 5, text), around.look(tabId, 5, text)]);
    expect(asked.map(({ type }) => type)).toEqual(['expect-frame-label', 'label-frames', 'look-at-frame', 'look-at-frame']);
  });

  it('asks for new labels once the last have lapsed, or the parent knows them no more', async () => {
    const answers: Answers = { labels: { 3: { issued: ['a1'], told: { 5: ['a1'] } } }, look: { 3: { known: true, doubts: [] } } };
    const { around, asked, clock } = setUp(answers);
    await around.look(tabId, 5, text);
    clock.now = 5_000;
    await around.look(tabId, 5, text);
    expect(asked.filter(({ type }) => type === 'label-frames')).toHaveLength(2);
    // The parent's page was replaced: it knows the labels no more, and new ones are asked for at once.
    answers.look![3] = { known: false, doubts: [] };
    expect(await around.look(tabId, 5, text)).toEqual({ doubts: ['around-frame'] });
    expect(asked.slice(-4).map(({ type }) => type)).toEqual(['look-at-frame', 'expect-frame-label', 'label-frames', 'look-at-frame']);
  });

  it('takes no label told before the worker asked for one: a page cannot seed it', async () => {
    const { around } = setUp({ labels: { 3: { issued: ['a1'], told: { 5: [] } } }, look: { 3: { known: true, doubts: [] } } });
    around.labelled(tabId, 5, 'a1');
    expect(await around.look(tabId, 5, text)).toEqual({ doubts: ['around-frame'] });
  });

  it('says so when a parent had no place of the text in its viewport to hit-test', async () => {
    const { around } = setUp({ labels: { 3: { issued: ['a1'], told: { 5: ['a1'] } } }, look: { 3: { known: true, doubts: [], untested: true } } });
    expect(await around.look(tabId, 5, text)).toEqual({ doubts: [], untested: true });
  });
});
