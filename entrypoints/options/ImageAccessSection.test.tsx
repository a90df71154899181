// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakePermissions } from '../../test/fakes/permissions';
import { click, renderDom } from '../../test/ui/dom';
import { imageAccessPermission, imageAccessRequest } from '../background/images/image-access';
import { ImageAccessSection } from './ImageAccessSection';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  vi.restoreAllMocks();
});

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

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
