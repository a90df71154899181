import { describe, expect, it } from 'vitest';
import { defaultTrustConfig } from './defaults';
import { layerTrustConfig } from './layer';
import type { TrustListCopies } from './list-copy';
import { layerTrustLists } from './list-layer';
import type { TrustList } from './list-schema';

const newsroom = '0x00000000000000000000000000000000000000a1';
const lab = '0x00000000000000000000000000000000000000b2';
const token = '0x00000000000000000000000000000000000000c3';
const councilUrl = 'https://council.example/list.json';
const labsUrl = 'https://labs.example/list.json';

const council: TrustList = {
  name: 'Press Council of Example',
  updated: '2026-12-01T09:00:00Z',
  attesters: [{ address: newsroom, label: 'Example Newsroom' }],
  opengradient: {},
  // Chain 1 is in the defaults: a list cannot swap its EAS contract. Chain 777 is new.
  eas: { '1': { eas: lab, schemaRegistry: lab }, '777': { eas: token, schemaRegistry: token } },
  erc7007: { '1': [token] },
};
const labs: TrustList = { ...council, name: 'Labs', attesters: [{ address: newsroom, label: 'Not the newsroom' }, { address: lab, label: 'Example Lab', url: 'https://lab.example/about' }], eas: {}, erc7007: {} };
const copies: TrustListCopies = { [councilUrl]: { list: council, fetchedAt: '2026-12-02T00:00:00Z' }, [labsUrl]: { list: labs } };
const user = { trustLists: [{ url: councilUrl, name: 'Press Council' }, { url: labsUrl, name: 'Labs' }] };

describe('layerTrustLists', () => {
  it('is the plain layering when nothing is subscribed', () => {
    expect(layerTrustLists({ copies })).toEqual(layerTrustConfig());
  });

  it('adds what the subscribed lists add, each value named by its list; the first list to name a signer gives the label', () => {
    const { config } = layerTrustLists({ user, copies });
    expect(config.trustedAttesters).toEqual([
      { address: newsroom, label: 'Example Newsroom' },
      { address: lab, label: 'Example Lab', url: 'https://lab.example/about' },
    ]);
    expect(config.eas['1']).toEqual(defaultTrustConfig.eas['1']);
    expect(config.eas['777']).toEqual({ eas: token, schemaRegistry: token });
    expect(config.erc7007['1']).toEqual([token]);
    expect(config.listSources).toEqual({
      [`trustedAttesters.${newsroom}`]: 'Press Council',
      [`trustedAttesters.${lab}`]: 'Labs',
      'eas.777.eas': 'Press Council',
      'eas.777.schemaRegistry': 'Press Council',
      [`erc7007.1.${token}`]: 'Press Council',
    });
  });

  it("lets the user's own entries win over a list, and then no longer names the list", () => {
    const mine = { ...user, trustedAttesters: [{ address: newsroom, label: 'My newsroom' }], erc7007: { '1': [] } };
    const { config } = layerTrustLists({ user: mine, copies });
    expect(config.trustedAttesters.find(({ address }) => address === newsroom)?.label).toBe('My newsroom');
    expect(config.erc7007['1']).toEqual([]);
    expect(config.listSources).not.toHaveProperty(`trustedAttesters.${newsroom}`);
    expect(config.listSources).not.toHaveProperty(`erc7007.1.${token}`);
  });

  it("lets the organisation's policy win over a list, and keeps its lists subscribed whatever the user's layer says", () => {
    const managed = JSON.stringify({ trustLists: [{ url: councilUrl, name: 'Council (org)' }], eas: { '777': { eas: lab, schemaRegistry: lab } } });
    const { config, provenance } = layerTrustLists({ managed, user: { trustLists: [{ url: labsUrl, name: 'Labs' }] }, copies });
    expect(config.trustLists).toEqual([{ url: councilUrl, name: 'Council (org)' }, { url: labsUrl, name: 'Labs' }]);
    expect(provenance[`trustLists.${councilUrl}`]).toBe('managed');
    expect(provenance[`trustLists.${labsUrl}`]).toBe('user');
    expect(config.eas['777']).toEqual({ eas: lab, schemaRegistry: lab });
    expect(config.listSources?.['eas.777.eas']).toBeUndefined();
    expect(config.listSources?.[`trustedAttesters.${newsroom}`]).toBe('Council (org)');
  });

  it('adds nothing for a list with no good copy yet, and ignores a layer that claims list sources itself', () => {
    const { config } = layerTrustLists({ user: { ...user, listSources: { 'trustedAttesters.0x1': 'Fake' } }, copies: { [labsUrl]: { error: 'down' } } });
    expect(config.trustedAttesters).toEqual([]);
    expect(config.listSources).toBeUndefined();
  });

  it('refuses a subscription that is not https, naming the field', () => {
    const { userError } = layerTrustLists({ user: { trustLists: [{ url: 'http://lists.example/a.json', name: 'A' }] } });
    expect(userError?.shortMessage).toBe('trustLists.0.url: must be an https URL (or http on this computer: 127.0.0.1, localhost)');
  });
});
