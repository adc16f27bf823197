// `npm test`: makes sure the system tools exist, then runs the vitest suite. Extra arguments are
// passed to vitest (`npm test -- test/spec`).
import { spawnSync } from 'node:child_process';
import { ensureSystemDeps } from './ensure-system-deps.mjs';

ensureSystemDeps();
const result = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
