import { flatTreeParentOf } from './flat-tree-parent';
import { isShadowRoot } from './shadow-root-of';

/**
 * The shadow trees an element is drawn through: its own tree when it is in
 * one, and the tree of every slot and host it is drawn inside, up to the
 * document (open and closed ones: flatTreeParentOf). A style changed in
 * any of them can change how it is drawn, and a MutationObserver of the
 * document sees no change inside them.
 */
export function treesDrawing(element: Element): ShadowRoot[] {
  const trees = new Set<ShadowRoot>();
  for (let at: Element | null = element; at !== null; at = flatTreeParentOf(at)) {
    const root = at.getRootNode();
    if (isShadowRoot(root)) trees.add(root);
  }
  return [...trees];
}

/**
 * The snippets drawn through shadow trees that a change of attributes on
 * `targets` (by tree) can restyle: as in the document, those drawn inside
 * a target's parent (sibling selectors reach them) and those holding a
 * target, across slots and hosts. Each element's way up is walked once.
 */
export function snippetsRestyledInTrees(targets: ReadonlyMap<ShadowRoot, ReadonlySet<Element>>, snippetsIn: ReadonlyMap<ShadowRoot, ReadonlySet<Element>>): Set<Element> {
  const wayUp = new Map<Element, Set<Element>>();
  const above = (element: Element): Set<Element> => {
    let way = wayUp.get(element);
    if (way === undefined) {
      way = new Set();
      for (let at: Element | null = element; at !== null; at = flatTreeParentOf(at)) way.add(at);
      wayUp.set(element, way);
    }
    return way;
  };
  const restyled = new Set<Element>();
  for (const [tree, changed] of targets) {
    for (const snippet of snippetsIn.get(tree) ?? []) {
      for (const target of changed) {
        if (above(snippet).has(target.parentElement ?? tree.host) || above(target).has(snippet)) {
          restyled.add(snippet);
          break;
        }
      }
    }
  }
  return restyled;
}
