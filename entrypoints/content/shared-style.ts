/**
 * The styles of Verity's closed shadow roots, one copy for all of them.
 * Where the browser lets a content script adopt a constructed sheet, every
 * root adopts the same one. Firefox before 153 refuses that from a content
 * script ("Accessing from Xray wrapper is not supported"), so there each
 * root gets a <style> of its own with the same rules, kept in step on
 * `replace`: the same look, and still out of the page's reach.
 */
export type SharedStyle = {
  /** Styles `root`. */
  adopt(root: ShadowRoot): void;
  /** New rules for every root styled so far and from now on. */
  replace(css: string): void;
  /** The name a custom property of these rules goes by in the page (see privateNames). */
  customProperty(name: `--${string}`): string;
};

/**
 * A host's own generated content is the page's to style (`verity-badge::before { content: '✓ Verified' }`), drawn
 * over what the root draws, and hit tests name the host for it, as if it were Verity's: none is drawn. An important
 * rule of the shadow tree's outranks any of the page's on its host.
 */
export const hostDrawsNothingElse = ':host::before, :host::after, :host::marker { content: none !important; display: none !important; }';

const randomPrefix = (): string => `--v${Array.from(crypto.getRandomValues(new Uint8Array(4)), (byte) => byte.toString(16).padStart(2, '0')).join('')}-`;

/**
 * The sheet is made, and its rules parsed, when the first root adopts it: a page with no proof never pays for it.
 * Custom properties cross into closed shadow roots: a page's `@property` for one of their names reaches the
 * rules inside, and a page's rule on the host outranks what the host itself sets. So every custom property
 * these rules name is renamed with a random part of this page's own (`--background` → `--v1a2b3c4d-background`).
 * Those Verity sets on its hosts (`--verity-top`), which the page can read there, get a random part of their own:
 * knowing it names none of the colours.
 */
export function createSharedStyle(css: string): SharedStyle {
  const [prefix, hostPrefix] = [randomPrefix(), randomPrefix()];
  const privateNames = (text: string): string =>
    text.replaceAll(/(?<![\w-])--(?=([A-Za-z_][\w-]*))/g, (_, name: string) => (name.startsWith('verity-') ? hostPrefix : prefix));
  const rulesOf = (text: string): string => `${hostDrawsNothingElse}\n${privateNames(text)}`;
  let sheet: CSSStyleSheet | undefined;
  let rules = rulesOf(css);
  const registered = new Set<string>();
  // The fallback's copies, held weakly: a badge the page removed takes its copy with it.
  const copies = new Set<WeakRef<HTMLStyleElement>>();
  return {
    adopt(root) {
      try {
        if (sheet === undefined) {
          sheet = new CSSStyleSheet();
          sheet.replaceSync(rules);
        }
        root.adoptedStyleSheets = [sheet];
        return;
      } catch {
        // Firefox's Xray wrapper: fall back to a copy (see above).
      }
      const style = root.ownerDocument.createElement('style');
      style.textContent = rules;
      root.prepend(style);
      copies.add(new WeakRef(style));
    },
    replace(css) {
      rules = rulesOf(css);
      sheet?.replaceSync(rules);
      for (const copy of copies) {
        const style = copy.deref();
        if (style === undefined) copies.delete(copy);
        else style.textContent = rules;
      }
    },
    customProperty(name) {
      const named = privateNames(name);
      if (!registered.has(named)) {
        registered.add(named);
        registerFirst(named);
      }
      return named;
    },
  };
}

/**
 * Registers a name Verity sets on its hosts, which the page can read there, before the page can: a registration by
 * script outranks any `@property` rule, and a second one throws. A page's `@property` for it with another syntax
 * (`<color>`) made the place Verity set invalid, and the card jumped to the window's corner.
 */
function registerFirst(name: string): void {
  try {
    CSS.registerProperty({ name, syntax: '*', inherits: false });
  } catch {
    // A browser without registered properties, where no `@property` applies either.
  }
}
