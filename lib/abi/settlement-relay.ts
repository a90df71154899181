/** The InferenceSettlementRelay events a verifier reads (reference: opengradient.md). */
export const settlementRelayAbi = [
  {
    type: 'event',
    name: 'IndividualSettlement',
    inputs: [
      { name: 'teeId', type: 'bytes32', indexed: true },
      { name: 'ethAddress', type: 'address', indexed: true },
      { name: 'inputHash', type: 'bytes32', indexed: false },
      { name: 'outputHash', type: 'bytes32', indexed: false },
      { name: 'timestamp', type: 'uint256', indexed: false },
      { name: 'walrusBlobId', type: 'bytes', indexed: false },
      { name: 'signature', type: 'bytes', indexed: false },
    ],
  },
  {
    type: 'event',
    name: 'BatchSettlement',
    inputs: [
      { name: 'merkleRoot', type: 'bytes32', indexed: true },
      { name: 'batchSize', type: 'uint256', indexed: false },
      { name: 'walrusBlobId', type: 'bytes', indexed: false },
    ],
  },
] as const;

export const individualSettlementTopic = '0x74e71a1981c03bd0c36f3b1227f3ee2a34dca5d6fef25c4b2787e033ab60b782';
export const batchSettlementTopic = '0xc2aff8d8a10a4543baabf39bd9ff45e7fc3881d19098df350a3b7f339e911127';
