/**
 * `npm test`: the whole suite in two lanes side by side, each line of output prefixed with its lane.
 *
 * Vitest runs a project whose files must not overlap (one browser at a time) only after every other
 * project has finished, so within one Vitest the browser tests and the rest never share the machine.
 * Here Chromium's tests get their own Vitest process while types, lint, unit, chain and Firefox tests
 * run in the other; most of both lanes waits on other processes (Chromium, Firefox, anvil, the CLI).
 * Every step runs even when one fails, so one run reports every failure; the exit code is the first failure's.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

type Step = { readonly title: string; readonly command: readonly string[] };
type Lane = { readonly name: string; readonly steps: readonly Step[] };
type StepResult = { readonly lane: string; readonly title: string; readonly code: number; readonly seconds: number };

// The lanes take about as long as each other (Chromium's 771 s, the checks' 876 s on 2026-12-05, when the accessibility
// file came back to Chromium's after its lane lost a minute). Measure both before moving a file from one to the other.
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
      // Firefox last: Vitest runs its files one at a time after the others, evening out the lanes.
      { title: 'unit, chain, then Firefox', command: ['vitest', 'run', '--project', 'unit', '--project', 'unit-isolated', '--project', 'chain', '--project', 'firefox'] },
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
