/**
 * The Epson customer display command set (DM-D series and compatible pole displays, 2 lines of 20 characters):
 * what the driver sends and what the simulator reads back.
 */

/** Characters per line and lines of a pole display. */
export const WIDTH = 20;
export const LINES = 2;

export const CMD = {
  /** ESC @: initialise. */
  init: [0x1b, 0x40],
  /** ESC DC1: overwrite mode (text replaces what is under the cursor, no scrolling). */
  overwrite: [0x1b, 0x11],
  /** ESC t 19: CP858 (euro sign). */
  codePage: [0x1b, 0x74, 0x13],
  /** FF: clear the screen, cursor home. */
  clear: [0x0c],
  /** US $ x y: move the cursor to column x (1–20) of line y (1–2). */
  moveTo: (x: number, y: number) => [0x1f, 0x24, x, y],
} as const;
