import { describe, expect, it } from 'vitest';
import type { FastifyRequest } from 'fastify';
import { pickLanguage } from './request-context.js';

const req = (headers: Record<string, string>) => ({ headers }) as unknown as FastifyRequest;

describe('the language of a request', () => {
  it('is the one the shell shows, before the user’s stored one', () => {
    expect(pickLanguage(req({ 'x-comptoir-language': 'nl', 'accept-language': 'en' }), 'fr', 'fr')).toBe('nl');
  });
  it('is the user’s when the shell does not say, before the browser’s and the shop’s', () => {
    expect(pickLanguage(req({ 'accept-language': 'en-GB,en;q=0.9' }), 'fr', 'nl')).toBe('fr');
    expect(pickLanguage(req({ 'accept-language': 'en-GB,en;q=0.9' }), undefined, 'nl')).toBe('en');
    expect(pickLanguage(req({}), undefined, 'nl')).toBe('nl');
  });
  it('ignores a language Comptoir does not speak', () => {
    expect(pickLanguage(req({ 'x-comptoir-language': 'de' }), 'fr', 'fr')).toBe('fr');
    expect(pickLanguage(req({ 'accept-language': 'de-DE' }), undefined, 'en')).toBe('en');
  });
});
