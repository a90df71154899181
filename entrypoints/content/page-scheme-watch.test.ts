// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { watchPageScheme } from './page-scheme-watch';

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  document.documentElement.removeAttribute('class');
  document.body.innerHTML = '<article><p>Text</p></article>';
  document.body.removeAttribute('data-theme');
});

describe('watchPageScheme', () => {
  it('hears a theme switched on <html> or <body>, and nothing that happens below the body', async () => {
    let changes = 0;
    watchPageScheme({ signal: new AbortController().signal, document, onChange: () => changes++ });
    document.querySelector('p')!.className = 'dark';
    document.querySelector('article')!.setAttribute('data-theme', 'dark');
    await settled();
    expect(changes).toBe(0);
    document.documentElement.className = 'dark';
    await settled();
    expect(changes).toBe(1);
    document.body.setAttribute('data-theme', 'light');
    await settled();
    expect(changes).toBe(2);
  });

  it('stops hearing when its signal aborts', async () => {
    const stop = new AbortController();
    let changes = 0;
    watchPageScheme({ signal: stop.signal, document, onChange: () => changes++ });
    stop.abort();
    document.documentElement.className = 'dark';
    await settled();
    expect(changes).toBe(0);
  });
});
