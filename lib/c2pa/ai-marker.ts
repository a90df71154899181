import { actionsData, type Manifest, type ManifestStore } from './manifest-store';

/** IPTC digital source types that say a model made the content, or part of it (spec §9). */
const aiSourceTypes = new Set([
  'trainedAlgorithmicMedia',
  'compositeWithTrainedAlgorithmicMedia',
  'algorithmicMedia',
  'compositeSynthetic',
]);

/** The actions whose digitalSourceType says where the content came from. */
const originActions = new Set(['c2pa.created', 'c2pa.opened', 'c2pa.placed']);

const iptcPrefix = /^https?:\/\/cv\.iptc\.org\/newscodes\/digitalsourcetype\//;

/** One action that marks the image as AI-made, and the manifest that claims it. */
export type AiSource = {
  manifestLabel: string;
  action: string;
  /** The IPTC term, such as `trainedAlgorithmicMedia`. */
  digitalSourceType: string;
  /** False for the active manifest, true for an ingredient's (an edited AI image stays an AI image). */
  fromIngredient: boolean;
};

export type AiMarker = { generated: boolean; sources: AiSource[] };

/**
 * Whether the image is AI-generated, from the origin actions of the active
 * manifest and of every ingredient's manifest below it. Each manifest is
 * visited once: a store is a tree, but nothing stops a crafted one from
 * naming a manifest as its own ingredient.
 */
export function readAiMarker(store: ManifestStore): AiMarker {
  const sources: AiSource[] = [];
  const seen = new Set<string>();
  const visit = (label: string, fromIngredient: boolean) => {
    const manifest = store.manifests[label];
    if (manifest === undefined || seen.has(label)) return;
    seen.add(label);
    sources.push(...aiSourcesOf(manifest, label, fromIngredient));
    for (const ingredient of manifest.ingredients) if (ingredient.active_manifest !== undefined) visit(ingredient.active_manifest, true);
  };
  visit(store.active_manifest, false);
  return { generated: sources.length > 0, sources };
}

function aiSourcesOf(manifest: Manifest, manifestLabel: string, fromIngredient: boolean): AiSource[] {
  return actionsOf(manifest).flatMap(({ action, digitalSourceType }) => {
    const term = digitalSourceType?.replace(iptcPrefix, '');
    if (!originActions.has(action) || term === undefined || term === digitalSourceType || !aiSourceTypes.has(term)) return [];
    return [{ manifestLabel, action, digitalSourceType: term, fromIngredient }];
  });
}

/** Every action of the manifest's `c2pa.actions` and `c2pa.actions.v2` assertions, in order. */
export function actionsOf(manifest: Manifest) {
  return manifest.assertions.flatMap(({ label, data }) => {
    // A second assertion of a kind is labelled `c2pa.actions.v2__1`.
    const kind = label.replace(/__\d+$/, '');
    if (kind !== 'c2pa.actions' && kind !== 'c2pa.actions.v2') return [];
    const parsed = actionsData.safeParse(data);
    return parsed.success ? parsed.data.actions : [];
  });
}
