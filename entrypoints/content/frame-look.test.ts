// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { removeHitTest, stubHitTest } from '../../test/fakes/hit-test';
import { frameLabelPrefix } from './frame-labels';
import { createFrameLookHandlers } from './frame-look';

/** A frame of the document drawn with its content box at (100, 50), 400 by 300. */
function frame(style = ''): HTMLIFrameElement {
  const element = document.body.appendChild(document.createElement('iframe'));
  element.setAttribute('style', style);
  element.getBoundingClientRect = () => new DOMRect(100, 50, 400, 300);
  return element;
}

const lines = [{ x: 10, y: 20, width: 200, height: 16 }];

/** Asks for labels as the worker does (the message has nothing but its type). */
const labelFrames = (handlers: ReturnType<typeof createFrameLookHandlers>) => handlers['label-frames']({ type: 'label-frames' } as never);

afterEach(() => {
  removeHitTest(document);
  document.body.replaceChildren();
});

describe('createFrameLookHandlers', () => {
  it('posts each frame a fresh label of its own, and answers only for the labels it posted', async () => {
    const [first, second] = [frame(), frame()];
    const posted = [first, second].map((element) => vi.spyOn(element.contentWindow!, 'postMessage'));
    const handlers = createFrameLookHandlers({ window });
    const { labels } = await labelFrames(handlers);
    expect(labels).toHaveLength(2);
    expect(new Set(labels).size).toBe(2);
    labels.forEach((label) => expect(label).toMatch(/^[0-9a-f]{32}$/));
    expect(posted.map((post) => post.mock.calls)).toEqual([[[`${frameLabelPrefix}${labels[0]}`, '*']], [[`${frameLabelPrefix}${labels[1]}`, '*']]]);
    stubHitTest(document, () => [second, document.body]);
    expect(await handlers['look-at-frame']({ type: 'look-at-frame', labels: ['0'.repeat(32)], lines, seeThrough: false, leastOpacity: 0.3 })).toEqual({ known: false, doubts: [] });
    expect(await handlers['look-at-frame']({ type: 'look-at-frame', labels: [labels[1]!], lines, seeThrough: false, leastOpacity: 0.3 })).toEqual({ known: true, doubts: [] });
    // Nothing of the text in the viewport: it cannot tell that nothing covers it.
    expect(await handlers['look-at-frame']({ type: 'look-at-frame', labels: [labels[1]!], lines: [{ x: 10, y: 900, width: 200, height: 16 }], seeThrough: false, leastOpacity: 0.3 })).toEqual({
      known: true,
      doubts: [],
      untested: true,
    });
  });

  it('looks at the labelled frame as at text of its own: something drawn over it where the text is, a fade, an effect', async () => {
    const covered = frame();
    const faded = frame('opacity: 0.1; filter: blur(2px)');
    const handlers = createFrameLookHandlers({ window });
    const [coveredLabel, fadedLabel] = (await labelFrames(handlers)).labels;
    const cover = document.body.appendChild(document.createElement('div'));
    cover.style.backgroundColor = 'rgb(255, 255, 255)';
    const tested: [number, number][] = [];
    stubHitTest(document, (x, y) => {
      tested.push([x, y]);
      return [cover, covered, faded, document.body];
    });
    expect(await handlers['look-at-frame']({ type: 'look-at-frame', labels: [coveredLabel!], lines, seeThrough: false, leastOpacity: 0.3 })).toEqual({ known: true, doubts: ['covered'] });
    // Where the frame draws the line (its content box's corner plus the line's place in the frame), in the line's first part.
    const [[x, y]] = tested as [[number, number]];
    expect(y).toBe(78);
    // The first third of the line less a quarter of its 16 px height at each end: from 110 + 4 to 114 + 192 / 3.
    expect(x).toBeGreaterThanOrEqual(114);
    expect(x).toBeLessThan(114 + 192 / 3);
    expect((await handlers['look-at-frame']({ type: 'look-at-frame', labels: [fadedLabel!], lines: [], seeThrough: false, leastOpacity: 0.3 })).doubts.sort()).toEqual(['effect', 'faint']);
  });

  it('counts the fade the frame says its text can take: half-transparent text in a frame at half opacity is faint', async () => {
    frame('opacity: 0.5');
    const handlers = createFrameLookHandlers({ window });
    const [label] = (await labelFrames(handlers)).labels;
    stubHitTest(document, () => [document.body]);
    const look = (leastOpacity: number) => handlers['look-at-frame']({ type: 'look-at-frame', labels: [label!], lines: [], seeThrough: false, leastOpacity });
    expect((await look(0.3)).doubts).toEqual([]);
    expect((await look(0.6)).doubts).toEqual(['faint']);
  });

  it('labels the frames in the open shadow roots it is given too', async () => {
    const host = document.body.appendChild(document.createElement('div'));
    const root = host.attachShadow({ mode: 'open' });
    const inside = root.appendChild(document.createElement('iframe'));
    // jsdom gives a frame in a shadow root no window: one that takes posts.
    const posted = vi.fn();
    Object.defineProperty(inside, 'contentWindow', { value: { postMessage: posted } });
    expect((await labelFrames(createFrameLookHandlers({ window }))).labels).toEqual([]);
    const { labels } = await labelFrames(createFrameLookHandlers({ window, shadowRoots: () => [root] }));
    expect(posted).toHaveBeenCalledWith(`${frameLabelPrefix}${labels[0]}`, '*');
  });

  it('knows no frame taken out of the page since it was labelled', async () => {
    const element = frame();
    const handlers = createFrameLookHandlers({ window });
    const { labels } = await labelFrames(handlers);
    element.remove();
    expect(await handlers['look-at-frame']({ type: 'look-at-frame', labels, lines, seeThrough: false, leastOpacity: 0.3 })).toEqual({ known: false, doubts: [] });
  });
});
