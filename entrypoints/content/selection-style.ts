import type { TextPaint } from './rendering-doubts';

/** The colours a page's `::selection` rules declare for an element's selected words, as written; undefined where no rule sets one. */
export type SelectionColours = { colour?: string; fill?: string; background?: string };

export type SelectionStyles = {
  /**
   * The colours the page's `::selection` rules give the selected words of
   * `element`: those of the nearest element, itself or up `parentOf`, that
   * a rule matches, cascaded in order (important over not); undefined when
   * no rule matches any, and the browser's own selection colours show.
   */
  coloursOf(element: Element, parentOf: (element: Element) => Element | null): SelectionColours | undefined;
};

type SelectionRule = { selector: string; style: CSSStyleDeclaration };

const selectionPseudo = /::?(?:-moz-)?selection\b/i;
const everySelectionPseudo = new RegExp(selectionPseudo.source, 'gi');
const declared = { colour: 'color', fill: '-webkit-text-fill-color', background: 'background-color' } as const;

/**
 * The page's `::selection` rules, read from its style sheets (CSSOM), for
 * the document and each shadow root a reading asks about. Not from
 * `getComputedStyle(element, '::selection')`: Chromium 156 answers it for an
 * element no rule matches with another element's colours, and keeps its
 * first answer after the page's styles change (docs/protocol.md §10).
 * Selected words take the style of the nearest element a rule matches, as
 * a whole: probed in Chromium 156, a `::selection` rule of a paragraph
 * colours its span's selected words and their background too, and a span
 * with a rule of its own that sets only a colour has no selection
 * background. Sheets of another origin cannot be read, and their rules are
 * not seen.
 */
export function createSelectionStyles(view: Window): SelectionStyles {
  const rulesByRoot = new Map<Node, SelectionRule[]>();
  const rulesOf = (root: Node): SelectionRule[] => {
    let rules = rulesByRoot.get(root);
    if (rules === undefined) rulesByRoot.set(root, (rules = selectionRulesIn(root as Document | ShadowRoot, view)));
    return rules;
  };
  return {
    coloursOf(element, parentOf) {
      for (let current: Element | null = element; current !== null; current = parentOf(current)) {
        const at = current;
        const matching = rulesOf(at.getRootNode()).filter(({ selector }) => matchesOrUnsure(at, selector));
        if (matching.length > 0) return cascade(matching);
      }
      return undefined;
    },
  };
}

/** Custom properties substituted in turn, at most: one that names another names a chain, not a loop. */
const substitutionsAtMost = 8;

/**
 * Reads a colour as a rule declares it (a name, hex, `var()`,
 * `currentcolor`) into one parseColour reads: custom properties from the
 * element's computed style, `currentcolor` as its colour. Undefined for a
 * keyword that sets nothing of its own (`inherit` and kin).
 */
export function readDeclaredColour(value: string, style: CSSStyleDeclaration): string | undefined {
  let text = value.trim();
  for (let turn = 0; turn < substitutionsAtMost && text.includes('var('); turn++) text = withFirstVariable(text, style);
  if (/^(inherit|initial|unset|revert|revert-layer)$/i.test(text)) return undefined;
  return /^currentcolor$/i.test(text) ? style.color : text;
}

/** How selected words are painted: in the selection's colours (the text's own where it sets none), over its background and then the text's. */
export function selectedPaintOf(text: TextPaint, colours: SelectionColours): TextPaint {
  return {
    ...text,
    colour: colours.fill ?? colours.colour ?? text.colour,
    backgrounds: colours.background === undefined ? text.backgrounds : [{ colour: colours.background, image: false }, ...text.backgrounds],
  };
}

/** Whether the document's selection (not a caret) reaches into `element`, or into the shadow host it is drawn in. */
export function selectionReaches(selection: Selection | null, element: Element): boolean {
  if (selection === null || selection.isCollapsed) return false;
  let node: Node = element;
  // The selection's ranges are the document's: one over text in a shadow tree is seen at its host.
  while (node.getRootNode() !== element.ownerDocument && (node.getRootNode() as Partial<ShadowRoot>).host) node = (node.getRootNode() as ShadowRoot).host;
  for (let index = 0; index < selection.rangeCount; index++) if (selection.getRangeAt(index).intersectsNode(node)) return true;
  return false;
}

