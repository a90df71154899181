/**
 * Who may talk to the worker. Only this extension's own contexts: its
 * content scripts and its pages. A web page cannot reach runtime.onMessage
 * (there is no `externally_connectable`), and another extension's messages
 * arrive on onMessageExternal, which the worker does not listen to; the
 * check here is the second lock on the same door.
 */

/** The fields of runtime.MessageSender the worker reads. */
export type MessageSenderLike = {
  id?: string | undefined;
  url?: string | undefined;
  tab?: { id?: number | undefined; incognito?: boolean | undefined } | undefined;
  frameId?: number | undefined;
  /** Chrome 106+: the document the message came from. */
  documentId?: string | undefined;
  /** Chrome 106+: 'prerender' for a page that is loaded but not shown yet. */
  documentLifecycle?: string | undefined;
};

export type OwnExtension = {
  /** runtime.id */
  id: string;
  /** runtime.getURL(''): `chrome-extension://ID/` or `moz-extension://UUID/` (Firefox's UUID is not the id). */
  baseUrl: string;
};

export type SenderKind = 'content-script' | 'extension-page';

/**
 * What kind of this extension's contexts sent a message, or undefined for
 * anything else. A content script runs in a tab, at the page's address; an
 * extension page (popup, options, inspector, in a tab or not) is at the
 * extension's own address.
 */
export function senderKind(sender: MessageSenderLike, own: OwnExtension): SenderKind | undefined {
  if (sender.id !== own.id || typeof sender.url !== 'string') return undefined;
  if (sender.url.startsWith(own.baseUrl)) return 'extension-page';
  return sender.tab?.id !== undefined ? 'content-script' : undefined;
}

/** Whether a message comes from one of this extension's own contexts. */
export function isOwnSender(sender: MessageSenderLike, own: OwnExtension): boolean {
  return senderKind(sender, own) !== undefined;
}
