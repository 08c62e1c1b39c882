import { describe, expect, it } from 'vitest';
import { href, matchScreen, parseHash } from './router.js';

describe('router', () => {
  it('parses hashes', () => {
    expect(parseHash('#/catalog/articles/42?barcode=123&x=')).toEqual({
      path: 'catalog/articles/42',
      segments: ['catalog', 'articles', '42'],
      query: { barcode: '123', x: '' },
    });
    expect(parseHash('')).toEqual({ path: '', segments: [], query: {} });
  });
  it('builds hrefs', () => {
    expect(href('catalog/articles/new', { barcode: '5410000000017', q: '' })).toBe('#/catalog/articles/new?barcode=5410000000017');
    expect(href('/')).toBe('#/');
  });
  it('matches the longest screen path', () => {
    const screens = [{ path: 'catalog' }, { path: 'catalog/articles' }, { path: 'catalog/customers' }];
    expect(matchScreen(parseHash('#/catalog/articles/42'), screens)).toEqual({ screen: screens[1], rest: ['42'] });
    expect(matchScreen(parseHash('#/catalog/x'), screens)).toEqual({ screen: screens[0], rest: ['x'] });
    expect(matchScreen(parseHash('#/catalogue'), screens)).toBeNull();
  });
});
