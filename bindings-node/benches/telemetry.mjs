// The cost of tracing per call: GET /units (a small page) with OpenTelemetry absent (no
// provider registered), with a provider whose tracer is the API's no-op one, and with the SDK's
// provider (spans sampled, no exporter), in one run. Providers are swapped between rounds with
// the API's own disable/set; rounds rotate the sides so drift affects them alike; medians.
import { ProxyTracerProvider, trace } from '@opentelemetry/api';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { Blinksale } from 'blinksale';

const client = new Blinksale({ token: process.env.BLINKSALE_API_TOKEN, baseUrl: process.env.BLINKSALE_BASE_URL });
const noop = new ProxyTracerProvider(); // without a delegate it hands out the API's no-op tracer
const sides = {
  'OpenTelemetry absent (no provider)': null,
  'no-op tracer provider': noop,
  'SDK provider, sampled, no exporter': new BasicTracerProvider(),
};
const [CALLS, ROUNDS] = [400, 11];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function round(provider, n) {
  trace.disable();
  if (provider) trace.setGlobalTracerProvider(provider);
  const t = performance.now();
  for (let i = 0; i < n; i++) await client.units.list();
  return ((performance.now() - t) * 1000) / n;
}

const names = Object.keys(sides);
const times = Object.fromEntries(names.map((n) => [n, []]));
for (const n of names) await round(sides[n], CALLS / 10);
for (let i = 0; i < ROUNDS; i++) {
  for (const n of [...names.slice(i % names.length), ...names.slice(0, i % names.length)]) times[n].push(await round(sides[n], CALLS));
}
const base = median(times[names[0]]);
console.log(`GET /units per call, blinksale (median of ${ROUNDS} rounds of ${CALLS}):`);
for (const n of names) {
  const us = median(times[n]);
  console.log(`  ${n.padEnd(36)} ${us.toFixed(1).padStart(7)} µs   ${(us / base).toFixed(2)}× (+${(us - base).toFixed(1)} µs)`);
}
