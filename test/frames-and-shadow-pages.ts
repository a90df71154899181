import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A page with proofs outside its light DOM, for the browsers' end-to-end
 * tests: in open shadow roots attached by script (before the content
 * script starts, by a custom element defined 1.5 s after load, and one
 * inside another), in roots written in the HTML (declarative shadow DOM:
 * on a custom element never defined, one inside another, on a `<div>`
 * (found because the page declares roots on custom elements too), one defined
 * while the page was parsed, one defined by a module script), in roots a
 * script parsed after load (`setHTMLUnsafe` on a built-in element, and
 * `Document.parseHTMLUnsafe` then moved into the page) and in frames (same-origin, srcdoc, about:blank written by the page, and
 * cross-origin from a second loopback server: another port is another
 * origin). `verifiedHtml` and `alteredHtml` are snippets of the devnet's
 * attribute form.
 */
export type FramesAndShadowPages = {
  topUrl: string;
  otherOrigin: string;
  /** The state each placement's snippet should be badged with. */
  expected: {
    shadow: Record<ShadowPlacement, string>;
    frames: Record<FramePlacement, string>;
    /** The snippet in a top-origin frame inside `#cross-nested`, a frame of the second origin the top page draws over. */
    nested: string;
  };
  close(): Promise<void>;
};

/**
 * Frames by id. `covered`, `covered-through` and `faded` hold the verified snippet in a srcdoc frame that the page draws
 * over (a white box, one passing clicks through) or fades: a frame's document cannot see that, its same-origin parent
 * can. The `cross-` ones hold it in a frame of the second origin, as it is, under a white box passing clicks through,
 * and faded: there the parent is asked through the worker. `cross-pale` holds it half transparent in a frame the page
 * draws at half opacity: each fade alone passes, together they are too faint. `cross-shadowed` is such a frame, as it is, inside an
 * open shadow root (`#frame-host`'s), attached by script. `cross-nested` holds no snippet: a frame of the top page's
 * origin inside it does, and the top page draws over the outer frame (`expected.nested`).
 */
export type FramePlacement = 'same' | 'srcdoc' | 'blank' | 'cross' | 'covered' | 'covered-through' | 'faded' | 'cross-verified' | 'cross-covered' | 'cross-faded' | 'cross-pale' | 'cross-shadowed';

type ShadowPlacement =
  | 'host-load'
  | 'host-later'
  | 'host-outer/host-inner'
  | 'host-declared'
  | 'host-declared-outer/host-declared-inner'
  | 'host-declared-built-in'
  | 'host-early'
  | 'host-hydrated'
  | 'host-set-html'
  | 'host-parsed';

