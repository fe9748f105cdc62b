// One Node process of the shared-limit test: `tasks` concurrent loops list clients, for
// `duration` seconds or `count` calls in all. The store comes from BLINKSALE_RATE_LIMIT_STORE
// (the environment's path; the Python worker passes the option). Prints {ok, rate_limited}.
import { Blinksale, RateLimitError } from 'blinksale';

const [mode, amountText, tasksText] = process.argv.slice(2);
const amount = Number(amountText);
const client = new Blinksale({ maxRetries: 5, logger: { warn: (line) => console.error(`[node] blinksale WARNING ${line}`) } });
const deadline = mode === 'duration' ? Date.now() + amount * 1000 : null;
let left = mode === 'count' ? amount : -1;
let ok = 0;
let rateLimited = 0;

async function run() {
  while (deadline === null || Date.now() < deadline) {
    if (deadline === null) {
      if (left <= 0) return;
      left -= 1;
    }
    try {
      await client.clients.list({ per_page: 1 });
      ok += 1;
    } catch (err) {
      if (!(err instanceof RateLimitError)) throw err;
      rateLimited += 1;
    }
  }
}

await Promise.all(Array.from({ length: Number(tasksText) }, run));
console.log(JSON.stringify({ ok, rate_limited: rateLimited }));
