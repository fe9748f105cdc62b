import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as bs from 'blinksale';
import { setup, TOKEN } from './helpers.mjs';

test('every error class, with instanceof', async () => {
  const { mock, client } = await setup();
  const expect = async (promise, Cls, check = () => {}) => {
    const err = await promise.then(
      () => assert.fail('expected a rejection'),
      (e) => e,
    );
    assert.ok(err instanceof Cls, `${err.name} is not ${Cls.name}: ${err.message}`);
    assert.ok(err instanceof bs.BlinksaleError && err instanceof Error);
    assert.ok(!String(err.message).includes(TOKEN) && !String(err.stack).includes(TOKEN));
    check(err);
    return err;
  };
  await expect(new bs.Blinksale({ token: 'wrong', baseUrl: mock.url }).units.list(), bs.AuthenticationError, (e) =>
    assert.equal(e.status, 401),
  );
  await expect(new bs.Blinksale({ token: 'tok_read', baseUrl: mock.url }).units.create({ name: 'x' }), bs.PermissionDeniedError, (e) =>
    assert.equal(e.requiredPermission, 'write'),
  );
  await expect(client.invoices.get('nope'), bs.NotFoundError, (e) => assert.ok(e.requestId));
  await expect(client.payments.create({ invoice_id: 'none', amount: 1 }), bs.ValidationError, (e) =>
    assert.deepEqual(e.errors, { invoice_id: ['The selected invoice_id is invalid.'] }),
  );
  // What cannot be sent is refused before any request; values are the server's call.
  await expect(client.units.create({ name: 5 }), bs.InvalidRequestError, (e) => assert.equal(e.field, 'name'));
  await expect(client.clients.create({ name: 'Zed', email: 'not-an-email' }), bs.ValidationError, (e) => {
    assert.ok(e.errors.email, JSON.stringify(e.errors));
    assert.equal(e.code, 'validation');
    assert.ok(e.body.includes('email') && e.serverMessage);
  });
  const noRetry = new bs.Blinksale({ token: TOKEN, baseUrl: mock.url, maxRetries: 0, timeout: 300 });
  mock.inject({ kind: 'rate_limit', path: '/units', reset: 4 });
  await expect(noRetry.units.list(), bs.RateLimitError, (e) => assert.equal(e.retryAfter, 4));
  mock.inject({ kind: 'status', path: '/units', status: 502, body: 'html' });
  await expect(noRetry.units.list(), bs.ServerError, (e) => assert.equal(e.status, 502));
  mock.inject({ kind: 'delay', path: '/units', ms: 800 });
  await expect(noRetry.units.list(), bs.APITimeoutError);
  mock.inject({ kind: 'truncate', path: '/units' });
  await expect(noRetry.units.list(), bs.DecodeError);
  await expect(
    new bs.Blinksale({ token: TOKEN, baseUrl: 'http://127.0.0.1:9/api/v1', maxRetries: 0 }).units.list(),
    bs.APIConnectionError,
    (e) => assert.equal(e.requestSent, false),
  );
  assert.ok(bs.APITimeoutError.prototype instanceof bs.APIConnectionError);
  await mock.stop();
});

test('the error stack points at the caller', async () => {
  const { mock, client } = await setup();
  const err = await client.units.get('nope').catch((e) => e);
  assert.match(err.stack, /errors\.test\.mjs/);
  await mock.stop();
});

test('configuration errors name the variable', () => {
  const saved = process.env.BLINKSALE_API_TOKEN;
  delete process.env.BLINKSALE_API_TOKEN;
  try {
    assert.throws(
      () => new bs.Blinksale(),
      (e) => e instanceof bs.ConfigurationError && /BLINKSALE_API_TOKEN/.test(e.message),
    );
    assert.throws(() => new bs.Blinksale({ token: 't', baseUrl: 'http://api.example.com/api/v1' }), /plain http/);
  } finally {
    if (saved !== undefined) process.env.BLINKSALE_API_TOKEN = saved;
  }
});
