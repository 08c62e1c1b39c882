/**
 * `comptoir simulate printer [--port 9100] [--host 127.0.0.1] [--serial /dev/pts/N]`: a virtual ESC/POS printer that
 * prints the receipts it receives on the terminal (named in package.json `comptoir.simulators`). Type `paper`, `cover` or `low` (then Enter) to toggle paper out, cover open, paper
 * low; `drop` drops the next connection mid-job.
 */
import { createInterface } from 'node:readline';
import { PrinterSimulator } from './simulator.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};

if (args.includes('--help')) {
  console.log('usage: comptoir simulate printer [--port 9100] [--host 127.0.0.1] [--serial /dev/pts/N]');
  process.exit(0);
}
const printer = await new PrinterSimulator({
  host: option('host', '127.0.0.1'), port: Number(option('port', '9100')),
  onReceipt: (lines) => console.log(`\n${lines.map((l) => `| ${l}`).join('\n')}\n✂ ${'-'.repeat(46)}`),
}).start();
const serial = option('serial', '');
if (serial) printer.attachSerial(serial);
console.log(`Virtual ESC/POS printer on ${printer.host}:${printer.port}${serial ? ` and ${serial}` : ''}. Commands: paper, cover, low, drop, quit.`);
const rl = createInterface({ input: process.stdin });
rl.on('line', (l) => {
  const c = printer.condition;
  const word = l.trim();
  if (word === 'paper') c.paperOut = !c.paperOut;
  else if (word === 'cover') c.coverOpen = !c.coverOpen;
  else if (word === 'low') c.paperLow = !c.paperLow;
  else if (word === 'drop') c.dropAfter = 64;
  else if (word === 'quit') { void printer.stop().then(() => process.exit(0)); return; }
  console.log(`paper out: ${c.paperOut}, cover open: ${c.coverOpen}, paper low: ${c.paperLow}${c.dropAfter !== null ? ', next job dropped' : ''}`);
});
rl.on('close', () => void printer.stop());
