import {
  ApiClient,
  FormController,
  LitElement,
  LocaleController,
  customElement,
  formAlerts,
  formatNumber,
  html,
  nothing,
  property,
  state,
  submitOnEnter,
  t,
  toast,
  type PropertyValues,
} from '@comptoir/shell';
import { pricingStyles } from './styles.js';
import type { Article, Content, ContentUnit } from './types.js';

const UNITS: Record<string, { unit: ContentUnit; thousandths: number }> = {
  ml: { unit: 'l', thousandths: 1 }, cl: { unit: 'l', thousandths: 10 }, dl: { unit: 'l', thousandths: 100 }, l: { unit: 'l', thousandths: 1000 },
  g: { unit: 'kg', thousandths: 1 }, kg: { unit: 'kg', thousandths: 1000 },
};

/** "33 cl" → 330 l, "1,5 l" → 1500 l, "500 g" → 500 kg, "6 x 25 cl" → 1500 l; null when unreadable. */
export function parseContent(text: string): { quantity: number; unit: ContentUnit } | null {
  const m = /^\s*(?:(\d{1,3})\s*[×x*]\s*)?(\d+(?:[.,]\d+)?)\s*(ml|cl|dl|l|g|kg)\s*$/i.exec(text);
  if (!m) return null;
  const f = UNITS[m[3].toLowerCase()];
  const quantity = Math.round(Number(m[2].replace(',', '.')) * f.thousandths) * (m[1] ? Number(m[1]) : 1);
  return quantity > 0 && Number.isSafeInteger(quantity) ? { quantity, unit: f.unit } : null;
}

/** 330 l → "33 cl", 1500 l → "1,5 l", 500 kg → "500 g", 1000 kg → "1 kg". */
export function formatContent(c: Pick<Content, 'quantity' | 'unit'>): string {
  if (c.unit === 'l') return c.quantity < 1000 ? `${formatNumber(c.quantity / 10, { maximumFractionDigits: 1 })} cl` : `${formatNumber(c.quantity / 1000, { maximumFractionDigits: 3 })} l`;
  return c.quantity < 1000 ? `${formatNumber(c.quantity, { maximumFractionDigits: 0 })} g` : `${formatNumber(c.quantity / 1000, { maximumFractionDigits: 3 })} kg`;
}

/**
 * <cpt-pricing-content> — what one unit of the article holds ("33 cl", "500 g"), for the price per litre or
 * per kg that the law asks to show next to the price. Articles sold by kg or litre do not need one.
 *
 * Properties: api, article, readonly. Test ids: content-text, content-save, content-delete, content-current,
 * content-error, error-content.quantity, error-content.unit.
 */
@customElement('cpt-pricing-content')
export class PricingContent extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) article!: Article;
  @property({ type: Boolean }) readonly = false;

  @state() private content: Content | null = null;
  private i18n = new LocaleController(this);
  private form: FormController<{ text: string }> = new FormController<{ text: string }>(this, { text: '' }, {
    fields: ['quantity', 'unit'],
    describe: () => t('pricing.content.title'),
    focusTarget: () => this.renderRoot.querySelector<HTMLElement>('[data-testid="content-text"]'),
  });

  static override styles = pricingStyles;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('article')) void this.load();
  }

  private async load(): Promise<void> {
    await this.form.load(async () => {
      const { content } = await this.api.get<{ content: Content | null }>(`/pricing/contents/${this.article.id}`);
      this.content = content;
      return { text: content ? formatContent(content) : '' };
    });
  }

  private async save(e?: Event): Promise<void> {
    e?.preventDefault();
    if (this.readonly) return;
    const parsed = parseContent(this.form.draft.text);
    const ok = await this.form.save((): Record<string, string> => (parsed ? {} : { quantity: t('pricing.content.unreadable') }), async () => {
      this.content = await this.api.put<Content>(`/pricing/contents/${this.article.id}`, parsed);
      return { text: formatContent(this.content) };
    });
    if (!ok) return;
    toast(t('pricing.content.saved', { content: this.form.draft.text }), 'success');
    this.dispatchEvent(new CustomEvent('changed', { bubbles: true, composed: true }));
  }

  private async removeItem(): Promise<void> {
    try {
      await this.api.delete(`/pricing/contents/${this.article.id}`);
      this.content = null;
      this.form.reset({ text: '' });
      this.dispatchEvent(new CustomEvent('changed', { bubbles: true, composed: true }));
    } catch (err) {
      this.form.fail(err);
    }
  }

  override render() {
    const byMeasure = this.article.unit !== 'piece';
    const ro = this.readonly;
    return html`<div class="card" data-testid="content">
      <h2 class="section-title">${t('pricing.content.title')}</h2>
      ${byMeasure
        ? html`<p class="empty">${t('pricing.content.byMeasure', { unit: this.article.unit === 'kg' ? 'kg' : 'l' })}</p>`
        : html`<form @submit=${this.save} @keydown=${submitOnEnter} novalidate>
            <div class="form-grid">
              <cpt-field label=${t('pricing.content.label')} field="content.quantity" .error=${this.form.errors.quantity ?? this.form.errors.unit} hint=${t('pricing.content.hint')}>
                <input data-testid="content-text" autocomplete="off" placeholder="33 cl" .value=${this.form.draft.text} ?disabled=${ro}
                  @input=${(e: Event) => this.form.set('text', (e.target as HTMLInputElement).value, 'quantity')} />
              </cpt-field>
              <div style="display:flex;gap:8px;align-items:start;padding-top:26px">
                ${ro ? nothing : html`<cpt-button type="submit" variant="primary" icon="check" data-testid="content-save" ?busy=${this.form.saving}>${t('pricing.save')}</cpt-button>`}
                ${!ro && this.content ? html`<cpt-button variant="ghost" icon="trash" data-testid="content-delete" @click=${() => this.removeItem()}>${t('pricing.content.forget')}</cpt-button>` : nothing}
              </div>
            </div>
            ${this.content ? html`<p class="muted" data-testid="content-current" style="margin:8px 0 0">${t('pricing.content.current', { content: formatContent(this.content) })}</p>` : nothing}
          </form>`}
      ${this.form.loadError ? html`<div class="alert error" role="alert" data-testid="content-load-error">${this.form.loadError}</div>` : nothing}
      <div class="form-alerts">${formAlerts(this.form, 'content', () => void this.load())}</div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-pricing-content': PricingContent;
  }
}
