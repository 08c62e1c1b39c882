import { describe, expect, it } from 'vitest';
import { columnWidths, receiptLines, wrapWords } from './layout.js';
import { barcodeSvg, escapeHtml, qrSvg, renderHtml } from './html.js';
import { DEFAULT_PAPER, type PrintDocument } from './model.js';
import { definePlugin } from '../plugin/define.js';

const receipt = (blocks: PrintDocument['blocks'], columns = 32): PrintDocument => ({
  template: 'test.receipt', kind: 'receipt', lang: 'fr', paper: { ...DEFAULT_PAPER.receipt, width: 58, columns }, blocks,
});

describe('receipt in characters', () => {
  it('gives every line exactly the paper’s characters, columns aligned, large text counting double', () => {
    const lines = receiptLines(receipt([
      { type: 'text', align: 'center', runs: [{ text: 'Épicerie', size: 'large', bold: true }] },
      { type: 'columns', columns: [{ runs: [{ text: 'Pain 800 g' }], width: 3 }, { runs: [{ text: '3,45 €' }], width: 1, align: 'right' }] },
      { type: 'rule', style: 'double' },
      { type: 'cut' },
    ]));
    expect(lines).toEqual([
      '    Épicerie    ',
      'Pain 800 g                3,45 €',
      '='.repeat(32),
      '✂'.repeat(32),
    ].map((l, i) => (i === 0 ? l : l.slice(0, 32).padEnd(32))));
    expect(lines.slice(1).every((l) => l.length === 32)).toBe(true);
  });

  it('wraps words, and cuts a word longer than the line', () => {
    expect(wrapWords('Merci de votre visite, à bientôt', 12)).toEqual(['Merci de', 'votre', 'visite, à', 'bientôt']);
    expect(wrapWords('ABCDEFGHIJKLMN', 6)).toEqual(['ABCDEF', 'GHIJKL', 'MN']);
    expect(wrapWords('un\ndeux', 10)).toEqual(['un', 'deux']);
  });

  it('splits a width between columns by weight, to the unit', () => {
    expect(columnWidths([3, 2], 48)).toEqual([29, 19]);
    expect(columnWidths([undefined, undefined, undefined], 32)).toEqual([11, 11, 10]);
  });
});

describe('HTML painter', () => {
  it('escapes the shop’s texts, and leaves out images that are not inline', () => {
    const page = renderHtml({ ...receipt([
      { type: 'text', runs: [{ text: '<script>alert(1)</script> & "Cie"' }] },
      { type: 'image', src: 'https://tracker.example/pixel.png', width: 30 },
    ]) });
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Cie&quot;');
    expect(page).not.toContain('tracker.example');
    expect(escapeHtml(`'`)).toBe('&#39;');
  });

  it('draws a barcode’s bars at the module width and a QR code with its quiet zone', () => {
    const svg = barcodeSvg('ean13', '5901234123457', { module: 0.33, height: 15 });
    // 95 modules + 2 × 11 of quiet zone, 0.33 mm each.
    expect(svg).toContain('width="38.61mm"');
    expect(svg.match(/<rect /g)).toHaveLength(30);
    const qr = qrSvg('comptoir', { size: 20 });
    expect(qr).toContain('viewBox="0 0 29 29"');
  });

  it('sizes a roll so that its characters fill the line', () => {
    const page = renderHtml({ ...receipt([{ type: 'text', runs: [{ text: 'x' }] }]), paper: DEFAULT_PAPER.receipt });
    // (80 − 2 × 4) mm / 48 characters / 0.6 em per character = 2.5 mm.
    expect(page).toContain('font-size:2.5mm');
  });
});

describe('templates in definePlugin', () => {
  const tpl = { name: 'card', kind: 'label' as const, title: 'Carte', sample: () => ({}), render: () => [] };
  it('refuses a template declared twice, of an unknown kind, or without render', () => {
    expect(() => definePlugin({ name: 'cards', version: '1.0.0', kernel: '*', templates: [tpl, tpl] })).toThrow("Plugin 'cards': template 'card' is declared twice");
    expect(() => definePlugin({ name: 'cards', version: '1.0.0', kernel: '*', templates: [{ ...tpl, kind: 'poster' as any }] })).toThrow("has kind 'poster'; expected receipt, document or label");
    expect(() => definePlugin({ name: 'cards', version: '1.0.0', kernel: '*', templates: [{ ...tpl, name: 'Card' }] })).toThrow("template name 'Card'");
    expect(() => definePlugin({ name: 'cards', version: '1.0.0', kernel: '*', templates: [{ ...tpl, render: undefined as any }] })).toThrow('needs render and sample functions');
  });
});
