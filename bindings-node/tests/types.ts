// Compiled with tsc --noEmit --strict: the declarations describe real use.
import { Blinksale, MockServer, NotFoundError, type Invoice, type Page } from 'blinksale';

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
  const { payment, invoice } = await client.invoices.applyPayment(page.data[0].id, { amount: 10, notes: 'Check' });
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
