/**
 * `comptoir simulate display --serial /dev/pts/N`: a virtual 2×20 pole display on one end of a serial line (make a
 * pair with `socat -d -d pty,raw,echo=0 pty,raw,echo=0` and give the other end to the device); prints what it shows.
 */
import { DisplaySimulator } from './simulator.js';

const args = process.argv.slice(2);
const i = args.indexOf('--serial');
if (i < 0 || !args[i + 1]) {
  console.error('usage: comptoir simulate display --serial /dev/pts/N');
  process.exit(2);
}
const display = new DisplaySimulator().attachSerial(args[i + 1]);
let last = '';
setInterval(() => {
  const now = display.lines.join('\n');
  if (now !== last) console.log(`┌${'─'.repeat(20)}┐\n${display.lines.map((l) => `│${l}│`).join('\n')}\n└${'─'.repeat(20)}┘`);
  last = now;
}, 200);
