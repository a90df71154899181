/** The address a card's "Trust this signer…" asks about: `options.html#trust=0x…` (40 hex digits), lowercased; else undefined. */
export function trustSignerRequest(hash: string): string | undefined {
  const match = /^#trust=(0x[0-9a-fA-F]{40})$/.exec(hash);
  return match === null ? undefined : match[1]!.toLowerCase();
}
