/**
 * `comptoir simulate scale --serial /dev/pts/N`: a virtual Mettler Toledo 8217 scale on one end of a serial line
 * (make a pair with `socat -d -d pty,raw,echo=0 pty,raw,echo=0` and give the other end to the device). Type a weight
 * in grams (`1234`), or `motion`, `overload`, `under`, `silent`, then Enter, to change what it answers.
 */
import { createInterface } from 'node:readline';
import { ScaleSimulator } from './simulator.js';

const args = process.argv.slice(2);
const i = args.indexOf('--serial');
if (i < 0 || !args[i + 1]) {
  console.error('usage: comptoir simulate scale --serial /dev/pts/N');
  process.exit(2);
}
const scale = new ScaleSimulator().attachSerial(args[i + 1]);
console.log('weight in grams, or motion | overload | under | silent:');
createInterface({ input: process.stdin }).on('line', (line) => {
  const w = line.trim();
  if (/^\d{1,6}$/.test(w)) scale.set(Number(w));
  else if (w === 'motion') scale.set(scale.weight, 'motion');
  else if (w === 'overload') scale.set(scale.weight, 'overload');
  else if (w === 'under') scale.set(scale.weight, 'under-zero');
  else if (w === 'silent') scale.set(scale.weight, 'silent');
  else { console.log('?'); return; }
  console.log(`${scale.state} ${(scale.weight / 1000).toFixed(3)} kg`);
});
