import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../api/client.js';
import type { PluginRecord, Session } from '../api/types.js';
import { LocaleController, t } from '../i18n/i18n.js';
import { errorMessage, toast, toastError } from '../notify.js';
import { sharedStyles } from '../styles.js';
import type { Column } from '../elements/data-table.js';
import '../elements/button.js';
import '../elements/data-table.js';

/**
 * Settings › Plugins (permission kernel.plugins): enable/disable plugins (takes effect after a restart).
 * Test ids: plugins-row (data-key = name), plugin-toggle-<name>, plugins-restart.
 */
@customElement('cpt-settings-plugins')
export class CptSettingsPlugins extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;

  @state() private plugins: PluginRecord[] = [];
  @state() private loading = true;
  @state() private busy = '';
  @state() private restart = false;
  @state() private error = '';
  private i18n = new LocaleController(this);

  static override styles = [
    sharedStyles,
    css`
      .desc {
        font-size: 0.875rem;
        color: var(--cpt-muted);
      }
      .name {
        font-weight: 600;
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
      this.plugins = await this.api.get<PluginRecord[]>('/plugins');
    } catch (err) {
      this.error = errorMessage(err);
    } finally {
      this.loading = false;
    }
  }

  private async toggle(p: PluginRecord): Promise<void> {
    this.busy = p.name;
    try {
      const res = await this.api.post<{ message?: string; detail?: string } | undefined>(
        `/plugins/${encodeURIComponent(p.name)}/${p.enabled ? 'disable' : 'enable'}`,
      );
      this.restart = true;
      toast(t(p.enabled ? 'plugins.disabled' : 'plugins.enabled', { name: p.name }), 'success', { detail: res?.message ?? res?.detail ?? t('plugins.restart') });
      await this.load();
    } catch (err) {
      toastError(err);
    } finally {
      this.busy = '';
    }
  }

  override render() {
    const columns: Column<PluginRecord>[] = [
      {
        key: 'name',
        label: t('plugins.name'),
        render: (p) => html`<div class="name">${p.name}</div>${p.description ? html`<div class="desc">${p.description}</div>` : nothing}`,
      },
      { key: 'version', label: t('plugins.version'), mono: true, priority: 'low' },
      {
        key: 'requires',
        label: t('plugins.requires'),
        priority: 'low',
        render: (p) => {
          const r = p.requires;
          const list = Array.isArray(r) ? r : r ? Object.keys(r) : [];
          return list.length ? html`<span class="desc">${list.join(', ')}</span>` : '';
        },
      },
      {
        key: 'enabled',
        label: t('plugins.status'),
        // On a phone the button says it: "Désactiver" for an enabled module.
        priority: 'low',
        render: (p) =>
          html`<span class="badge ${p.enabled ? 'success' : ''}">${p.enabled ? t('plugins.statusEnabled') : t('plugins.statusDisabled')}</span>`,
      },
      {
        key: 'actions',
        label: '',
        align: 'end',
        render: (p) =>
          html`<cpt-button
            data-testid=${`plugin-toggle-${p.name}`}
            variant=${p.enabled ? 'secondary' : 'primary'}
            ?busy=${this.busy === p.name}
            @click=${() => this.toggle(p)}
            >${p.enabled ? t('plugins.disable') : t('plugins.enable')}</cpt-button
          >`,
      },
    ];
    return html`<div class="page">
      <div class="page-header"><h1>${t('settings.plugins.title')}</h1></div>
      ${this.restart ? html`<div class="alert warning" role="status" data-testid="plugins-restart">${t('plugins.restart')}</div>` : nothing}
      ${this.error ? html`<div class="alert error" role="alert">${this.error}</div>` : nothing}
      <cpt-data-table
        testid="plugins"
        .columns=${columns}
        .rows=${this.plugins}
        rowKey="name"
        .loading=${this.loading}
        .clickable=${false}
      ></cpt-data-table>
    </div>`;
  }
}
