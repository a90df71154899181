// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { createPillSheet } from './badge-sheet';

describe('createPillSheet', () => {
  it('parses its rules again only when showing, hiding or the mark changes them', () => {
    const sheet = createPillSheet('.pill { color: red; }');
    const root = document.createElement('div').attachShadow({ mode: 'closed' });
    sheet.style.adopt(root);
    const replace = vi.spyOn(root.adoptedStyleSheets[0]!, 'replaceSync');
    sheet.setShown(true);
    sheet.setMark(undefined);
    expect(replace).not.toHaveBeenCalled();
    sheet.setShown(false);
    expect(replace).toHaveBeenCalledTimes(1);
    expect(replace.mock.calls[0]![0]).toContain(':host { display: none !important; }');
    sheet.setShown(false);
    sheet.setShown(true);
    expect(replace).toHaveBeenCalledTimes(2);
    expect(replace.mock.calls[1]![0]).not.toContain(':host { display: none !important; }');
  });
});
