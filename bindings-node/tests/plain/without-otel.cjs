// Run by tests/node.sh in a folder where only blinksale is installed: no span, no header, and
// no OpenTelemetry module is loaded.
const assert = require('node:assert/strict');
const { Blinksale, MockServer } = require('blinksale');

(async () => {
  const mock = await MockServer.start({ seed: 5 });
  try {
    const client = new Blinksale({ token: mock.token, baseUrl: mock.url });
    await client.units.list();
    for await (const _ of client.units.listAll({ per_page: 1, limit: 2 })) {
    }
    const sent = mock.requests().map((r) => r.headers.traceparent);
    assert.equal(sent.length, 3);
    assert.deepEqual(sent, [undefined, undefined, undefined]);
    const loaded = Object.keys(require.cache).filter((f) => f.includes('@opentelemetry'));
    assert.deepEqual(loaded, []);
    console.log('ok: without OpenTelemetry, no trace header and no OpenTelemetry module loaded');
  } finally {
    await mock.stop();
  }
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