export async function serveFramesAndShadowPages({ verifiedHtml, alteredHtml }: { verifiedHtml: string; alteredHtml: string }): Promise<FramesAndShadowPages> {
  const framePage = (html: string) => `<!doctype html><html><body>${html}</body></html>`;
  const send = (response: ServerResponse, html: string) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  let topOrigin = '';
  const other = createServer((request, response) => {
    // A frame of the top page's origin inside one of this origin: the look goes up through both.
    if (request.url === '/nest.html') return send(response, framePage(`<iframe name="inner" style="width: 90%; height: 120px; border: 0" src="${topOrigin}/same.html"></iframe>`));
    if (request.url === '/pale.html') return send(response, framePage(`<div style="opacity: 0.5">${verifiedHtml}</div>`));
    send(response, framePage(request.url === '/verified.html' ? verifiedHtml : alteredHtml));
  });
  const otherOrigin = await listen(other);
  const top = createServer((request, response) => send(response, request.url === '/same.html' ? framePage(verifiedHtml) : topPage({ verifiedHtml, alteredHtml, otherOrigin })));
  topOrigin = await listen(top);
  const topUrl = `${topOrigin}/`;
  return {
    topUrl,
    otherOrigin,
    expected: {
      shadow: {
        'host-load': 'verified',
        'host-later': 'verified',
        'host-outer/host-inner': 'altered',
        'host-declared': 'verified',
        'host-declared-outer/host-declared-inner': 'altered',
        'host-declared-built-in': 'verified',
        'host-early': 'altered',
        'host-hydrated': 'verified',
        'host-set-html': 'verified',
        'host-parsed': 'altered',
      },
      frames: { same: 'verified', srcdoc: 'verified', blank: 'altered', cross: 'altered', covered: 'unavailable',
        'covered-through': 'unavailable',
        faded: 'unavailable',
        'cross-verified': 'verified',
        'cross-covered': 'unavailable',
        'cross-faded': 'unavailable',
        'cross-pale': 'unavailable',
        'cross-shadowed': 'verified',
      },
      nested: 'unavailable',
    },
    close: async () => {
      // The browser may outlive these pages and keeps its connections alive: closing waits for them unless they are closed too.
      for (const server of [top, other]) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}

/** The badge hosts inside the open shadow root that `path` ("outer/inner" host ids) leads to; runs in the page (their states: test/badge-states.ts). */
export function shadowBadges(path: string): Element[] {
  let scope: Document | ShadowRoot = document;
  for (const id of path.split('/')) scope = (scope.getElementById(id) as Element).shadowRoot!;
  return [...scope.querySelectorAll('verity-badge')];
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const escapeAttribute = (html: string) => html.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/** A frame whose document the page writes in its `srcdoc`, named as it is known (srcdoc frames share an address: the tests tell them apart by name). */
const srcdocFrame = (id: string, html: string, style = '') => `<iframe id="${id}" name="${id}"${style && ` style="${style}"`} srcdoc="${escapeAttribute(`<!doctype html><body>${html}</body>`)}"></iframe>`;

/** A host with a root written in the HTML around `html`. */
const declared = (tag: string, id: string, html: string) => `<${tag} id="${id}"><template shadowrootmode="open">${html}</template></${tag}>`;

function topPage({ verifiedHtml, alteredHtml, otherOrigin }: { verifiedHtml: string; alteredHtml: string; otherOrigin: string }): string {
  /** A frame of the second origin holding the verified snippet, named as it is known (they share an address). */
  const otherOriginFrame = (id: string, style = '') => `<iframe id="${id}" name="${id}"${style && ` style="${style}"`} src="${otherOrigin}/verified.html"></iframe>`;
  return `<!doctype html><html><head><title>Frames and shadow roots</title>
<style>iframe { width: 46%; height: 160px; border: 1px solid #ccc; } section { margin: 12px 0; }
.framed { position: relative; } .cover { position: absolute; left: 0; top: 0; width: 46%; height: 160px; background: #fff; }</style>
<script>customElements.define('early-card', class extends HTMLElement {});</script>
<script type="module">
  // As a framework hydrates a server-rendered component: the root it finds is kept.
  customElements.define('hydrated-card', class extends HTMLElement { connectedCallback() { this.dataset.hydrated = ''; } });
</script></head>
<body><h1>Proofs in shadow roots and frames</h1>
<section id="shadow-at-load"><div id="host-load"></div></section>
<section id="shadow-later"><later-card id="host-later"></later-card></section>
<section id="shadow-nested"><div id="host-outer"></div></section>
<section id="shadow-declared">${declared('article-card', 'host-declared', verifiedHtml)}</section>
<section id="shadow-declared-nested">${declared('outer-card', 'host-declared-outer', declared('inner-card', 'host-declared-inner', alteredHtml))}</section>
<section id="shadow-declared-built-in">${declared('div', 'host-declared-built-in', verifiedHtml)}</section>
<section id="shadow-early">${declared('early-card', 'host-early', alteredHtml)}</section>
<section id="shadow-hydrated">${declared('hydrated-card', 'host-hydrated', verifiedHtml)}</section>
<section id="shadow-set-html"></section>
<section id="shadow-parsed"></section>
<iframe id="same" src="/same.html"></iframe>
${srcdocFrame('srcdoc', verifiedHtml)}
<iframe id="blank"></iframe>
<iframe id="cross" src="${otherOrigin}/cross.html"></iframe>
<section class="framed">${srcdocFrame('covered', verifiedHtml)}<i class="cover">Safe for everyone.</i></section>
<section class="framed">${srcdocFrame('covered-through', verifiedHtml)}<i class="cover" style="pointer-events: none">Safe for everyone.</i></section>
<section>${srcdocFrame('faded', verifiedHtml, 'opacity: 0.06')}</section>
<section>${otherOriginFrame('cross-verified')}</section>
<section class="framed">${otherOriginFrame('cross-covered')}<i class="cover" style="pointer-events: none">Safe for everyone.</i></section>
<section>${otherOriginFrame('cross-faded', 'opacity: 0.06')}</section>
<section><iframe id="cross-pale" name="cross-pale" style="opacity: 0.5" src="${otherOrigin}/pale.html"></iframe></section>
<section><div id="frame-host"></div></section>
<section class="framed"><iframe id="cross-nested" src="${otherOrigin}/nest.html"></iframe><i class="cover" style="pointer-events: none">Safe for everyone.</i></section>
<script>
  const verifiedHtml = ${JSON.stringify(verifiedHtml)};
  const alteredHtml = ${JSON.stringify(alteredHtml)};
  document.getElementById('host-load').attachShadow({ mode: 'open' }).innerHTML = verifiedHtml;
  const outer = document.getElementById('host-outer').attachShadow({ mode: 'open' });
  outer.innerHTML = '<div id="host-inner"></div>';
  outer.getElementById('host-inner').attachShadow({ mode: 'open' }).innerHTML = alteredHtml;
  document.getElementById('blank').contentDocument.body.innerHTML = alteredHtml;
  document.getElementById('frame-host').attachShadow({ mode: 'open' }).innerHTML = ${JSON.stringify(`<iframe id="cross-shadowed" name="cross-shadowed" src="${otherOrigin}/verified.html"></iframe>`)};
  // Defined once the content script is running: the element upgrades in place and attaches its root then.
  setTimeout(() => customElements.define('later-card', class extends HTMLElement {
    connectedCallback() { this.attachShadow({ mode: 'open' }).innerHTML = verifiedHtml; }
  }), 1500);
  // Markup with roots in it, parsed by script once the content script is running.
  setTimeout(() => {
    document.getElementById('shadow-set-html').setHTMLUnsafe(${JSON.stringify(declared('div', 'host-set-html', verifiedHtml))});
    const parsed = Document.parseHTMLUnsafe(${JSON.stringify(declared('div', 'host-parsed', alteredHtml))});
    document.getElementById('shadow-parsed').append(parsed.body.firstElementChild);
  }, 1500);
</script></body></html>`;
}
