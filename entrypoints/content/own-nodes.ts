import { badgeTag } from './badge';
import { cardTag } from './card';
import { selectionCardTag } from './selection-card';

/** Our own elements in the page (badges, the cards): never proofs, never the page changing. */
export function isOwnNode(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const { localName } = node as Element;
  return localName === badgeTag || localName === cardTag || localName === selectionCardTag;
}
