// Calls as OpenTelemetry spans and metrics through the SDK's in-memory exporters, and the W3C
// trace context the mock receives. (Without OpenTelemetry installed: tests/plain/.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { context, metrics, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { Blinksale, NotFoundError, version } from 'blinksale';
import { setup, TOKEN } from './helpers.mjs';

const exporter = new InMemorySpanExporter();
trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
propagation.setGlobalPropagator(new W3CTraceContextPropagator());
class Reader extends MetricReader {
  async onForceFlush() {}
  async onShutdown() {}
}
const reader = new Reader();
metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));
const app = trace.getTracer('app');

const clientSpans = () => exporter.getFinishedSpans().filter((s) => s.kind === SpanKind.CLIENT);
const traceparents = (mock) => mock.requests().map((r) => r.headers.traceparent ?? '');

async function fresh() {
  exporter.reset();
  return setup();
}

test('a call in a user span is its child, with the conventions attributes and the trace context', async () => {
  const { mock, client } = await fresh();
  const { data } = await client.clients.list();
  const id = data[0].id;
  exporter.reset();
  const job = await app.startActiveSpan('job', async (job) => {
    await client.clients.get(id);
    job.end();
    return job;
  });
  const [span] = clientSpans();
  assert.equal(clientSpans().length, 1);
  assert.equal(span.name, 'GET /clients/{clientId}');
  assert.equal(span.parentSpanContext?.spanId, job.spanContext().spanId);
  assert.equal(span.spanContext().traceId, job.spanContext().traceId);
  const a = span.attributes;
  const url = new URL(mock.url);
  assert.equal(a['http.request.method'], 'GET');
  assert.equal(a['server.address'], url.hostname);
  assert.equal(a['server.port'], Number(url.port));
  assert.equal(a['url.template'], '/clients/{clientId}');
  assert.equal(a['url.full'], `${mock.url}/clients/${id}`);
  assert.equal(a['http.response.status_code'], 200);
  assert.equal(a['blinksale.operation'], 'getClient');
  assert.match(String(a['blinksale.request_id']), /^req_/);
  assert.ok('blinksale.rate_limit.wait_ms' in a && !('error.type' in a));
  assert.deepEqual([span.instrumentationScope.name, span.instrumentationScope.version], ['blinksale', version]);
  const [v, traceId, spanId, flags] = traceparents(mock).at(-1).split('-');
  assert.deepEqual([v, traceId, spanId], ['00', span.spanContext().traceId, span.spanContext().spanId]);
  assert.equal(Number.parseInt(flags, 16) & 1, 1);
  await mock.stop();
});

test('a retried GET records both attempts and the resend count', async () => {
  const { mock, client } = await fresh();
  mock.inject({ kind: 'status', path: '/units', method: 'GET', status: 503 });
  await client.units.list();
  const [span] = clientSpans();
  assert.equal(span.attributes['http.request.resend_count'], 1);
  const attempts = span.events.filter((e) => e.name === 'blinksale.attempt').map((e) => e.attributes);
  assert.deepEqual(
    attempts.map((a) => [a['blinksale.attempt'], a['http.response.status_code']]),
    [
      [1, 503],
      [2, 200],
    ],
  );
  assert.equal(attempts[0]['error.type'], 'server');
  await mock.stop();
});

test('a 404 sets error.type and the error status', async () => {
  const { mock, client } = await fresh();
  await assert.rejects(client.clients.get('missing'), NotFoundError);
  const [span] = clientSpans();
  assert.equal(span.attributes['error.type'], 'not_found');
  assert.equal(span.attributes['http.response.status_code'], 404);
  assert.equal(span.status.code, SpanStatusCode.ERROR);
  await mock.stop();
});

test('listAll makes one span per page fetched, none after the last', async () => {
  const { mock, client } = await fresh();
  let n = 0;
  for await (const _ of client.clients.listAll({ per_page: 10 })) n++;
  const pages = mock.requests().filter((r) => r.method === 'GET');
  assert.equal(clientSpans().length, pages.length);
  assert.equal(pages.length, Math.ceil(n / 10));
  assert.deepEqual(new Set(clientSpans().map((s) => s.spanContext().spanId)), new Set(traceparents(mock).map((t) => t.split('-')[2])));
  await mock.stop();
});

test('request() by path is named by the operation it fits', async () => {
  const { mock, client } = await fresh();
  await client.request('GET', '/units');
  const [span] = clientSpans();
  assert.equal(span.name, 'GET /units');
  assert.equal(span.attributes['blinksale.operation'], 'listUnits');
  await mock.stop();
});

test('the duration and wait histograms go to the meter provider', async () => {
  const { mock, client } = await fresh();
  await client.units.list();
  const { resourceMetrics } = await reader.collect();
  const found = Object.fromEntries(
    resourceMetrics.scopeMetrics.filter((s) => s.scope.name === 'blinksale').flatMap((s) => s.metrics.map((m) => [m.descriptor.name, m])),
  );
  const points = found['http.client.request.duration'].dataPoints;
  assert.equal(found['http.client.request.duration'].descriptor.unit, 's');
  assert.ok(points.some((p) => p.attributes['url.template'] === '/units' && p.attributes['http.response.status_code'] === 200));
  assert.ok(found['blinksale.rate_limit.wait'].dataPoints.length > 0);
  await mock.stop();
});

test('the token is in no attribute or event', async () => {
  const { mock, client } = await fresh();
  mock.inject({ kind: 'status', path: '/units', method: 'GET', status: 500 });
  await client.units.list();
  await assert.rejects(new Blinksale({ token: 'tok_wrong_secret', baseUrl: mock.url }).units.list());
  const dumped = JSON.stringify(exporter.getFinishedSpans().map((s) => [s.name, s.attributes, s.events, s.status]));
  assert.equal(clientSpans().length, 2);
  assert.ok(dumped.includes('blinksale.operation'));
  assert.ok(!dumped.includes(TOKEN) && !dumped.includes('tok_wrong_secret'));
  await mock.stop();
});
