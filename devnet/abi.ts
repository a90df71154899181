import { attestedEventAbi } from '../lib/abi/eas';

/*
 * Typed ABIs for what the devnet writes to EAS (the OpenGradient and
 * ERC-7007 contracts' writes live with their views in lib/abi): compiled
 * or JSON artifacts lose viem's type inference. The devnet tests check
 * every entry against the compiled contracts and the EAS artifacts, so
 * these cannot drift.
 */

/** The EAS writes the producers make, as in the EAS artifact. */
export const easWriteAbi = [
  {
    type: 'function',
    name: 'attest',
    stateMutability: 'payable',
    inputs: [
      {
        name: 'request',
        type: 'tuple',
        components: [
          { name: 'schema', type: 'bytes32' },
          {
            name: 'data',
            type: 'tuple',
            components: [
              { name: 'recipient', type: 'address' },
              { name: 'expirationTime', type: 'uint64' },
              { name: 'revocable', type: 'bool' },
              { name: 'refUID', type: 'bytes32' },
              { name: 'data', type: 'bytes' },
              { name: 'value', type: 'uint256' },
            ],
          },
        ],
      },
    ],
    outputs: [{ name: '', type: 'bytes32' }],
  },
  {
    type: 'function',
    name: 'revoke',
    stateMutability: 'payable',
    inputs: [
      {
        name: 'request',
        type: 'tuple',
        components: [
          { name: 'schema', type: 'bytes32' },
          {
            name: 'data',
            type: 'tuple',
            components: [
              { name: 'uid', type: 'bytes32' },
              { name: 'value', type: 'uint256' },
            ],
          },
        ],
      },
    ],
    outputs: [],
  },
  {
    type: 'function',
    name: 'revokeOffchain',
    stateMutability: 'nonpayable',
    inputs: [{ name: 'data', type: 'bytes32' }],
    outputs: [{ name: '', type: 'uint64' }],
  },
  ...attestedEventAbi,
] as const;

export const schemaRegistryWriteAbi = [
  {
    type: 'function',
    name: 'register',
    stateMutability: 'nonpayable',
    inputs: [
      { name: 'schema', type: 'string' },
      { name: 'resolver', type: 'address' },
      { name: 'revocable', type: 'bool' },
    ],
    outputs: [{ name: '', type: 'bytes32' }],
  },
] as const;
