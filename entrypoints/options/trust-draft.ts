import type { TrustListSubscription } from '../../lib/trust/list-subscription';
import { parseTrustConfig, type TrustConfigIssue } from '../../lib/trust/parse';
import type { TrustConfig, TrustConfigInput } from '../../lib/trust/schema';
import { unknownSettingsOf } from './import-keys';

/**
 * The trust configuration as the options form edits it: one card per chain
 * gathering every section's entry for that chain, numbers as typed text,
 * lists as rows. `base` is what the layers under the user's give (built-in
 * defaults and the organisation's); the user's layer is what the form
 * changes over it (spec §7). A layer adds and changes but cannot remove, so
 * only what the user added can be removed.
 */
export type ChainDraft = {
  /** Stable across edits of the chain id, for React. */
  key: string;
  chainId: string;
  /** The chain id is in `base`: fixed, and the card cannot be removed. */
  inBase: boolean;
  /** Null when the chain has no connection entry (`chains` lacks it). */
  connection: { name: string; rpc: string[]; confirmations: string; explorer: string } | null;
  opengradient: { teeRegistry: string; settlementRelays: string[] } | null;
  eas: { eas: string; schemaRegistry: string } | null;
  /** Null when no ERC-7007 list is configured for the chain. */
  erc7007: string[] | null;
  /**
   * Fields of the chain's entries the form does not edit (a configuration's
   * free-text `note`, or any other extra field spec §7 allows), carried
   * through unchanged so that saving or exporting keeps them.
   */
  extras?: Partial<Record<'chains' | 'opengradient' | 'eas', Record<string, unknown>>>;
};

/** The chain's free-text `note`, shown read-only on its card. */
export function chainNote(chain: ChainDraft): string | undefined {
  const notes = Object.values(chain.extras ?? {}).map((extra) => extra?.note);
  return notes.find((note): note is string => typeof note === 'string');
}

const editedFields = {
  chains: ['name', 'rpc', 'confirmations', 'explorer'],
  opengradient: ['teeRegistry', 'settlementRelays'],
  eas: ['eas', 'schemaRegistry'],
} as const;

function extraFields(section: keyof typeof editedFields, entry: object | undefined): Record<string, unknown> | undefined {
  if (!entry) return undefined;
  const edited: readonly string[] = editedFields[section];
  const extra = Object.entries(entry).filter(([field]) => !edited.includes(field));
  return extra.length > 0 ? Object.fromEntries(extra) : undefined;
}

export type AttesterDraft = { key: string; address: string; label: string; inBase: boolean };

export type TrustDraft = {
  chains: ChainDraft[];
  attesters: AttesterDraft[];
  /** Subscribed trust lists, the organisation's too (managedPaths `trustLists.URL`); the Trust lists section edits them. */
  lists?: TrustListSubscription[];
};

export type ChainSection = 'chains' | 'opengradient' | 'eas' | 'erc7007';

let nextKey = 0;
/** Keys only need to be unique within one page's lifetime. */
export const newDraftKey = () => `k${nextKey++}`;

export const emptyTrustConfig: TrustConfig = { chains: {}, opengradient: {}, eas: {}, erc7007: {}, trustedAttesters: [] };

/** The form's starting point for `config`; `base` tells which chains and attesters the user may remove. */
export function toDraft(config: TrustConfig, base: TrustConfig): TrustDraft {
  const chainIds = new Set([
    ...Object.keys(config.chains),
    ...Object.keys(config.opengradient),
    ...Object.keys(config.eas),
    ...Object.keys(config.erc7007),
  ]);
  const inBase = (chainId: string) =>
    [base.chains, base.opengradient, base.eas, base.erc7007].some((section) => Object.hasOwn(section, chainId));
  const chains = [...chainIds]
    .sort((a, b) => Number(a) - Number(b))
    .map((chainId): ChainDraft => {
      const chain = config.chains[chainId];
      const og = config.opengradient[chainId];
      const eas = config.eas[chainId];
      const extras = Object.fromEntries(
        (
          [
            ['chains', extraFields('chains', chain)],
            ['opengradient', extraFields('opengradient', og)],
            ['eas', extraFields('eas', eas)],
          ] as const
        ).filter(([, extra]) => extra !== undefined),
      );
      return {
        key: newDraftKey(),
        chainId,
        inBase: inBase(chainId),
        connection: chain && {
          name: chain.name,
          rpc: [...chain.rpc],
          confirmations: String(chain.confirmations),
          explorer: chain.explorer ?? '',
        },
        opengradient: og ? { teeRegistry: og.teeRegistry, settlementRelays: [...og.settlementRelays] } : null,
        eas: eas ? { eas: eas.eas, schemaRegistry: eas.schemaRegistry } : null,
        erc7007: config.erc7007[chainId] ? [...config.erc7007[chainId]] : null,
        ...(Object.keys(extras).length > 0 && { extras }),
      };
    });
  const baseAttesters = new Set(base.trustedAttesters.map(({ address }) => address.toLowerCase()));
  return {
    ...(config.trustLists && { lists: config.trustLists.map(({ url, name }) => ({ url, name })) }),
    chains,
    attesters: config.trustedAttesters.map(({ address, label }) => ({
      key: newDraftKey(),
      address,
      label,
      inBase: baseAttesters.has(address.toLowerCase()),
    })),
  };
}

