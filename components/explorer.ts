/**
 * Links into a block explorer, `${base}/tx/HASH` and `${base}/address/ADDRESS`
 * (the trust configuration's convention). Only http(s) explorers are
 * linked: a `javascript:` URL from a configuration must never become a link.
 */
export function explorerLink(base: string | null | undefined, kind: 'tx' | 'address', value: string): string | null {
  if (!base || !isHttpUrl(base) || !/^0x[0-9a-fA-F]+$/.test(value)) return null;
  return `${base.replace(/\/+$/, '')}/${kind}/${value}`;
}

/** The explorer's base URL from a transaction link the worker built (`facts.explorerUrl`). */
export function explorerBaseOf(txUrl: string | undefined, tx: string | undefined): string | null {
  if (!txUrl || !tx || !isHttpUrl(txUrl)) return null;
  const suffix = `/tx/${tx}`;
  return txUrl.toLowerCase().endsWith(suffix.toLowerCase()) ? txUrl.slice(0, -suffix.length) : null;
}

export function isHttpUrl(url: string): boolean {
  return /^https?:\/\/[^/\s]/i.test(url);
}
