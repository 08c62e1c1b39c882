import { describe, expect, it } from 'vitest';
import { DriverRegistry } from './drivers.js';
import { RETRY, retryDelay } from './services/print-queue.js';
import { sttyArgs } from './transports/transport.js';
import type { DeviceDriver } from './types.js';

describe('the print queue’s retries', () => {
  it('waits 1, 2, 4, 8, 16 seconds, then every 30 seconds for as long as it takes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map(retryDelay)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, RETRY.maxMs]);
  });
});

describe('serial settings', () => {
  it('configures a Mettler scale’s 9600 7E1 and a printer’s 19200 8N1 with stty', () => {
    expect(sttyArgs({ type: 'serial', path: '/dev/ttyUSB0', baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 1 }))
      .toEqual(['9600', 'cs7', 'parenb', '-parodd', '-cstopb', 'raw', '-echo', '-crtscts', '-ixon', '-ixoff', 'clocal']);
    expect(sttyArgs({ type: 'serial', path: '/dev/ttyS0', baudRate: 19200, dataBits: 8, parity: 'none', stopBits: 2 }))
      .toEqual(['19200', 'cs8', '-parenb', 'cstopb', 'raw', '-echo', '-crtscts', '-ixon', '-ixoff', 'clocal']);
  });
});

describe('the driver registry', () => {
  const driver: DeviceDriver = { name: 'escpos', label: { fr: 'x', nl: 'x', en: 'x' }, kinds: ['receipt-printer'], connections: ['tcp'] };

  it('refuses a driver registered twice, naming it', () => {
    const r = new DriverRegistry();
    r.register(driver);
    expect(() => r.register(driver)).toThrow("Device driver 'escpos' is registered twice");
    expect(r.list().map((d) => d.name)).toEqual(['escpos']);
  });
});
