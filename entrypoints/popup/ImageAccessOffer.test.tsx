// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakePermissions } from '../../test/fakes/permissions';
import { click, renderDom } from '../../test/ui/dom';
import { imageAccessRequest } from '../background/images/image-access';
import { ImageAccessOffer } from './ImageAccessOffer';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  vi.restoreAllMocks();
});

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

async function render() {
  const view = renderDom(<ImageAccessOffer />);
  cleanup = view.unmount;
  await settle();
  return view.container;
}

const allowButton = (container: HTMLElement) =>
  [...container.querySelectorAll('button')].find((button) => button.textContent === 'Allow image checks…');
const statusOf = (container: HTMLElement) => container.querySelector('[role="status"]')?.textContent;

describe('ImageAccessOffer', () => {
  it('offers image checks, saying why, while they are not allowed', async () => {
    fakePermissions(false);
    const container = await render();
    const section = container.querySelector('section[aria-labelledby="image-access-heading"]');
    expect(section?.querySelector('h2')?.textContent).toBe('Check images’ Content Credentials');
    expect(section?.textContent).toContain('Verity has to read the image files from the sites they come from');
    expect(section?.textContent).toContain('you can turn this off in Settings');
    expect(allowButton(container)).toBeDefined();
    expect(statusOf(container)).toBe('');
  });

  it('shows nothing once they are allowed, and goes when they are allowed elsewhere', async () => {
    fakePermissions(true);
    expect((await render()).innerHTML).toBe('');
    cleanup?.();
    vi.restoreAllMocks();

    const { grantElsewhere } = fakePermissions(false);
    const container = await render();
    expect(allowButton(container)).toBeDefined();
    grantElsewhere();
    await settle();
    expect(container.innerHTML).toBe('');
  });

  it('asks the browser within the click itself, and hides the offer when the reader says yes', async () => {
    const { request } = fakePermissions(false);
    const container = await render();
    click(allowButton(container)!);
    // Before any await: a request after one would have lost the reader's gesture.
    expect(request).toHaveBeenCalledWith(imageAccessRequest);
    await settle();
    expect(container.innerHTML).toBe('');
  });

  it('says so politely when the reader says no, and can be asked again', async () => {
    const { request } = fakePermissions(false);
    request.mockResolvedValue(false);
    const container = await render();
    click(allowButton(container)!);
    await settle();
    expect(statusOf(container)).toBe('Image checks stay off. You can allow them here or in Settings whenever you like.');
    click(allowButton(container)!);
    expect(request).toHaveBeenCalledTimes(2);
    await settle();
    expect(statusOf(container)).toMatch(/^Image checks stay off/);
  });

  it('says the browser could not ask when the request throws, keeping the offer', async () => {
    const { request } = fakePermissions(false);
    request.mockRejectedValue(new Error('Could not establish connection'));
    const container = await render();
    click(allowButton(container)!);
    await settle();
    expect(statusOf(container)).toBe(
      'Your browser couldn’t ask for image checks (Could not establish connection). You can try again, or turn them on in Settings.',
    );
    expect(allowButton(container)?.disabled).toBe(false);
  });
});
