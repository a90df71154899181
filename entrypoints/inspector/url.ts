import { browser } from 'wxt/browser';

/** The inspector page for a tab's proofs, or for one of them. */
export function inspectorUrl(tabId: number, proofId?: string): string {
  const query = new URLSearchParams({ tab: String(tabId) });
  if (proofId !== undefined) query.set('proof', proofId);
  return `${browser.runtime.getURL('/inspector.html')}?${query}`;
}

/** The inspector page for an image, checked again there; `pageUrl`: the page it was seen on. */
export function imageInspectorUrl(imageUrl: string, pageUrl?: string): string {
  const query = new URLSearchParams({ image: imageUrl });
  if (pageUrl !== undefined && pageUrl !== '') query.set('page', pageUrl);
  return `${browser.runtime.getURL('/inspector.html')}?${query}`;
}

export type InspectorTarget = {
  /** Null when the address names no tab. */
  tabId: number | null;
  proofId: string | null;
  /** An image to check, and the page it was seen on. */
  image: { url: string; pageUrl: string } | null;
};

/** What the inspector was opened for. */
export function inspectorTarget(search: string): InspectorTarget {
  const query = new URLSearchParams(search);
  const tab = Number(query.get('tab'));
  const imageUrl = query.get('image');
  return {
    tabId: Number.isSafeInteger(tab) && tab >= 0 && query.has('tab') ? tab : null,
    proofId: query.get('proof'),
    image: imageUrl === null ? null : { url: imageUrl, pageUrl: query.get('page') ?? '' },
  };
}

/** Whether the address's fragment is meant as a share link (`#share=…`), read or damaged. */
export function isShareHash(hash: string): boolean {
  return /^#?share(=|%3D)/i.test(hash);
}
