#!/usr/bin/env node
// The `gonghui` command (`npx gonghui …`): runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
