// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultShareLinkBase } from '../../lib/share/share-base';
import { settingsKeys } from '../../storage/settings-keys';
import { renderDom, typeInto } from '../../test/ui/dom';
import { ShareLinkBaseField } from './ShareLinkBaseField';

let cleanup: (() => void) | undefined;
beforeEach(() => fakeBrowser.reset());
afterEach(() => cleanup?.());

const stored = async () => (await fakeBrowser.storage.local.get(settingsKeys.shareLinkBase))[settingsKeys.shareLinkBase];
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

async function render() {
  const view = renderDom(<ShareLinkBaseField />);
  cleanup = view.unmount;
  await settle();
  const input = view.container.querySelector<HTMLInputElement>('#share-link-base')!;
  const submit = async () => {
    act(() => view.container.querySelector('form')!.requestSubmit());
    await settle();
  };
  return { input, submit, container: view.container };
}

describe('ShareLinkBaseField', () => {
  it('shows the documented placeholder until the reader sets a page, and saves one', async () => {
    const { input, submit, container } = await render();
    expect(input.value).toBe(defaultShareLinkBase);
    expect(container.textContent).toContain('a placeholder that never loads: they open only where Verity is installed');
    typeInto(input, ' https://verify.example.org/verity/ ');
    await submit();
    expect(await stored()).toBe('https://verify.example.org/verity/');
    expect(container.querySelector('[role="status"]')!.textContent).toBe('Share links now open at https://verify.example.org/verity/');
  });

  it('says in words, next to the field, why an address cannot be used, and saves nothing', async () => {
    const { input, submit, container } = await render();
    typeInto(input, 'verify.example.org');
    await submit();
    expect(await stored()).toBeUndefined();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(container.querySelector('#share-link-base-error')!.textContent).toMatch(/not a web address/);
  });
});
