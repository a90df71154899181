import { shortHex } from '../../lib/chain/short-hex';
import type { TrustConfig } from '../../lib/trust/schema';

/**
 * What replacing `current` with `imported` would change, one line per chain
 * or signer, in words: shown before an import replaces anything.
 */
export function importChangesOf(current: TrustConfig, imported: TrustConfig): string[] {
  const chainIds = [current, imported].flatMap((config) => [config.chains, config.opengradient, config.eas, config.erc7007].flatMap(Object.keys));
  const lines = [...new Set(chainIds)].sort((a, b) => Number(a) - Number(b)).flatMap((id) => chainChange(id, current, imported));
  return [...lines, ...signerChanges(current.trustedAttesters, imported.trustedAttesters)];
}

function chainChange(id: string, current: TrustConfig, imported: TrustConfig): string[] {
  const before = current.chains[id];
  const after = imported.chains[id];
  const name = `Chain ${id}${(after ?? before)?.name ? ` (${(after ?? before)!.name})` : ''}`;
  if (before === undefined && after !== undefined) return [`Adds ${name}, with ${count(after.rpc.length, 'RPC')}`];
  if (before !== undefined && after === undefined) return [`Removes ${name}`];
  const changes: string[] = [];
  if (before && after) {
    if (before.name !== after.name) changes.push(`renames it “${after.name}”`);
    changes.push(...listChanges(before.rpc, after.rpc, 'RPC'));
    if (before.confirmations !== after.confirmations) changes.push(`confirmations ${before.confirmations} → ${after.confirmations}`);
    if (before.explorer !== after.explorer) changes.push(after.explorer === null ? 'no block explorer' : `block explorer ${after.explorer}`);
  }
  const section = (label: string, a: unknown, b: unknown) => {
    if (same(a, b)) return;
    changes.push(a === undefined ? `adds ${label}` : b === undefined ? `removes ${label}` : `changes ${label}`);
  };
  section('the OpenGradient registry and relays', current.opengradient[id], imported.opengradient[id]);
  section('the EAS contracts', current.eas[id], imported.eas[id]);
  section('the ERC-7007 contracts', current.erc7007[id], imported.erc7007[id]);
  return changes.length === 0 ? [] : [`${name}: ${changes.join('; ')}`];
}

function signerChanges(current: TrustConfig['trustedAttesters'], imported: TrustConfig['trustedAttesters']): string[] {
  const before = new Map(current.map(({ address, label }) => [address.toLowerCase(), label]));
  const after = new Map(imported.map(({ address, label }) => [address.toLowerCase(), label]));
  const lines: string[] = [];
  for (const [address, label] of after) {
    const was = before.get(address);
    if (was === undefined) lines.push(`Trusts ${label} (${shortHex(address)})`);
    else if (was !== label) lines.push(`Renames the signer ${was} (${shortHex(address)}) “${label}”`);
  }
  for (const [address, label] of before) if (!after.has(address)) lines.push(`No longer trusts ${label} (${shortHex(address)})`);
  return lines;
}

function listChanges(before: readonly string[], after: readonly string[], noun: string): string[] {
  const added = after.filter((each) => !before.includes(each)).map((each) => `adds ${noun} ${each}`);
  const removed = before.filter((each) => !after.includes(each)).map((each) => `removes ${noun} ${each}`);
  return [...added, ...removed];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
