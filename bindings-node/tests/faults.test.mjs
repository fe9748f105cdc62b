import assert from 'node:assert/strict';
import { test } from 'node:test';
import { count, setup } from './helpers.mjs';

test('reads are retried on transient faults', async () => {
  const { mock, client } = await setup();
  for (const fault of [{ kind: 'status', status: 503 }, { kind: 'drop' }, { kind: 'rate_limit', reset: 1 }]) {
    mock.clearRequests();
    mock.inject({ ...fault, path: '/units', method: 'GET' });
    assert.equal((await client.units.list()).data.length, 3);
    assert.equal(count(mock, 'GET', '/units'), 2, JSON.stringify(fault));
  }
  await mock.stop();
});

test('a create is never sent twice', async () => {
  const { mock, client } = await setup();
  for (const [fault, created] of [
    [{ kind: 'status', status: 500 }, 0],
    [{ kind: 'status', status: 502, after_handler: true }, 1],
    [{ kind: 'drop' }, 0],
    [{ kind: 'truncate' }, 1],
  ]) {
    const before = (await client.units.list()).meta.total;
    mock.clearRequests();
    mock.inject({ ...fault, path: '/units', method: 'POST' });
    await assert.rejects(client.units.create({ name: 'Crate' }));
    assert.equal(count(mock, 'POST', '/units'), 1, JSON.stringify(fault));
    assert.equal((await client.units.list()).meta.total, before + created);
  }
  await mock.stop();
});
