/**
 * The og-tee fields as OpenGradient's gateway returns them (reference
 * opengradient.md, "Gateway field forms"): hashes as bare hex, the
 * timestamp sometimes as a string. The envelope keeps the forms of spec §2
 * (0x-hex, a JSON number), so nothing here is accepted, only explained: a
 * reason that names the conversion a producer missed.
 */
const gatewayFields = {
  teeId: { name: 'tee_id', conversion: '' },
  inputHash: { name: 'tee_request_hash', conversion: ', with 0x added' },
  outputHash: { name: 'tee_output_hash', conversion: ', with 0x added' },
  timestamp: { name: 'tee_timestamp', conversion: ', as a JSON number' },
  signature: { name: 'tee_signature', conversion: '' },
} as const;

type GatewayField = keyof typeof gatewayFields;

export type GatewayFormReasonParameters = {
  /** The envelope as parsed JSON, not yet validated. */
  envelope: unknown;
  /** Where the schema found the issue. */
  path: readonly PropertyKey[];
};

/**
 * The reason for an issue at `path` when the value there (or its absence)
 * looks like a gateway field pasted as is; undefined otherwise.
 */
export function gatewayFormReason({ envelope, path }: GatewayFormReasonParameters): string | undefined {
  if (path.length !== 2 || path[0] !== 'proof' || !isGatewayField(path[1])) return undefined;
  const proof = (envelope as { proof?: unknown }).proof;
  if (typeof proof !== 'object' || proof === null || (proof as { type?: unknown }).type !== 'og-tee') return undefined;
  const field = path[1];
  const { name, conversion } = gatewayFields[field];
  const value = (proof as Record<string, unknown>)[field];

  if (value === undefined) return Object.hasOwn(proof, name) ? `is missing: the gateway's ${name} goes here${conversion}` : undefined;
  if (typeof value !== 'string') return undefined;
  if (field === 'timestamp') {
    return /^[0-9]+$/.test(value) ? `must be a number, not a string: write the gateway's ${name} without quotes` : undefined;
  }
  if (field !== 'signature' && /^[0-9a-fA-F]{64}$/.test(value)) return `must be 0x-prefixed: the gateway's ${name} is bare hex; add 0x`;
  return undefined;
}

function isGatewayField(key: PropertyKey | undefined): key is GatewayField {
  return typeof key === 'string' && Object.hasOwn(gatewayFields, key);
}
