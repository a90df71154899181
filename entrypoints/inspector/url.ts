import { browser } from 'wxt/browser';

/** The inspector page for a tab's proofs, or for one of them. */
export function inspectorUrl(tabId: number, proofId?: string): string {
  const query = new URLSearchParams({ tab: String(tabId) });
  if (proofId !== undefined) query.set('proof', proofId);
  return `${browser.runtime.getURL('/inspector.html')}?${query}`;
}

/** What the inspector was opened for; `tabId` is null when the address names no tab. */
export function inspectorTarget(search: string): { tabId: number | null; proofId: string | null } {
  const query = new URLSearchParams(search);
  const tab = Number(query.get('tab'));
  return { tabId: Number.isSafeInteger(tab) && tab >= 0 && query.has('tab') ? tab : null, proofId: query.get('proof') };
}

/** Whether the address's fragment is meant as a share link (`#share=…`), read or damaged. */
export function isShareHash(hash: string): boolean {
  return /^#?share(=|%3D)/i.test(hash);
}
