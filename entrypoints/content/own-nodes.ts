import { madeByVerity } from './made-by-verity';

/**
 * Our own elements in the page (badges, the cards, a look through every
 * box's `<style>`): never proofs, never the page changing, never a cover.
 * Known by identity: a page may name elements of its own like them, and
 * one it laid over a word, or filled with words, was passed over as ours.
 */
export function isOwnNode(node: Node): boolean {
  return node.nodeType === 1 && madeByVerity(node as Element);
}
