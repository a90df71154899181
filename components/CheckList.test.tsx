// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { failed, passed, skipped, unreachable } from '../lib/verdict/check';
import { renderDom } from '../test/ui/dom';
import { CheckList, orderChecks, outcomeOf } from './CheckList';

const checks = [
  passed('envelope', 'A version 1 og-tee envelope.'),
  skipped('merkle-proof', 'No batch settlement.'),
  unreachable('settlement-log', 'The RPC did not answer within 8 seconds.'),
  passed('signature', 'RSA-PSS signature by the registered TEE key.'),
  failed('confirmations', '3 confirmations; 64 required.', 'pending'),
  failed('content-binding', "The envelope's text does not hash to the outputHash the TEE signed.", 'altered'),
];

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('orderChecks', () => {
  it('puts failures first, then what could not be checked, what is not final, passes, and what did not run', () => {
    expect(orderChecks(checks).map((check) => check.id)).toEqual([
      'content-binding',
      'settlement-log',
      'confirmations',
      'envelope',
      'signature',
      'merkle-proof',
    ]);
  });

  it('keeps the original order within each group', () => {
    expect(orderChecks(checks).filter((check) => outcomeOf(check) === 'passed').map((check) => check.id)).toEqual([
      'envelope',
      'signature',
    ]);
  });
});

describe('CheckList', () => {
  it('shows each check with its outcome word and detail, failures saying what they make the proof', () => {
    const { container, unmount } = renderDom(<CheckList checks={checks} />);
    cleanup = unmount;
    const rows = [...container.querySelectorAll('li')].map((row) => row.textContent);
    expect(rows[0]).toContain('Content matches proof');
    expect(rows[0]).toContain('Failed · makes the proof altered');
    expect(rows[0]).toContain('does not hash to the outputHash');
    expect(rows[1]).toContain("Couldn't check");
    expect(rows[1]).not.toContain('Failed');
    expect(rows[2]).toContain('Not final yet');
    expect(rows[5]).toContain('Not run');
    expect(container.querySelector('[data-outcome="failed"]')?.className).toContain('border-l-orange-600');
  });

  it('says so when there are no checks', () => {
    const { container, unmount } = renderDom(<CheckList checks={[]} />);
    cleanup = unmount;
    expect(container.textContent).toContain('No checks were recorded');
  });
});
