import { isProofScript } from '../../lib/extract/carriers';

export type MutationRecordLike = Pick<MutationRecord, 'type' | 'target' | 'addedNodes' | 'removedNodes'>;

/** One frame's mutations, as the scanner acts on them. */
export type MutationBatch = {
  /** Nodes to scan for new proofs: added and still in the page, none inside another. */
  added: Node[];
  /** Where content changed (text edited, children added or removed): snippets around them may read differently. */
  changed: Node[];
  /**
   * Nodes whose own proof may read differently, to be read again: an
   * element whose proof attribute (or link) changed, a proof script whose
   * content changed, an edited text node (it may hold a token, or have lost one).
   */
  rewritten: Node[];
  /** Whether anything left the page, ours included (a removed badge is put back). */
  removed: boolean;
};

/**
 * Sorts a frame's mutation records. Records that only add or remove our
 * own nodes (badges, the card) are not the page changing.
 */
export function batchMutations(records: Iterable<MutationRecordLike>, isOwnNode: (node: Node) => boolean): MutationBatch {
  const added = new Set<Node>();
  const changed = new Set<Node>();
  const rewritten = new Set<Node>();
  let removed = false;
  for (const record of records) {
    const { target } = record;
    if (record.type === 'attributes') {
      if (!isOwnNode(target)) rewritten.add(target);
      continue;
    }
    if (record.type === 'characterData') {
      changed.add(target);
      const script = target.parentElement;
      rewritten.add(script !== null && isProofScript(script) ? script : target);
      continue;
    }
    if (record.type !== 'childList') continue;
    let pageNodes = false;
    for (const node of record.addedNodes) {
      if (isOwnNode(node)) continue;
      pageNodes = true;
      added.add(node);
    }
    for (const node of record.removedNodes) {
      removed = true;
      if (!isOwnNode(node)) pageNodes = true;
    }
    if (!pageNodes) continue;
    changed.add(target);
    // A proof script's entries are its text: new text is a new proof, not new content to scan.
    if (target.nodeType === 1 && isProofScript(target as Element)) rewritten.add(target);
  }
  return { added: outermostConnected(added), changed: [...changed], rewritten: [...rewritten].filter((node) => node.isConnected), removed };
}

/**
 * The nodes still in the page that are not inside another of them: a
 * subtree is scanned once however many of its nodes were added. Each
 * ancestor is looked at once, so a deeply nested page costs linear time.
 */
export function outermostConnected(nodes: ReadonlySet<Node>): Node[] {
  // For each node looked at: whether one of `nodes` is among its ancestors.
  const covered = new Map<Node, boolean>();
  const isCovered = (node: Node): boolean => {
    const path: Node[] = [];
    let answer = false;
    for (let ancestor = node.parentNode; ancestor !== null; ancestor = ancestor.parentNode) {
      const known = covered.get(ancestor);
      if (known !== undefined) {
        answer = known || nodes.has(ancestor);
        break;
      }
      if (nodes.has(ancestor)) {
        answer = true;
        break;
      }
      path.push(ancestor);
    }
    for (const visited of path) covered.set(visited, answer);
    return answer;
  };
  return [...nodes].filter((node) => node.isConnected && !isCovered(node));
}
