import type { TrustConfigIssue } from '../../lib/trust/errors';

/** A configuration path in a reader's words: the entry it is in ("Chain 31337") and the field ("RPC URL 2"). */
export type FieldWords = { entry?: string; field: string };

const fieldNames: Record<string, Record<string, string>> = {
  chains: { name: 'name', rpc: 'RPC URL', confirmations: 'confirmations', explorer: 'block explorer', reads: 'how reads are checked' },
  opengradient: { teeRegistry: 'OpenGradient TEE registry', settlementRelays: 'settlement relay' },
  eas: { eas: 'EAS contract', schemaRegistry: 'EAS schema registry' },
};

/**
 * Names the field a configuration path (`chains.31337.rpc.1`, as the form
 * and the parser name fields) points at, counting list items from 1.
 */
export function fieldWordsOf(path: string): FieldWords {
  const [section, key, field, index] = path.split('.');
  const nth = (at: string | undefined) => (at === undefined || !/^\d+$/.test(at) ? '' : ` ${Number(at) + 1}`);
  if (section === undefined || section === '') return { field: 'The configuration' };
  if (section === 'trustedAttesters') {
    if (key === undefined) return { field: 'Trusted signers' };
    const entry = `Trusted signer${nth(key)}`;
    return field === undefined ? { field: entry } : { entry, field: field === 'label' ? 'name' : field };
  }
  if (key === undefined) return { field: path };
  const entry = `Chain ${key}`;
  if (section === 'erc7007') return field === undefined ? { entry, field: 'ERC-7007 contracts' } : { entry, field: `ERC-7007 contract${nth(field)}` };
  const names = fieldNames[section];
  if (names === undefined) return { field: path };
  if (field === undefined) return { field: entry };
  if (index !== undefined) return { entry, field: `${names[field] ?? field}${nth(index)}` };
  return { entry, field: field === 'rpc' ? 'RPC URLs' : field === 'settlementRelays' ? 'settlement relays' : (names[field] ?? field) };
}

/** An issue as one sentence for the list of things to fix: "Chain 31337, RPC URL 2: must be an http(s) URL". */
export function issueWords({ path, message }: TrustConfigIssue): string {
  const { entry, field } = fieldWordsOf(path);
  return `${entry === undefined ? field : `${entry}, ${field}`}: ${message}`;
}
