import { afterAll, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * After each unit test file: the files of the `unit` project share one module graph per worker
 * (vitest.config.ts), so what one leaves in the fake browser, the globals, the environment or the clock
 * must not reach the next. WXT's own setup, which makes the fake browser the global `chrome` and
 * `browser`, runs once per graph: it is done again here. A DOM environment lasts as long: its page is
 * emptied (a style sheet one file left in the head once faded another file's snippets; a card one file
 * left on <html> was once found as a look-alike by another).
 */
afterAll(() => {
  fakeBrowser.reset();
  vi.unstubAllGlobals();
  vi.stubGlobal('chrome', fakeBrowser);
  vi.stubGlobal('browser', fakeBrowser);
  vi.unstubAllEnvs();
  vi.useRealTimers();
  vi.restoreAllMocks();
  if (typeof document !== 'undefined') {
    document.head.replaceChildren();
    document.body.replaceChildren();
    // Cards and hosts are appended to <html> itself, beside the head and body.
    document.documentElement.replaceChildren(document.head, document.body);
    for (const element of [document.documentElement, document.body]) for (const name of element.getAttributeNames()) element.removeAttribute(name);
  }
});
