import {
  ApiClient,
  FormController,
  LitElement,
  LocaleController,
  confirmDialog,
  css,
  customElement,
  errorMessage,
  formAlerts,
  hasPermission,
  html,
  nothing,
  property,
  query,
  state,
  submitOnEnter,
  t,
  toast,
  toastError,
  type CptDialog,
  type Session,
} from '@comptoir/shell';
import './barcode-tester.js';
import type { PricingBarcodeTester } from './barcode-tester.js';
import { ruleName } from './format.js';
import { pricingStyles } from './styles.js';
import { ARTICLE_LOOKUPS, BARCODE_RULE_TYPES, type ArticleLookup, type BarcodeEncoding, type BarcodeRule, type BarcodeRuleType, type DiscountUnit } from './types.js';

interface Draft {
  name: string;
  type: BarcodeRuleType;
  pattern: string;
  encoding: BarcodeEncoding | '';
  discountUnit: DiscountUnit;
  articleLookup: ArticleLookup;
  active: boolean;
}

const FIELDS = ['name', 'type', 'pattern', 'encoding', 'discountUnit', 'articleLookup', 'active'];
const LETTERS = ['A', 'W', 'V', 'P', 'Q', 'D', 'N', 'C', 'K'] as const;
const emptyDraft = (): Draft => ({ name: '', type: 'weight', pattern: '', encoding: '', discountUnit: 'cents', articleLookup: 'plu-internal-code', active: true });

/**
 * The barcode nomenclature (route #/pricing/nomenclature): the ordered rules that read in-store codes (scale
 * labels, customer and cashier cards, coupons), edited in a dialog with the server's validation messages under
 * the fields, reordered with up / down, and a tester that shows what a typed or scanned code resolves to.
 *
 * Test ids: rules-row (data-key = id, data-name), rule-up-<i>, rule-down-<i>, rule-edit-<i>, rule-delete-<i>,
 * rule-active-<i>, rules-new, rules-reset, rules-error, rule-dialog, rule-name, rule-type, rule-pattern,
 * rule-encoding, rule-discount-unit, rule-lookup, rule-active, rule-save, rule-cancel, rule-form-error,
 * error-<field> (error-pattern, error-name…), and the tester's (nomenclature-test-…).
 */
