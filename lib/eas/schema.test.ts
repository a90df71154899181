import { describe, expect, it } from 'vitest';
import { InvalidSchemaError } from './errors';
import { parseSchema } from './schema';
import { SchemaEncoder } from '../../test/fakes/eas-sdk';

/** Schemas on both sides of the grammar's edges. */
const schemas = [
  'bytes32 contentHash,string model',
  ' bytes32 contentHash , string  model ',
  'string\tmodel\n',
  '',
  '   ',
  'uint a',
  'int a',
  'uint0008 a',
  'bytes01 a',
  'uint7 a',
  'uint0 a',
  'uint264 a',
  'bytes0 a',
  'bytes33 a',
  'foo a',
  'byte a',
  'fixed128x18 a',
  'function a',
  'bytes32 contentHash,',
  ',',
  ',string a',
  'string a,,bool b',
  'bytes32 contentHash string model',
  'string 1x',
  'string $x',
  'string _x9',
  'string',
  'string,uint8',
  'tuple(string a) t',
  'tuple (string a) t',
  '(string a)',
  '()',
  '(string a,) t',
  '(string a,,) t',
  '(,) t',
  '(string a, (uint8 b, bool c)[] d)[2] e',
  '(string a)[ 2 ] x',
  'string[] [] x',
  'string [] x',
  'string[0] x',
  'string[01] x',
  'uint256[][3] c',
  'ipfsHash cid',
  'ipfsHash',
  'ipfsHash[] cid',
  '(ipfsHash a) t',
  'string memory x',
  'string calldata x',
  'string storage x',
  'string memory',
  'string memory memory x',
  'string indexed x',
  'uint256 x y',
  'string x;',
  ...['address', 'bool', 'bytes', 'bytes1', 'string', 'uint', 'uint8', 'tuple', 'indexed', 'function', 'view', 'returns', 'memory'].map((name) => `uint256 ${name}`),
  ...['payable', 'anonymous', 'fixed', 'type', 'contract', 'from', 'ipfsHash', 'model'].map((name) => `uint256 ${name}`),
];

describe('parseSchema', () => {
  it.each(schemas)('accepts %j exactly when the SDK does', (schema) => {
    let ours: boolean;
    try {
      parseSchema(schema);
      ours = true;
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidSchemaError);
      ours = false;
    }
    expect(ours).toBe(SchemaEncoder.isSchemaValid(schema));
  });

  it('gives viem ABI parameters with canonical type names', () => {
    expect(parseSchema('bytes32 contentHash,string model')).toEqual([
      { type: 'bytes32', name: 'contentHash' },
      { type: 'string', name: 'model' },
    ]);
    expect(parseSchema('uint a, int08 b, bytes01 c, ipfsHash d, string memory e')).toEqual([
      { type: 'uint256', name: 'a' },
      { type: 'int8', name: 'b' },
      { type: 'bytes1', name: 'c' },
      { type: 'bytes32', name: 'd' },
      { type: 'string', name: 'e' },
    ]);
    expect(parseSchema('(string a, (uint8 b, bool)[] d)[2] e, bytes32')).toEqual([
      {
        type: 'tuple[2]',
        name: 'e',
        components: [
          { type: 'string', name: 'a' },
          { type: 'tuple[]', name: 'd', components: [{ type: 'uint8', name: 'b' }, { type: 'bool' }] },
        ],
      },
      { type: 'bytes32' },
    ]);
  });

  it('says where it stopped', () => {
    expect(() => parseSchema('bytes32 contentHash, strin model')).toThrow('The schema does not parse: unknown type "strin" at character 22');
  });

  it('refuses tuples nested deeper than 16 instead of exhausting the stack', () => {
    const nested = (depth: number) => `${'('.repeat(depth)}bool a${') x'.repeat(depth)}`;
    expect(() => parseSchema(nested(16))).not.toThrow();
    expect(() => parseSchema(nested(17))).toThrow(/nested deeper than 16/);
    expect(() => parseSchema(nested(100_000))).toThrow(InvalidSchemaError);
  });
});
