import type { FieldError, Page, Problem } from './types.js';

/** Error thrown by ApiClient for every non-2xx answer (problem+json parsed) and for network failures (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[];
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || problem.code || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.code = problem.code ?? (status === 0 ? 'NETWORK_ERROR' : `HTTP_${status}`);
    this.title = problem.title ?? '';
    this.detail = problem.detail;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
  }

  /** Validation messages keyed by field ('code', 'barcodes.0'…); the first message wins per field. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors) if (e && e.field && !(e.field in out)) out[e.field] = e.message;
    return out;
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

export interface ApiClientOptions {
  /** Prefix of every path (default '/api'). */
  baseUrl?: string;
  /** fetch implementation (default globalThis.fetch). */
  fetch?: typeof fetch;
  /** Current UI language, sent as Accept-Language so that server messages match the UI. */
  language?: () => string | null | undefined;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Do not notify 'unauthorized' listeners on 401 (used by the sign-in calls). */
  quiet401?: boolean;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Small fetch wrapper for the kernel API:
 * - sends cookies (`credentials: 'same-origin'`) and JSON bodies,
 * - adds `X-CSRF-Token` on POST/PUT/PATCH/DELETE (token from the session, set by the shell),
 * - parses problem+json errors into a thrown ApiError,
 * - tells `onUnauthorized` listeners when a request answers 401 (session expired).
 */
export class ApiClient {
  readonly baseUrl: string;
  csrfToken: string | null = null;
  private readonly fetchImpl: typeof fetch;
  /** Current UI language provider (Accept-Language header). */
  language: (() => string | null | undefined) | null;
  private unauthorizedListeners = new Set<(err: ApiError) => void>();

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? '/api').replace(/\/$/, '');
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.language = options.language ?? null;
  }

  url(path: string, query?: Query): string {
    const p = path.startsWith('/') ? path : '/' + path;
    let url = p.startsWith(this.baseUrl + '/') || p === this.baseUrl ? p : this.baseUrl + p;
    if (query) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) {
        if (v === undefined || v === null || v === '') continue;
        params.set(k, String(v));
      }
      const s = params.toString();
      if (s) url += (url.includes('?') ? '&' : '?') + s;
    }
    return url;
  }

  onUnauthorized(listener: (err: ApiError) => void): () => void {
    this.unauthorizedListeners.add(listener);
    return () => this.unauthorizedListeners.delete(listener);
  }

  async request<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const m = method.toUpperCase();
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers };
    let body: BodyInit | undefined;
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    if (UNSAFE.has(m) && this.csrfToken) headers['X-CSRF-Token'] = this.csrfToken;
    const lang = this.language?.();
    if (lang && !headers['Accept-Language']) headers['Accept-Language'] = lang;
    // The language on screen, which the server prefers to the user's stored one (names, messages).
    if (lang && !headers['X-Comptoir-Language']) headers['X-Comptoir-Language'] = lang;

    let res: Response;
    try {
      res = await this.fetchImpl(this.url(path, options.query), {
        method: m,
        headers,
        body,
        credentials: 'same-origin',
        signal: options.signal,
      });
    } catch (err) {
      if ((err as Error)?.name === 'AbortError') throw err;
      throw new ApiError(0, { code: 'NETWORK_ERROR', title: 'Network error', detail: (err as Error)?.message });
    }

    if (res.status === 204 || res.status === 205) return undefined as T;
    const text = await res.text();
    let data: unknown = undefined;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = text;
      }
    }
    if (!res.ok) {
      const problem: Problem =
        data && typeof data === 'object' ? (data as Problem) : { title: res.statusText, detail: typeof data === 'string' ? data : undefined };
      const error = new ApiError(res.status, { status: res.status, ...problem });
      if (res.status === 401 && !options.quiet401) for (const l of this.unauthorizedListeners) l(error);
      throw error;
    }
    return data as T;
  }

  get<T = unknown>(path: string, query?: Query, options: Omit<RequestOptions, 'query' | 'body'> = {}): Promise<T> {
    return this.request<T>('GET', path, { ...options, query });
  }
  post<T = unknown>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('POST', path, { ...options, body });
  }
  put<T = unknown>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('PUT', path, { ...options, body });
  }
  patch<T = unknown>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('PATCH', path, { ...options, body });
  }
  delete<T = unknown>(path: string, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('DELETE', path, options);
  }
  /** GET a paged list ({ items, total, page, pageSize }). */
  page<T>(path: string, query?: Query, options: Omit<RequestOptions, 'query' | 'body'> = {}): Promise<Page<T>> {
    return this.get<Page<T>>(path, query, options);
  }
}
