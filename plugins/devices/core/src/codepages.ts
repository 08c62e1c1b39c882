/**
 * The code pages receipt printers and pole displays are set to, both ways: CP858 (Epson's character table 19; CP850
 * with the euro sign at 0xD5) and Windows-1252 (table 16). Drivers encode text with them, simulators decode it.
 */

/** CP850's upper half; CP858 is the same with the euro sign at 0xD5. */
const CP850_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00AD±‗¾¶§÷¸°¨·¹³²■\u00A0';
const CP858_HIGH = CP850_HIGH.slice(0, 0x55) + '€' + CP850_HIGH.slice(0x56);
/** Windows-1252's 0x80–0x9F (the rest is Latin-1); written out because Node's decoder may treat it as Latin-1. */
const WIN1252_C1 = '€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ';
const WIN1252_HIGH = WIN1252_C1 + Array.from({ length: 0x60 }, (_, i) => String.fromCharCode(0xa0 + i)).join('');

/** Epson's ESC t number of each code page. */
export const CODE_PAGE_NUMBER = { cp858: 19, windows1252: 16 } as const;

const HIGH: Record<number, string> = { 19: CP858_HIGH, 2: CP850_HIGH, 16: WIN1252_HIGH };
const ENCODE = new Map<number, Map<string, number>>(
  Object.entries(HIGH).map(([page, high]) => [Number(page), new Map([...high].map((c, i) => [c, 0x80 + i] as [string, number]).filter(([c]) => c !== '\uFFFD'))]),
);

/** The character a byte stands for in a code page (ESC t number); unknown pages answer U+FFFD above 0x7F. */
export function decodeByte(b: number, page: number): string {
  if (b < 0x80) return String.fromCharCode(b);
  return HIGH[page]?.[b - 0x80] ?? '\uFFFD';
}

/** Text as bytes of a code page; a character it lacks becomes '?'. */
export function encodeText(text: string, page: number): number[] {
  const table = ENCODE.get(page)!;
  const out: number[] = [];
  for (const c of text) {
    const code = c.charCodeAt(0);
    out.push(code >= 0x20 && code < 0x7f ? code : table.get(c) ?? 0x3f);
  }
  return out;
}
