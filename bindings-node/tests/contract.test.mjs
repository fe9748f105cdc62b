// The core's binding contract reaches the Node surface: every client setting and per-request
// option is taken by its camelCase name, and a thrown error and a response carry the core's
// fields.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { Blinksale, ConfigurationError, InvalidRequestError, MockServer, PermissionDeniedError } from 'blinksale';
import { TOKEN } from './helpers.mjs';

const require = createRequire(import.meta.url);
const addon = require(path.join(path.dirname(require.resolve('blinksale/package.json')), 'native.js'));
const { contract } = JSON.parse(addon.schemaJson());
const camel = (n) => n.replace(/_(\w)/g, (_, c) => c.toUpperCase());
const SAMPLES = {
  duration: 1500,
  count: 3,
  bool: false,
  proxy: false,
  headers: { 'x-a': '1' },
  query: { a: 1 },
  object: { a: 1 },
  secret: TOKEN,
};
const TEXT = { base_url: null, rate_limit_store: 'redis://127.0.0.1:1' };
const sample = (f, url) => SAMPLES[f.kind] ?? (f.name in TEXT ? (TEXT[f.name] ?? url) : 'x');

test('every client setting and per-request option is taken by its camelCase name', async () => {
  const mock = await MockServer.start({ tokens: [`${TOKEN}:read,write,send`] });
  // A setting that names a file gets a real one: the CA of a TLS mock.
  const tls = await MockServer.start({ tls: true });
  TEXT.ca_bundle = tls.caPath;
  for (const f of contract.client_settings) {
    const options = { token: TOKEN, baseUrl: mock.url, [camel(f.name)]: sample(f, mock.url) };
    assert.ok(new Blinksale(options), f.name);
  }
  const client = new Blinksale({ token: TOKEN, baseUrl: mock.url });
  for (const f of contract.call_options.filter((o) => o.kind !== 'object')) {
    await client.units.list({}, { [camel(f.name)]: sample(f) });
  }
  assert.throws(
    () => new Blinksale({ token: TOKEN, timeout: 0 }),
    (e) => e instanceof ConfigurationError && e.message === 'configuration error: timeout must be a positive number of milliseconds',
  );
  assert.throws(
    () => new Blinksale({ token: TOKEN, timeoutt: 1 }),
    (e) => e instanceof ConfigurationError && /unknown option "timeoutt"/.test(e.message),
  );
  await assert.rejects(client.units.list({}, { deadline: -1 }), (e) => e instanceof InvalidRequestError && e.field === 'deadline');
  await tls.stop();
  await mock.stop();
});

test('a thrown error and a response carry the contract fields the core sent', async () => {
  const mock = await MockServer.start({ rateLimit: 1000, tokens: [`${TOKEN}:read,write,send`, 'tok_read:read'] });
  const err = await new Blinksale({ token: 'tok_read', baseUrl: mock.url }).units.create({ name: 'Crate' }).catch((e) => e);
  assert.ok(err instanceof PermissionDeniedError, String(err));
  const names = contract.error_details.map((f) => camel(f.name));
  for (const k of ['code', 'status', 'serverMessage', 'requestId', 'headers', 'rateLimit', 'body', 'requiredPermission']) {
    assert.ok(names.includes(k), k);
    assert.notEqual(err[k], undefined, k);
  }
  assert.equal(err.requiredPermission, 'write');
  const { response } = await new Blinksale({ token: TOKEN, baseUrl: mock.url }).units.list().withResponse();
  const reply = contract.reply.map((f) => camel(f.name));
  for (const k of ['status', 'headers', 'requestId', 'rateLimit']) {
    assert.ok(reply.includes(k), k);
    assert.notEqual(response[k], null, k);
  }
  await mock.stop();
});
