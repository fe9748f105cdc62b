// Compiled with tsc --noEmit --strict: the declarations describe real use.
import { Blinksale, MockServer, NotFoundError, type ClientInput, type Invoice, type NewClient, type Page } from 'blinksale';

async function main(): Promise<void> {
  const mock: MockServer = await MockServer.start({ seed: 5 });
  const client = new Blinksale({ token: mock.token, baseUrl: mock.url, timeout: 30_000 });
  const page: Page<Invoice> = await client.invoices.list({ per_page: 10, status: 'DRAFT' });
  const due: number = page.data.reduce((sum, inv) => sum + inv.total_due, 0);
  for await (const inv of client.invoices.listAll({ limit: 5 })) {
    const n: string = inv.invoice_number;
    const status: string = inv.status;
    void [n, status];
  }
  const { payment, invoice } = await client.invoices.applyPayment(page.data[0].id, { amount: 10, notes: 'Check' }, { timeout: 5000 });
  const { data, response } = await client.invoices.get(page.data[0].id, { headers: { 'X-Trace': '1' } }).withResponse();
  const rid: string | null = response.requestId;
  const status: number = response.status;
  void [data.total_due, rid, status];
  await client.recurringInvoices.updateStatus('rec_1', { status: 'PAUSED' }, { signal: AbortSignal.timeout(1000) });
  const body: ClientInput = { name: 'Acme', email: 'billing@acme.example' };
  const legacy: NewClient = body; // the former name still type-checks
  await client.clients.create(legacy);
  const quick: Blinksale = client.withOptions({ maxRetries: 0 });
  void quick;
  const settled: boolean = payment.is_settled;
  const left: number = invoice.total_due;
  try {
    await client.clients.get('nope');
  } catch (e) {
    if (e instanceof NotFoundError) console.log(e.status, e.requestId, e.errors);
  }
  void [due, settled, left];
  await mock.stop();
}
void main;
