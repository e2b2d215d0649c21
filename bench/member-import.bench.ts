import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { sql, type Kysely } from 'kysely';
import { makeIdNumber } from '../src/core/cn/id-number';
import type { DB } from '../src/core/db/schema';
import { childPath } from '../src/core/org/tree';
import { ensureKeyFile } from '../src/core/crypto';
import { testPlatformKeys } from '../src/core/platform/test-keys';
import { importMembersFile } from '../src/modules/members';
import { type BenchEngine, openBenchDatabase } from './open-bench-database';

/**
 * Member import at scale (issue: ≥ 20,000 rows/s for 1,000,000 CSV rows with
 * full validation on PostgreSQL, peak RSS < 512 MB; .xlsx ≥ 10,000 rows/s).
 * Rows: valid synthetic members over 2,000 grassroots unions named by code,
 * 1 % with a broken ID number. IMPORT_ROWS / IMPORT_XLSX_ROWS change the sizes.
 */
const CSV_ROWS = Number(process.env.IMPORT_ROWS ?? 1_000_000);
const XLSX_ROWS = Number(process.env.IMPORT_XLSX_ROWS ?? 200_000);
const UNIONS = 2_000;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';
const FORMS = ['劳动合同制', '劳务派遣', '快递员', '外卖配送员', '网约车司机', '货车司机', '灵活就业'];

async function createUnions(db: Kysely<DB>): Promise<string[]> {
  const province = await db.insertInto('org_unit').values({ parent_id: null, path: 'x', depth: 0, type: 'province', name: '基准省总工会', code: 'B0' }).returning('id').executeTakeFirstOrThrow();
  await db.updateTable('org_unit').set({ path: childPath(null, province.id) }).where('id', '=', province.id).execute();
  const codes: string[] = [];
  for (let city = 0; city < 20; city += 1) {
    const cityRow = await db.insertInto('org_unit').values({ parent_id: province.id, path: `c${city}`, depth: 1, type: 'city', name: `基准市${city}`, code: `B${city + 1}` }).returning('id').executeTakeFirstOrThrow();
    const cityPath = `${province.id}.${cityRow.id}.`;
    await db.updateTable('org_unit').set({ path: cityPath }).where('id', '=', cityRow.id).execute();
    const values = Array.from({ length: UNIONS / 20 }, (_, index) => ({
      parent_id: cityRow.id, path: `${cityPath}t${index}`, depth: 2, type: 'grassroots', name: `基准工会${city}-${index}`, code: `B${city + 1}-${index}`,
    }));
    const rows = await db.insertInto('org_unit').values(values).returning(['id', 'code']).execute();
    await sql`update org_unit set path = ${cityPath} || id || '.' where parent_id = ${cityRow.id}`.execute(db);
    codes.push(...rows.map((row) => row.code));
  }
  return codes;
}

function memberRow(index: number, codes: readonly string[]): string[] {
  const year = 1965 + (index % 40);
  const birth = `${year}-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`;
  // 1,000 sequence numbers per birth date and 480 birth dates → unique ID numbers for up to 480,000 × 1,000 rows.
  const dateIndex = Math.floor(index / 1000);
  const realBirth = `${1965 + (dateIndex % 40)}-${String((Math.floor(dateIndex / 40) % 12) + 1).padStart(2, '0')}-${String((Math.floor(dateIndex / 480) % 28) + 1).padStart(2, '0')}`;
  let idNumber = makeIdNumber('610113', realBirth, index % 1000);
  if (index % 100 === 99) idNumber = `${idNumber.slice(0, 17)}${idNumber.endsWith('0') ? '1' : '0'}`;
  void birth;
  const name = SURNAMES[index % SURNAMES.length]! + GIVEN[(index * 7) % GIVEN.length]! + GIVEN[(index * 13) % GIVEN.length]!;
  const phone = `13${String(100_000_000 + index).padStart(9, '0')}`;
  return [name, idNumber, phone, FORMS[index % FORMS.length]!, `20${String(10 + (index % 15))}-0${(index % 9) + 1}-15`, codes[index % codes.length]!];
}

const HEADER = ['姓名', '公民身份号码', '手机号码', '就业形态', '入会日期', '所属工会'];

