import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { APITimeoutError, APIUserAbortError, Blinksale, DecodeError, MockServer } from 'blinksale';
import { setup, TOKEN } from './helpers.mjs';

test('aborted calls leave the rate-limit budget intact', async () => {
  const mock = await MockServer.start({ rateLimit: 10, window: 2, tokens: [`${TOKEN}:read,write,send`] });
  const client = new Blinksale({ token: TOKEN, baseUrl: mock.url });
  await client.units.list();
  mock.inject({ kind: 'delay', path: '/units', ms: 5000, times: 8 });
  for (let i = 0; i < 8; i++) {
    await assert.rejects(client.units.list({}, { signal: AbortSignal.timeout(50) }), APIUserAbortError);
  }
  await new Promise((r) => setTimeout(r, 2100));
  const started = Date.now();
  for (let i = 0; i < 8; i++) await client.units.list();
  assert.ok(Date.now() - started < 1000, `paced as if nothing leaked: ${Date.now() - started} ms`);
  assert.equal(mock.requests().filter((r) => r.status === 429).length, 0);
  await mock.stop();
});

test('an aborted write is not retried and says it may have happened', async () => {
  const { mock, client } = await setup();
  mock.inject({ kind: 'delay', path: '/units', method: 'POST', ms: 800 });
  const err = await client.units.create({ name: 'Crate' }, { signal: AbortSignal.timeout(100) }).catch((e) => e);
  assert.ok(err instanceof APIUserAbortError, String(err));
  assert.equal(err.requestSent, true);
  assert.match(err.message, /may have happened/);
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(mock.requests().filter((r) => r.method === 'POST').length, 1, 'sent once, never retried');
  await mock.stop();
});

test('a deadline bounds the whole call; an oversized body is refused', async () => {
  const { mock, client } = await setup();
  mock.inject({ kind: 'rate_limit', path: '/units', reset: 5 });
  const started = Date.now();
  await assert.rejects(client.units.list({}, { deadline: 1000 }), APITimeoutError);
  const took = Date.now() - started;
  assert.ok(took >= 950 && took < 1400, `${took} ms`);
  const small = new Blinksale({ token: TOKEN, baseUrl: mock.url, maxResponseBytes: 4096 });
  await assert.rejects(
    small.clients.list({ per_page: 100 }),
    (e) => e instanceof DecodeError && /larger than the limit of 4096 bytes/.test(e.message),
  );
  await mock.stop();
});

test('the logger option gets one line per attempt, without the token', async () => {
  const { mock } = await setup();
  const lines = [];
  const logger = { debug: (l) => lines.push(['debug', l]), info: (l) => lines.push(['info', l]), warn: (l) => lines.push(['warn', l]) };
  const client = new Blinksale({ token: TOKEN, baseUrl: mock.url, logger });
  mock.inject({ kind: 'status', path: '/units', status: 503 });
  await client.units.list();
  await client.clients.list({ search: 'jane@example.com' });
  await new Promise((r) => setTimeout(r, 50));
  const text = lines.map(([, l]) => l).join('\n');
  assert.ok(
    lines.some(([lvl, l]) => lvl === 'warn' && /method=GET path=\/units status=503 .*attempt=1/.test(l)),
    text,
  );
  assert.ok(
    lines.some(([lvl, l]) => lvl === 'info' && /path=\/units status=200 .*attempt=2 .*request_id=req_/.test(l)),
    text,
  );
  assert.ok(
    lines.some(([lvl, l]) => lvl === 'debug' && /retrying/.test(l)),
    text,
  );
  assert.ok(text.includes('search=[redacted]') && !text.includes('jane@'), text);
  assert.ok(!text.includes(TOKEN));
  await mock.stop();
});

test('BLINKSALE_LOG writes the lines to stderr', () => {
  const script = `
    import { Blinksale, MockServer } from 'blinksale';
    const mock = await MockServer.start({ tokens: ['${TOKEN}:read'] });
    await new Blinksale({ token: '${TOKEN}', baseUrl: mock.url }).units.list();
    await mock.stop();`;
  const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, BLINKSALE_LOG: 'info' },
    encoding: 'utf8',
  });
  assert.equal(out.status, 0, out.stderr);
  assert.match(out.stderr, /blinksale info: blinksale: response method=GET path=\/units status=200/);
  assert.ok(!out.stderr.includes(TOKEN));
});

test('listAll() honours its signal: the page in flight is dropped and its rate-limit slot goes back', async () => {
  const mock = await MockServer.start({ seed: 30, tokens: [`${TOKEN}:read,write,send`] });
  const client = new Blinksale({ token: TOKEN, baseUrl: mock.url });
  mock.inject({ kind: 'delay', path: '/invoices', ms: 5000 });
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const seen = [];
  const err = await (async () => {
    for await (const invoice of client.invoices.listAll({}, { signal: controller.signal })) seen.push(invoice);
  })().catch((e) => e);
  assert.ok(err instanceof APIUserAbortError, String(err));
  assert.equal(seen.length, 0);
  // The first request of a client is the one that learns the limit: had its slot leaked, the
  // next call would wait for the delayed page (5 s) to be answered.
  const next = client.units.list().then(() => 'answered');
  const leaked = new Promise((r) => setTimeout(() => r('held up by the aborted page'), 3000).unref());
  assert.equal(await Promise.race([next, leaked]), 'answered');
  assert.equal(mock.requests().filter((r) => r.path === '/api/v1/invoices').length, 1, 'no page after the abort');
  await mock.stop();
});
