import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setup } from './helpers.mjs';

test('pages and for-await paging with a cap', async () => {
  const { mock, client } = await setup();
  const page = await client.clients.list({ per_page: 10 });
  const ids = page.data.map((c) => c.id);
  assert.ok(page.hasNextPage());
  for (let next = await page.getNextPage(); next !== null; next = await next.getNextPage()) ids.push(...next.data.map((c) => c.id));
  assert.equal(new Set(ids).size, 35);

  mock.clearRequests();
  const all = [];
  for await (const inv of client.invoices.listAll({ per_page: 10, status: 'DRAFT' })) all.push(inv);
  assert.ok(all.length > 0 && all.every((i) => i.status === 'DRAFT'));
  assert.equal(mock.requests()[0].query, 'per_page=10&status=DRAFT&page=1');
  const some = [];
  for await (const c of client.clients.listAll({ per_page: 5, limit: 12 })) some.push(c);
  assert.equal(some.length, 12);
  assert.equal(mock.requests().filter((r) => r.path === '/api/v1/clients').length, 3);
  await mock.stop();
});

test('listAll fetches a page only when its items are needed', async () => {
  const { mock, client } = await setup();
  mock.clearRequests();
  const it = client.clients.listAll({ per_page: 5 })[Symbol.asyncIterator]();
  for (let i = 0; i < 5; i++) assert.equal((await it.next()).done, false);
  // Time for a prefetch to reach the mock, if one were sent.
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(mock.requests().length, 1);
  assert.equal((await it.next()).done, false);
  assert.equal(mock.requests().length, 2);
  await it.return();
  await mock.stop();
});
