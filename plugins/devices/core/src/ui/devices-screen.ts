import {
  ApiClient,
  LitElement,
  LocaleController,
  css,
  customElement,
  errorMessage,
  formatDateTime,
  hasPermission,
  html,
  nothing,
  property,
  sharedStyles,
  state,
  t,
  toast,
  type Session,
} from '@comptoir/shell';
import type { Device, DeviceStatus } from '../types.js';
import type { PrintJob } from '../services/print-queue.js';

type DeviceView = Device & { status: DeviceStatus };
type NewPrinter = { name: string; type: 'tcp' | 'serial' | 'usb'; host: string; port: string; path: string; baud: string };

/** Problems the drivers report with a stable code, said in the reader's language. */
const PROBLEMS = ['DEVICE_OFFLINE', 'DEVICE_NO_ANSWER', 'PRINTER_PAPER_OUT', 'PRINTER_COVER_OPEN', 'PRINTER_ERROR'];

const BLANK: NewPrinter = { name: '', type: 'tcp', host: '', port: '9100', path: '', baud: '19200' };

/**
 * Settings › Devices (route #/settings/devices, permission devices.use): this station's devices with their live state
 * (server-sent events `devices.status`), a test button each, the print queue with retry, send to another printer and
 * reprint, and for devices.configure a form to add a receipt printer.
 *
 * Test ids: devices-row (data-key = id), devices-state-<id>, devices-test-<id>, devices-none, devices-no-station,
 * devices-add-name, devices-add-type, devices-add-host, devices-add-port, devices-add-path, devices-add-baud,
 * devices-add, job-row (data-key = id), job-status-<id>, job-retry-<id>, job-move-<id>, job-reprint-<id>, jobs-empty.
 */
