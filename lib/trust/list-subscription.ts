import { z } from 'zod';

/**
 * Where a trust list may be fetched from: https, or http to this computer
 * itself (127.0.0.1, [::1], localhost), which browsers also count as a
 * secure origin (W3C Secure Contexts) and which tests and local tools serve.
 */
export function isTrustListUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol, hostname } = new URL(url);
  if (protocol === 'https:') return true;
  return protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(hostname);
}

export const trustListUrl = z
  .string()
  .url('must be a URL')
  .refine(isTrustListUrl, 'must be an https URL (or http on this computer: 127.0.0.1, localhost)');

export const listName = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');

/** One subscription in a trust configuration's `trustLists` (spec §7): where the list is, and what the reader calls it. */
export const trustListSubscription = z.looseObject({ url: trustListUrl, name: listName });

/** A configuration's subscriptions; a URL listed twice is one list, so repeats are rejected. */
export const trustListSubscriptions = z.array(trustListSubscription).superRefine((lists, context) => {
  const seen = new Set<string>();
  lists.forEach(({ url }, index) => {
    const key = URL.canParse(url) ? new URL(url).href : url;
    if (seen.has(key)) context.addIssue({ code: 'custom', path: [index, 'url'], message: 'is already listed' });
    seen.add(key);
  });
});

export type TrustListSubscription = z.infer<typeof trustListSubscription>;
