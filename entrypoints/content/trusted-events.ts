/**
 * A listener that hears only the browser's own events: the reader's
 * pointer, keys and focus. A page can dispatch look-alikes of any event
 * (open a badge's card, close it as it opens); those are not the reader.
 */
export function trusted<event extends Event>(listener: (event: event) => void): (event: event) => void {
  return (event) => {
    if (event.isTrusted) listener(event);
  };
}
