import { keccak256, stringToBytes } from 'viem';
import { describe, expect, it } from 'vitest';
import { decodeAttestationData } from './decode-data';
import { maxDisplayLength } from './display-value';
import { AttestationDataError } from './errors';
import { parseSchema } from './schema';
import { SchemaEncoder } from '../../test/fakes/eas-sdk';

describe('decodeAttestationData', () => {
  it("decodes what the SDK's SchemaEncoder encodes, with display values", () => {
    const schema = 'bytes32 contentHash, string model, uint256 score, int8 delta, bool flag, address who, bytes blob, string[] tags, uint8[2] pair';
    const contentHash = keccak256(stringToBytes('hello'));
    const data = new SchemaEncoder(schema).encodeData([
      { name: 'contentHash', type: 'bytes32', value: contentHash },
      { name: 'model', type: 'string', value: 'gpt-x "mini"' },
      { name: 'score', type: 'uint256', value: 2n ** 200n },
      { name: 'delta', type: 'int8', value: -5 },
      { name: 'flag', type: 'bool', value: true },
      { name: 'who', type: 'address', value: '0x000000000000000000000000000000000000dEaD' },
      { name: 'blob', type: 'bytes', value: '0xc0ffee' },
      { name: 'tags', type: 'string[]', value: ['a', 'b, c'] },
      { name: 'pair', type: 'uint8[2]', value: [1, 2] },
    ]);
    const fields = decodeAttestationData({ parameters: parseSchema(schema), data: data as `0x${string}` });
    expect(fields.map(({ name, type, display }) => ({ name, type, display }))).toEqual([
      { name: 'contentHash', type: 'bytes32', display: contentHash },
      { name: 'model', type: 'string', display: 'gpt-x "mini"' },
      { name: 'score', type: 'uint256', display: (2n ** 200n).toString() },
      { name: 'delta', type: 'int8', display: '-5' },
      { name: 'flag', type: 'bool', display: 'true' },
      { name: 'who', type: 'address', display: '0x000000000000000000000000000000000000dEaD' },
      { name: 'blob', type: 'bytes', display: '0xc0ffee' },
      { name: 'tags', type: 'string[]', display: '["a", "b, c"]' },
      { name: 'pair', type: 'uint8[2]', display: '[1, 2]' },
    ]);
    expect(fields[0]!.value).toBe(contentHash);
    expect(fields[2]!.value).toBe(2n ** 200n);
  });

  it('shows tuples with their component names, or by position when unnamed', () => {
    const schema = '(string name, uint64 n)[] items, (bool, bytes32) pair';
    const data = new SchemaEncoder(schema).encodeData([
      { name: 'items', type: '(string,uint64)[]', value: [['x', 1], ['y', 2]] as never },
      { name: 'pair', type: '(bool,bytes32)', value: [false, `0x${'ab'.repeat(32)}`] as never },
    ]);
    const fields = decodeAttestationData({ parameters: parseSchema(schema), data: data as `0x${string}` });
    expect(fields.map(({ type, display }) => ({ type, display }))).toEqual([
      { type: '(string name,uint64 n)[]', display: '[(name: "x", n: 1), (name: "y", n: 2)]' },
      { type: '(bool,bytes32)', display: `(false, 0x${'ab'.repeat(32)})` },
    ]);
  });

  it('cuts long displays', () => {
    const schema = 'bytes32 contentHash, string model';
    const data = new SchemaEncoder(schema).encodeData([
      { name: 'contentHash', type: 'bytes32', value: `0x${'00'.repeat(32)}` },
      { name: 'model', type: 'string', value: 'x'.repeat(5_000) },
    ]);
    const [, model] = decodeAttestationData({ parameters: parseSchema(schema), data: data as `0x${string}` });
    expect(model!.display).toHaveLength(maxDisplayLength);
    expect(model!.display.endsWith('…')).toBe(true);
    expect(model!.value).toBe('x'.repeat(5_000));
  });

  it('refuses data that does not fit the schema', () => {
    const parameters = parseSchema('bytes32 contentHash, string model');
    expect(() => decodeAttestationData({ parameters, data: '0x' })).toThrow(AttestationDataError);
    expect(() => decodeAttestationData({ parameters, data: `0x${'00'.repeat(32)}` })).toThrow(AttestationDataError);
  });
});
