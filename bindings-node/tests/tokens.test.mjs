import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { AuthenticationError, Blinksale, ConfigurationError, MockServer } from 'blinksale';

const OLD = 'tok_js_old_1111';
const NEW = 'tok_js_new_2222';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A Kubernetes-style secret volume: `token` links into `..data`, swapped on rotation. */
function secretDir(token) {
  const dir = mkdtempSync(join(tmpdir(), 'blinksale-secret-'));
  let version = 0;
  const swap = (value) => {
    version += 1;
    mkdirSync(join(dir, `..v${version}`));
    writeFileSync(join(dir, `..v${version}`, 'token'), `${value}\n`);
    symlinkSync(`..v${version}`, join(dir, '..data_tmp'));
    renameSync(join(dir, '..data_tmp'), join(dir, '..data'));
  };
  swap(token);
  symlinkSync('..data/token', join(dir, 'token'));
  return { path: join(dir, 'token'), swap, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Hands out the tokens given, in turn (the last one again when done), counting calls. */
function provider(...tokens) {
  const p = async () => {
    p.calls += 1;
    await sleep(20);
    return tokens[Math.min(p.calls, tokens.length) - 1];
  };
  p.calls = 0;
  return p;
}

test('a token file rotated mid-run loses no call and is read once per change', async () => {
  const mock = await MockServer.start({ tokens: [OLD] });
  const secret = secretDir(OLD);
  const asked = [];
  const logger = { debug: (line) => line.includes('asking for the token') && asked.push(line) };
  const client = new Blinksale({ tokenFile: secret.path, baseUrl: mock.url, maxRetries: 0, logger });
  const { setLogLevel } = await import('blinksale');
  setLogLevel('debug');
  let stop = false;
  const worker = async () => {
    let calls = 0;
    while (!stop) {
      await client.units.list();
      calls += 1;
    }
    return calls;
  };
  const workers = Array.from({ length: 8 }, worker);
  await sleep(300);
  mock.addToken(NEW);
  secret.swap(NEW);
  assert.equal(mock.revokeToken(OLD), true);
  await sleep(1500);
  stop = true;
  const calls = await Promise.all(workers);
  setLogLevel(null);
  assert.ok(calls.every((n) => n > 0));
  await sleep(50);
  assert.equal(asked.length, 1, 'the file is read once for its one change');
  assert.equal(mock.requests().at(-1).status, 200);
  secret.remove();
  await mock.stop();
});

test('a provider is asked on first use, then once for 16 calls that get a 401 together', async () => {
  const mock = await MockServer.start({ tokens: [OLD] });
  const p = provider(OLD, NEW);
  const client = new Blinksale({ token: p, baseUrl: mock.url });
  assert.equal(p.calls, 0);
  await client.units.list();
  await client.units.list();
  assert.equal(p.calls, 1, 'asked once, not per request');
  mock.addToken(NEW);
  mock.revokeToken(OLD);
  await Promise.all(Array.from({ length: 16 }, () => client.units.list()));
  assert.equal(p.calls, 2, 'one refresh for all sixteen');
  assert.equal(mock.requests().filter((r) => r.status === 401).length, 16);
  await mock.stop();
});

test('a sync provider works too, and one that throws fails the call with its message', async () => {
  const mock = await MockServer.start({ tokens: [OLD] });
  assert.ok((await new Blinksale({ token: () => OLD, baseUrl: mock.url }).units.list()).data.length > 0);
  const sealed = new Blinksale({
    token: () => {
      throw new Error('vault is sealed');
    },
    baseUrl: mock.url,
  });
  mock.clearRequests();
  await assert.rejects(sealed.units.list(), (e) => e instanceof ConfigurationError && /vault is sealed/.test(e.message));
  assert.equal(mock.requests().length, 0);
  await mock.stop();
});

test('a write answered 401 goes again once with the new token; an unchanged token is not retried', async () => {
  const mock = await MockServer.start({ tokens: [OLD] });
  const client = new Blinksale({ token: provider(OLD, NEW), baseUrl: mock.url });
  await client.units.list();
  mock.addToken(NEW);
  mock.revokeToken(OLD);
  mock.clearRequests();
  await client.units.create({ name: 'Crate' });
  assert.deepEqual(
    mock.requests().map((r) => [r.method, r.status]),
    [
      ['POST', 401],
      ['POST', 201],
    ],
  );
  const fixed = new Blinksale({ token: NEW, baseUrl: mock.url });
  mock.revokeToken(NEW);
  mock.clearRequests();
  await assert.rejects(fixed.units.create({ name: 'Crate' }), AuthenticationError);
  assert.equal(mock.requests().length, 1);
  await mock.stop();
});

test('hygiene cases are configuration errors that do not echo the token', () => {
  for (const bad of ['Bearer tok_secret_9999', 'tok_secret 9999', 'tok_secret\u001b9999']) {
    assert.throws(
      () => new Blinksale({ token: bad, baseUrl: 'http://127.0.0.1:1/api/v1' }),
      (e) => e instanceof ConfigurationError && !e.message.includes('secret'),
    );
  }
});

test('the permissions a run needed, on the client and the mock', async () => {
  const mock = await MockServer.start({ tokens: [OLD] });
  const client = new Blinksale({ token: OLD, baseUrl: mock.url });
  await client.units.list();
  await client.clients.list();
  await client.units.create({ name: 'Crate' });
  assert.deepEqual(client.permissionsUsed(), new Set(['read', 'write']));
  assert.deepEqual(client.withOptions({ timeout: 5000 }).permissionsUsed(), new Set(['read', 'write']));
  assert.deepEqual(mock.permissionsUsed(), new Set(['read', 'write']));
  assert.deepEqual(mock.permissionsUsed(OLD), new Set(['read', 'write']));
  await mock.stop();
});
