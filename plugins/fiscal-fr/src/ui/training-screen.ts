import {
  ApiClient, LitElement, LocaleController, css, customElement, errorMessage, formatMoney, hasPermission, html, nothing, property,
  sharedStyles, state, t, type Session,
} from '@comptoir/shell';
import type { TrainingStatus, TrainingTicket } from '../services/training.service.js';

interface DraftLine {
  code: string;
  /** The catalogue article whose own code was typed; otherwise the code goes to the sale contract (a barcode). */
  articleId: number | null;
  quantity: number;
}

/**
 * Caisse › Mode formation (route #/fiscal-fr/training, permission fiscal-fr.train): whether training mode is on for
 * this station or this person, a manager's switch for the station, and a training ticket — articles scanned or typed,
 * then the receipt printed “MODE FORMATION — NON VALABLE”. Nothing here is a sale.
 *
 * Test ids: training-status, training-banner, training-switch, training-code, training-quantity, training-add,
 * training-line, training-validate, training-receipt, training-error.
 */
@customElement('cpt-fiscal-fr-training')
export class FiscalFrTrainingScreen extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;

  @state() private status: TrainingStatus | null = null;
  @state() private lines: DraftLine[] = [];
  @state() private code = '';
  @state() private quantity = '1';
  @state() private ticket: TrainingTicket | null = null;
  @state() private busy = false;
  @state() private error = '';
  private i18n = new LocaleController(this);

  static override styles = [
    sharedStyles,
    css`
      .banner {
        font-weight: 700;
        letter-spacing: 0.04em;
        text-align: center;
        padding: 10px;
        border: 2px dashed currentColor;
        border-radius: 8px;
        margin-bottom: 12px;
      }
      form {
        display: grid;
        grid-template-columns: minmax(200px, 2fr) minmax(90px, 1fr) auto;
        gap: 12px;
        align-items: end;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 8px 0 12px;
      }
      li {
        padding: 6px 0;
        border-bottom: 1px solid var(--cpt-border, #ddd);
      }
      pre {
        font-family: var(--cpt-mono, monospace);
        white-space: pre-wrap;
        max-width: 48ch;
        margin: 0;
      }
      @media (max-width: 768px) {
        form {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** A scanned barcode is added as a line at once. */
  onBarcode(code: string): void {
    this.lines = [...this.lines, { code, articleId: null, quantity: 1 }];
  }

  private async load(): Promise<void> {
    try {
      this.status = await this.api.get<TrainingStatus>('/fiscal-fr/training');
      this.error = '';
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  private async switchStation(): Promise<void> {
    if (!this.session.station || !this.status) return;
    this.busy = true;
    try {
      await this.api.put(`/fiscal-fr/training/stations/${this.session.station.id}`, { enabled: !this.status.station });
      await this.load();
    } catch (err) {
      this.error = errorMessage(err);
    } finally {
      this.busy = false;
    }
  }

  private async add(e: Event): Promise<void> {
    e.preventDefault();
    const quantity = Number(this.quantity);
    const code = this.code.trim();
    if (!code || !Number.isInteger(quantity) || quantity < 1) return;
    let articleId: number | null;
    try {
      const page = await this.api.get<{ items: Array<{ id: number; code: string }> }>('/catalog/articles', { q: code, pageSize: 10 });
      articleId = page.items.find((a) => a.code.toLowerCase() === code.toLowerCase())?.id ?? null;
    } catch (err) {
      this.error = errorMessage(err);
      return;
    }
    this.lines = [...this.lines, { code, articleId, quantity }];
    this.code = '';
    this.quantity = '1';
    this.ticket = null;
  }

  private async validate(): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      this.ticket = await this.api.post<TrainingTicket>('/fiscal-fr/training/tickets', {
        lines: this.lines.map((l) => (l.articleId ? { articleId: l.articleId, quantity: l.quantity * 1000 } : { code: l.code, quantity: l.quantity * 1000 })),
      });
      this.lines = [];
    } catch (err) {
      this.error = errorMessage(err);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const s = this.status;
    const canSwitch = hasPermission(this.session, 'fiscal-fr.training') && this.session.station;
    return html`<div class="page">
      <div class="page-header"><h1>${t('fiscal-fr.training.title')}</h1></div>
      ${s?.active ? html`<div class="banner alert warning" data-testid="training-banner">${t('fiscal-fr.training.banner')}</div>` : nothing}
      <div class="card" data-testid="training-status">
        <p>${!this.session.station ? t('fiscal-fr.training.noStation') : s?.station ? t('fiscal-fr.training.onStation') : s?.user ? t('fiscal-fr.training.onUser') : t('fiscal-fr.training.off')}</p>
        ${canSwitch && s
          ? html`<cpt-button data-testid="training-switch" ?busy=${this.busy} @click=${this.switchStation}>
              ${s.station ? t('fiscal-fr.training.disableStation') : t('fiscal-fr.training.enableStation')}</cpt-button>`
          : nothing}
      </div>
      ${this.error ? html`<div class="alert error" role="alert" data-testid="training-error">${this.error}</div>` : nothing}
      ${s?.active && this.session.station
        ? html`<div class="card">
            <h2>${t('fiscal-fr.training.lines')}</h2>
            <form @submit=${this.add} novalidate>
              <cpt-field label=${t('fiscal-fr.training.code')} field="code">
                <input data-testid="training-code" autocomplete="off" .value=${this.code} @input=${(e: Event) => (this.code = (e.target as HTMLInputElement).value)} />
              </cpt-field>
              <cpt-field label=${t('fiscal-fr.training.quantity')} field="quantity">
                <input data-testid="training-quantity" inputmode="numeric" .value=${this.quantity} @input=${(e: Event) => (this.quantity = (e.target as HTMLInputElement).value)} />
              </cpt-field>
              <cpt-button type="submit" icon="plus" data-testid="training-add">${t('fiscal-fr.training.add')}</cpt-button>
            </form>
            <ul>
              ${this.lines.length
                ? this.lines.map((l) => html`<li data-testid="training-line"><span class="mono">${l.code}</span> × ${l.quantity}</li>`)
                : html`<li class="muted">${t('fiscal-fr.training.empty')}</li>`}
            </ul>
            <cpt-button variant="primary" data-testid="training-validate" ?disabled=${!this.lines.length} ?busy=${this.busy} @click=${this.validate}>
              ${t('fiscal-fr.training.validate')}</cpt-button>
          </div>`
        : nothing}
      ${this.ticket
        ? html`<div class="card">
            <h2>${t('fiscal-fr.training.done', { number: this.ticket.number })} — ${formatMoney(this.ticket.total)}</h2>
            <pre data-testid="training-receipt">${this.ticket.receipt.join('\n')}</pre>
          </div>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-fiscal-fr-training': FiscalFrTrainingScreen;
  }
}