@customElement('cpt-pricing-nomenclature')
export class PricingNomenclatureScreen extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;

  @state() private rules: BarcodeRule[] = [];
  @state() private error = '';
  @state() private editing: BarcodeRule | null = null;
  @state() private moving = false;

  @query('cpt-dialog') private dialog?: CptDialog;
  @query('cpt-pricing-barcode-tester') private tester?: PricingBarcodeTester;
  private form: FormController<Draft> = new FormController<Draft>(this, emptyDraft(), {
    fields: FIELDS,
    describe: (): string => this.form.draft.name.trim() || t('pricing.nomenclature.new'),
  });
  private i18n = new LocaleController(this);

  static override styles = [
    ...pricingStyles,
    css`
      .pattern {
        font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
        letter-spacing: 0.08em;
        font-size: 1rem;
      }
      .pattern .fixed {
        font-weight: 700;
      }
      .pattern .field {
        color: var(--cpt-primary);
      }
      .pattern .check {
        color: var(--cpt-warning);
      }
      tr.inactive td {
        color: var(--cpt-muted);
      }
      .legend {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(250px, 1fr));
        gap: 6px 16px;
        margin: 0;
        font-size: 0.9375rem;
      }
      .legend b {
        font-family: ui-monospace, Menlo, Consolas, monospace;
        display: inline-block;
        width: 1.5em;
        color: var(--cpt-primary);
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 16px;
      }
    `,
  ];

  get canWrite(): boolean {
    return hasPermission(this.session, 'pricing.write');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** A scanned code goes to the tester. */
  onBarcode(code: string): void {
    this.tester?.test(code);
  }

  focusSearch(): void {
    this.tester?.focus();
  }

  private async load(): Promise<void> {
    try {
      this.rules = await this.api.get<BarcodeRule[]>('/pricing/barcode-rules');
      this.error = '';
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  private async move(i: number, by: -1 | 1): Promise<void> {
    const j = i + by;
    if (j < 0 || j >= this.rules.length || this.moving) return;
    const ids = this.rules.map((r) => r.id);
    [ids[i], ids[j]] = [ids[j], ids[i]];
    this.moving = true;
    try {
      this.rules = await this.api.put<BarcodeRule[]>('/pricing/barcode-rules/order', { ids });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[data-testid="rule-${by < 0 ? 'up' : 'down'}-${j}"]`)?.focus();
    } catch (err) {
      toastError(err);
      await this.load();
    } finally {
      this.moving = false;
    }
  }

  private async toggle(rule: BarcodeRule, active: boolean): Promise<void> {
    try {
      const saved = await this.api.patch<BarcodeRule>(`/pricing/barcode-rules/${rule.id}`, { active });
      this.rules = this.rules.map((r) => (r.id === saved.id ? saved : r));
    } catch (err) {
      toastError(err);
      await this.load();
    }
  }

  private async open(rule: BarcodeRule | null): Promise<void> {
    this.editing = rule;
    this.form.reset(rule
      ? { name: rule.name, type: rule.type, pattern: rule.pattern, encoding: rule.encoding ?? '', discountUnit: rule.discountUnit ?? 'cents', articleLookup: rule.articleLookup, active: rule.active }
      : emptyDraft());
    await this.updateComplete;
    this.dialog?.show();
  }

  private set<K extends keyof Draft>(key: K, value: Draft[K]): void {
    this.form.set(key, value);
  }

  private async save(e?: Event): Promise<void> {
    e?.preventDefault();
    if (!this.canWrite) return;
    const d = this.form.draft;
    const body: Record<string, unknown> = {
      name: d.name.trim(), type: d.type, pattern: d.pattern.trim().toUpperCase(), encoding: d.encoding || null,
      discountUnit: d.type === 'discount' ? d.discountUnit : null, articleLookup: d.articleLookup, active: d.active,
    };
    const editing = this.editing;
    // The server checks the pattern against the type and says what is wrong: no local check to repeat it.
    const ok = await this.form.save(() => ({}), async () => {
      if (editing) await this.api.patch(`/pricing/barcode-rules/${editing.id}`, body);
      else await this.api.post('/pricing/barcode-rules', body);
    });
    if (!ok) return;
    toast(t('pricing.nomenclature.saved', { name: d.name.trim() }), 'success');
    this.dialog?.close('saved');
    await this.load();
  }

  private async removeItem(rule: BarcodeRule): Promise<void> {
    const ok = await confirmDialog({
      title: t('pricing.nomenclature.deleteTitle'),
      message: t('pricing.nomenclature.deleteText', { name: ruleName(rule.name) }),
      confirmLabel: t('pricing.delete'),
      cancelLabel: t('pricing.cancel'),
      danger: true,
      testid: 'rule-delete-confirm',
    });
    if (!ok) return;
    try {
      await this.api.delete(`/pricing/barcode-rules/${rule.id}`);
      await this.load();
    } catch (err) {
      toastError(err);
    }
  }

  private async reset(): Promise<void> {
    const ok = await confirmDialog({
      title: t('pricing.nomenclature.resetTitle'),
      message: t('pricing.nomenclature.resetText'),
      confirmLabel: t('pricing.nomenclature.reset'),
      cancelLabel: t('pricing.cancel'),
      danger: true,
      testid: 'rules-reset-confirm',
    });
    if (!ok) return;
    try {
      this.rules = await this.api.post<BarcodeRule[]>('/pricing/barcode-rules/reset');
      toast(t('pricing.nomenclature.resetDone'), 'success');
    } catch (err) {
      toastError(err);
    }
  }

  private renderPattern(pattern: string) {
    return html`<span class="pattern">${[...pattern].map((ch) =>
      /\d/.test(ch) ? html`<span class="fixed">${ch}</span>` : ch === 'C' || ch === 'K' ? html`<span class="check">${ch}</span>` : html`<span class="field">${ch}</span>`,
    )}</span>`;
  }

  private renderDialog() {
    const d = this.form.draft;
    const errors = this.form.errors;
    const withArticle = ['weight', 'price', 'quantity', 'discount', 'article'].includes(d.type);
    // Closing the dialog (Cancel, ✕, Escape) drops what was typed in it.
    return html`<cpt-dialog testid="rule-dialog" size="large" heading=${this.editing ? t('pricing.nomenclature.edit', { name: ruleName(this.editing.name) }) : t('pricing.nomenclature.new')}
      @close=${() => this.form.reset(emptyDraft())}>
      <form @submit=${this.save} @keydown=${submitOnEnter} novalidate>
        <div class="form-grid">
          <cpt-field label=${t('pricing.nomenclature.name')} field="name" .error=${errors.name} required>
            <input data-testid="rule-name" autocomplete="off" .value=${d.name} @input=${(e: Event) => this.set('name', (e.target as HTMLInputElement).value)} />
          </cpt-field>
          <cpt-field label=${t('pricing.nomenclature.type')} field="type" .error=${errors.type} required>
            <select data-testid="rule-type" @change=${(e: Event) => this.set('type', (e.target as HTMLSelectElement).value as BarcodeRuleType)}>
              ${BARCODE_RULE_TYPES.map((ty) => html`<option value=${ty} ?selected=${d.type === ty}>${t(`pricing.ruleType.${ty}`)}</option>`)}
            </select>
          </cpt-field>
          <cpt-field class="wide" label=${t('pricing.nomenclature.pattern')} field="pattern" .error=${errors.pattern} required hint=${t(`pricing.ruleHint.${d.type}`)}>
            <input class="mono-input" data-testid="rule-pattern" autocomplete="off" spellcheck="false" style="text-transform:uppercase" .value=${d.pattern}
              @input=${(e: Event) => this.set('pattern', (e.target as HTMLInputElement).value)} />
          </cpt-field>
          <cpt-field label=${t('pricing.nomenclature.encoding')} field="encoding" .error=${errors.encoding}>
            <select data-testid="rule-encoding" @change=${(e: Event) => this.set('encoding', (e.target as HTMLSelectElement).value as Draft['encoding'])}>
              ${(['', 'ean13', 'ean8', 'any'] as const).map((v) => html`<option value=${v} ?selected=${d.encoding === v}>${t(`pricing.encoding.${v || 'auto'}`)}</option>`)}
            </select>
          </cpt-field>
          ${d.type === 'discount'
            ? html`<cpt-field label=${t('pricing.nomenclature.discountUnit')} field="discountUnit" .error=${errors.discountUnit}>
                <select data-testid="rule-discount-unit" @change=${(e: Event) => this.set('discountUnit', (e.target as HTMLSelectElement).value as DiscountUnit)}>
                  <option value="percent" ?selected=${d.discountUnit === 'percent'}>${t('pricing.discountUnit.percent')}</option>
                  <option value="cents" ?selected=${d.discountUnit === 'cents'}>${t('pricing.discountUnit.cents')}</option>
                </select>
              </cpt-field>`
            : nothing}
          ${withArticle
            ? html`<cpt-field label=${t('pricing.nomenclature.lookup')} field="articleLookup" .error=${errors.articleLookup}>
                <select data-testid="rule-lookup" @change=${(e: Event) => this.set('articleLookup', (e.target as HTMLSelectElement).value as ArticleLookup)}>
                  ${ARTICLE_LOOKUPS.map((l) => html`<option value=${l} ?selected=${d.articleLookup === l}>${t(`pricing.lookup.${l}`)}</option>`)}
                </select>
              </cpt-field>`
            : nothing}
          <cpt-field field="active" .error=${errors.active}>
            <label class="check">
              <input type="checkbox" data-testid="rule-active" .checked=${d.active} @change=${(e: Event) => this.set('active', (e.target as HTMLInputElement).checked)} />
              ${t('pricing.nomenclature.activeLabel')}
            </label>
          </cpt-field>
        </div>
        <div class="form-alerts">${formAlerts(this.form, 'rule-form', () => this.dialog?.close('reload'))}</div>
      </form>
      <cpt-button slot="footer" data-testid="rule-cancel" @click=${() => this.dialog?.close('cancel')}>${t('pricing.cancel')}</cpt-button>
      <cpt-button slot="footer" variant="primary" icon="check" data-testid="rule-save" ?busy=${this.form.saving} @click=${() => this.save()}>${t('pricing.save')}</cpt-button>
    </cpt-dialog>`;
  }

  private renderRules() {
    const ro = !this.canWrite;
    const last = this.rules.length - 1;
    return html`<div class="card">
      <div class="card-header">
        <h2>${t('pricing.nomenclature.rules')}</h2>
        ${ro
          ? nothing
          : html`<cpt-button variant="ghost" data-testid="rules-reset" @click=${() => this.reset()}>${t('pricing.nomenclature.reset')}</cpt-button>
              <cpt-button variant="primary" icon="plus" data-testid="rules-new" @click=${() => this.open(null)}>${t('pricing.nomenclature.new')}</cpt-button>`}
      </div>
      ${this.rules.length === 0
        ? html`<p class="empty" data-testid="rules-empty">${t('pricing.nomenclature.empty')}</p>`
        : html`<table class="plain stack">
            <thead>
              <tr>
                <th>#</th>
                <th>${t('pricing.nomenclature.name')}</th>
                <th>${t('pricing.nomenclature.type')}</th>
                <th>${t('pricing.nomenclature.pattern')}</th>
                <th>${t('pricing.nomenclature.active')}</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              ${this.rules.map(
                (r, i) => html`<tr data-testid="rules-row" data-key=${String(r.id)} data-name=${r.name} class=${r.active ? '' : 'inactive'}>
                  <td class="muted">${i + 1}</td>
                  <td class="strong">${ruleName(r.name)}</td>
                  <td>${t(`pricing.ruleType.${r.type}`)}${r.type === 'discount' && r.discountUnit ? html` <span class="muted">(${t(`pricing.discountUnit.${r.discountUnit}`)})</span>` : nothing}</td>
                  <td class="stack-full">${this.renderPattern(r.pattern)}</td>
                  <td>
                    <input type="checkbox" data-testid=${`rule-active-${i}`} aria-label=${t('pricing.nomenclature.activeLabel')} .checked=${r.active} ?disabled=${ro}
                      @change=${(e: Event) => this.toggle(r, (e.target as HTMLInputElement).checked)} />
                  </td>
                  <td>
                    ${ro
                      ? nothing
                      : html`<div class="row-actions">
                          <cpt-button variant="ghost" icon="chevron-left" style="transform:rotate(90deg)" label=${t('pricing.nomenclature.up')} data-testid=${`rule-up-${i}`}
                            ?disabled=${i === 0 || this.moving} @click=${() => this.move(i, -1)}></cpt-button>
                          <cpt-button variant="ghost" icon="chevron-right" style="transform:rotate(90deg)" label=${t('pricing.nomenclature.down')} data-testid=${`rule-down-${i}`}
                            ?disabled=${i === last || this.moving} @click=${() => this.move(i, 1)}></cpt-button>
                          <cpt-button variant="ghost" icon="edit" label=${t('pricing.edit')} data-testid=${`rule-edit-${i}`} @click=${() => this.open(r)}></cpt-button>
                          <cpt-button variant="ghost" icon="trash" label=${t('pricing.delete')} data-testid=${`rule-delete-${i}`} @click=${() => this.removeItem(r)}></cpt-button>
                        </div>`}
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>`}
      <p class="hint" style="margin-top:12px">${t('pricing.nomenclature.order')}</p>
    </div>`;
  }

  override render() {
    return html`<div class="page">
      <div class="page-header"><h1>${t('pricing.nomenclature.heading')}</h1></div>
      <p class="muted" style="margin:0">${t('pricing.nomenclature.intro')}</p>
      ${this.error ? html`<div class="alert error" role="alert" data-testid="rules-error">${this.error}</div>` : nothing}
      <div class="layout">
        <cpt-pricing-barcode-tester .api=${this.api} .session=${this.session}></cpt-pricing-barcode-tester>
        ${this.renderRules()}
        <div class="card">
          <h2 class="section-title">${t('pricing.nomenclature.legend')}</h2>
          <dl class="legend">
            <div><b>21</b>${t('pricing.letter.digits')}</div>
            ${LETTERS.map((l) => html`<div><b>${l}</b>${t(`pricing.letter.${l}`)}</div>`)}
          </dl>
        </div>
      </div>
      ${this.renderDialog()}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-pricing-nomenclature': PricingNomenclatureScreen;
  }
}
