import type { LocatedProof } from '../../lib/extract/locate-proofs';
import type { Verdict } from '../../lib/verdict/types';
import type { Badge } from './badge';
import type { RenderedText } from './rendered-text';

/** One proof the page holds, and what the content script knows of it. */
export type TrackedProof = {
  readonly id: string;
  readonly located: LocatedProof;
  readonly badge: Badge;
  /** Canonical text of the snippet as last read. */
  shownText: string;
  shownTextComplete: boolean;
  /** What readers see of the snippet, as last read; read when the proof is sent. */
  rendered: RenderedText | undefined;
  /** Bumped whenever what would be sent changes; an answer to an older revision is stale. */
  revision: number;
  /** The revision last sent, or -1. */
  sentRevision: number;
  verdict: Verdict | undefined;
  /** Whether the snippet is near the viewport; undefined until the browser has said. */
  near: boolean | undefined;
  /** Whether the badge has a place in the page (a snippet in the head has none). */
  badgePlaced: boolean;
  /** Times the badge was put back after the page removed it; a page that keeps removing it wins. */
  replacements: number;
};

/** A proof just found: its badge not yet placed, nothing sent, no verdict. */
export function newTrackedProof(id: string, located: LocatedProof, badge: Badge): TrackedProof {
  return {
    id,
    located,
    badge,
    shownText: located.shownText,
    shownTextComplete: located.shownTextComplete,
    rendered: undefined,
    revision: 0,
    sentRevision: -1,
    verdict: undefined,
    near: undefined,
    badgePlaced: false,
    replacements: 0,
  };
}

export type ProofRegistry = {
  add(proof: TrackedProof): void;
  delete(proof: TrackedProof): void;
  get(id: string): TrackedProof | undefined;
  has(proof: TrackedProof): boolean;
  all(): Iterable<TrackedProof>;
  /** The proofs whose snippet is `element`. */
  onSnippet(element: Element): readonly TrackedProof[];
  /** The proofs found on `node` (see LocatedProof.carrier). */
  onCarrier(node: Node): readonly TrackedProof[];
  /** The proofs whose snippet holds any of `nodes` (or is one). Each ancestor is looked at once. */
  around(nodes: Iterable<Node>): Set<TrackedProof>;
};

/** The proofs of one page session, by id, by snippet and by carrier. */
export function createProofRegistry(): ProofRegistry {
  const byId = new Map<string, TrackedProof>();
  const bySnippet = createGroups<Element>();
  const byCarrier = createGroups<Node>();

  return {
    add(proof) {
      byId.set(proof.id, proof);
      bySnippet.add(proof.located.element, proof);
      byCarrier.add(proof.located.carrier, proof);
    },
    delete(proof) {
      if (!byId.delete(proof.id)) return;
      bySnippet.delete(proof.located.element, proof);
      byCarrier.delete(proof.located.carrier, proof);
    },
    get: (id) => byId.get(id),
    has: (proof) => byId.get(proof.id) === proof,
    all: () => byId.values(),
    onSnippet: (element) => bySnippet.get(element),
    onCarrier: (node) => byCarrier.get(node),
    around(nodes) {
      const found = new Set<TrackedProof>();
      if (bySnippet.size() === 0) return found;
      const visited = new Set<Node>();
      for (const start of nodes) {
        for (let node: Node | null = start; node !== null && !visited.has(node); node = node.parentNode) {
          visited.add(node);
          for (const proof of bySnippet.get(node as Element)) found.add(proof);
        }
      }
      return found;
    },
  };
}

/** Proofs grouped by a node, in the order they were added. */
function createGroups<key extends Node>() {
  const groups = new Map<key, TrackedProof[]>();
  return {
    add(node: key, proof: TrackedProof): void {
      groups.set(node, [...(groups.get(node) ?? []), proof]);
    },
    delete(node: key, proof: TrackedProof): void {
      const rest = (groups.get(node) ?? []).filter((other) => other !== proof);
      if (rest.length === 0) groups.delete(node);
      else groups.set(node, rest);
    },
    get: (node: key): readonly TrackedProof[] => groups.get(node) ?? [],
    size: (): number => groups.size,
  };
}