async function writeCsv(path: string, rows: number, codes: readonly string[]): Promise<void> {
  const out = createWriteStream(path);
  out.write(`\uFEFF${HEADER.join(',')}\r\n`);
  for (let index = 0; index < rows; index += 1) {
    if (!out.write(`${memberRow(index, codes).join(',')}\r\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function writeXlsx(path: string, rows: number, codes: readonly string[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('会员');
  sheet.addRow(HEADER).commit();
  // Offset: the xlsx members are other people than the CSV's.
  for (let index = 0; index < rows; index += 1) sheet.addRow(memberRow(CSV_ROWS + index, codes)).commit();
  await workbook.commit();
}

const BENCH_KEYS = testPlatformKeys();

async function measure(db: Kysely<DB>, file: string, orgUnit: { id: number; path: string }, rows: number) {
  const startRss = process.memoryUsage().rss;
  let peakRss = startRss;
  let peakHeap = 0;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 200);
  const started = performance.now();
  const summary = await importMembersFile({ db, keys: BENCH_KEYS, now: () => new Date(), filePath: file, orgUnit, dryRun: false, actor: { accountId: null, login: 'bench' } });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  return { summary, seconds, rowsPerSecond: Math.round(rows / seconds), peakRssMb: `${mb(peakRss)} (at start ${mb(startRss)}, heap peak ${mb(peakHeap)})` };
}

type ImportRun = { summary: { imported: number; unchanged: number; rejected: number }; seconds: number; rowsPerSecond: number; peakRssMb: string };

/**
 * On PostgreSQL the import runs where a union's staff would run it: the real
 * CLI (`gonghui members import`) in its own process. Its peak RSS is the
 * kernel's count for that process alone (the benchmark process also holds the
 * generated file's garbage); its time is the job's own, from start to finish.
 */
async function measureCli(db: Kysely<DB>, databaseUrl: string, keyFile: string, file: string, orgCode: string, rows: number): Promise<ImportRun> {
  const child = spawn(process.execPath, ['--import', './bench/report-max-rss.mjs', 'bin/gonghui.mjs', 'members', 'import', file, '--org', orgCode, '--json'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, GONGHUI_KEY_FILE: keyFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  // With --json a failure is printed on stdout.
  if (code !== 0) throw new Error(`members import exited with ${code}: ${stdout.slice(0, 2000)}${stderr.slice(-2000)}`);
  const maxRssKb = Number(/BENCH_MAX_RSS_KB (\d+)/.exec(stderr)?.[1]);
  const cpuSeconds = Number(/BENCH_CPU_MS (\d+)/.exec(stderr)?.[1]) / 1000;
  const job = await db
    .selectFrom('members_import_job')
    .select(['started_at', 'finished_at'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const seconds = (job.finished_at!.getTime() - job.started_at!.getTime()) / 1000;
  const summary = JSON.parse(stdout) as ImportRun['summary'];
  return { summary, seconds, rowsPerSecond: Math.round(rows / seconds), peakRssMb: `${Math.round(maxRssKb / 1024)} (the import's own process, ${cpuSeconds.toFixed(1)} s of CPU)` };
}

export async function benchMemberImport(engine: BenchEngine): Promise<string[]> {
  const lines: string[] = [];
  const database = await openBenchDatabase(engine);
  const folder = await mkdtemp(join(tmpdir(), 'gonghui-import-bench-'));
  try {
    const db = database.kysely;
    const codes = await createUnions(db);
    const province = await db.selectFrom('org_unit').select(['id', 'path']).where('code', '=', 'B0').executeTakeFirstOrThrow();
    const rows = engine === 'postgres' ? CSV_ROWS : Math.min(CSV_ROWS, 200_000);
    const csv = join(folder, 'members.csv');
    await writeCsv(csv, rows, codes);
    // PostgreSQL: the CLI in a child process (see measureCli); PGlite is embedded, so in this process.
    const keyFile = join(folder, 'keys.json');
    ensureKeyFile(keyFile);
    const run = (file: string, count: number): Promise<ImportRun> =>
      database.url ? measureCli(db, database.url, keyFile, file, 'B0', count) : measure(db, file, province, count);
    const csvRun = await run(csv, rows);
    lines.push(`CSV ${rows.toLocaleString('en')} rows: ${csvRun.seconds.toFixed(1)} s, ${csvRun.rowsPerSecond.toLocaleString('en')} rows/s, peak RSS ${csvRun.peakRssMb} MB (imported ${csvRun.summary.imported.toLocaleString('en')}, rejected ${csvRun.summary.rejected.toLocaleString('en')})`);
    const again = await run(csv, rows);
    lines.push(`CSV again (idempotent): ${again.seconds.toFixed(1)} s, ${again.rowsPerSecond.toLocaleString('en')} rows/s (unchanged ${again.summary.unchanged.toLocaleString('en')}, imported ${again.summary.imported})`);
    const xlsxRows = engine === 'postgres' ? XLSX_ROWS : Math.min(XLSX_ROWS, 50_000);
    const xlsx = join(folder, 'members.xlsx');
    await writeXlsx(xlsx, xlsxRows, codes);
    const xlsxRun = await run(xlsx, xlsxRows);
    lines.push(`xlsx ${xlsxRows.toLocaleString('en')} rows: ${xlsxRun.seconds.toFixed(1)} s, ${xlsxRun.rowsPerSecond.toLocaleString('en')} rows/s, peak RSS ${xlsxRun.peakRssMb} MB`);
  } finally {
    await rm(folder, { recursive: true, force: true });
    await database.close();
  }
  return lines;
}
