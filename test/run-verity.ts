import { execFile } from 'node:child_process';
import { inject } from 'vitest';

/** What a run of the `verity` command line printed, and its exit status. */
export type RunVerityReturnType = { code: number; stdout: string; stderr: string };

export type RunVerityParameters = {
  /** Written to the command's standard input, then closed. */
  stdin?: string;
  /** Added to this process's environment; `NO_COLOR` is always set. */
  env?: Record<string, string>;
};

/** Runs the `verity` command line as bundled for this test run (test/cli-bundle.ts), as a publisher or reader would run `npx verity`. */
export function runVerity(args: string[], { stdin = '', env = {} }: RunVerityParameters = {}): Promise<RunVerityReturnType> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [inject('cliBundle'), ...args], { env: { ...process.env, NO_COLOR: '1', ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin);
  });
}
