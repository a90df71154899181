// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { frameLabelPrefix, passFrameLabels } from './frame-labels';

/** A framed window whose parent is the test's: messages are dispatched on it as the browser would. */
function framedWindow(): Window {
  return Object.assign(new EventTarget(), { parent: window }) as unknown as Window;
}

/** Another window than the parent: a frame of the test's document. */
function otherWindow(): Window {
  return document.body.appendChild(document.createElement('iframe')).contentWindow!;
}

const label = (digit: string) => digit.repeat(32);
const post = (framed: Window, data: unknown, source: Window) => framed.dispatchEvent(new MessageEvent('message', { data, source }));

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('passFrameLabels', () => {
  it("passes on the labels the parent window posts, and nothing else: another window's posts, other messages, malformed labels", () => {
    const framed = framedWindow();
    const tell = vi.fn(async () => ({ ok: true }));
    passFrameLabels({ window: framed, signal: new AbortController().signal, tell });
    post(framed, `${frameLabelPrefix}${label('a')}`, window);
    post(framed, `${frameLabelPrefix}${label('b')}`, otherWindow());
    post(framed, { label: label('c') }, window);
    post(framed, `${frameLabelPrefix}${label('d')}!`, window);
    post(framed, label('e'), window);
    expect(tell.mock.calls).toEqual([[label('a')]]);
  });

  it('passes on four at most, and none once its moment is over or its script has ended', () => {
    vi.useFakeTimers();
    const framed = framedWindow();
    const tell = vi.fn(async () => ({ ok: true }));
    passFrameLabels({ window: framed, signal: new AbortController().signal, tell });
    for (const digit of '123456') post(framed, `${frameLabelPrefix}${label(digit)}`, window);
    expect(tell).toHaveBeenCalledTimes(4);

    const later = vi.fn(async () => ({ ok: true }));
    passFrameLabels({ window: framed, signal: new AbortController().signal, tell: later });
    vi.advanceTimersByTime(2_001);
    post(framed, `${frameLabelPrefix}${label('7')}`, window);
    const ended = new AbortController();
    passFrameLabels({ window: framed, signal: ended.signal, tell: later });
    ended.abort();
    post(framed, `${frameLabelPrefix}${label('8')}`, window);
    expect(later).not.toHaveBeenCalled();
  });
});
