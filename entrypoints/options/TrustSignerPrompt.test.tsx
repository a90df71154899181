// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { click, renderDom, typeInto } from '../../test/ui/dom';
import { TrustSignerPrompt, type TrustSignerPromptProps } from './TrustSignerPrompt';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const contract = `0x${'ab'.repeat(20)}`;

function render(overrides: Partial<TrustSignerPromptProps>) {
  const props: TrustSignerPromptProps = {
    request: { kind: 'erc7007', address: contract, chainId: 31337 },
    chainName: 'Verity devnet',
    trusted: false,
    busy: false,
    onTrust: vi.fn(),
    onUndo: vi.fn(),
    onDismiss: vi.fn(),
    ...overrides,
  };
  const view = renderDom(<TrustSignerPrompt {...props} />);
  cleanup = view.unmount;
  const button = (name: string) => [...view.container.querySelectorAll('button')].find((each) => each.textContent === name);
  return { container: view.container, props, button };
}

describe('TrustSignerPrompt', () => {
  it('says in words which ERC-7007 contract on which chain is trusted, and trusts it on one confirmation', () => {
    const { container, props, button } = render({});
    expect(container.querySelector('h2')!.textContent).toBe('Trust this contract?');
    expect(container.textContent).toContain(`What you would trust: the ERC-7007 contract ${contract} on Verity devnet (chain 31337).`);
    expect(container.textContent).toContain('an AI content token contract you haven’t chosen to trust');
    // A contract has no name in the settings: nothing to type.
    expect(container.querySelector('input')).toBeNull();
    click(button('Trust this contract')!);
    expect(props.onTrust).toHaveBeenCalledOnce();
  });

  it('names a settlement relay by its chain id when the settings give the chain no name, and undoes once trusted', () => {
    const relay = render({ request: { kind: 'relay', address: contract, chainId: 10740 }, chainName: undefined });
    expect(relay.container.textContent).toContain(`the settlement relay ${contract} on chain 10740.`);
    expect(relay.button('Trust this relay')).toBeDefined();
    cleanup?.();
    const trusted = render({ request: { kind: 'relay', address: contract, chainId: 10740 }, trusted: true });
    expect(trusted.container.querySelector('[role="status"]')!.textContent).toMatch(/^You trust this relay now/);
    click(trusted.button('Undo')!);
    expect(trusted.props.onUndo).toHaveBeenCalledOnce();
  });

  it('asks an attester’s name in the reader’s words', () => {
    const { container, props, button } = render({ request: { kind: 'attester', address: contract }, chainName: undefined });
    expect(container.querySelector('h2')!.textContent).toBe('Trust this signer?');
    expect(container.textContent).toContain(`What you would trust: the signer ${contract}.`);
    typeInto(container.querySelector('input')!, 'Stringer desk');
    click(button('Trust this signer')!);
    expect(props.onTrust).toHaveBeenCalledWith('Stringer desk');
  });

  it('only says why, with no way to trust, when it cannot be trusted from here', () => {
    const { container, button } = render({ blocked: 'Your organisation sets this part of Verity’s settings, so it cannot be changed here.' });
    expect(container.textContent).toContain('Your organisation sets this part');
    expect(button('Trust this contract')).toBeUndefined();
    expect(button('Not now')).toBeDefined();
  });
});
