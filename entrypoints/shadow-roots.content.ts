import { defineContentScript } from 'wxt/utils/define-content-script';
import { mayDeclareShadowRoots, noteDeclarativeHostsOfParsedPage } from '../lib/extract/declarative-shadow-hosts';
import { openShadowRootsBelow } from '../lib/extract/open-shadow-roots';
import { reportAddedShadowRootsEvent, reportAllShadowRootsEvent, shadowRootEvent } from './content/shadow-root-events';

/**
 * In the page's own world, from the start of every document: notes each
 * open shadow root the page attaches, by script or in its HTML, so the
 * content script can look for proofs in it. Hosts are held weakly; a host
 * attached outside the page is reported once it has come in (the content
 * script asks after each batch of added nodes). Nothing else: no DOM
 * written, no page data read.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  world: 'MAIN',
  allFrames: true,
  matchAboutBlank: true,
  // No global of ours in the page's world, where a page variable of the same name would clash.
  globalName: false,
  main() {
    let hosts: WeakRef<Element>[] = [];
    let outside: WeakRef<Element>[] = [];
    // A page that calls attachShadow on a host of a declarative root gets that same root back.
    const noted = new WeakSet<Element>();
    // Hosts the page let go of are dropped now and then, so the list is as long as the page's live hosts, give or take half.
    let pruneAt = 1024;
    const report = (host: Element): boolean => host.dispatchEvent(new Event(shadowRootEvent, { composed: true }));
    const note = (host: Element): void => {
      if (noted.has(host)) return;
      noted.add(host);
      hosts.push(new WeakRef(host));
      if (hosts.length > pruneAt) {
        hosts = hosts.filter((ref) => ref.deref() !== undefined);
        outside = outside.filter((ref) => ref.deref() !== undefined);
        pruneAt = Math.max(1024, hosts.length * 2);
      }
      if (host.isConnected) report(host);
      else outside.push(new WeakRef(host));
    };

    const attachShadow = Element.prototype.attachShadow;
    // A method, like the native one: same name, not a constructor.
    Element.prototype.attachShadow = {
      attachShadow(this: Element, init: ShadowRootInit): ShadowRoot {
        const root = attachShadow.call(this, init);
        if (init.mode === 'open') note(this);
        return root;
      },
    }.attachShadow;

    document.addEventListener(reportAllShadowRootsEvent, () => {
      hosts = hosts.filter((ref) => ref.deref() !== undefined);
      for (const ref of hosts) {
        const host = ref.deref();
        if (host?.isConnected) report(host);
      }
    });
    document.addEventListener(reportAddedShadowRootsEvent, () => {
      outside = outside.filter((ref) => {
        const host = ref.deref();
        if (host === undefined) return false;
        if (!host.isConnected) return true;
        report(host);
        return false;
      });
    });
    // Last: the roots attached by script are reported whatever this meets.
    noteDeclarativeRoots(note);
  },
});

/**
 * Roots the HTML parser attached (declarative-shadow-hosts.ts): the page's
 * own once it has been parsed, before its deferred and module scripts
 * define their custom elements (and, on a page where those hold one, on
 * any element, in slices), and those of markup a script parses.
 */
function noteDeclarativeRoots(note: (host: Element) => void): void {
  const definedWhileParsing: string[] = [];
  // A document without custom elements (an XML one, say) has no registry.
  const define = globalThis.CustomElementRegistry?.prototype.define;
  if (define !== undefined) {
    CustomElementRegistry.prototype.define = {
      define(this: CustomElementRegistry, name: string, constructor: CustomElementConstructor, options?: ElementDefinitionOptions): void {
        define.call(this, name, constructor, options);
        if (document.readyState === 'loading') definedWhileParsing.push(name);
      },
    }.define;
  }

  const searchParsedPage = (): void =>
    noteDeclarativeHostsOfParsedPage({ document, definedNames: definedWhileParsing, note, later: (next) => setTimeout(next, 0) });
  // "interactive" comes when parsing ends and before deferred scripts run (HTML, "the end").
  const onReadyStateChange = (): void => {
    if (document.readyState === 'loading') return;
    document.removeEventListener('readystatechange', onReadyStateChange);
    searchParsedPage();
  };
  if (document.readyState === 'loading') document.addEventListener('readystatechange', onReadyStateChange);
  else searchParsedPage();

  const searchAfter = <owner extends object>(owner: owner, name: string, scopeOf: (self: unknown, result: unknown) => Document | Element | ShadowRoot): void => {
    const native: unknown = Reflect.get(owner, name);
    if (typeof native !== 'function') return;
    Reflect.set(owner, name, {
      [name](this: unknown, ...args: unknown[]): unknown {
        const result: unknown = Reflect.apply(native, this, args);
        if (mayDeclareShadowRoots(args[0])) for (const root of openShadowRootsBelow(scopeOf(this, result))) note(root.host);
        return result;
      },
    }[name]);
  };
  for (const name of ['setHTMLUnsafe', 'setHTML']) {
    searchAfter(Element.prototype, name, (self) => self as Element);
    searchAfter(ShadowRoot.prototype, name, (self) => self as ShadowRoot);
  }
  for (const name of ['parseHTMLUnsafe', 'parseHTML']) searchAfter(Document, name, (_self, result) => result as Document);
}
