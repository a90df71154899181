// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { removeHitTest, stubHitTest } from '../../test/fakes/hit-test';
import { expectPointsAcrossLine } from '../../test/line-points';
import { createOuterFramesCheck, outerFramesOf } from './outer-frames';

/** A same-origin frame in `parent`, drawn with its content box at (left, top) of the parent's viewport. */
function frameIn(parent: Document, left: number, top: number, style = ''): HTMLIFrameElement {
  const frame = parent.createElement('iframe');
  frame.setAttribute('style', style);
  parent.body.append(frame);
  frame.getBoundingClientRect = () => new DOMRect(left, top, 400, 300);
  return frame;
}

afterEach(() => {
  removeHitTest(document);
  document.body.replaceChildren();
});

describe('outerFramesOf', () => {
  it('lists the frames a document is drawn in, innermost first, each with where its content begins in its parent', () => {
    const outer = frameIn(document, 100, 50);
    const inner = frameIn(outer.contentDocument!, 10, 20);
    const frames = outerFramesOf(inner.contentWindow!);
    expect(frames.map(({ element, left, top }) => [element, left, top])).toEqual([
      [inner, 10, 20],
      [outer, 100, 50],
    ]);
    expect(frames[0]!.view).toBe(outer.contentWindow);
    expect(frames[1]!.view).toBe(window);
  });

  it('lists none for the top document', () => {
    expect(outerFramesOf(window)).toEqual([]);
  });
});

describe('createOuterFramesCheck', () => {
  const isOwn = () => false;

  it('takes in what the page does to the frame element and its ancestors: their opacity and effects', () => {
    document.body.style.opacity = '0.5';
    const frame = frameIn(document, 0, 0, 'opacity: 0.2; filter: blur(4px)');
    const check = createOuterFramesCheck({ view: frame.contentWindow!, isOwn });
    expect(check.opacity).toBeCloseTo(0.1);
    expect(check.doubts({ coversToo: true })).toEqual(['effect']);
    document.body.style.opacity = '';
  });

  it('hit-tests the parent where it draws the text: a box over the frame there covers it', () => {
    const frame = frameIn(document, 100, 50);
    const cover = document.body.appendChild(document.createElement('div'));
    cover.style.backgroundColor = 'rgb(255, 255, 255)';
    const tested: [number, number][] = [];
    const hitTest = stubHitTest(document, (x, y) => {
      tested.push([x, y]);
      return [frame, document.body];
    });
    const check = createOuterFramesCheck({ view: frame.contentWindow!, isOwn });
    check.text([new DOMRectReadOnly(10, 20, 200, 16)]);
    expect(check.doubts({ coversToo: true })).toEqual([]);
    // Across the line, at its middle, where the parent draws it.
    expectPointsAcrossLine(tested, { left: 110, right: 310, y: 78, height: 16 });
    hitTest.mockImplementation(() => [cover, frame, document.body]);
    expect(check.doubts({ coversToo: true })).toEqual(['covered']);
    expect(check.doubts({ coversToo: false })).toEqual([]);
  });

  it('tests only what the frame shows: text scrolled out of its viewport is not where its parent draws it', () => {
    const frame = frameIn(document, 100, 50);
    const tested = stubHitTest(document, () => [frame]);
    const check = createOuterFramesCheck({ view: frame.contentWindow!, isOwn });
    const { innerHeight } = frame.contentWindow!;
    check.text([new DOMRectReadOnly(10, innerHeight + 40, 200, 16), new DOMRectReadOnly(10, -60, 200, 16)]);
    check.doubts({ coversToo: true });
    expect(tested).not.toHaveBeenCalled();
  });

  it('asks nothing of a top document', () => {
    const tested = stubHitTest(document, () => []);
    const check = createOuterFramesCheck({ view: window, isOwn });
    check.text([new DOMRectReadOnly(10, 20, 200, 16)]);
    expect(check.opacity).toBe(1);
    expect(check.doubts({ coversToo: true })).toEqual([]);
    expect(tested).not.toHaveBeenCalled();
  });

  it('passes the lines on, clipped to the viewport and sampled, when the outermost readable window has a parent it cannot read', () => {
    // A frame whose parent is of another origin: no frame element, a parent all the same.
    const framed = { parent: window, innerWidth: 300, innerHeight: 200, frameElement: null } as unknown as Window;
    const check = createOuterFramesCheck({ view: framed, isOwn, seeThrough: true });
    check.text([new DOMRectReadOnly(-20, 10, 200, 16), new DOMRectReadOnly(10, 400, 200, 16)]);
    check.text([new DOMRectReadOnly(10, 30, 200, 16)]);
    expect(check.looksBeyond).toBe(true);
    const lines = [{ x: 0, y: 10, width: 180, height: 16 }, { x: 10, y: 30, width: 200, height: 16 }];
    // Opaque text on the page's colours can take a fade to the faintness floor; the palest of its parts says how much.
    expect(check.around()).toEqual({ levels: 0, lines, seeThrough: true, leastOpacity: 0.3 });
    check.fadesBelow(0.6);
    check.fadesBelow(0.4);
    expect(check.around()?.leastOpacity).toBe(0.6);
    const top = createOuterFramesCheck({ view: window, isOwn });
    expect(top.looksBeyond).toBe(false);
    expect(top.around()).toBeUndefined();
  });
});
