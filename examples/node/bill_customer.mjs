// Bill a customer: a client with a contact, an invoice with two lines, a tax and a discount,
// sent, then paid in two parts, printing the totals after each step.
//   BLINKSALE_API_TOKEN=... node examples/node/bill_customer.mjs
// Money is a JS number, as JSON.parse gives it; round amounts you compute to cents.
import { Blinksale } from 'blinksale';

const client = new Blinksale();
const show = (step, inv) =>
  console.log(
    step.padEnd(22),
    inv.invoice_number,
    ' total',
    String(inv.total).padStart(9),
    ' paid',
    String(inv.total_paid).padStart(9),
    ' due',
    String(inv.total_due).padStart(9),
    '',
    inv.status,
  );

const customer = await client.clients.create({
  name: 'Northwind Traders',
  email: 'billing@northwind.example',
  kind: 'BUSINESS',
  contacts: [{ name: 'Nancy Davolio', email: 'nancy@northwind.example', phone: '+12065550100' }],
});
console.log(`Client ${customer.name} (${customer.id}), ${customer.contact_count} contact(s)`);

// A saved tax, by name; create it if this account has none.
let tax;
for await (const t of client.taxes.listAll()) if (t.name === 'Sales Tax') tax = t;
tax ??= await client.taxes.create({ name: 'Sales Tax', percent: 8.5 });

let invoice = await client.invoices.create({
  client_id: customer.id,
  tax_id: tax.id,
  discount_distribution: 'PER_DOCUMENT',
  discount_type: 'PERCENTAGE',
  discount_value: 10,
  net_terms: 'NET30',
  line_items: [
    { name: 'Consulting Services', quantity: 10, price: 150 },
    { name: 'Hosting Services', quantity: 1, price: 99 },
  ],
});
show('Created', invoice);
invoice = await client.invoices.send(invoice.id);
show('Sent', invoice);

const half = Math.round((invoice.total_due / 2) * 100) / 100;
let applied = await client.invoices.applyPayment(invoice.id, { amount: half, notes: 'Check #1001' });
show(`Paid ${half}`, applied.invoice);
const rest = applied.invoice.total_due;
applied = await client.invoices.applyPayment(invoice.id, { amount: rest });
show(`Paid ${rest}`, applied.invoice);
