import { z } from 'zod';

/*
 * The parts of c2pa-rs's manifest store JSON (`Reader.manifestStore()`) that
 * Verity reads. The engine's output is checked like any input from outside:
 * loose objects, so fields Verity does not read may come and go between
 * engine versions.
 */

const validationStatus = z.looseObject({
  code: z.string(),
  url: z.string().optional(),
  explanation: z.string().optional(),
});

/** One manifest's validation codes, sorted by the engine into three lists. */
const statusLists = z.looseObject({
  success: z.array(validationStatus).default([]),
  informational: z.array(validationStatus).default([]),
  failure: z.array(validationStatus).default([]),
});

const ingredientDelta = z.looseObject({
  ingredientAssertionURI: z.string(),
  validationDeltas: statusLists,
});

const validationResults = z.looseObject({
  activeManifest: statusLists.optional(),
  /** The `trust_uri` of a trust list that trusted the active manifest's signer (c2pa-rs 0.92). */
  trustListUri: z.string().optional(),
  ingredientDeltas: z.array(ingredientDelta).default([]),
});

const action = z.looseObject({
  action: z.string(),
  digitalSourceType: z.string().optional(),
  when: z.string().optional(),
  softwareAgent: z.union([z.string(), z.looseObject({ name: z.string().optional() })]).optional(),
});

const assertion = z.looseObject({ label: z.string(), data: z.unknown() });

/** The data of a `c2pa.actions` or `c2pa.actions.v2` assertion. */
export const actionsData = z.looseObject({ actions: z.array(action) });

const ingredient = z.looseObject({
  title: z.string().optional(),
  relationship: z.string().optional(),
  /** The label of the ingredient's own manifest in this store, when it has one. */
  active_manifest: z.string().optional(),
  /** The ingredient's validation as recorded when it was added. */
  validation_results: validationResults.optional(),
  /** The assertion label that holds this ingredient, such as `c2pa.ingredient.v3`. */
  label: z.string().optional(),
});

const manifest = z.looseObject({
  label: z.string().optional(),
  /** Claim version 1's generator string. */
  claim_generator: z.string().optional(),
  claim_generator_info: z.array(z.looseObject({ name: z.string(), version: z.string().optional() })).optional(),
  title: z.string().optional(),
  assertions: z.array(assertion).default([]),
  ingredients: z.array(ingredient).default([]),
  signature_info: z
    .looseObject({
      issuer: z.string().optional(),
      common_name: z.string().optional(),
      /** From the signature's time-stamp, when it has one. */
      time: z.string().optional(),
      alg: z.string().optional(),
    })
    .optional(),
});

export const manifestStore = z.looseObject({
  active_manifest: z.string(),
  manifests: z.record(z.string(), manifest),
  validation_results: validationResults.optional(),
});

export type ManifestStore = z.infer<typeof manifestStore>;
export type Manifest = z.infer<typeof manifest>;
export type Ingredient = z.infer<typeof ingredient>;
export type ValidationStatus = z.infer<typeof validationStatus>;
export type StatusLists = z.infer<typeof statusLists>;
export type ManifestAction = z.infer<typeof action>;

/** The store's active manifest: the one that describes the image as it is. */
export function activeManifestOf(store: ManifestStore): Manifest | undefined {
  return store.manifests[store.active_manifest];
}
