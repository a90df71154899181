import { defineContentScript } from 'wxt/utils/define-content-script';
import { reportAddedShadowRootsEvent, reportAllShadowRootsEvent, shadowRootEvent } from './content/shadow-root-events';

/**
 * In the page's own world, from the start of every document: notes each
 * open shadow root the page attaches, so the content script can look for
 * proofs in it. Hosts are held weakly; a host attached outside the page is
 * reported once it has come in (the content script asks after each batch
 * of added nodes). Nothing else: no DOM written, no page data read.
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
    const attachShadow = Element.prototype.attachShadow;
    let hosts: WeakRef<Element>[] = [];
    let outside: WeakRef<Element>[] = [];
    // Hosts the page let go of are dropped now and then, so the list is as long as the page's live hosts, give or take half.
    let pruneAt = 1024;
    const report = (host: Element): boolean => host.dispatchEvent(new Event(shadowRootEvent, { composed: true }));

    // A method, like the native one: same name, not a constructor.
    Element.prototype.attachShadow = {
      attachShadow(this: Element, init: ShadowRootInit): ShadowRoot {
        const root = attachShadow.call(this, init);
        if (init.mode === 'open') {
          hosts.push(new WeakRef(this));
          if (hosts.length > pruneAt) {
            hosts = hosts.filter((ref) => ref.deref() !== undefined);
            outside = outside.filter((ref) => ref.deref() !== undefined);
            pruneAt = Math.max(1024, hosts.length * 2);
          }
          if (this.isConnected) report(this);
          else outside.push(new WeakRef(this));
        }
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
  },
});