@customElement('cpt-devices-settings')
export class DevicesScreen extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;

  @state() private devices: DeviceView[] = [];
  @state() private jobs: PrintJob[] = [];
  @state() private draft: NewPrinter = { ...BLANK };
  @state() private busy = '';
  @state() private error = '';
  private events: EventSource | null = null;
  private i18n = new LocaleController(this);

  static override styles = [
    sharedStyles,
    css`
      h2 { margin-top: 0; }
      table { width: 100%; border-collapse: collapse; }
      th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--cpt-border, #ddd); vertical-align: middle; }
      .state { font-weight: 600; white-space: nowrap; }
      .state.online { color: var(--cpt-success, #137333); }
      .state.offline, .state.paper-out, .state.cover-open, .state.error { color: var(--cpt-danger, #b3261e); }
      .state.paper-low { color: var(--cpt-warning, #9a6700); }
      .actions { display: flex; gap: 6px; flex-wrap: wrap; }
      .form { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 8px 12px; align-items: end; }
      .muted { color: var(--cpt-muted, #666); }
      @media (max-width: 600px) {
        thead { display: none; }
        tr { display: block; border-bottom: 1px solid var(--cpt-border, #ddd); padding: 6px 0; }
        td { display: block; border: 0; padding: 2px 0; }
        td[data-label]::before { content: attr(data-label); display: block; font-size: 0.8em; color: var(--cpt-muted, #666); }
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    if (typeof EventSource !== 'undefined') {
      this.events = new EventSource(this.api.url('/events'));
      // A device's state or a job changed: read them again (a handful of rows).
      for (const type of ['devices.status', 'devices.job']) this.events.addEventListener(type, () => void this.load());
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.events?.close();
    this.events = null;
  }

  private get canConfigure(): boolean {
    return hasPermission(this.session, 'devices.configure');
  }

  private async load(): Promise<void> {
    if (!this.session.station) return;
    try {
      const [devices, jobs] = await Promise.all([
        this.api.get<DeviceView[]>('/devices'),
        this.api.get<PrintJob[]>('/devices/jobs', { limit: 30 }),
      ]);
      this.devices = devices;
      this.jobs = jobs;
      this.error = '';
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  private async act(key: string, fn: () => Promise<string>): Promise<void> {
    this.busy = key;
    try {
      toast(await fn(), 'success');
    } catch (err) {
      toast(errorMessage(err), 'error');
    } finally {
      this.busy = '';
      await this.load();
    }
  }

  private test(d: DeviceView) {
    return this.act(`test-${d.id}`, async () => {
      const r = await this.api.post<DeviceView>(`/devices/${d.id}/test`, {});
      return t('devices.tested', { name: d.name, state: t(`devices.status.${r.status.state}`) });
    });
  }

  private add() {
    const d = this.draft;
    const connection = d.type === 'tcp' ? { type: 'tcp', host: d.host.trim(), port: Number(d.port) }
      : d.type === 'serial' ? { type: 'serial', path: d.path.trim(), baudRate: Number(d.baud), dataBits: 8, parity: 'none', stopBits: 1 }
        : { type: 'usb', path: d.path.trim() };
    return this.act('add', async () => {
      await this.api.post('/devices', { stationId: this.session.station!.id, kind: 'receipt-printer', name: d.name.trim(), driver: 'escpos', connection });
      this.draft = { ...BLANK };
      return t('devices.added');
    });
  }

  /** The job's last problem in the reader's language (the driver's own sentence stays in the tooltip). */
  private problem(j: PrintJob): string {
    if (!j.lastErrorCode) return '';
    return PROBLEMS.includes(j.lastErrorCode) ? t(`devices.problem.${j.lastErrorCode}`) : (j.lastError ?? j.lastErrorCode);
  }

  private connectionText(d: Device): string {
    const c = d.connection;
    if (c.type === 'tcp') return `${t('devices.type.tcp')} ${c.host}:${c.port}`;
    if (c.type === 'serial') return `${t('devices.type.serial')} ${c.path} ${c.baudRate} ${c.dataBits}${c.parity[0].toUpperCase()}${c.stopBits}`;
    if (c.type === 'usb') return `${t('devices.type.usb')} ${c.path}`;
    return `${t('devices.type.via')} #${c.deviceId}`;
  }

  override render() {
    if (!this.session.station) {
      return html`<div class="page"><h1>${t('devices.title')}</h1><div class="card" data-testid="devices-no-station">${t('devices.noStation')}</div></div>`;
    }
    return html`<div class="page">
      <div>
        <h1>${t('devices.title')}</h1>
        <p class="muted">${t('devices.intro')}</p>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <section class="card">
        <h2>${t('devices.list')}</h2>
        ${this.devices.length ? this.deviceTable() : html`<p data-testid="devices-none">${t('devices.none')}</p>`}
      </section>
      ${this.canConfigure ? this.addForm() : nothing}
      <section class="card">
        <h2>${t('devices.queue')}</h2>
        ${this.jobs.length ? this.jobTable() : html`<p data-testid="jobs-empty">${t('devices.queueEmpty')}</p>`}
      </section>
    </div>`;
  }

  private deviceTable() {
    return html`<table>
      <thead><tr><th>${t('devices.name')}</th><th>${t('devices.kind')}</th><th>${t('devices.connection')}</th><th>${t('devices.state')}</th><th></th></tr></thead>
      <tbody>
        ${this.devices.map((d) => html`<tr data-testid="devices-row" data-key=${String(d.id)}>
          <td data-label=${t('devices.name')}>${d.name}</td>
          <td data-label=${t('devices.kind')}>${t(`devices.kind.${d.kind}`)}</td>
          <td data-label=${t('devices.connection')}>${this.connectionText(d)}</td>
          <td data-label=${t('devices.state')}><span class="state ${d.status.state}" data-testid=${`devices-state-${d.id}`} title=${d.status.detail ?? ''}>${t(`devices.status.${d.status.state}`)}</span></td>
          <td><cpt-button icon="check" data-testid=${`devices-test-${d.id}`} ?busy=${this.busy === `test-${d.id}`} @click=${() => void this.test(d)}>${t('devices.test')}</cpt-button></td>
        </tr>`)}
      </tbody>
    </table>`;
  }

  private addForm() {
    const d = this.draft;
    const set = (k: keyof NewPrinter) => (e: Event) => { this.draft = { ...this.draft, [k]: (e.target as HTMLInputElement).value }; };
    return html`<section class="card">
      <h2>${t('devices.add')}</h2>
      <div class="form">
        <label>${t('devices.name')}<input data-testid="devices-add-name" .value=${d.name} @input=${set('name')} /></label>
        <label>${t('devices.connection')}
          <select data-testid="devices-add-type" .value=${d.type} @change=${set('type')}>
            ${(['tcp', 'serial', 'usb'] as const).map((x) => html`<option value=${x} ?selected=${d.type === x}>${t(`devices.type.${x}`)}</option>`)}
          </select>
        </label>
        ${d.type === 'tcp'
          ? html`<label>${t('devices.host')}<input data-testid="devices-add-host" .value=${d.host} @input=${set('host')} placeholder="192.168.1.50" /></label>
              <label>${t('devices.port')}<input data-testid="devices-add-port" inputmode="numeric" .value=${d.port} @input=${set('port')} /></label>`
          : html`<label>${t('devices.path')}<input data-testid="devices-add-path" .value=${d.path} @input=${set('path')} placeholder=${d.type === 'usb' ? '/dev/usb/lp0' : '/dev/ttyUSB0'} /></label>`}
        ${d.type === 'serial'
          ? html`<label>${t('devices.baud')}<select data-testid="devices-add-baud" .value=${d.baud} @change=${set('baud')}>
              ${['9600', '19200', '38400', '115200'].map((b) => html`<option ?selected=${d.baud === b}>${b}</option>`)}</select></label>`
          : nothing}
        <cpt-button variant="primary" icon="plus" data-testid="devices-add" ?busy=${this.busy === 'add'} @click=${() => void this.add()}>${t('devices.save')}</cpt-button>
      </div>
    </section>`;
  }

  private jobTable() {
    const printers = this.devices.filter((d) => d.kind === 'receipt-printer' && d.active);
    const name = (id: number) => this.devices.find((d) => d.id === id)?.name ?? `#${id}`;
    const canReprint = hasPermission(this.session, 'devices.reprint');
    return html`<table>
      <thead><tr><th>${t('devices.ticket')}</th><th>${t('devices.printer')}</th><th>${t('devices.state')}</th><th>${t('devices.attempts')}</th><th>${t('devices.lastError')}</th><th></th></tr></thead>
      <tbody>
        ${this.jobs.map((j) => html`<tr data-testid="job-row" data-key=${String(j.id)}>
          <td data-label=${t('devices.ticket')}>${j.reference} <span class="muted">(${t(`devices.source.${j.source}`)}, ${formatDateTime(j.createdAt)})</span></td>
          <td data-label=${t('devices.printer')}>${name(j.deviceId)}</td>
          <td data-label=${t('devices.state')} data-testid=${`job-status-${j.id}`}>${t(`devices.job.${j.status}`)}</td>
          <td data-label=${t('devices.attempts')}>${j.attempts}</td>
          <td data-label=${t('devices.lastError')} title=${j.lastError ?? ''}>${this.problem(j)}</td>
          <td><div class="actions">
            ${j.status === 'pending'
              ? html`<cpt-button data-testid=${`job-retry-${j.id}`} ?busy=${this.busy === `retry-${j.id}`}
                  @click=${() => void this.act(`retry-${j.id}`, async () => { await this.api.post(`/devices/jobs/${j.id}/retry`, {}); return t('devices.retried'); })}>${t('devices.retry')}</cpt-button>
                ${printers.filter((p) => p.id !== j.deviceId).length
                  ? html`<select data-testid=${`job-move-${j.id}`} aria-label=${t('devices.moveTo')} @change=${(e: Event) => {
                      const to = printers.find((p) => p.id === Number((e.target as HTMLSelectElement).value));
                      if (to) void this.act(`move-${j.id}`, async () => { await this.api.post(`/devices/jobs/${j.id}/move`, { deviceId: to.id }); return t('devices.moved', { name: to.name }); });
                    }}>
                      <option value="">${t('devices.moveTo')}</option>
                      ${printers.filter((p) => p.id !== j.deviceId).map((p) => html`<option value=${String(p.id)}>${p.name}</option>`)}
                    </select>`
                  : nothing}`
              : nothing}
            ${j.status === 'done' && canReprint && j.source !== 'drawer'
              ? html`<cpt-button data-testid=${`job-reprint-${j.id}`} icon="file" ?busy=${this.busy === `reprint-${j.id}`}
                  @click=${() => void this.act(`reprint-${j.id}`, async () => { await this.api.post(`/devices/jobs/${j.id}/reprint`, {}); return t('devices.reprinted'); })}>${t('devices.reprint')}</cpt-button>`
              : nothing}
          </div></td>
        </tr>`)}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-devices-settings': DevicesScreen;
  }
}
