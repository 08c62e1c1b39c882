import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../api/client.js';
import type { Session, Station } from '../api/types.js';
import { LocaleController, t } from '../i18n/i18n.js';
import { errorMessage, toast } from '../notify.js';
import { splitFieldErrors, submitOnEnter } from '../forms.js';
import { sharedStyles } from '../styles.js';
import type { Column } from '../elements/data-table.js';
import '../elements/button.js';
import '../elements/field.js';
import '../elements/data-table.js';

/**
 * Settings › Stations (permission kernel.stations): list the stations and register THIS
 * browser as a new one (the server sets a long-lived station cookie).
 * Test ids: stations-row, station-name, station-register, error-name, station-current.
 */
@customElement('cpt-settings-stations')
export class CptSettingsStations extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;

  @state() private stations: Station[] = [];
  @state() private loading = true;
  @state() private name = '';
  @state() private saving = false;
  @state() private error = '';
  @state() private nameError = '';
  private i18n = new LocaleController(this);

  static override styles = [
    sharedStyles,
    css`
      form {
        display: flex;
        gap: 12px;
        align-items: flex-start;
        flex-wrap: wrap;
      }
      form cpt-field {
        flex: 1 1 260px;
      }
      form cpt-button {
        margin-top: 27px;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    this.loading = true;
    try {
      this.stations = await this.api.get<Station[]>('/stations');
    } catch (err) {
      this.error = errorMessage(err);
    } finally {
      this.loading = false;
    }
  }

  private async register(e: Event): Promise<void> {
    e.preventDefault();
    const name = this.name.trim();
    if (!name) {
      this.nameError = t('form.required');
      return;
    }
    this.saving = true;
    this.nameError = '';
    this.error = '';
    try {
      const station = await this.api.post<Station>('/stations', { name });
      toast(t('stations.registered', { number: station.number, name: station.name }), 'success');
      this.name = '';
      await this.load();
      this.dispatchEvent(new CustomEvent('session-changed', { bubbles: true, composed: true }));
    } catch (err) {
      const { fields } = splitFieldErrors(err, ['name']);
      this.nameError = fields.name ?? '';
      if (!this.nameError) this.error = errorMessage(err);
    } finally {
      this.saving = false;
    }
  }

  override render() {
    const current = this.stations.find((s) => s.current) ?? null;
    const columns: Column<Station>[] = [
      { key: 'number', label: t('stations.number'), width: '100px', mono: true },
      { key: 'name', label: t('stations.name') },
      {
        key: 'current',
        label: '',
        align: 'end',
        render: (s) => (s.current ? html`<span class="badge primary" data-testid="station-current">${t('stations.thisBrowser')}</span>` : ''),
      },
    ];
    return html`<div class="page">
      <div class="page-header"><h1>${t('settings.stations.title')}</h1></div>
      <div class="card">
        ${current
          ? html`<p style="margin:0" data-testid="station-this">${t('stations.isStation', { number: current.number, name: current.name })}</p>`
          : html`<h2 style="margin-bottom:6px">${t('stations.registerTitle')}</h2>
              <p class="muted" style="margin:0 0 14px">${t('stations.registerHelp')}</p>
              <form @submit=${this.register} @keydown=${submitOnEnter} novalidate>
                <cpt-field label=${t('stations.name')} field="name" .error=${this.nameError}>
                  <input
                    data-testid="station-name"
                    .value=${this.name}
                    placeholder=${t('stations.namePlaceholder')}
                    @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)}
                  />
                </cpt-field>
                <cpt-button type="submit" variant="primary" icon="plus" data-testid="station-register" ?busy=${this.saving}>${t('stations.register')}</cpt-button>
              </form>`}
      </div>
      ${this.error ? html`<div class="alert error" role="alert" data-testid="stations-error">${this.error}</div>` : nothing}
      <cpt-data-table
        testid="stations"
        .columns=${columns}
        .rows=${this.stations}
        .loading=${this.loading}
        .clickable=${false}
        emptyText=${t('stations.empty')}
      ></cpt-data-table>
    </div>`;
  }
}
