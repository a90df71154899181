/**
 * What the number of RPC URLs means for a chain's verdicts, said where RPCs
 * are added: with two, both must answer alike, so a second one that is down
 * or behind makes proofs "Couldn't check" rather than standing in
 * (lib/chain/cross-check.ts; docs/protocol.md, "Cross-checking").
 */
export function rpcCountWords(count: number): string {
  if (count <= 1) {
    return 'With one RPC, Verity takes its answers as they come. Three from independent operators cross-check every read and let one be down.';
  }
  if (count === 2) {
    return 'With two RPCs, every read must come back the same from both: if either is down or behind, proofs on this chain show “Couldn’t check”. A third lets one be down.';
  }
  return `With ${count} RPCs, every read needs the same answer from at least two, so one can be down; two that disagree make proofs on this chain “Couldn’t check”.`;
}
