// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { click, renderDom } from '../../test/ui/dom';
import { imageAccessPermission, imageAccessRequest } from '../background/images/image-access';
import { ImageAccessSection } from './ImageAccessSection';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  vi.restoreAllMocks();
});

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

/** The browser's permissions, which WXT's fakeBrowser leaves out: the grant as `granted` says, and the reader says yes to the prompt. */
function fakePermissions(granted: boolean) {
  let holds = granted;
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(() => Promise.resolve(holds));
  for (const event of [fakeBrowser.permissions.onAdded, fakeBrowser.permissions.onRemoved]) {
    vi.spyOn(event, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(event, 'removeListener').mockImplementation(() => undefined);
  }
  const request = vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(() => Promise.resolve((holds = true)));
  const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(() => Promise.resolve(!(holds = false)));
  return { request, remove };
}

async function render() {
  const view = renderDom(<ImageAccessSection />);
  cleanup = view.unmount;
  await settle();
  return view.container;
}

const statusOf = (container: HTMLElement) => container.querySelector('[role="status"]')?.textContent;
const button = (container: HTMLElement) => container.querySelector('button')!;

describe('ImageAccessSection', () => {
  it('asks the browser for image access from the click, and shows it on', async () => {
    const { request } = fakePermissions(false);
    const container = await render();
    expect(statusOf(container)).toMatch(/^Off\. Images on pages are not checked/);
    expect(button(container).textContent).toBe('Allow image checks…');

    click(button(container));
    expect(request).toHaveBeenCalledWith(imageAccessRequest);
    await settle();
    expect(statusOf(container)).toMatch(/^On\. Verity checks the images/);
    expect(button(container).textContent).toBe('Turn off');
  });

  it('gives the sites back when turned off, and shows it off', async () => {
    const { request, remove } = fakePermissions(true);
    const container = await render();
    click(button(container));
    expect(remove).toHaveBeenCalledWith(imageAccessPermission);
    expect(request).not.toHaveBeenCalled();
    await settle();
    expect(statusOf(container)).toMatch(/^Off\./);
  });

  it('says why it could not change, when the browser throws', async () => {
    const { request } = fakePermissions(false);
    request.mockRejectedValueOnce(new Error('Permissions request rejected'));
    const container = await render();
    click(button(container));
    await settle();
    expect(statusOf(container)).toBe('Couldn’t change this: Permissions request rejected');
  });
});
