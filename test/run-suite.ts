/**
 * `npm test`: the whole suite in two lanes side by side, each line of output prefixed with its lane.
 *
 * Chromium's tests get their own Vitest process; types, lint, unit and chain tests, then Firefox's tests run in
 * the other. Each browser runs one test file at a time, and most of each lane waits on other processes (the
 * browsers, anvil, the CLI). A third lane, Firefox's beside the rest, was tried on 2026-12-06 and lost: on two
 * cores the three contended (types 39 → 100 s, lint 13 → 88 s) and the suite took 795 s instead of 724 s.
 * Every step runs even when one fails, so one run reports every failure; the exit code is the first failure's.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

type Step = { readonly title: string; readonly command: readonly string[] };
type Lane = { readonly name: string; readonly steps: readonly Step[] };
type StepResult = { readonly lane: string; readonly title: string; readonly code: number; readonly seconds: number };

// The lanes take about as long as each other (on 2026-12-07, Chromium's 727 s, the checks' 664 s, once the jsdom unit
// files had a project of their own). Measure both before moving a file from one to the other.
const lanes: readonly Lane[] = [
  {
    name: 'chromium',
    steps: [{ title: 'end-to-end in Chromium', command: ['vitest', 'run', '--project', 'e2e'] }],
  },
  {
    name: 'checks',
    steps: [
      { title: 'types', command: ['tsc', '--noEmit'] },
      { title: 'lint', command: ['eslint', '.'] },
      // Firefox last (vitest.config.ts gives it a later group): one browser at a time, beside Chromium's lane.
      { title: 'unit, chain, then Firefox', command: ['vitest', 'run', '--project', 'unit', '--project', 'unit-dom', '--project', 'unit-isolated', '--project', 'chain', '--project', 'firefox'] },
    ],
  },
];

const width = Math.max(...lanes.map((lane) => lane.name.length));

function runStep(lane: Lane, step: Step): Promise<StepResult> {
  const prefix = `${lane.name.padEnd(width)} │ `;
  const started = performance.now();
  process.stdout.write(`${prefix}▶ ${step.title}: ${step.command.join(' ')}\n`);
  const [program, ...args] = step.command;
  const child = spawn(join('node_modules', '.bin', program), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${prefix}${line}\n`));
  }
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      const seconds = (performance.now() - started) / 1000;
      resolve({ lane: lane.name, title: step.title, code: code ?? (signal ? 1 : 0), seconds });
    });
  });
}

async function runLane(lane: Lane): Promise<StepResult[]> {
  const results: StepResult[] = [];
  for (const step of lane.steps) results.push(await runStep(lane, step));
  return results;
}

const started = performance.now();
const results = (await Promise.all(lanes.map(runLane))).flat();
const total = (performance.now() - started) / 1000;

process.stdout.write('\n');
for (const result of results) {
  const mark = result.code === 0 ? '✓' : `✗ (exit ${result.code})`;
  process.stdout.write(`${mark} ${result.lane.padEnd(width)}  ${result.title.padEnd(36)} ${result.seconds.toFixed(0).padStart(4)} s\n`);
}
process.stdout.write(`  whole suite ${total.toFixed(0)} s\n`);
process.exitCode = results.find((result) => result.code !== 0)?.code ?? 0;
