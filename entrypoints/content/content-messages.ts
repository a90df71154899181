import { browser } from 'wxt/browser';
import type { Answer, ContentMessages, ContentMessageType, Message } from '../../messaging/messages';

export type ContentMessageHandlers = {
  /** An answer later (a promise) must not reject: it says what went wrong in its answer. */
  [type in ContentMessageType]: (message: Message<ContentMessages, type>) => Answer<ContentMessages, type> | Promise<Answer<ContentMessages, type>>;
};

/** Where the parts of Verity running in the frame (the page session, the images) put their answers. */
export type ContentMessageDesk = {
  /** Answers the messages of `handlers`' types with them until `signal` aborts. */
  register(signal: AbortSignal, handlers: Partial<ContentMessageHandlers>): void;
};

export type ListenForContentMessagesParameters = {
  signal: AbortSignal;
  /**
   * A message of these types that comes while no part answers it: the
   * rest of Verity is started (loaded), and the message answered then;
   * with nothing, when still no part answers it. Others go unanswered.
   */
  startFor: readonly ContentMessageType[];
  start: () => Promise<void>;
};

export type ListenForContentMessagesReturnType = ContentMessageDesk;

/**
 * Listens for the messages the worker and the popup send this frame, for
 * the content script's life. Only the extension itself can send them
 * (pages reach no runtime listener); anything not ours is left for other
 * listeners. One listener from the start, so that "Verify selection" on a
 * page with no proof, where Verity has not been loaded, still gets its
 * answer.
 */
export function listenForContentMessages({ signal, startFor, start }: ListenForContentMessagesParameters): ListenForContentMessagesReturnType {
  const registered = new Set<Partial<ContentMessageHandlers>>();
  const handlerOf = (type: ContentMessageType) => {
    for (const handlers of registered) if (Object.hasOwn(handlers, type)) return handlers[type] as (message: unknown) => unknown;
    return undefined;
  };
  const listener = (message: unknown, _sender: unknown, sendResponse: (response: unknown) => void): boolean => {
    if (typeof message !== 'object' || message === null) return false;
    const { type } = message as { type?: unknown };
    if (typeof type !== 'string' || !isContentMessageType(type)) return false;
    const handle = handlerOf(type);
    if (handle === undefined && !startFor.includes(type)) return false;
    const answer = handle !== undefined ? handle(message) : start().then(() => handlerOf(type)?.(message), () => undefined);
    if (!(answer instanceof Promise)) {
      sendResponse(answer);
      return false;
    }
    void answer.then(sendResponse);
    // The channel stays open for the answer to come.
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
  return {
    register(partSignal, handlers) {
      registered.add(handlers);
      partSignal.addEventListener('abort', () => registered.delete(handlers), { once: true });
    },
  };
}

const contentMessageTypes: Record<ContentMessageType, true> = {
  'reveal-proof': true,
  'read-selection': true,
  'show-selection-check': true,
  'verdict-updated': true,
  'read-image': true,
  'show-image-check': true,
  'page-image-checked': true,
  'count-images': true,
  'expect-frame-label': true,
  'label-frames': true,
  'look-at-frame': true,
};

function isContentMessageType(type: string): type is ContentMessageType {
  return Object.hasOwn(contentMessageTypes, type);
}