/**
 * The configuration the form describes, not yet validated: typed numbers
 * become numbers when they are whole, an empty explorer becomes null.
 */
export function fromDraft(draft: TrustDraft): unknown {
  const config = { chains: {}, opengradient: {}, eas: {}, erc7007: {} } as Record<ChainSection, Record<string, unknown>>;
  for (const chain of draft.chains) {
    const id = chain.chainId.trim();
    if (chain.connection) {
      const { name, rpc, confirmations, explorer } = chain.connection;
      const typed = confirmations.trim();
      config.chains[id] = {
        ...chain.extras?.chains,
        name: name.trim(),
        rpc: rpc.map((url) => url.trim()),
        confirmations: /^[0-9]+$/.test(typed) ? Number(typed) : typed,
        explorer: explorer.trim() || null,
      };
    }
    if (chain.opengradient) {
      config.opengradient[id] = {
        ...chain.extras?.opengradient,
        teeRegistry: chain.opengradient.teeRegistry.trim(),
        settlementRelays: chain.opengradient.settlementRelays.map((relay) => relay.trim()),
      };
    }
    if (chain.eas) config.eas[id] = { ...chain.extras?.eas, eas: chain.eas.eas.trim(), schemaRegistry: chain.eas.schemaRegistry.trim() };
    if (chain.erc7007) config.erc7007[id] = chain.erc7007.map((contract) => contract.trim());
  }
  return {
    ...config,
    trustedAttesters: draft.attesters.map(({ address, label }) => ({ address: address.trim(), label: label.trim() })),
    ...(draft.lists && draft.lists.length > 0 && { trustLists: draft.lists }),
  };
}

export type DraftCheck = { ok: true; config: TrustConfig } | { ok: false; issues: TrustConfigIssue[] };

/**
 * Validates the form. Issues name fields by their path in the configuration
 * (`chains.31337.rpc.0`), which is also how the form names its inputs.
 */
