import { describe, expect, it } from 'vitest';
import { layerTrustConfig } from '../../lib/trust/layer';
import { checkDraft, importConfig, toDraft, userLayer } from './trust-draft';

const orgList = { url: 'https://org.example/list.json', name: 'Our list' };
const myList = { url: 'https://council.example/list.json', name: 'Press Council' };
const below = layerTrustConfig({ managed: JSON.stringify({ trustLists: [orgList] }) });
const managedPaths = new Set(Object.keys(below.provenance));

describe('trust lists in the options form', () => {
  it("keeps the organisation's lists out of the user's layer, and the user's in it", () => {
    const draft = toDraft(below.config, below.config);
    expect(draft.lists).toEqual([orgList]);
    const check = checkDraft({ ...draft, lists: [...draft.lists!, myList] });
    expect(check.ok && userLayer(below.config, check.config, managedPaths)).toEqual({ trustLists: [myList] });
  });

  it('imports subscriptions as settings it knows, and refuses one that is not https, naming it', () => {
    const imported = importConfig(JSON.stringify({ trustLists: [myList] }), below.config, managedPaths);
    expect(imported.ok && imported.config.trustLists).toEqual([orgList, myList]);
    const refused = importConfig(JSON.stringify({ trustLists: [{ url: 'ftp://council.example/list.json', name: 'X' }] }), below.config, managedPaths);
    expect(refused.ok ? [] : refused.issues.map(({ path }) => path)).toEqual(['trustLists.0.url']);
  });
});
