// Scores a labelled reply set (tests/fixtures/replies/*.json) through the parse-reply JSON contract,
// one `followup parse-reply --format json` run per row, so the figure is what a caller of the CLI sees.
//
//   dotnet build src/FollowUpBot.Cli -v q
//   node tests/tools/score-replies.mjs tests/fixtures/replies/public-batch-1.json [--misses]
//
// Prints: rows, status accuracy (rows with a status label), share with no status, share with a wrong
// status, item accuracy (item and ambiguity both right), newDue accuracy; --misses lists the rows read wrong.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import path from 'node:path';

const run = promisify(execFile);
const args = process.argv.slice(2);
const file = args.find(a => !a.startsWith('--'));
if (!file) {
  console.error('usage: node tests/tools/score-replies.mjs FILE.json [--misses]');
  process.exit(2);
}

const showMisses = args.includes('--misses');
const dll = path.resolve('src/FollowUpBot.Cli/bin/Debug/net10.0/followup.dll');
const set = JSON.parse(await readFile(file, 'utf8'));

async function parse(row) {
  const items = row.openItems ?? set.openItems;
  const cli = ['parse-reply', row.text, '--format', 'json', '--today', set.today];
  if (items) cli.push('--items', items.join(','));
  if (row.defaultItem) cli.push('--default-item', String(row.defaultItem));
  const { stdout } = await run('dotnet', [dll, ...cli], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout);
}

const rows = set.replies;
const results = new Array(rows.length);
let next = 0;
async function worker() {
  while (next < rows.length) {
    const i = next++;
    results[i] = await parse(rows[i]);
  }
}
await Promise.all([worker(), worker()]);

let scored = 0, status = 0, none = 0, wrong = 0, item = 0, due = 0;
const misses = [];
rows.forEach((row, i) => {
  const got = results[i];
  const ambiguous = row.ambiguous ?? row.item == null;
  const itemOk = got.item === (row.item ?? null) && got.ambiguous === ambiguous;
  if (itemOk) item++;
  if ((got.newDue ?? null) === (row.newDue ?? null)) due++;
  if ('status' in row) {
    scored++;
    if (got.status === row.status) status++;
    else if (got.status == null) none++;
    else wrong++;
  }
  if (got.status !== row.status || !itemOk) {
    misses.push(`${i + 1}\t${row.status} -> ${got.status}${itemOk ? '' : `\titem ${got.item}`}\t${row.text}`);
  }
});

const pct = (n, of) => `${(100 * n / of).toFixed(1)}%`;
console.log(`${path.basename(file)}: rows ${rows.length}, status ${pct(status, scored)} (${status}/${scored}), ` +
  `no status ${pct(none, scored)}, wrong status ${pct(wrong, scored)}, item ${pct(item, rows.length)}, newDue ${pct(due, rows.length)}`);
if (showMisses) {
  for (const m of misses) console.log(m);
}
