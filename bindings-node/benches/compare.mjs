// blinksale against Node's fetch + response.json(), on the same mock, in one run: the docs'
// example, GET /clients?per_page=100, sequentially and 32 at a time. Rounds alternate so
// drift affects both sides alike; figures are medians, reported as ratios. The sequential
// case also times the Rust core per call (CORE_CALLS: a process fed one round at a time).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Blinksale } from 'blinksale';

const url = process.env.BLINKSALE_BASE_URL;
const token = process.env.BLINKSALE_API_TOKEN;
const client = new Blinksale({ token, baseUrl: url });
const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };

const ours = async () => {
  const page = await client.clients.list({ per_page: 100 });
  if (page.data.length !== 100) throw new Error('short page');
};
const theirs = async () => {
  const r = await fetch(`${url}/clients?per_page=100`, { headers });
  if (!r.ok) throw new Error(`status ${r.status}`);
  const body = await r.json();
  if (body.data.length !== 100) throw new Error('short page');
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(label, runOnce, perRound, rounds) {
  const rates = new Map([
    [ours, []],
    [theirs, []],
  ]);
  for (const fn of [ours, theirs]) await runOnce(fn);
  for (let i = 0; i < rounds; i++) {
    for (const fn of i % 2 === 0 ? [ours, theirs] : [theirs, ours]) {
      const t = performance.now();
      for (let j = 0; j < perRound; j++) await runOnce(fn);
      rates.get(fn).push((perRound * runOnce.size) / ((performance.now() - t) / 1000));
    }
  }
  const a = median(rates.get(ours));
  const b = median(rates.get(theirs));
  console.log(`${label}: blinksale ${a.toFixed(0)} req/s, fetch+json ${b.toFixed(0)} req/s, ratio ${(a / b).toFixed(2)}`);
}

const sequential = async (fn) => fn();
sequential.size = 1;
const concurrent = async (fn) => {
  await Promise.all(Array.from({ length: 32 }, fn));
};
concurrent.size = 32;

// The core's round: `clients N` on its stdin, the seconds on its stdout.
async function coreRound(n) {
  core.stdin.write(`clients ${n}\n`);
  const { value } = await coreLines.next();
  return Number(value) * 1000;
}
const core = spawn(process.env.CORE_CALLS, [url, token], { stdio: ['pipe', 'pipe', 'inherit'] });
const coreLines = createInterface({ input: core.stdout })[Symbol.asyncIterator]();

async function perCall(perRound, rounds) {
  const sides = {
    'Rust core': coreRound,
    blinksale: async (n) => {
      const t = performance.now();
      for (let j = 0; j < n; j++) await ours();
      return performance.now() - t;
    },
  };
  const ms = { 'Rust core': [], blinksale: [] };
  for (const run of Object.values(sides)) await run(perRound / 10);
  for (let i = 0; i < rounds; i++) {
    for (const name of i % 2 === 0 ? ['Rust core', 'blinksale'] : ['blinksale', 'Rust core']) {
      ms[name].push((await sides[name](perRound)) / perRound);
    }
  }
  const [c, b] = [median(ms['Rust core']), median(ms.blinksale)];
  console.log(
    `sequential GET /clients?per_page=100 per call: Rust core ${(c * 1000).toFixed(0)} µs, blinksale ${(b * 1000).toFixed(0)} µs, ${(b / c).toFixed(2)}× the core's time (goal <= 1.25)`,
  );
}

await perCall(150, 9);
core.stdin.end();
await measure('sequential GET /clients?per_page=100 (goal >= 1.5)', sequential, 150, 15);
await measure('32 concurrent GET /clients?per_page=100 (goal >= 1.6)', concurrent, 6, 15);
