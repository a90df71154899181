#!/usr/bin/env node
// Runs the TypeScript entry directly, so a checkout needs no build step for the CLI.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
