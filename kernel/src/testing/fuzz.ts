/**
 * An OpenAPI-driven fuzzer for plugin test suites: for every operation of `/api/openapi.json`, it sends a
 * plausible request built from the schemas, then the same request with each field (body, query, path) replaced
 * by a wrong type, an out-of-range number, a control character, an over-long text or absurd nesting. A server
 * that validates its input answers 4xx to all of them; any 5xx is a finding.
 */
import type { TestClient } from './index.js';

type Schema = {
  type?: string | string[]; enum?: unknown[]; const?: unknown; format?: string; pattern?: string;
  minLength?: number; maxLength?: number; minimum?: number; maximum?: number; minItems?: number;
  properties?: Record<string, Schema>; required?: string[]; items?: Schema; anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[];
  additionalProperties?: boolean | Schema;
};

interface Operation {
  method: string;
  path: string;
  parameters?: Array<{ in: string; name: string; required?: boolean; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

/** One request that got a 5xx. */
export interface FuzzFinding {
  method: string;
  url: string;
  field: string;
  value: string;
  status: number;
  body: unknown;
}

/** What a fuzz run did and found. */
export interface FuzzReport {
  operations: number;
  requests: number;
  findings: FuzzFinding[];
}

const deep = (n: number): unknown => {
  let v: unknown = {};
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
};

/** Values no field of a well-validated API accepts without a 4xx (some are valid for some fields: fine). */
const WRONG_BODY_VALUES: Array<[string, unknown]> = [
  ['null', null], ['true', true], ['empty', ''], ['blanks', '   '], ['NUL', 'a\u0000b'], ['hex', '0x10'], ['numeric text', '16'],
  ['-1', -1], ['1.5', 1.5], ['2^31', 2 ** 31], ['2^53', 2 ** 53], ['-1e308', -1e308], ['1e308', 1e308],
  ['array', [1]], ['object', { x: 1 }], ['long text', 'x'.repeat(20_000)], ['deep', deep(40)],
];
const WRONG_TEXT_VALUES = ['abc', '-1', '0', '1.5', '99999999999999999999', '1e400', '%00', 'x'.repeat(3000)];

function typeOf(s: Schema): string | undefined {
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (t) return t;
  if (s.properties) return 'object';
  if (s.items) return 'array';
  return undefined;
}

function first(s: Schema): Schema {
  if (s.allOf?.length) return Object.assign({}, ...s.allOf.map(first));
  return s.anyOf?.[0] ?? s.oneOf?.[0] ?? s;
}

/** A plausible value for a schema: enum's first, bounds respected, objects with every property, arrays of one. */
export function sampleOf(schema: Schema | undefined, depth = 0): unknown {
  const s = first(schema ?? {});
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  switch (typeOf(s)) {
    case 'string': {
      if (s.format === 'date') return '2026-03-02';
      if (s.format === 'date-time') return '2026-03-02T09:00:00.000Z';
      if (s.format === 'email') return 'fuzz@example.be';
      if (s.format === 'uri') return 'https://example.be/';
      const min = s.minLength ?? 1;
      const text = 'FUZZ1'.padEnd(Math.max(min, 5), 'Z');
      return s.maxLength !== undefined ? text.slice(0, Math.max(s.maxLength, min)) : text;
    }
    case 'integer':
    case 'number': {
      const min = s.minimum ?? 1;
      return s.maximum !== undefined ? Math.min(Math.max(min, 1), s.maximum) : Math.max(min, 1);
    }
    case 'boolean': return false;
    case 'array': return depth > 4 ? [] : [sampleOf(s.items, depth + 1)];
    case 'object': {
      if (depth > 4) return {};
      const out: Record<string, unknown> = {};
      for (const [k, p] of Object.entries(s.properties ?? {})) out[k] = sampleOf(p, depth + 1);
      return out;
    }
    default: return 'FUZZ1';
  }
}

/** Every field path of a schema (`lines.0.quantity`), up to a depth. */
function fieldPaths(schema: Schema | undefined, prefix: string[] = [], depth = 0): string[][] {
  const s = first(schema ?? {});
  if (depth > 3) return [];
  const out: string[][] = [];
  if (typeOf(s) === 'object') {
    for (const [k, p] of Object.entries(s.properties ?? {})) out.push([...prefix, k], ...fieldPaths(p, [...prefix, k], depth + 1));
  } else if (typeOf(s) === 'array' && s.items) {
    out.push([...prefix, '0'], ...fieldPaths(s.items, [...prefix, '0'], depth + 1));
  }
  return out;
}

function setAt(root: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string, unknown>;
  let at: any = copy;
  for (const key of path.slice(0, -1)) {
    if (at[key] === null || typeof at[key] !== 'object') return copy;
    at = at[key];
  }
  at[path.at(-1)!] = value;
  return copy;
}

const describeValue = (v: unknown) => {
  const json = JSON.stringify(v) ?? String(v);
  return json.length > 40 ? `${json.slice(0, 37)}…` : json;
};

/**
 * Fuzzes every operation of the server's OpenAPI document with the given (signed-in) client. `skip` names
 * operations not to call at all (`'POST /api/auth/logout'`); path parameters get ids that do not exist, so
 * that no plausible request edits or deletes what is there.
 */
export async function fuzzOperations(client: TestClient, opts: { skip?: string[]; concurrency?: number } = {}): Promise<FuzzReport> {
  const doc = (await client.get('/api/openapi.json')).body as { paths: Record<string, Record<string, Operation>> };
  const skip = new Set(opts.skip ?? []);
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      if (skip.has(`${method.toUpperCase()} ${path}`)) continue;
      operations.push({ ...op, method: method.toUpperCase(), path });
    }
  }
  const requests: Array<{ method: string; url: string; body?: unknown; field: string; value: string }> = [];
  for (const op of operations) {
    const params = op.parameters ?? [];
    const pathParams = params.filter((p) => p.in === 'path');
    const query = params.filter((p) => p.in === 'query');
    const paramValue = (p: { schema?: Schema }) => (typeOf(first(p.schema ?? {})) === 'integer' || typeOf(first(p.schema ?? {})) === 'number' ? '987654' : 'zz-fuzz');
    const url = (pathOverride: Record<string, string> = {}, queryOverride: Record<string, string> = {}) => {
      let u = op.path;
      for (const p of pathParams) u = u.replace(`{${p.name}}`, encodeURIComponent(pathOverride[p.name] ?? paramValue(p)).replace(/%25/g, '%'));
      const q = Object.entries(queryOverride).map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%25/g, '%')}`).join('&');
      return q ? `${u}?${q}` : u;
    };
    const bodySchema = op.requestBody?.content?.['application/json']?.schema;
    const base = bodySchema ? sampleOf(bodySchema) : undefined;
    requests.push({ method: op.method, url: url(), body: base, field: '(plausible)', value: '' });
    for (const p of pathParams) for (const v of WRONG_TEXT_VALUES) requests.push({ method: op.method, url: url({ [p.name]: v }), body: base, field: `path ${p.name}`, value: v });
    for (const p of query) for (const v of WRONG_TEXT_VALUES) requests.push({ method: op.method, url: url({}, { [p.name]: v }), body: base, field: `query ${p.name}`, value: v });
    if (bodySchema) {
      for (const [what, v] of WRONG_BODY_VALUES) requests.push({ method: op.method, url: url(), body: v, field: 'body', value: what });
      for (const path of fieldPaths(bodySchema)) {
        for (const [what, v] of WRONG_BODY_VALUES) requests.push({ method: op.method, url: url(), body: setAt(base, path, v), field: `body ${path.join('.')}`, value: what });
      }
    }
  }
  const findings: FuzzFinding[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const r = requests[next++];
      const method = r.method as 'GET';
      const res = r.body === undefined || method === 'GET' ? await client.request(method, r.url) : await client.request(method, r.url, r.body);
      if (res.status >= 500) findings.push({ method: r.method, url: r.url.slice(0, 120), field: r.field, value: describeValue(r.value), status: res.status, body: res.body });
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 4 }, worker));
  return { operations: operations.length, requests: requests.length, findings };
}
