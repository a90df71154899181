import { attestedEventAbi, easAttestAbi, schemaRegistryRegisterAbi } from '../lib/abi/eas';

/*
 * Typed ABIs for what the devnet writes to EAS (the OpenGradient and
 * ERC-7007 contracts' writes live with their views in lib/abi): compiled
 * or JSON artifacts lose viem's type inference. The devnet tests check
 * every entry against the compiled contracts and the EAS artifacts, so
 * these cannot drift.
 */

/** The EAS writes the producers make, as in the EAS artifact. */
export const easWriteAbi = [
  ...easAttestAbi,
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

export const schemaRegistryWriteAbi = schemaRegistryRegisterAbi;
