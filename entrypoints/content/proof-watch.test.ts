// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchForProofs } from './proof-watch';
import { reportAllShadowRootsEvent, shadowRootEvent } from './shadow-root-events';

let controller = new AbortController();

afterEach(() => {
  controller.abort();
  controller = new AbortController();
  document.body.innerHTML = '';
});

function watch(html: string) {
  document.body.innerHTML = html;
  const onProof = vi.fn();
  watchForProofs({ signal: controller.signal, document, onProof });
  return onProof;
}

/** Lets the MutationObserver report. */
const observed = () => new Promise((resolve) => setTimeout(resolve, 0));

const token = 'ai-proof:v1:eas:1:0x' + '1'.repeat(64);

describe('watchForProofs', () => {
  it('says so at once for a page that has any form of proof', () => {
    for (const html of [
      '<p data-ai-proof="{}">x</p>',
      '<script type="Application/AI-Proof+JSON; charset=utf-8">[]</script>',
      `<a href="https://example.com/#${token}">link</a>`,
      `<p>Written by a model. ${token}</p>`,
    ]) {
      expect(watch(html), html).toHaveBeenCalledTimes(1);
      controller.abort();
      controller = new AbortController();
    }
  });

  it('stays quiet on a page with none, scripts and links of other kinds included', async () => {
    const onProof = watch('<script>var a = 1;</script><a href="#top">top</a><p>Nothing signed here.</p>');
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'still nothing' }));
    await observed();
    expect(onProof).not.toHaveBeenCalled();
  });

  it('notices a proof the page adds later, in each way a page can, and says so once', async () => {
    const changes: ((body: HTMLElement) => void)[] = [
      (body) => body.append(Object.assign(document.createElement('div'), { innerHTML: `<section><p>${token}</p></section>` })),
      (body) => body.append(document.createTextNode(` ${token}`)),
      (body) => body.querySelector('p')!.setAttribute('data-ai-proof', '{}'),
      (body) => body.querySelector('a')!.setAttribute('href', `#${token}`),
      (body) => ((body.querySelector('p')!.firstChild as Text).data = `now ${token}`),
      (body) => body.append(Object.assign(document.createElement('script'), { type: 'application/ai-proof+json' })),
    ];
    for (const change of changes) {
      const onProof = watch('<p>plain</p><a href="#top">top</a>');
      change(document.body);
      await observed();
      expect(onProof, change.toString()).toHaveBeenCalledTimes(1);
      document.body.append(document.createTextNode(token));
      await observed();
      expect(onProof).toHaveBeenCalledTimes(1);
      controller.abort();
      controller = new AbortController();
    }
  });

  it('looks into the open shadow roots the page world reports, and what is added to them', async () => {
    document.body.innerHTML = '<div id="host"></div>';
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>inside</p>';
    // The page world (shadow-roots.content.ts) answers the content script's question with each host.
    document.addEventListener(reportAllShadowRootsEvent, () => document.getElementById('host')!.dispatchEvent(new Event(shadowRootEvent, { composed: true })), {
      signal: controller.signal,
    });
    const onProof = vi.fn();
    watchForProofs({ signal: controller.signal, document, onProof });
    expect(onProof).not.toHaveBeenCalled();
    root.querySelector('p')!.setAttribute('data-ai-proof', '{}');
    await observed();
    expect(onProof).toHaveBeenCalledTimes(1);
  });

  it('stops when its signal aborts', async () => {
    const onProof = watch('<p>plain</p>');
    controller.abort();
    document.body.append(document.createTextNode(token));
    await observed();
    expect(onProof).not.toHaveBeenCalled();
  });
});
