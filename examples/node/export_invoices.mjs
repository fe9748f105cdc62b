// Export every invoice to invoices.csv with the auto-pager, counting as it goes.
//   BLINKSALE_API_TOKEN=... node examples/node/export_invoices.mjs [invoices.csv]
import { createWriteStream } from 'node:fs';
import { Blinksale } from 'blinksale';

const path = process.argv[2] ?? 'invoices.csv';
const client = new Blinksale();
const out = createWriteStream(path);
const csv = (v) => (/[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v ?? ''));
out.write('invoice_number,client,status,issued_at,due_at,currency,total,total_paid,total_due\n');
let n = 0;
// Pages of 100 are fetched as the loop needs them, paced under the rate limit.
for await (const inv of client.invoices.listAll()) {
  out.write(
    [inv.invoice_number, inv.client?.name, inv.status, inv.issued_at, inv.due_at, inv.currency, inv.total, inv.total_paid, inv.total_due]
      .map(csv)
      .join(',') + '\n',
  );
  if (++n % 50 === 0) process.stderr.write(`\r${n} invoices exported`);
}
await new Promise((resolve) => out.end(resolve));
process.stderr.write(`\r${n} invoices exported to ${path}\n`);
