// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeTestSigningChain } from '../../test/generators/c2pa-test-pki';
import { click, renderDom, typeInto } from '../../test/ui/dom';
import { imageAnchorsKey, interimListKey, trustListsKey } from '../background/images/image-anchor-keys';
import { ImageSignersSection } from './ImageSignersSection';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  fakeBrowser.reset();
});

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));
const organisationRoot = makeTestSigningChain('Policy Newsroom').rootPem;
const readerRoot = makeTestSigningChain('Reader Pick').rootPem;

describe('ImageSignersSection', () => {
  it('adds a pasted certificate to the reader’s list, and refuses text that is not one, saying why', async () => {
    const view = renderDom(<ImageSignersSection />);
    cleanup = view.unmount;
    await settle();
    const field = view.container.querySelector('textarea')!;
    const addButton = [...view.container.querySelectorAll('button')].find((button) => button.textContent === 'Add signer')!;
    typeInto(field, 'hello');
    click(addButton);
    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe('Couldn’t add: No certificate found: the text has no -----BEGIN CERTIFICATE----- block');
    expect((await fakeBrowser.storage.local.get(imageAnchorsKey))[imageAnchorsKey]).toBeUndefined();

    typeInto(field, readerRoot);
    click(addButton);
    await settle();
    expect((await fakeBrowser.storage.local.get(imageAnchorsKey))[imageAnchorsKey]).toContain('-----BEGIN CERTIFICATE-----');
    expect(view.container.querySelector('[aria-labelledby="reader-signers-label"]')?.textContent).toContain('Reader Pick Root CA');
    click(view.container.querySelector('[aria-label="Remove Reader Pick Root CA"]')!);
    await settle();
    expect((await fakeBrowser.storage.local.get(imageAnchorsKey))[imageAnchorsKey]).toBe('');
  });

  it('lists the organisation’s signers as its own, and its interim-list choice locks the switch', async () => {
    const view = renderDom(<ImageSignersSection organisation={{ anchors: organisationRoot, interimList: true }} />);
    cleanup = view.unmount;
    await settle();
    const organisation = view.container.querySelector('[aria-labelledby="organisation-signers-label"]');
    expect(organisation?.textContent).toContain('Policy Newsroom Root CA');
    expect(organisation?.querySelector('button')).toBeNull();
    const interim = view.container.querySelector<HTMLButtonElement>('[role="switch"]')!;
    expect(interim.getAttribute('aria-checked')).toBe('true');
    expect(interim.disabled).toBe(true);
    expect(view.container.querySelector('#interim-label')?.textContent).toContain('Set by your organisation');
  });

  it('names the C2PA TSA Trust List beside the Trust List, with what it vouches for, and a failed update of it', async () => {
    const view = renderDom(<ImageSignersSection />);
    cleanup = view.unmount;
    await settle();
    expect(view.container.textContent).toMatch(/the C2PA TSA Trust List: \d+ time-stamping authorities\. They vouch only for when an image was signed, never for who signed it\./);
    await act(() => fakeBrowser.storage.local.set({ [trustListsKey]: { tsa: { copy: { pem: 'X', fetchedAt: '2026-12-04T00:00:00Z', certificates: 7 }, error: 'HTTP 503' } } }));
    await settle();
    expect(view.container.textContent).toContain('the C2PA TSA Trust List: 7 time-stamping authorities.');
    expect(view.container.textContent).toContain('The last update of the TSA list failed (HTTP 503). Verity keeps using the copy it has.');
  });

  it('turns the interim list on for the reader when the organisation says nothing', async () => {
    const view = renderDom(<ImageSignersSection />);
    cleanup = view.unmount;
    await settle();
    const interim = view.container.querySelector<HTMLButtonElement>('[role="switch"]')!;
    expect(interim.getAttribute('aria-checked')).toBe('false');
    click(interim);
    await settle();
    expect((await fakeBrowser.storage.local.get(interimListKey))[interimListKey]).toBe(true);
    expect(interim.getAttribute('aria-checked')).toBe('true');
  });
});
