import { badgeTag } from './badge';
import { cardTag } from './card';
import { madeByVerity } from './made-by-verity';
import { selectionCardTag } from './selection-card';

/** Our own elements in the page (badges, the cards, a look through every box's `<style>`): never proofs, never the page changing. */
export function isOwnNode(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const { localName } = node as Element;
  return localName === badgeTag || localName === cardTag || localName === selectionCardTag || madeByVerity(node as Element);
}
