import { hostname } from 'node:os';
import { isIP } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problem } from './problem.js';
import { pickLanguage } from './request-context.js';

/**
 * Which names the server answers to. A browser on a page of `evil.example` whose DNS now points at the shop's
 * server (DNS rebinding) sends `Host: evil.example`: refused with 421. Addresses (127.0.0.1, 192.168.1.20,
 * [::1]) cannot be rebound and are always accepted, as are `localhost`, the machine's own name and the names
 * given with `--allowed-hosts` (`*` accepts any).
 */
export function hostChecker(configured: readonly string[] | undefined): (host: string | undefined) => boolean {
  const names = new Set(['localhost', hostname().toLowerCase(), `${hostname().toLowerCase()}.local`, ...(configured ?? []).map((n) => n.trim().toLowerCase()).filter(Boolean)]);
  if (names.has('*')) return () => true;
  return (host) => {
    if (!host) return false;
    const name = host.toLowerCase().replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
    return isIP(name) !== 0 || names.has(name) || name.endsWith('.localhost');
  };
}

/** The Content-Security-Policy of the shell's pages: its own scripts and the inline import map, nothing else. */
export function shellPolicy(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes.join(' ')}`.trim(),
    // Lit templates set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // blob: too: a screen reads back the PDF it made (to download or check it) without a network request.
    "connect-src 'self' blob:",
    // Label and document previews are PDFs made in the browser (blob: URLs) shown in a frame.
    "frame-src 'self' blob:",
    "object-src 'self' blob:",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * Checks the Host of every request, and adds the security headers to every answer: no MIME sniffing, no
 * referrer sent to other sites, no framing by other sites, and a Content-Security-Policy (the shell's for
 * pages, nothing at all for API answers). The API reference (/api/docs) keeps its own scripts.
 */
export function securityHeaders(app: FastifyInstance, opts: { allowedHosts?: readonly string[]; scriptHashes: () => readonly string[] }): void {
  const allowed = hostChecker(opts.allowedHosts);
  app.addHook('onRequest', (req: FastifyRequest, reply: FastifyReply, done) => {
    if (allowed(req.hostname === '' ? undefined : req.host)) return done();
    const lang = pickLanguage(req, undefined, 'fr');
    void reply.status(421).type('application/problem+json').send(problem(421, 'HOST_UNKNOWN', {
      fr: `Ce serveur ne répond pas au nom « ${String(req.host ?? '').slice(0, 100)} ». Ajoutez-le avec --allowed-hosts.`,
      nl: `Deze server antwoordt niet op de naam '${String(req.host ?? '').slice(0, 100)}'. Voeg hem toe met --allowed-hosts.`,
      en: `This server does not answer to the name '${String(req.host ?? '').slice(0, 100)}'. Add it with --allowed-hosts.`,
    }, lang));
  });
  app.addHook('onSend', (req: FastifyRequest, reply: FastifyReply, payload, done) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'SAMEORIGIN');
    const path = req.url.split('?')[0];
    if (!path.startsWith('/api/docs')) {
      reply.header('content-security-policy', path.startsWith('/api/') ? API_POLICY : shellPolicy(opts.scriptHashes()));
    }
    done(null, payload);
  });
}
