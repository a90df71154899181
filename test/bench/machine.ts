import { arch, cpus, platform, release, totalmem } from 'node:os';
import { formatNumber } from './table';

/** What the numbers were measured on. */
export function machineInfo(): string {
  const processors = cpus();
  const model = processors[0]?.model.trim() ?? 'unknown';
  return [
    `CPUs      ${processors.length} × ${model}`,
    `Memory    ${formatNumber(totalmem() / 1024 ** 3, 1)} GiB`,
    `OS        ${platform()} ${release()} (${arch()})`,
    `Node      ${process.version} (V8 ${process.versions.v8})`,
  ].join('\n');
}
