import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APIUserAbortError, Blinksale, MockServer, ServerError } from 'blinksale';
import { setup, TOKEN } from './helpers.mjs';

const last = (mock) => mock.requests().at(-1);

test('per-request headers, timeout, retries, query and body extras', async () => {
  const { mock, client } = await setup();
  const unit = await client.units.create(
    { name: 'Crate' },
    { headers: { 'X-Trace': 't-1' }, query: { expand: 'x' }, body: { memo: 'hi' } },
  );
  assert.equal(unit.name, 'Crate');
  const seen = last(mock);
  assert.equal(seen.headers['x-trace'], 't-1');
  assert.equal(seen.headers.authorization, undefined);
  assert.equal(seen.query, 'expand=x');
  assert.deepEqual(seen.body, { name: 'Crate', memo: 'hi' });
  mock.inject({ kind: 'delay', path: '/units', ms: 800 });
  const started = Date.now();
  await assert.rejects(client.units.list({}, { timeout: 100, maxRetries: 0 }), (e) => e.code === 'timeout');
  assert.ok(Date.now() - started < 700);
  mock.inject({ kind: 'status', path: '/units', status: 503 });
  await assert.rejects(client.units.list({}, { maxRetries: 0 }), ServerError);
  await mock.stop();
});

test('signal aborts a delayed request in under 100 ms and nothing is retried', async () => {
  const { mock, client } = await setup();
  mock.inject({ kind: 'delay', path: '/units', ms: 3000 });
  const controller = new AbortController();
  const started = Date.now();
  setTimeout(() => controller.abort(), 50);
  await assert.rejects(client.units.list({}, { signal: controller.signal }), (e) => e instanceof APIUserAbortError && e.code === 'aborted');
  const took = Date.now() - started - 50;
  assert.ok(took < 100, `aborted after ${took} ms`);
  await assert.rejects(client.units.list({}, { signal: AbortSignal.abort() }), APIUserAbortError);
  assert.equal(mock.requests().length, 1, 'an aborted signal sends nothing');
  await mock.stop();
});

test('withResponse gives status, headers, request id and rate limit; data carries its request id', async () => {
  const mock = await MockServer.start({ seed: 5, rateLimit: 1000, tokens: [`${TOKEN}:read,write,send`] });
  const client = new Blinksale({ token: TOKEN, baseUrl: mock.url });
  const { data: page, response } = await client.invoices.list({ per_page: 2 }).withResponse();
  assert.equal(response.status, 200);
  assert.match(response.requestId, /^req_/);
  assert.equal(response.headers['x-request-id'], response.requestId);
  assert.equal(response.rateLimit.limit, 1000);
  assert.equal(page._requestId, response.requestId);
  const inv = await client.invoices.get(page.data[0].id);
  assert.match(inv._requestId, /^req_/);
  assert.ok(!Object.keys(inv).includes('_requestId'), 'not enumerable');
  assert.equal(JSON.stringify(inv).includes('_requestId'), false);
  const err = await client.units.get('missing').catch((e) => e);
  assert.equal(err.rateLimit.limit, 1000);
  await mock.stop();
});

test('withOptions shares the rate limiter and keeps its own defaults', async () => {
  const mock = await MockServer.start({ rateLimit: 500, tokens: [`${TOKEN}:read,write,send`] });
  const client = new Blinksale({ token: TOKEN, baseUrl: mock.url, defaultHeaders: { 'X-Team': 'billing' } });
  const quick = client.withOptions({ maxRetries: 0, headers: { 'X-Team': 'ops' } });
  await quick.units.list();
  assert.equal(client.rateLimit.limit, 500, 'the parent sees what the copy received');
  assert.equal(last(mock).headers['x-team'], 'ops');
  await client.units.list();
  assert.equal(last(mock).headers['x-team'], 'billing');
  mock.inject({ kind: 'status', path: '/units', status: 503 });
  await assert.rejects(quick.units.list(), ServerError);
  await mock.stop();
});

test('an empty BLINKSALE_BASE_URL counts as unset', () => {
  const saved = process.env.BLINKSALE_BASE_URL;
  process.env.BLINKSALE_BASE_URL = '';
  try {
    assert.equal(new Blinksale({ token: 't' }).baseUrl, 'https://app.blinksale.com/api/v1');
  } finally {
    if (saved === undefined) delete process.env.BLINKSALE_BASE_URL;
    else process.env.BLINKSALE_BASE_URL = saved;
  }
});

test('an unreachable rateLimitStore never fails a call, and warns once', async () => {
  const { mock } = await setup();
  const warnings = [];
  const client = new Blinksale({
    token: TOKEN,
    baseUrl: mock.url,
    rateLimitStore: 'redis://:hunter2@127.0.0.1:1/0',
    logger: { warn: (l) => warnings.push(l) },
  });
  for (let i = 0; i < 3; i++) assert.ok((await client.units.list()).data.length > 0);
  await new Promise((r) => setTimeout(r, 50));
  const failed = warnings.filter((l) => l.includes('rate-limit store failed'));
  assert.equal(failed.length, 1, warnings.join('\n'));
  assert.ok(!failed[0].includes('hunter2'));
});
