import { readAiMarker, type AiMarker } from './ai-marker';
import type { AnchorSource } from './anchor-sets';
import type { C2paEngineError } from './errors';
import { manifestClaimsOf, type ManifestClaims } from './manifest-claims';
import { activeManifestOf, type Ingredient, type ManifestStore, type StatusLists, type ValidationStatus } from './manifest-store';
import { applyDeltas, stateOfStatus, timeStampTrustOf, untrustedByOf, type ImageState, type TimeStampTrust, type UntrustedBy } from './validation-states';

/** An ingredient (a parent image, a placed component) and, when it carries a manifest, that manifest's own state. */
export type IngredientVerdict = {
  title?: string;
  relationship?: string;
  /** Absent for an ingredient without a manifest. */
  state?: ImageState;
  failures: ValidationStatus[];
};

/** The verdict on one image's Content Credentials (spec §9). */
export type ImageVerdict = {
  state: ImageState;
  /** Why, in a reader's words. */
  reason: string;
  /** The active manifest's failure codes, as the engine gave them. */
  failures: ValidationStatus[];
  ai: AiMarker;
  /** What the active manifest claims; absent when no manifest could be read. */
  claims?: ManifestClaims;
  ingredients: IngredientVerdict[];
  /** For `verified`: which anchors made the signer trusted (lib/c2pa/check-image.ts). */
  trustedBy?: AnchorSource;
  /** For `untrusted`: whether the signer is on no trust list in use, or only the time stamp's authority. */
  untrustedBy?: UntrustedBy;
  /** With a time stamp that holds: whether its authority is on the TSA list (Verity's finding; the time itself is the manifest's claim). */
  timeStamp?: TimeStampTrust;
  /** The engine's manifest store JSON as it gave it, kept only when asked (the inspector shows it); never read for the verdict. */
  manifestStore?: unknown;
  /**
   * Set on an `unavailable` verdict when the image itself could not be had
   * or read (not fetched, or not a form the engine reads): nothing says it
   * has Content Credentials. Told only to a reader who asked about this
   * image; a page's image like it gets no badge.
   */
  imageUnread?: true;
};

const noStatus: StatusLists = { success: [], informational: [], failure: [] };

/** The verdict on a manifest store the engine read and validated. */
export function imageVerdictOf(store: ManifestStore): ImageVerdict {
  const manifest = activeManifestOf(store);
  const status = store.validation_results?.activeManifest ?? noStatus;
  const ai = readAiMarker(store);
  if (manifest === undefined) {
    // The store names an active manifest it does not hold.
    return { state: 'malformed', reason: 'The Content Credentials name a manifest they do not contain', failures: status.failure, ai, ingredients: [] };
  }
  const state = stateOfStatus(status);
  const deltas = store.validation_results?.ingredientDeltas ?? [];
  const ingredients = manifest.ingredients.map((ingredient) =>
    ingredientVerdictOf(ingredient, deltas.find(({ ingredientAssertionURI }) => ingredient.label !== undefined && ingredientAssertionURI.endsWith(`/c2pa.assertions/${ingredient.label}`))?.validationDeltas),
  );
  const untrustedBy = state === 'untrusted' ? untrustedByOf(status) : undefined;
  const timeStamp = timeStampTrustOf(status);
  return {
    state,
    reason: reasonOf(state, status.failure, untrustedBy),
    failures: status.failure,
    ai,
    claims: manifestClaimsOf(manifest),
    ingredients,
    ...(untrustedBy !== undefined && { untrustedBy }),
    ...(timeStamp !== undefined && { timeStamp }),
  };
}

/** The verdict when the engine refused the image or its manifest; `null` for an image without one (no badge). */
export function imageVerdictOfEngineError(error: C2paEngineError): ImageVerdict | null {
  const reason = `${error.message} (${error.engineError})`;
  switch (error.kind) {
    case 'no-manifest':
      return null;
    case 'unreadable':
      return unreadImageVerdict(reason);
    case 'malformed':
      return failedReadVerdict('malformed', reason);
    case 'remote-manifest':
      return failedReadVerdict('unavailable', reason);
  }
}

/** A verdict without a manifest read: the image could not be had or read (`unavailable`), or its manifest not parsed (`malformed`). */
export function failedReadVerdict(state: 'unavailable' | 'malformed', reason: string): ImageVerdict {
  return { state, reason, failures: [], ai: { generated: false, sources: [] }, ingredients: [] };
}

/** The image itself could not be had or read: `unavailable` with the reason, and `imageUnread`. */
export function unreadImageVerdict(reason: string): ImageVerdict {
  return { ...failedReadVerdict('unavailable', reason), imageUnread: true };
}

/** A `verified` verdict that says which anchors made its signer trusted. */
export function trustedVerdict(verdict: ImageVerdict, trustedBy: AnchorSource): ImageVerdict {
  return { ...verdict, trustedBy, reason: `The Content Credentials are valid, and their signer is ${trustReasons[trustedBy]}` };
}

const trustReasons: Record<AnchorSource, string> = {
  'c2pa-trust-list': 'on the C2PA Trust List',
  organisation: 'one your organisation trusts',
  reader: 'one you added',
  interim: 'on the retired interim list (the Content Credentials temporary list, turned on in Verity’s settings)',
};

function ingredientVerdictOf(ingredient: Ingredient, deltas: StatusLists | undefined): IngredientVerdict {
  const described = {
    ...(ingredient.title !== undefined && { title: ingredient.title }),
    ...(ingredient.relationship !== undefined && { relationship: ingredient.relationship }),
  };
  const recorded = ingredient.validation_results?.activeManifest;
  if (ingredient.active_manifest === undefined || (recorded === undefined && deltas === undefined)) return { ...described, failures: [] };
  const status = applyDeltas(recorded ?? noStatus, deltas ?? noStatus);
  return { ...described, state: stateOfStatus(status), failures: status.failure };
}

function reasonOf(state: ImageState, failures: ValidationStatus[], untrustedBy: UntrustedBy | undefined): string {
  const codes = [...new Set(failures.map(({ code }) => code))].join(', ');
  switch (state) {
    case 'verified':
      return 'The Content Credentials are valid and their signer is on a trust list you use';
    case 'untrusted':
      return untrustedBy === 'time-stamp'
        ? 'The Content Credentials are valid and their signer is on a trust list you use, but their time stamp comes from an authority not on a trust list you use'
        : 'The Content Credentials are valid, but their signer is not on a trust list you use';
    case 'altered':
      return `The image changed after it was signed (${codes})`;
    case 'invalid':
      return `The Content Credentials fail validation (${codes})`;
    case 'malformed':
      return `The Content Credentials cannot be parsed (${codes})`;
    case 'unavailable':
      return `Part of the Content Credentials could not be read (${codes})`;
  }
}
