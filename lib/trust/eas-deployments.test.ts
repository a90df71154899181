import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { easDeploymentsModulePath, readEasDeployments, renderEasDeploymentsModule } from '../../test/generators/eas-deployments';

describe('eas-deployments.ts', () => {
  it('matches the installed @ethereum-attestation-service/eas-contracts (regenerate: npx tsx test/generators/eas-deployments.ts)', () => {
    expect(readFileSync(easDeploymentsModulePath, 'utf8')).toBe(renderEasDeploymentsModule(readEasDeployments()));
  });

  it('holds the mainnet contracts', () => {
    const mainnet = readEasDeployments().deployments.find(({ network }) => network === 'mainnet');
    expect(mainnet).toEqual({
      network: 'mainnet',
      chainId: 1,
      eas: '0xA1207F3BBa224E2c9c3c6D5aF63D0eb1582Ce587',
      schemaRegistry: '0xA7b39296258348C78294F95B872b282326A97BDF',
    });
  });
});
