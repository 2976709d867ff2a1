#!/usr/bin/env node
// Runs the TypeScript entry point through tsx's loader, so the package works without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');
