/**
 * What the device manager and its drivers share: the kinds of device, how a device is connected, its live status
 * and the driver contract. A driver package (`@comptoir/device-<x>`) implements `DeviceDriver` and registers it
 * with `getDeviceDrivers(kernel).register(driver)` in its plugin's `register`.
 */
import type { LocalizedText, PrintDocument } from '@comptoir/kernel';

/** What a device is for. */
export const DEVICE_KINDS = ['receipt-printer', 'label-printer', 'cash-drawer', 'customer-display', 'scale', 'barcode-scanner', 'payment-terminal'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** A device reached over the network (a receipt printer on TCP 9100, a payment terminal). */
export interface TcpConnection {
  type: 'tcp';
  host: string;
  port: number;
}

/** A device on a serial port (RS-232, or USB-serial: /dev/ttyUSB0, /dev/ttyACM0). */
export interface SerialConnection {
  type: 'serial';
  path: string;
  baudRate: 1200 | 2400 | 4800 | 9600 | 19200 | 38400 | 57600 | 115200;
  dataBits: 7 | 8;
  parity: 'none' | 'even' | 'odd';
  stopBits: 1 | 2;
}

/** A USB printer seen by the kernel's printer class driver as a device file (/dev/usb/lp0). */
export interface UsbConnection {
  type: 'usb';
  path: string;
}

/** A device driven through another one (a cash drawer plugged into a receipt printer's drawer port). */
export interface ViaConnection {
  type: 'via';
  deviceId: number;
  /** Drawer connector pin: 2 (the usual) or 5 (a second drawer). */
  pin?: 2 | 5;
}

export type Connection = TcpConnection | SerialConnection | UsbConnection | ViaConnection;
export type ConnectionType = Connection['type'];

/** A configured device, as the drivers and the API see it. */
export interface Device {
  id: number;
  /** The station it hangs off; null for a shared device (a kitchen printer). */
  stationId: number | null;
  kind: DeviceKind;
  name: string;
  /** The driver's name (`escpos`). */
  driver: string;
  connection: Connection;
  /** The driver's own settings (paper width, code page…), checked against its `optionsSchema`. */
  options: Record<string, unknown>;
  active: boolean;
  version: number;
}

/** What a device reports. `paper-low` still prints. */
export const DEVICE_STATES = ['unknown', 'online', 'offline', 'paper-low', 'paper-out', 'cover-open', 'error'] as const;
export type DeviceState = (typeof DEVICE_STATES)[number];

export interface DeviceStatus {
  state: DeviceState;
  /** A sentence for the cashier when the state is not `online`. */
  detail?: string;
  /** When it was last seen (ISO time). */
  at: string;
}

/** What a driver is asked to print: the device-neutral document, and whether to kick the drawer after it. */
export interface PrintRequest {
  document: PrintDocument | null;
  /** Open the cash drawer plugged into this printer (pin 2 or 5). */
  drawer: { pin: 2 | 5 } | null;
}

/**
 * A device's refusal, with the state it reveals: a driver throws it so that the queue knows whether to wait
 * (offline, paper out) and what to show the cashier.
 */
export class DeviceError extends Error {
  readonly state: DeviceState;
  readonly code: string;

  constructor(code: string, state: DeviceState, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DeviceError';
    this.code = code;
    this.state = state;
  }
}

/** One driver: the kinds and connections it handles and what it does with a device. */
export interface DeviceDriver {
  /** Unique, lower-case (`escpos`). */
  name: string;
  label: LocalizedText;
  kinds: readonly DeviceKind[];
  connections: readonly ConnectionType[];
  /** JSON schema of the driver's `options` (no coercion; unknown keys refused). */
  optionsSchema?: Record<string, unknown>;
  /** Prints, then confirms the printer took it (throws a DeviceError otherwise); answers the state seen. Printers only. */
  print?(device: Device, request: PrintRequest): Promise<Omit<DeviceStatus, 'at'> | void>;
  /** Asks the device how it is. */
  status?(device: Device): Promise<Omit<DeviceStatus, 'at'>>;
  /** Shows two lines on a customer display (each as long as the display's width at most). Displays only. */
  display?(device: Device, lines: [string, string]): Promise<void>;
  /**
   * Reads a stable weight from a scale, in thousandths of a kilogram (grams), within `timeoutMs`. Throws a DeviceError
   * `SCALE_MOTION` (never stable in time), `SCALE_OVERLOAD`, `SCALE_UNDER_ZERO` or `DEVICE_NO_ANSWER`. Scales only.
   */
  weigh?(device: Device, options: { timeoutMs: number }): Promise<{ weight: number; stable: true }>;
  /** What the "test" button does (prints a test page, shows a line on a display); defaults to a status query. */
  test?(device: Device, lang: 'fr' | 'nl' | 'en'): Promise<Omit<DeviceStatus, 'at'> | void>;
}
