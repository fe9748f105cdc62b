// The docs' example request, GET /api/v1/clients, printed as a table.
//   BLINKSALE_API_TOKEN=... node examples/node/list_clients.mjs
import { Blinksale } from 'blinksale';

const client = new Blinksale(); // BLINKSALE_API_TOKEN, and BLINKSALE_BASE_URL if set
const page = await client.clients.list();
const row = (...cols) => console.log(cols[0].padEnd(22), cols[1].padEnd(28), cols[2].padEnd(11), cols[3].padEnd(8), cols[4].padStart(8));
row('Name', 'Email', 'Kind', 'Currency', 'Contacts');
for (const c of page) {
  row(c.name, c.email, c.kind_name ?? c.kind, c.document_defaults?.currency ?? '-', String(c.contact_count ?? 0));
}
console.log(`${page.data.length} of ${page.meta.total} clients (page ${page.meta.current_page} of ${page.meta.last_page})`);
