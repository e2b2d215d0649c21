import { benchAssistance } from './assistance.bench';
import { benchMemberImport } from './member-import.bench';
import { benchMemberQueries } from './member-queries.bench';
import { benchOrgTree } from './org-tree.bench';
import { benchPlanParse } from './plan-parse.bench';
import { benchPlanStatusReport } from './plan-status-report.bench';
import { benchSignIn } from './sign-in.bench';
import { benchEngines, type BenchEngine } from './open-bench-database';

/**
 * `npm run bench [-- NAME…]` prints figures; it never fails because a machine is slow.
 * With DATABASE_URL set, each benchmark runs on PostgreSQL too.
 */
const BENCHES: Record<string, (engine: BenchEngine) => Promise<string[]>> = {
  'org-tree': benchOrgTree,
  'sign-in': benchSignIn,
  'member-import': benchMemberImport,
  'member-queries': benchMemberQueries,
  assistance: benchAssistance,
};

/** Benchmarks that touch no database: run once, whatever the engines. */
const DATABASE_FREE: Record<string, () => Promise<string[]>> = {
  'plan-parse': benchPlanParse,
  'plan-status-report': benchPlanStatusReport,
};

const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = wanted.filter((name) => !BENCHES[name] && !DATABASE_FREE[name]);
if (unknown.length > 0) {
  console.error(`未知基准：${unknown.join(', ')}；可选：${[...Object.keys(BENCHES), ...Object.keys(DATABASE_FREE)].join(', ')}`);
  process.exit(2);
}
for (const name of wanted.length > 0 ? wanted : [...Object.keys(BENCHES), ...Object.keys(DATABASE_FREE)]) {
  const databaseFree = DATABASE_FREE[name];
  if (databaseFree) {
    console.log(`\n== ${name}`);
    for (const line of await databaseFree()) console.log(`  ${line}`);
    continue;
  }
  for (const engine of benchEngines()) {
    console.log(`\n== ${name} [${engine}]`);
    for (const line of await BENCHES[name]!(engine)) {
      console.log(`  ${line}`);
    }
  }
}