/** `text` with its first `var()` replaced by the custom property's value, or its fallback. */
function withFirstVariable(text: string, style: CSSStyleDeclaration): string {
  const start = text.indexOf('var(');
  let end = start + 'var('.length;
  for (let depth = 1; end < text.length; end++) {
    if (text[end] === '(') depth++;
    else if (text[end] === ')' && --depth === 0) break;
  }
  const [name = '', ...fallback] = text.slice(start + 'var('.length, end).split(',');
  return text.slice(0, start) + (style.getPropertyValue(name.trim()).trim() || fallback.join(',').trim()) + text.slice(end + 1);
}

function cascade(rules: readonly SelectionRule[]): SelectionColours {
  const colours: SelectionColours = {};
  const important = new Set<keyof SelectionColours>();
  for (const { style } of rules) {
    for (const [name, property] of Object.entries(declared) as [keyof SelectionColours, string][]) {
      // A shorthand with a custom property in it leaves its longhands unread (Chromium gives them as empty): the shorthand is the colour then.
      const shorthand = name === 'background' && style.getPropertyValue(property) === '' ? 'background' : property;
      const value = style.getPropertyValue(shorthand).trim();
      if (value === '') continue;
      const isImportant = style.getPropertyPriority(shorthand) === 'important';
      if (important.has(name) && !isImportant) continue;
      colours[name] = value;
      if (isImportant) important.add(name);
    }
  }
  return colours;
}

/** A selector the content script's engine cannot take (another engine's prefix) may match: its rule is judged. */
function matchesOrUnsure(element: Element, selector: string): boolean {
  try {
    return element.matches(selector);
  } catch {
    return true;
  }
}

function selectionRulesIn(root: Document | ShadowRoot, view: Window): SelectionRule[] {
  const rules: SelectionRule[] = [];
  // jsdom's shadow roots have no sheet lists.
  for (const sheet of [...(root.styleSheets ?? []), ...adoptedSheetsOf(root)]) collectSheet(sheet, view, rules);
  return rules;
}

/** The sheets a script adopted; none where the content script cannot read them (Firefox 140 gives its Xray wrapper's list as no iterable). */
function adoptedSheetsOf(root: Document | ShadowRoot): readonly CSSStyleSheet[] {
  try {
    return Array.from((root as Partial<DocumentOrShadowRoot>).adoptedStyleSheets ?? []);
  } catch {
    return [];
  }
}

function collectSheet(sheet: CSSStyleSheet, view: Window, rules: SelectionRule[]): void {
  try {
    if (sheet.disabled || !mediaMatches(sheet.media.mediaText, view)) return;
    collectRules(sheet.cssRules, undefined, view, rules);
  } catch {
    // A sheet of another origin, whose rules are not the content script's to read, or one its browser's wrapper will not walk.
  }
}

function collectRules(list: CSSRuleList, parentSelector: string | undefined, view: Window, rules: SelectionRule[]): void {
  for (const rule of list) {
    if (rule.type === CSSRule.STYLE_RULE) {
      const { selectorText, style, cssRules } = rule as CSSStyleRule;
      const selector = parentSelector === undefined ? selectorText : nested(selectorText, parentSelector);
      // The pseudo-element stands for the element it selects the words of.
      if (selectionPseudo.test(selectorText)) rules.push({ selector: selector.replace(everySelectionPseudo, ':is(*)'), style });
      if (cssRules !== undefined && cssRules.length > 0) collectRules(cssRules, selector, view, rules);
    } else if (rule.type === CSSRule.IMPORT_RULE) {
      const { styleSheet } = rule as CSSImportRule;
      if (styleSheet !== null) collectSheet(styleSheet, view, rules);
    } else if (rule.type === CSSRule.MEDIA_RULE) {
      const media = rule as CSSMediaRule;
      if (mediaMatches(media.media.mediaText, view)) collectRules(media.cssRules, parentSelector, view, rules);
    } else if (rule.type === CSSRule.SUPPORTS_RULE) {
      const supports = rule as CSSSupportsRule;
      if (typeof CSS === 'undefined' || CSS.supports(supports.conditionText)) collectRules(supports.cssRules, parentSelector, view, rules);
    } else if ('cssRules' in rule) {
      // Layers, container and scope queries, and what else groups rules: taken as applying, which can only add a rule to judge.
      collectRules((rule as CSSGroupingRule).cssRules, parentSelector, view, rules);
    }
  }
}

/** A nested rule's selector (CSS Nesting): `&` is its parent's, and a selector without one is a descendant of it. */
function nested(selector: string, parent: string): string {
  return selector.includes('&') ? selector.replaceAll('&', `:is(${parent})`) : `:is(${parent}) :is(${selector})`;
}

function mediaMatches(media: string, view: Window): boolean {
  return media.trim() === '' || typeof view.matchMedia !== 'function' || view.matchMedia(media).matches;
}
