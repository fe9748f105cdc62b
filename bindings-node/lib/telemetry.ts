// Spans and metrics for calls, in the application's own OpenTelemetry pipeline. Nothing is
// loaded unless the application has registered a tracer or meter provider with
// `@opentelemetry/api` (an optional peer dependency): the API keeps its registrations on a
// global symbol, read here without importing anything. A span's name, attributes and attempt
// events come from the core's record of the call; this file only hands them to the API.

import { NativeTrace } from './native';

/** The parts of `@opentelemetry/api` used here (the package is not a dependency). */
interface Api {
  trace: {
    getTracer(name: string, version: string): Tracer;
    setSpan(context: unknown, span: Span): unknown;
  };
  metrics: { getMeter(name: string, version: string): Meter };
  context: { active(): unknown; with<T>(context: unknown, fn: () => T): T };
  propagation: { inject(context: unknown, carrier: Record<string, string>): void };
  SpanKind: { CLIENT: number };
  SpanStatusCode: { ERROR: number };
}
interface Tracer {
  startSpan(name: string, options: { kind: number; attributes: Attributes }, context: unknown): Span;
}
interface Span {
  isRecording(): boolean;
  updateName(name: string): void;
  setAttributes(attributes: Attributes): void;
  setAttribute(name: string, value: string): void;
  addEvent(name: string, attributes: Attributes, time: [number, number]): void;
  setStatus(status: { code: number; message?: string }): void;
  end(time?: [number, number]): void;
}
interface Meter {
  createHistogram(name: string, options: { unit: string; description: string }): Histogram;
}
interface Histogram {
  record(value: number, attributes: Attributes): void;
}
type Attributes = Record<string, string | number | boolean>;

/** The core's record of one call (`blinksale::telemetry`). */
interface CallRecord {
  name: string;
  start: number;
  end: number;
  attributes: Attributes;
  error: string | null;
  attempts: Array<{ name: string; time: number; attributes: Attributes }>;
  metrics: Array<{ duration: number; rate_limit_wait: number; attributes: Attributes }>;
}

/** What the core gives before a call: the span's name and first attributes. */
interface SpanStart {
  name: string;
  attributes: Attributes;
}

interface Pipeline {
  api: Api;
  tracer?: Tracer;
  duration?: Histogram;
  wait?: Histogram;
}

const GLOBAL = Symbol.for('opentelemetry.js.api.1');
const VERSION = (require('../package.json') as { version: string }).version;
let cached: { trace: unknown; metrics: unknown; pipeline: Pipeline } | undefined;

/** The application's pipeline, or undefined when it registered no provider (a property read). */
export function pipeline(): Pipeline | undefined {
  const registered = (globalThis as Record<symbol, { trace?: unknown; metrics?: unknown } | undefined>)[GLOBAL];
  if (!registered || (!registered.trace && !registered.metrics)) return undefined;
  if (cached && cached.trace === registered.trace && cached.metrics === registered.metrics) return cached.pipeline;
  let api: Api;
  try {
    api = require('@opentelemetry/api') as Api;
  } catch {
    return undefined;
  }
  const p: Pipeline = { api };
  if (registered.trace) p.tracer = api.trace.getTracer('blinksale', VERSION);
  if (registered.metrics) {
    const meter = api.metrics.getMeter('blinksale', VERSION);
    p.duration = meter.createHistogram('http.client.request.duration', { unit: 's', description: 'Duration of HTTP client requests.' });
    p.wait = meter.createHistogram('blinksale.rate_limit.wait', { unit: 's', description: 'Time a request waited for the rate limit.' });
  }
  cached = { trace: registered.trace, metrics: registered.metrics, pipeline: p };
  return p;
}

function hrTime(nanos: number): [number, number] {
  return [Math.floor(nanos / 1e9), nanos % 1e9];
}

/** One call's span: started before the request (its context goes out as `traceparent`),
 * finished from the core's record. */
class CallSpan {
  readonly native: NativeTrace | null;
  #p: Pipeline;
  #span?: Span;

  constructor(p: Pipeline, start: SpanStart, native?: NativeTrace) {
    this.#p = p;
    const carrier: Record<string, string> = {};
    if (p.tracer) {
      const { api } = p;
      const parent = api.context.active();
      this.#span = p.tracer.startSpan(start.name, { kind: api.SpanKind.CLIENT, attributes: start.attributes }, parent);
      api.propagation.inject(api.trace.setSpan(parent, this.#span), carrier);
    }
    // A span that records nothing (a no-op provider, or not sampled) and no meter: the core
    // keeps no record, and only the context, if any, goes out.
    const wanted = p.duration !== undefined || this.#span?.isRecording() === true;
    this.native = native ?? (wanted || Object.keys(carrier).length > 0 ? new NativeTrace() : null);
    this.native?.setContext(carrier);
  }

  finish(error?: unknown): void {
    const records = this.native ? (JSON.parse(this.native.take()) as CallRecord[]) : [];
    for (const r of records) this.#metrics(r);
    const span = this.#span;
    if (!span) return;
    const last = records.at(-1);
    if (last && span.isRecording()) {
      span.updateName(last.name);
      span.setAttributes(last.attributes);
      for (const e of last.attempts) span.addEvent(e.name, e.attributes, hrTime(e.time));
    }
    if (error !== undefined && span.isRecording()) {
      span.setStatus({ code: this.#p.api.SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      const code = (error as { code?: unknown }).code;
      if (!last) span.setAttribute('error.type', typeof code === 'string' ? code : 'Error');
    }
    span.end(last ? hrTime(last.end) : undefined);
  }

  #metrics(r: CallRecord): void {
    for (const point of r.metrics) {
      this.#p.duration?.record(point.duration, point.attributes);
      this.#p.wait?.record(point.rate_limit_wait, point.attributes);
    }
  }
}

/** Runs `send` with a traced call's trace when the application has a pipeline, else with none.
 * `start` gives the core's span start; `native` is a list's own trace, for a page. */
export function traced<T>(start: () => string, send: (trace: NativeTrace | null) => Promise<T>, native?: NativeTrace): Promise<T> {
  const p = pipeline();
  if (!p) return send(native ?? null);
  const span = new CallSpan(p, JSON.parse(start()) as SpanStart, native);
  return send(span.native).then(
    (value) => {
      span.finish();
      return value;
    },
    (err: unknown) => {
      span.finish(err);
      throw err;
    },
  );
}
