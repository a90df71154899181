import { easDeployments, type EasNetwork } from '../trust/eas-deployments';

/**
 * The chains of EAS's explorer (easscan.org): one subdomain per network,
 * named as the EAS deployments name it, except Ethereum mainnet (the bare
 * domain) and Arbitrum One (`arbitrum.`).
 */
const subdomainNetworks: Record<string, EasNetwork> = {
  ...Object.fromEntries(Object.keys(easDeployments).map((network) => [network, network as EasNetwork])),
  '': 'mainnet',
  arbitrum: 'arbitrum-one',
};

const easscanHost = /^(?:([a-z0-9-]+)\.)?easscan\.org$/;

export type EasscanAttestation = {
  uid: `0x${string}`;
  /** Undefined for a subdomain no known network has. */
  chainId?: number;
  /** An off-chain attestation's page: its UID is nowhere on the chain. */
  offchain: boolean;
};

/**
 * The attestation an easscan.org address shows:
 * `https://[network.]easscan.org/attestation/view/0x…` (or
 * `/offchain/attestation/view/0x…`); undefined for any other address.
 */
export function easscanAttestation(url: URL): EasscanAttestation | undefined {
  const host = easscanHost.exec(url.hostname);
  if (host === null || url.protocol !== 'https:') return undefined;
  const path = /^\/(offchain\/)?attestation\/view\/(0x[0-9a-fA-F]{64})\/?$/.exec(url.pathname);
  if (path === null) return undefined;
  const subdomain = host[1] ?? '';
  const network = Object.hasOwn(subdomainNetworks, subdomain) ? subdomainNetworks[subdomain] : undefined;
  return {
    uid: path[2]!.toLowerCase() as `0x${string}`,
    ...(network !== undefined && { chainId: easDeployments[network].chainId }),
    offchain: path[1] !== undefined,
  };
}
