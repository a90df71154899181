import { describe, expect, it } from 'vitest';
import { readAiMarker } from './ai-marker';
import { manifestStore } from './manifest-store';

const iptc = (term: string) => `http://cv.iptc.org/newscodes/digitalsourcetype/${term}`;
const actions = (label: string, ...list: object[]) => ({ label, data: { actions: list } });

/** A manifest store in c2pa-rs's JSON shape, through the same schema the engine's output goes through. */
const store = (manifests: Record<string, object>, active = 'urn:c2pa:active') => manifestStore.parse({ active_manifest: active, manifests });

describe('readAiMarker', () => {
  it('reads each IPTC AI term from c2pa.created, c2pa.opened and c2pa.placed, in v1 and v2 actions assertions', () => {
    for (const term of ['trainedAlgorithmicMedia', 'compositeWithTrainedAlgorithmicMedia', 'algorithmicMedia', 'compositeSynthetic']) {
      const marker = readAiMarker(store({ 'urn:c2pa:active': { assertions: [actions('c2pa.actions', { action: 'c2pa.created', digitalSourceType: iptc(term) })] } }));
      expect(marker).toEqual({ generated: true, sources: [{ manifestLabel: 'urn:c2pa:active', action: 'c2pa.created', digitalSourceType: term, fromIngredient: false }] });
    }
    const placed = store({ 'urn:c2pa:active': { assertions: [actions('c2pa.actions.v2__1', { action: 'c2pa.placed', digitalSourceType: iptc('compositeSynthetic').replace('http:', 'https:') })] } });
    expect(readAiMarker(placed).generated).toBe(true);
  });

  it('ignores other source types, other actions and terms outside the IPTC vocabulary', () => {
    const marker = readAiMarker(
      store({
        'urn:c2pa:active': {
          assertions: [
            actions('c2pa.actions.v2', { action: 'c2pa.created', digitalSourceType: iptc('digitalCapture') }),
            actions('c2pa.actions.v2', { action: 'c2pa.edited', digitalSourceType: iptc('trainedAlgorithmicMedia') }),
            actions('c2pa.actions.v2', { action: 'c2pa.created', digitalSourceType: 'https://example.com/trainedAlgorithmicMedia' }),
            { label: 'c2pa.actions.v2', data: { actions: 'not a list' } },
            { label: 'stds.schema-org.CreativeWork', data: { actions: [{ action: 'c2pa.created', digitalSourceType: iptc('trainedAlgorithmicMedia') }] } },
          ],
        },
      }),
    );
    expect(marker).toEqual({ generated: false, sources: [] });
  });

  it('finds the marker in an ingredient’s manifest, however deep, and visits a manifest that names itself once', () => {
    const marker = readAiMarker(
      store({
        'urn:c2pa:active': { ingredients: [{ title: 'parent.jpg', active_manifest: 'urn:c2pa:parent' }, { title: 'no manifest' }] },
        'urn:c2pa:parent': { ingredients: [{ active_manifest: 'urn:c2pa:grandparent' }] },
        'urn:c2pa:grandparent': {
          assertions: [actions('c2pa.actions.v2', { action: 'c2pa.created', digitalSourceType: iptc('trainedAlgorithmicMedia') })],
          ingredients: [{ active_manifest: 'urn:c2pa:grandparent' }, { active_manifest: 'urn:c2pa:active' }],
        },
      }),
    );
    expect(marker.sources).toEqual([{ manifestLabel: 'urn:c2pa:grandparent', action: 'c2pa.created', digitalSourceType: 'trainedAlgorithmicMedia', fromIngredient: true }]);
  });
});
