import assert from 'node:assert/strict';
import { test } from 'node:test';
import util from 'node:util';
import { setup, TOKEN } from './helpers.mjs';

test('50 parallel requests proceed together and the event loop keeps running', async () => {
  const { mock, client } = await setup();
  mock.inject({ kind: 'delay', path: '/units', ms: 300, times: 50 });
  let ticks = 0;
  const timer = setInterval(() => ticks++, 10);
  const started = Date.now();
  const pages = await Promise.all(Array.from({ length: 50 }, () => client.units.list()));
  const elapsed = Date.now() - started;
  clearInterval(timer);
  assert.equal(pages.length, 50);
  assert.ok(pages.every((p) => p.data.length === 3));
  assert.ok(elapsed < 3000, `50 requests of 300 ms ran concurrently (${elapsed} ms)`);
  assert.ok(ticks >= 15, `the timer kept firing (${ticks} ticks in ${elapsed} ms)`);
  await mock.stop();
});

test('the token never shows', async () => {
  const { mock, client } = await setup();
  const shown = [util.inspect(client, { depth: 5, showHidden: true }), JSON.stringify(client), String(client)];
  const err = await client.units.get('nope').catch((e) => e);
  shown.push(err.message, err.stack, util.inspect(err), JSON.stringify(err));
  for (const text of shown) assert.ok(!text.includes(TOKEN), text);
  await mock.stop();
});
