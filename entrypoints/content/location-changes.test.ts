import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { watchLocationChanges } from './location-changes';

function pageWindow(): Window & typeof globalThis {
  return new JSDOM('<!doctype html><p>page</p>', { url: 'https://news.example/article' }).window as unknown as Window & typeof globalThis;
}

describe('watchLocationChanges', () => {
  it('without the Navigation API, reports a fragment change and a history traversal once each, and nothing for an unchanged URL', () => {
    const window = pageWindow();
    const changes: string[] = [];
    watchLocationChanges({ signal: new window.AbortController().signal, window, onChange: () => changes.push(window.location.href) });
    window.dispatchEvent(new window.PopStateEvent('popstate'));
    window.history.pushState({}, '', '/article?page=2');
    window.dispatchEvent(new window.PopStateEvent('popstate'));
    window.dispatchEvent(new window.HashChangeEvent('hashchange'));
    expect(changes).toEqual(['https://news.example/article?page=2']);
  });

  it('with the Navigation API, listens to its committed entries only', () => {
    const window = pageWindow();
    const navigation = new EventTarget();
    Object.defineProperty(window, 'navigation', { value: navigation });
    const changes: string[] = [];
    watchLocationChanges({ signal: new window.AbortController().signal, window, onChange: () => changes.push(window.location.href) });
    window.history.pushState({}, '', '/next');
    window.dispatchEvent(new window.PopStateEvent('popstate'));
    expect(changes).toEqual([]);
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(changes).toEqual(['https://news.example/next']);
  });

  it('stops when its signal aborts', () => {
    const window = pageWindow();
    const stop = new window.AbortController();
    let changes = 0;
    watchLocationChanges({ signal: stop.signal, window, onChange: () => changes++ });
    stop.abort();
    window.history.pushState({}, '', '/later');
    window.dispatchEvent(new window.PopStateEvent('popstate'));
    expect(changes).toBe(0);
  });
});
