const { test } = require('node:test');
const assert = require('node:assert/strict');

test('require() and import() give the same classes', async () => {
  const cjs = require('blinksale');
  const esm = await import('blinksale');
  assert.equal(typeof cjs.Blinksale, 'function');
  assert.equal(esm.Blinksale, cjs.Blinksale);
  assert.equal(esm.default, cjs.Blinksale);
  assert.equal(esm.NotFoundError, cjs.NotFoundError);
});
