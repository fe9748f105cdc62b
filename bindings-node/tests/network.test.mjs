import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { APIConnectionError, Blinksale, ConfigurationError, MockServer, ServerError } from 'blinksale';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test('with the mock CA calls go over HTTP/2; without it the certificate is not trusted', async () => {
  const mock = await MockServer.start({ tls: true });
  assert.ok(mock.url.startsWith('https://') && mock.caPath);
  const client = new Blinksale({ token: mock.token, baseUrl: mock.url, caBundle: mock.caPath });
  assert.ok((await client.units.list()).data.length > 0);
  const only = new Blinksale({ token: mock.token, baseUrl: mock.url, caBundle: mock.caPath, caBundleOnly: true });
  await only.units.list();
  assert.deepEqual(
    mock.requests().map((r) => r.protocol),
    ['HTTP/2.0', 'HTTP/2.0'],
  );
  const untrusting = new Blinksale({ token: mock.token, baseUrl: mock.url, maxRetries: 0 });
  await assert.rejects(
    untrusting.units.list(),
    (e) => e instanceof APIConnectionError && /not trusted/.test(e.message) && /ca_bundle/.test(e.message),
  );
  await mock.stop();
});

test('a bundle without a certificate is a configuration error naming the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'blinksale-ca-'));
  const bad = join(dir, 'bundle.pem');
  writeFileSync(bad, 'not a certificate\n');
  assert.throws(
    () => new Blinksale({ token: 'tok', baseUrl: 'http://127.0.0.1:1/api/v1', caBundle: bad }),
    (e) => e instanceof ConfigurationError && e.message.includes(bad),
  );
  rmSync(dir, { recursive: true, force: true });
});

test('over HTTP/2 a refused POST goes again once and a POST answered 500 does not', async () => {
  const mock = await MockServer.start({ tls: true });
  const client = new Blinksale({ token: mock.token, baseUrl: mock.url, caBundle: mock.caPath });
  await client.units.list();
  mock.clearRequests();
  mock.inject({ kind: 'refuse_stream', path: '/units', method: 'POST' });
  await client.units.create({ name: 'Crate' });
  assert.deepEqual(
    mock.requests().map((r) => [r.method, r.status, r.fault]),
    [
      ['POST', null, 'refuse_stream'],
      ['POST', 201, null],
    ],
  );
  mock.clearRequests();
  mock.inject({ kind: 'status', path: '/units', method: 'POST', status: 500, after_handler: true });
  await assert.rejects(client.units.create({ name: 'Crate' }), ServerError);
  assert.equal(mock.requests().length, 1);
  await mock.stop();
});

test('32 concurrent calls share one HTTP/2 connection to the TLS mock', async () => {
  const mock = await MockServer.start({ tls: true });
  const client = new Blinksale({ token: mock.token, baseUrl: mock.url, caBundle: mock.caPath, rateLimit: 100000 });
  const pages = await Promise.all(Array.from({ length: 32 }, () => client.units.list()));
  assert.equal(pages.length, 32);
  assert.ok(mock.requests().every((r) => r.protocol === 'HTTP/2.0'));
  assert.equal(new Set(mock.requests().map((r) => r.connection)).size, 1);
  await mock.stop();
});

for (const tls of [false, true]) {
  test(`a connection closed while idle costs no call (tls: ${tls})`, async () => {
    const mock = await MockServer.start({ tls, idleTimeout: 1 });
    const client = new Blinksale({ token: mock.token, baseUrl: mock.url, caBundle: mock.caPath ?? undefined });
    await client.units.list();
    await client.units.create({ name: 'Crate' });
    await sleep(2000);
    await client.units.list();
    await client.units.create({ name: 'Crate' });
    assert.deepEqual(
      mock.requests().map((r) => r.method),
      ['GET', 'POST', 'GET', 'POST'],
    );
    const conns = mock.requests().map((r) => r.connection);
    // HTTP/2 drains first (GOAWAY, then the close): the last call at least is on a new one.
    assert.ok(conns[0] === conns[1] && conns[3] !== conns[0], 'the mock closed the idle connection');
    await mock.stop();
  });
}

test('proxy settings are checked and never show a password', () => {
  for (const proxy of ['socks5://user:hunter2@127.0.0.1:1080', 'http//user:hunter2@nowhere']) {
    assert.throws(
      () => new Blinksale({ token: 'tok', baseUrl: 'http://127.0.0.1:1/api/v1', proxy }),
      (e) => e instanceof ConfigurationError && !e.message.includes('hunter2'),
    );
  }
  assert.throws(() => new Blinksale({ token: 'tok', baseUrl: 'http://127.0.0.1:1/api/v1', proxy: true }), ConfigurationError);
  assert.ok(new Blinksale({ token: 'tok', baseUrl: 'http://127.0.0.1:1/api/v1', proxy: false }));
});
