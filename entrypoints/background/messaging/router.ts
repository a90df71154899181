import { WrongSenderError } from './errors';
import type { Answer, WorkerMessages, WorkerMessageType } from '../../../messaging/messages';
import { parseWorkerMessage, type WorkerRequest } from './parse-message';
import { senderKind, type MessageSenderLike, type OwnExtension, type SenderKind } from './sender';

/** Who sent a message, as a handler needs to know. */
export type MessageContext = {
  kind: SenderKind;
  /** The sender's tab: always there for a content script; an extension page has one when it is open in a tab. */
  tabId: number | undefined;
  frameId: number | undefined;
  documentId: string | undefined;
  /** A prerendered page the user has not seen yet (Chrome). */
  prerendering: boolean;
  /** The sender's tab is in an incognito window. */
  incognito: boolean;
};

export type WorkerHandlers = {
  [type in WorkerMessageType]: (request: WorkerRequest<type>, context: MessageContext) => Promise<Answer<WorkerMessages, type>>;
};

/**
 * Which contexts may send each message. A content script speaks for its
 * own tab only: it cannot read other tabs, set the trust configuration's
 * RPCs to work or make the worker fetch anything. Extension pages are
 * trusted; one open in a tab may also speak for that tab (the end-to-end
 * tests drive the worker so).
 */
export const allowedSenders: { [type in WorkerMessageType]: readonly SenderKind[] } = {
  'verify-proofs': ['content-script', 'extension-page'],
  'forget-proofs': ['content-script', 'extension-page'],
  'open-inspector': ['content-script'],
  'open-image-inspector': ['content-script'],
  'open-trust-signer': ['content-script'],
  'tab-state': ['extension-page'],
  'proof-details': ['extension-page'],
  'verify-again': ['extension-page'],
  // Fetches any URL it is given: pages only.
  'test-rpc': ['extension-page'],
  'trust-config': ['extension-page'],
  // The popup's and the inspector's: a content script has its own path for a selection (read-selection), and no reason to ask.
  'selection-check': ['extension-page'],
  'check-pasted': ['extension-page'],
  'verify-standalone': ['extension-page'],
  report: ['extension-page'],
  // Fetches the image with the extension's host access: pages only, until the content script's discovery asks per image.
  'check-image': ['extension-page'],
  // Refused unless the reader granted image access: then a page may have any image it shows checked. The answers go to the sender's frame.
  'check-page-images': ['content-script'],
  'tab-images': ['extension-page'],
  'page-integrity': ['content-script'],
  'tab-integrity': ['extension-page'],
  // About the sender's own frame and the frames around it in its tab.
  'look-around-frame': ['content-script'],
  'frame-label': ['content-script'],
};

export type CreateMessageRouterParameters = {
  own: OwnExtension;
  handlers: WorkerHandlers;
  /** Told of a handler's unexpected failure (the sender hears it too). */
  onError?: ((error: unknown, type: WorkerMessageType) => void) | undefined;
};

/**
 * A runtime.onMessage listener. A message from anything but this
 * extension's own contexts is ignored (undefined: no answer). Any other
 * message gets a promise: the typed handler's answer, or a rejection whose
 * message says what was wrong, which the sender's sendMessage rejects with
 * (Chrome 144+, Firefox). Nothing a sender does can throw in the worker.
 */
export function createMessageRouter({ own, handlers, onError }: CreateMessageRouterParameters) {
  return (message: unknown, sender: MessageSenderLike): Promise<unknown> | undefined => {
    const kind = senderKind(sender, own);
    if (kind === undefined) return undefined;
    const parsed = parseWorkerMessage(message);
    if (!parsed.ok) return Promise.reject(parsed.error);
    const { type, request } = parsed.message;
    if (!allowedSenders[type].includes(kind)) {
      return Promise.reject(new WrongSenderError(`"${type}" is not for ${kind === 'content-script' ? 'content scripts' : 'extension pages'}.`));
    }
    const context: MessageContext = {
      kind,
      tabId: sender.tab?.id,
      frameId: sender.frameId,
      documentId: sender.documentId,
      prerendering: sender.documentLifecycle === 'prerender',
      incognito: sender.tab?.incognito === true,
    };
    const handler = handlers[type] as (request: unknown, context: MessageContext) => Promise<unknown>;
    return Promise.resolve()
      .then(() => handler(request, context))
      .catch((error: unknown) => {
      onError?.(error, type);
      // Errors cross the message boundary as their message only.
      throw error instanceof Error ? error : new Error(String(error));
    });
  };
}
