import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

export type StartAnvilParameters = {
  /** Port to listen on; a free loopback port when omitted. */
  port?: number;
  chainId?: number;
  /** Seconds between blocks; omitted, every transaction mines its own block. */
  blockTime?: number;
  /** Runs as an OP Stack chain: deposit transactions (type 0x7e) and their receipts. */
  optimism?: boolean;
};

export type StartAnvilReturnType = {
  rpcUrl: string;
  port: number;
  chainId: number;
  /** Stops the node and waits for it to exit. Safe to call twice. */
  stop(): Promise<void>;
};

/** The anvil binary shipped inside the npm package for this platform. */
export function anvilBinaryPath(): string {
  const require = createRequire(import.meta.url);
  const platformPackage = `@foundry-rs/anvil-${process.platform}-${process.arch === 'x64' ? 'amd64' : process.arch}`;
  return join(dirname(require.resolve(`${platformPackage}/package.json`)), 'bin', 'anvil');
}

export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts a real anvil node on loopback and resolves once it answers JSON-RPC. */
export async function startAnvil({ port, chainId = 31337, blockTime, optimism = false }: StartAnvilParameters = {}): Promise<StartAnvilReturnType> {
  const chosenPort = port ?? (await freeLoopbackPort());
  const args = ['--host', '127.0.0.1', '--port', String(chosenPort), '--chain-id', String(chainId), '--silent'];
  if (blockTime !== undefined) args.push('--block-time', String(blockTime));
  if (optimism) args.push('--optimism');
  const child = spawn(anvilBinaryPath(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));

  const rpcUrl = `http://127.0.0.1:${chosenPort}`;
  const stop = () => stopChild(child);
  try {
    await waitUntilAnswering(rpcUrl, child, () => stderr);
  } catch (error) {
    await stop();
    throw error;
  }
  return { rpcUrl, port: chosenPort, chainId, stop };
}

async function waitUntilAnswering(rpcUrl: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`anvil exited with code ${child.exitCode}: ${stderr()}`);
    try {
      const response = await fetch(rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`anvil did not answer on ${rpcUrl} within 20 s: ${stderr()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const killTimer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(killTimer);
}
