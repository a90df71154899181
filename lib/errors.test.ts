import { describe, expect, it } from 'vitest';
import { ChainNotConfiguredError, ChainUnavailableError, ContractRevertedError, RpcDisagreementError } from './chain/errors';
import { BaseError, walkErrors } from './errors';
import { TrustConfigError } from './trust/errors';

class OuterError extends BaseError {
  override name = 'OuterError';
}

class InnerError extends BaseError {
  override name = 'InnerError';
  readonly code: number;

  constructor(code: number) {
    super(`Inner failure ${code}`);
    this.code = code;
  }
}

describe('BaseError', () => {
  it('keeps details out of the message', () => {
    const error = new OuterError('The chain could not be read', { details: 'eth_call on https://a timed out' });
    expect(error.message).toBe('The chain could not be read');
    expect(error.shortMessage).toBe('The chain could not be read');
    expect(error.details).toBe('eth_call on https://a timed out');
    expect(error.name).toBe('OuterError');
  });

  it('has empty details and no cause when given none', () => {
    const error = new OuterError('Short');
    expect(error.details).toBe('');
    expect(error.cause).toBeUndefined();
    expect('cause' in error).toBe(false);
  });

  it('keeps the error it wraps as its cause', () => {
    const inner = new InnerError(7);
    expect(new OuterError('Outer', { cause: inner }).cause).toBe(inner);
  });

  it('walks down the cause chain to the first error that matches, itself included', () => {
    const inner = new InnerError(7);
    const middle = new Error('plain', { cause: inner });
    const outer = new OuterError('Outer', { cause: middle });
    expect(outer.walk((error) => error instanceof InnerError)).toBe(inner);
    expect(outer.walk((error) => error instanceof OuterError)).toBe(outer);
    expect(outer.walk((error) => error instanceof TypeError)).toBeNull();
  });

  it('walks to the innermost error without a match, even a thrown value that is not an Error', () => {
    const inner = new InnerError(7);
    expect(new OuterError('Outer', { cause: new Error('plain', { cause: inner }) }).walk()).toBe(inner);
    expect(new OuterError('Outer', { cause: 'a string' }).walk()).toBe('a string');
    expect(new OuterError('Outer').walk()).toBeInstanceOf(OuterError);
  });

  it('is what every error of a kind is an instance of, across subclasses', () => {
    const errors = [
      new RpcDisagreementError({ chainId: 1, details: 'a said 1, b said 2' }),
      new ChainNotConfiguredError({ chainId: 5 }),
      new ContractRevertedError({ details: 'get reverted' }),
      new TrustConfigError([{ path: 'chains.1', message: 'is required' }]),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(BaseError);
      expect(error).toBeInstanceOf(Error);
    }
    expect(errors[0]).toBeInstanceOf(ChainUnavailableError);
    expect(errors[1]).toBeInstanceOf(ChainUnavailableError);
    expect(errors[2]).not.toBeInstanceOf(ChainUnavailableError);
    expect(errors[0]).not.toBeInstanceOf(ChainNotConfiguredError);
  });
});

describe('walkErrors', () => {
  it('finds a kind of error down the chain of any thrown value', () => {
    const inner = new InnerError(3);
    const outer = new TypeError('fetch failed', { cause: inner });
    expect(walkErrors(outer, (error) => error instanceof InnerError)).toBe(inner);
    expect(walkErrors(outer)).toBe(inner);
  });

  it('gives a value that is not an Error back as it is, or null when it does not match', () => {
    expect(walkErrors('boom')).toBe('boom');
    expect(walkErrors('boom', (error) => error instanceof InnerError)).toBeNull();
    expect(walkErrors(undefined, () => true)).toBeNull();
  });

  it('stops on a cause chain that loops', () => {
    const first = new Error('first');
    const second = new Error('second', { cause: first });
    first.cause = second;
    expect(walkErrors(first, (error) => error instanceof InnerError)).toBeNull();
    expect([first, second]).toContain(walkErrors(first));
  });
});
