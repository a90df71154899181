import type { MakeElement } from './card-dom';
import { trusted } from './trusted-events';

export type CitationControlsParameters = {
  document: Document;
  citation: string;
  /** The card's live status line: where "Citation copied" is said. */
  status: HTMLElement;
  make: MakeElement;
};

/**
 * "Copy citation": writes the citation to the clipboard inside the
 * reader's own click (a page's synthetic click copies nothing), and says
 * so. Where the browser refuses (a frame without clipboard access, a
 * browser that asks first), the citation appears in a selected text field
 * to copy by hand.
 */
export function citationControls({ document, citation, status, make }: CitationControlsParameters): { button: HTMLButtonElement; fallback: HTMLElement } {
  const button = make('button', 'button', 'Copy citation');
  button.type = 'button';
  const fallback = make('div', 'citation');
  fallback.hidden = true;
  button.addEventListener(
    'click',
    trusted(() => {
      const clipboard = document.defaultView?.navigator.clipboard;
      const written = clipboard?.writeText(citation) ?? Promise.reject(new Error('no clipboard'));
      written.then(
        () => {
          if (!status.isConnected) return;
          status.textContent = 'Citation copied';
        },
        () => {
          if (!fallback.isConnected) return;
          showFallback(fallback, citation, make);
          status.textContent = 'Copy the citation from the box below.';
        },
      );
    }),
  );
  return { button, fallback };
}

function showFallback(fallback: HTMLElement, citation: string, make: MakeElement): void {
  const field = make('textarea', 'citation-text');
  field.readOnly = true;
  field.value = citation;
  field.setAttribute('aria-label', 'Citation');
  field.rows = 6;
  // The cards' shared sheet has no rule for it: set through the CSSOM, which a page's CSP does not block.
  Object.assign(field.style, { boxSizing: 'border-box', width: '100%', marginTop: '8px', font: '12px/1.4 monospace', resize: 'vertical' });
  fallback.replaceChildren(field);
  fallback.hidden = false;
  field.focus({ preventScroll: true });
  field.select();
}
