import { BaseError } from '../lib/errors';
import { easOffchainScenarios } from './cases/eas-offchain';
import { easOnchainScenarios } from './cases/eas-onchain';
import { erc7007Scenarios } from './cases/erc7007';
import { malformedScenarios } from './cases/malformed';
import { ogSettlementScenarios } from './cases/og-settlement';
import { ogTeeScenarios } from './cases/og-tee';
import { pendingScenarios } from './cases/pending';
import type { Scenario, ScenarioContext } from './cases/types';

export type { Scenario, ScenarioContext };

/** Sections of the demo page, in page order; malformed envelopes have their own. */
export const scenarioGroups = ['og-tee', 'og-settlement', 'eas-offchain', 'eas-onchain', 'erc7007', 'malformed'] as const;
export type ScenarioGroup = (typeof scenarioGroups)[number];

export function scenarioGroup(scenario: Scenario): ScenarioGroup {
  return scenario.expectedState === 'malformed' || scenario.proofType === null ? 'malformed' : scenario.proofType;
}

export class DuplicateScenarioError extends BaseError {
  override name = 'DuplicateScenarioError';
}

export type BuildScenariosReturnType = Scenario[];

/**
 * Makes every proof of the demo set on the devnet, in page order (grouped by
 * proof type). Transactions are sent here, so call it once per chain.
 *
 * Block layout, which the trust configuration's `confirmations: 2` relies
 * on: every final anchor, then one empty block, then one block holding all
 * pending anchors (the head). Final anchors thus have at least 2
 * confirmations however they are counted (head − block, or + 1), pending
 * ones at most 1.
 */
export async function buildScenarios(context: ScenarioContext): Promise<BuildScenariosReturnType> {
  const built = [
    ...(await ogTeeScenarios(context)),
    ...(await ogSettlementScenarios(context)),
    ...(await easOffchainScenarios(context)),
    ...(await easOnchainScenarios(context)),
    ...(await erc7007Scenarios(context)),
    ...malformedScenarios(context),
  ];
  await context.clients.test.mine({ blocks: 1 });
  built.push(...(await pendingScenarios(context)));

  const ids = new Set<string>();
  for (const { id } of built) {
    if (ids.has(id)) throw new DuplicateScenarioError(`Two scenarios share the id "${id}"`);
    ids.add(id);
  }
  // A stable sort keeps each group's own order, pending cases last.
  return built.sort((a, b) => scenarioGroups.indexOf(scenarioGroup(a)) - scenarioGroups.indexOf(scenarioGroup(b)));
}
