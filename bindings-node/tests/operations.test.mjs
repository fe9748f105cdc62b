import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setup } from './helpers.mjs';

test('every operation', async () => {
  const { mock, client } = await setup();
  const page = await client.clients.list();
  assert.equal(page.data.length, 15);
  assert.equal(page.meta.total, 35);
  assert.deepEqual(await client.clients.get(page.data[0].id), page.data[0]);
  const wayne = await client.clients.create({
    name: 'Wayne',
    email: 'ap@wayne.example',
    contacts: [{ name: 'Lucius', email: 'l@wayne.example' }],
  });
  assert.equal(wayne.contact_count, 1);
  assert.equal((await client.clients.update(wayne.id, { name: 'Wayne Inc' })).name, 'Wayne Inc');

  const contacts = client.contacts(wayne.id);
  const alfred = await contacts.create({ name: 'Alfred', email: 'a@wayne.example' });
  assert.equal((await contacts.get(alfred.id)).name, 'Alfred');
  assert.equal((await contacts.update(alfred.id, { name: 'Alfred P', email: 'a@wayne.example' })).name, 'Alfred P');
  assert.equal((await contacts.list()).data.length, 2);
  await contacts.delete(alfred.id);

  for (const [res, body, change, key, value] of [
    [client.taxes, { name: 'T', percent: 2.25 }, { percent: 3 }, 'percent', 3],
    [client.units, { name: 'Week' }, { name: 'Weeks' }, 'name', 'Weeks'],
    [client.items, { name: 'Audit', price: 999.99 }, { price: 1000 }, 'price', 1000],
  ]) {
    const obj = await res.create(body);
    assert.equal((await res.update(obj.id, change))[key], value);
    assert.equal((await res.get(obj.id)).id, obj.id);
    assert.ok((await res.list()).data.length >= 1);
    await res.delete(obj.id);
  }

  const line = { name: 'Consulting', quantity: 10, price: 150 };
  const est = await client.estimates.create({ client_id: wayne.id, line_items: [line] });
  assert.equal(est.total, 1500);
  assert.equal((await client.estimates.update(est.id, { shipping: 20 })).total, 1520);
  assert.equal((await client.estimates.get(est.id)).items.length, 1);
  assert.ok((await client.estimates.list({ client_id: wayne.id })).data.every((e) => e.client_id === wayne.id));
  assert.equal((await client.estimates.send(est.id)).status, 'SENT');
  const converted = await client.estimates.convert(est.id);
  assert.equal(converted.converted_from, est.id);
  await client.estimates.delete(est.id);

  const inv = await client.invoices.create({ client_id: wayne.id, line_items: [line], net_terms: 'NET15', issued_at: '2026-06-15' });
  assert.equal(inv.due_at, '2026-06-30');
  assert.equal((await client.invoices.update(inv.id, { notes: 'Thanks' })).notes, 'Thanks');
  assert.equal((await client.invoices.get(inv.id)).notes, 'Thanks');
  assert.equal((await client.invoices.send(inv.id)).status, 'SENT');
  const { payment, invoice } = await client.invoices.applyPayment(inv.id, { amount: 500 });
  assert.deepEqual([payment.amount, invoice.total_due, invoice.status], [500, 1000, 'PARTIAL']);

  const pay = await client.payments.create({ invoice_id: inv.id, amount: 250 });
  assert.equal((await client.payments.get(pay.id)).amount, 250);
  assert.equal((await client.payments.update(pay.id, { amount: 1000 })).amount, 1000);
  assert.equal((await client.payments.list({ invoice_id: inv.id })).data.length, 2);
  await client.payments.delete(pay.id);

  const rec = await client.recurringInvoices.create({
    client_id: wayne.id,
    frequency: 'MONTHLY',
    start_date: '2026-06-01',
    template_items: [{ name: 'Hosting', quantity: 1, price: 99 }],
  });
  assert.equal(rec.template.items[0].price, 99);
  assert.equal((await client.recurringInvoices.update(rec.id, { max_occurrences: 12 })).max_occurrences, 12);
  assert.equal((await client.recurringInvoices.updateStatus(rec.id, { status: 'PAUSED' })).status, 'PAUSED');
  assert.equal((await client.recurringInvoices.get(rec.id)).status, 'PAUSED');
  assert.equal((await client.recurringInvoices.list()).data.length, 2);
  await client.recurringInvoices.delete(rec.id);
  await client.invoices.delete(converted.id);
  await client.invoices.delete(inv.id);
  await client.clients.delete(wayne.id);

  const raw = await client.request('GET', '/units', { query: { per_page: 2 } });
  assert.equal(raw.data.length, 2);
  assert.equal(raw.meta.total, 3);
  assert.equal(client.rateLimit, null, 'the mock runs without rate limiting here');
  await mock.stop();
});

test('unknown fields are kept and names are the API own', async () => {
  const { mock, client } = await setup();
  const inv = (await client.invoices.list()).data[0];
  for (const key of ['total_due', 'client_id', 'invoice_number', 'items']) assert.ok(key in inv, key);
  await mock.stop();
});