export function checkDraft(draft: TrustDraft): DraftCheck {
  const issues: TrustConfigIssue[] = [];
  const seen = new Set<string>();
  for (const chain of draft.chains) {
    const id = chain.chainId.trim();
    if (seen.has(id)) issues.push({ path: `chains.${id}`, message: 'is listed twice; each chain id may appear once' });
    seen.add(id);
    const typed = chain.connection?.confirmations.trim();
    if (typed !== undefined && !/^[0-9]+$/.test(typed)) {
      issues.push({ path: `chains.${id}.confirmations`, message: 'must be a whole number' });
    }
  }
  // Over an empty base, so the issues' paths are the form's own. Parsed whatever the checks above found, so every
  // problem is named at once; a field they already named keeps their words.
  const parsed = parseTrustConfig(fromDraft(draft), { base: emptyTrustConfig });
  if (parsed.ok && issues.length === 0) return { ok: true, config: parsed.config };
  const named = new Set(issues.map(({ path }) => path));
  return { ok: false, issues: [...issues, ...(parsed.ok ? [] : parsed.issues.filter(({ path }) => !named.has(path)))] };
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The user's layer: what `edited` sets that `base` does not already have,
 * leaving out every value the organisation set (`managedPaths`, as
 * layerTrustConfig's provenance names them), which the user cannot change.
 */
export function userLayer(base: TrustConfig, edited: TrustConfig, managedPaths: ReadonlySet<string>): TrustConfigInput {
  const layer: TrustConfigInput = {};
  const changedFields = (section: 'chains' | 'opengradient' | 'eas') => {
    const changed: Record<string, Record<string, unknown>> = {};
    for (const [chainId, entry] of Object.entries(edited[section])) {
      const before = base[section][chainId] as Record<string, unknown> | undefined;
      for (const [field, value] of Object.entries(entry)) {
        if (managedPaths.has(`${section}.${chainId}.${field}`) || sameValue(value, before?.[field])) continue;
        (changed[chainId] ??= {})[field] = value;
      }
    }
    return Object.keys(changed).length > 0 ? changed : undefined;
  };
  const chains = changedFields('chains');
  const opengradient = changedFields('opengradient');
  const eas = changedFields('eas');
  const erc7007 = Object.fromEntries(
    Object.entries(edited.erc7007).filter(
      ([chainId, contracts]) => !managedPaths.has(`erc7007.${chainId}`) && !sameValue(contracts, base.erc7007[chainId]),
    ),
  );
  const baseLabels = new Map(base.trustedAttesters.map(({ address, label }) => [address.toLowerCase(), label]));
  const trustedAttesters = edited.trustedAttesters.filter(
    ({ address, label }) =>
      !managedPaths.has(`trustedAttesters.${address.toLowerCase()}`) && baseLabels.get(address.toLowerCase()) !== label,
  );
  if (chains) layer.chains = chains as TrustConfigInput['chains'];
  if (opengradient) layer.opengradient = opengradient as TrustConfigInput['opengradient'];
  if (eas) layer.eas = eas as TrustConfigInput['eas'];
  if (Object.keys(erc7007).length > 0) layer.erc7007 = erc7007 as TrustConfigInput['erc7007'];
  if (trustedAttesters.length > 0) layer.trustedAttesters = trustedAttesters;
  // The organisation's lists stay subscribed through its own layer; the user's layer holds only the user's.
  const baseLists = new Set((base.trustLists ?? []).map(({ url }) => url));
  const trustLists = (edited.trustLists ?? []).filter(({ url }) => !managedPaths.has(`trustLists.${url}`) && !baseLists.has(url));
  if (trustLists.length > 0) layer.trustLists = trustLists;
  return layer;
}

export type ImportResult =
  | {
      ok: true;
      /** The effective configuration with the imported layer over `base`. */
      config: TrustConfig;
      /** Imported values that the organisation sets, so were not taken. */
      keptManaged: number;
    }
  | { ok: false; issues: TrustConfigIssue[] };

/**
 * Reads an imported configuration (JSON text) as the user's layer over
 * `base`. Values the organisation sets stay the organisation's; a setting
 * Verity does not know is refused, not dropped.
 */
export function importConfig(json: string, base: TrustConfig, managedPaths: ReadonlySet<string>): ImportResult {
  const parsed = parseTrustConfig(json, { base });
  const unknown = unknownSettingsOf(jsonValueOf(json));
  if (!parsed.ok || unknown.length > 0) return { ok: false, issues: [...unknown, ...(parsed.ok ? [] : parsed.issues)] };
  const everything = userLayer(base, parsed.config, new Set());
  const allowed = userLayer(base, parsed.config, managedPaths);
  const merged = parseTrustConfig(allowed, { base });
  if (!merged.ok) return { ok: false, issues: merged.issues };
  return { ok: true, config: merged.config, keptManaged: countValues(everything) - countValues(allowed) };
}

/** The JSON's value, or undefined when it is no JSON (the parser says so). */
function jsonValueOf(json: string): unknown {
  try {
    return JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

function countValues(layer: TrustConfigInput): number {
  const fields = (section?: Record<string, object>) =>
    Object.values(section ?? {}).reduce((sum, entry) => sum + Object.keys(entry).length, 0);
  return (
    fields(layer.chains) +
    fields(layer.opengradient) +
    fields(layer.eas) +
    Object.keys(layer.erc7007 ?? {}).length +
    (layer.trustedAttesters?.length ?? 0) +
    (layer.trustLists?.length ?? 0)
  );
}

/** Configuration JSON as the options page exports it: stable, indented, with a final newline. */
export function exportJson(config: TrustConfig): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}
