// Errors: a validation error's field messages, a write with a read-only token, and a burst
// the client paces under the rate limit so no 429 reaches the code.
//   BLINKSALE_API_TOKEN=... BLINKSALE_READONLY_TOKEN=... node examples/node/handle_errors.mjs
import { Blinksale, PermissionDeniedError, RateLimitError, ValidationError } from 'blinksale';

const client = new Blinksale();
// Per-request options, and the HTTP side of a response.
const { data: page, response } = await client.units
  .list({ per_page: 5 }, { timeout: 10_000, headers: { 'X-Trace': 'export-1' } })
  .withResponse();
console.log(`status ${response.status}, request ${response.requestId}, ${page.data.length} units`);

try {
  await client.payments.create({ invoice_id: 'no-such-invoice', amount: 10 });
} catch (e) {
  if (!(e instanceof ValidationError)) throw e;
  for (const [field, messages] of Object.entries(e.errors)) console.log(`validation: ${field}: ${messages.join(' ')}`);
}

const readOnly = new Blinksale({ token: process.env.BLINKSALE_READONLY_TOKEN });
try {
  await readOnly.units.create({ name: 'Crate' });
} catch (e) {
  if (!(e instanceof PermissionDeniedError)) throw e;
  console.log(`permission denied: this token lacks "${e.requiredPermission}"`);
}

let limited = 0;
const burst = await Promise.all(
  Array.from({ length: 30 }, () =>
    client.units.list().catch((e) => {
      if (e instanceof RateLimitError) limited++;
      else throw e;
    }),
  ),
);
console.log(`burst: ${burst.filter(Boolean).length} of 30 requests succeeded, ${limited} rate-limit errors reached the code`);
