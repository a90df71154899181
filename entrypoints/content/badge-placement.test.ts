// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { badgePlaceFor } from './badge-placement';

function place(html: string, snippetId = 's') {
  document.body.innerHTML = html;
  const found = badgePlaceFor(document.getElementById(snippetId)!);
  return found && { parent: found.parent.id || found.parent.localName, before: found.before?.nodeName ?? null };
}

describe('badgePlaceFor', () => {
  it('ends the text of the snippet', () => {
    expect(place('<p id="s">Some text.</p>')).toEqual({ parent: 's', before: null });
    expect(place('<p id="s">Some <b>bold</b> text.</p>')).toEqual({ parent: 's', before: null });
  });

  it('goes into the last block when the snippet ends in one, not onto a line of its own', () => {
    expect(place('<div id="s"><p>One.</p><p id="last">Two.</p>\n  <!-- end -->\n</div>')).toEqual({ parent: 'last', before: null });
    expect(place('<div id="s"><ul><li>a</li><li id="last">b</li></ul></div>')).toEqual({ parent: 'last', before: null });
  });

  it('stops at a block that is a snippet of its own or left out of the text', () => {
    expect(place('<article id="s"><p>One.</p><p data-ai-proof="x">Two.</p></article>')).toEqual({ parent: 's', before: null });
    expect(place('<article id="s"><p>One.</p><footer data-ai-proof-ignore>Share</footer></article>')).toEqual({ parent: 's', before: null });
  });

  it('stops at a block that is the snippet of another proof, text-form ones included', () => {
    document.body.innerHTML = '<div id="s"><p>One.</p><p id="inner">Two. token</p></div>';
    const inner = document.getElementById('inner')!;
    expect(badgePlaceFor(document.getElementById('s')!, (element) => element === inner)?.parent.id).toBe('s');
  });

  it('goes after a snippet that cannot hold it, or would make it part of a control', () => {
    expect(place('<div><img id="s" data-ai-proof="x"><span>after</span></div>')).toEqual({ parent: 'div', before: 'SPAN' });
    expect(place('<div><a id="s" href="/x">link</a></div>')).toEqual({ parent: 'div', before: null });
    expect(place('<div><table id="s"><tr><td>x</td></tr></table></div>')).toEqual({ parent: 'div', before: null });
  });

  it('has no place for a snippet outside the body', () => {
    document.head.innerHTML = '<script id="s" type="application/ai-proof+json">{}</script>';
    expect(badgePlaceFor(document.head)).toBeNull();
  });
});
