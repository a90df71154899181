import { describe, expect, it } from 'vitest';
import { crossCheck, type EndpointOutcome } from './cross-check';
import type { EndpointFailureKind } from './endpoint-failure';
import { ChainUnavailableError, RpcDisagreementError } from './errors';

const answer = (url: string, value: string): EndpointOutcome<string> => ({ url, ok: true, value, comparable: value });
const failure = (url: string, kind: EndpointFailureKind, message: string): EndpointOutcome<string> => ({
  url,
  ok: false,
  failure: { kind, url, message, details: 'eth_call: …' },
});

const check = (...outcomes: EndpointOutcome<string>[]) => () => crossCheck({ chainId: 1, what: 'get on 0xc1 at block 7', outcomes });

function thrownBy(run: () => unknown): ChainUnavailableError {
  try {
    run();
  } catch (error) {
    return error as ChainUnavailableError;
  }
  throw new Error('expected a throw');
}

describe('crossCheck', () => {
  it('takes the answer of a lone endpoint', () => {
    expect(crossCheck({ chainId: 1, what: 'x', outcomes: [answer('https://a', '0x01')] })).toEqual({ value: '0x01', urls: ['https://a'] });
  });

  it('takes an answer two or more endpoints agree on, naming them', () => {
    expect(check(answer('https://a', '0x01'), failure('https://b', 'timeout', 'RPC timed out after 8 s'), answer('https://c', '0x01'))()).toEqual({
      value: '0x01',
      urls: ['https://a', 'https://c'],
    });
  });

  it('refuses any disagreement, even against a majority', () => {
    const error = thrownBy(check(answer('https://a', '0x01'), answer('https://b', '0x01'), answer('https://c', '0x02')));
    expect(error).toBeInstanceOf(RpcDisagreementError);
    expect(error.message).toBe('RPC endpoints disagree');
    expect(error.details).toBe('get on 0xc1 at block 7\nhttps://a answered 0x01\nhttps://b answered 0x01\nhttps://c answered 0x02');
  });

  it('needs two answers when several endpoints are configured', () => {
    const lone = check(answer('https://a', '0x01'), failure('https://b', 'timeout', 'RPC timed out after 8 s'));
    expect(lone).toThrow(ChainUnavailableError);
    expect(lone).toThrow('RPC timed out after 8 s (https://b); 1 of 2 RPCs answered, the cross-check needs 2');
  });

  it('names an unreachable endpoint once: its failure already does', () => {
    const lone = check(answer('https://a', '0x01'), failure('https://b', 'unreachable', 'Could not reach RPC https://b'));
    expect(lone).toThrow(/^Could not reach RPC https:\/\/b; 1 of 2 RPCs answered, the cross-check needs 2$/);
  });

  it('passes a lone endpoint failure on as it is', () => {
    expect(check(failure('https://a', 'unreachable', 'Could not reach RPC https://a'))).toThrow(/^Could not reach RPC https:\/\/a$/);
  });
});
