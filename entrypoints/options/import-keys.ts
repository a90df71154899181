import { z } from 'zod';
import type { TrustConfigIssue } from '../../lib/trust/errors';

/** An entry whose only settings are `fields`; their values are the parser's business (lib/trust/schema.ts). */
const entryOf = (...fields: string[]) => z.strictObject(Object.fromEntries(fields.map((field) => [field, z.unknown()])));

/**
 * Every setting the options page knows, and `note`, a chain's free text.
 * Spec §7 lets a configuration carry extra fields; an import into the form
 * refuses them, since a misspelt "rpcs" or "trustedAttester" would be
 * dropped without a word (docs/protocol.md, "Options import").
 */
const knownSettings = z.strictObject({
  chains: z.record(z.string(), entryOf('name', 'rpc', 'confirmations', 'explorer', 'reads', 'note')).optional(),
  opengradient: z.record(z.string(), entryOf('teeRegistry', 'settlementRelays', 'note')).optional(),
  eas: z.record(z.string(), entryOf('eas', 'schemaRegistry', 'note')).optional(),
  erc7007: z.unknown(),
  trustedAttesters: z.array(entryOf('address', 'label')).optional(),
  trustLists: z.array(entryOf('url', 'name')).optional(),
});

/** The settings in an imported value that Verity does not know, one issue per place they are in. */
export function unknownSettingsOf(value: unknown): TrustConfigIssue[] {
  const parsed = knownSettings.safeParse(value);
  if (parsed.success) return [];
  return parsed.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? [{ path: issue.path.map(String).join('.'), message: `${issue.keys.length === 1 ? 'has a setting' : 'has settings'} Verity does not know: ${issue.keys.map((key) => `“${key}”`).join(', ')}` }]
      : [],
  );
}
