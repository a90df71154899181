// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { batchMutations, outermostConnected } from './mutation-batch';

const isOwnNode = (node: Node) => node.nodeType === 1 && (node as Element).localName === 'verity-badge';

/** The records a change makes, as a MutationObserver hands them over. */
function recordsOf(change: () => void): MutationRecord[] {
  const observer = new MutationObserver(() => {});
  observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-ai-proof', 'href'] });
  change();
  const records = observer.takeRecords();
  observer.disconnect();
  return records;
}

describe('batchMutations', () => {
  it('scans an added subtree once, however many of its nodes were added', () => {
    document.body.innerHTML = '<main id="main"></main>';
    const main = document.getElementById('main')!;
    const records = recordsOf(() => {
      const section = document.createElement('section');
      main.append(section);
      const paragraph = document.createElement('p');
      section.append(paragraph);
      paragraph.append('text');
      main.append(document.createElement('aside'));
    });
    const { added } = batchMutations(records, isOwnNode);
    expect(added.map((node) => node.nodeName)).toEqual(['SECTION', 'ASIDE']);
  });

  it('leaves out what was added and removed within the frame', () => {
    document.body.innerHTML = '';
    const records = recordsOf(() => {
      const gone = document.createElement('p');
      document.body.append(gone);
      gone.remove();
    });
    expect(batchMutations(records, isOwnNode)).toEqual({ added: [], changed: [document.body], rewritten: [], removed: true });
  });

  it('does not take our own badges for the page changing, but notices when one is taken off', () => {
    document.body.innerHTML = '<p id="p">text</p>';
    const paragraph = document.getElementById('p')!;
    const badge = document.createElement('verity-badge');
    const insertion = recordsOf(() => paragraph.append(badge));
    expect(batchMutations(insertion, isOwnNode)).toEqual({ added: [], changed: [], rewritten: [], removed: false });
    const removal = recordsOf(() => badge.remove());
    expect(batchMutations(removal, isOwnNode)).toEqual({ added: [], changed: [], rewritten: [], removed: true });
  });

  it('reports edited text as changed, and as rewritten: it may hold a token now, or have lost one', () => {
    document.body.innerHTML = '<p id="p">plain</p><p id="q">other</p>';
    const plain = document.getElementById('p')!.firstChild as Text;
    const other = document.getElementById('q')!.firstChild as Text;
    const records = recordsOf(() => {
      plain.data = 'plainer';
      other.data = `other ai-proof:v1:og:1:0x${'ab'.repeat(32)}`;
    });
    expect(batchMutations(records, isOwnNode)).toEqual({ added: [], changed: [plain, other], rewritten: [plain, other], removed: false });
  });

  it('reports an element whose proof attribute or link was set, changed or removed, and no other attribute', () => {
    document.body.innerHTML = '<p id="p" data-ai-proof="old">text</p><p id="q">text</p><a id="a" href="#x">link</a><p id="r" data-ai-proof="gone"></p>';
    const [p, q, a, r] = ['p', 'q', 'a', 'r'].map((id) => document.getElementById(id)!);
    const records = recordsOf(() => {
      p!.setAttribute('data-ai-proof', 'new');
      q!.setAttribute('data-ai-proof', 'added');
      q!.setAttribute('class', 'styled');
      a!.setAttribute('href', '#ai-proof:v1:og:1:0x00');
      r!.removeAttribute('data-ai-proof');
    });
    expect(batchMutations(records, isOwnNode).rewritten).toEqual([p, q, a, r]);
  });

  it('reports a proof script whose content changed, however it was written, and not what it holds', () => {
    document.body.innerHTML = '<script id="s" type="application/ai-proof+json">{}</script><script id="t" type="application/ai-proof+json">{}</script><script id="js">1</script>';
    const [s, t, js] = ['s', 't', 'js'].map((id) => document.getElementById(id)!);
    const records = recordsOf(() => {
      s!.textContent = '[{}]';
      (t!.firstChild as Text).data = '[]';
      js!.textContent = '2';
    });
    expect(batchMutations(records, isOwnNode).rewritten).toEqual([s, t]);
  });
});

describe('outermostConnected', () => {
  it('keeps only the outermost of nested nodes, in linear time for a deep chain', () => {
    document.body.innerHTML = '';
    // Built from the bottom up: each append then checks a parent with no ancestors yet.
    const chain: Element[] = [document.createElement('span')];
    for (let depth = 1; depth < 3_000; depth += 1) {
      const parent = document.createElement('span');
      parent.appendChild(chain[0]!);
      chain.unshift(parent);
    }
    document.body.appendChild(chain[0]!);
    // Linear: each node's ancestors are looked up about once, not once per node below them (4.5 million for this chain).
    let lookups = 0;
    const nodes = new (class extends Set<Node> {
      override has(node: Node): boolean {
        lookups += 1;
        return super.has(node);
      }
    })([...chain].reverse());
    expect(outermostConnected(nodes)).toEqual([chain[0]]);
    expect(lookups).toBeLessThan(4 * chain.length);
  });
});
