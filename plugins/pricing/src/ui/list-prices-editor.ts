import {
  ApiClient,
  FormController,
  LitElement,
  LocaleController,
  css,
  customElement,
  formAlerts,
  formatMoney,
  html,
  nothing,
  property,
  submitOnEnter,
  t,
  toast,
  type PropertyValues,
  type Session,
} from '@comptoir/shell';
import { rowsVersion } from '../domain/rows-version.js';
import { listName, otherSide, tierLabel, toThousandths, vatSide } from './format.js';
import { pricingStyles } from './styles.js';
import type { Article, ArticleListPrices, ListPrice, PriceList } from './types.js';

/** One row as edited: quantities in units (as typed), the price in cents. */
interface RowDraft {
  key: number;
  id: number | null;
  minUnits: number | null;
  unitPrice: number | null;
  validFrom: string;
  validTo: string;
}

const FIELDS = ['minQuantity', 'unitPrice', 'validFrom', 'validTo'] as const;
/** 0 and one unit are both the base price. */
const tier = (thousandths: number | null) => (thousandths === null ? null : thousandths <= 1000 ? 0 : thousandths);

let nextKey = 1;

function draftOf(p: ListPrice): RowDraft {
  return {
    key: nextKey++, id: p.id, minUnits: p.minQuantity <= 1000 ? 1 : p.minQuantity / 1000, unitPrice: p.unitPrice,
    validFrom: p.validFrom ?? '', validTo: p.validTo ?? '',
  };
}

/**
 * <cpt-pricing-list-prices> — an article's prices in one list: the base price and the quantity breaks
 * ("à partir de 6", "à partir de 24"), each optionally for a period. Rows are added and removed locally, and
 * Save sends them all in one request (PUT /pricing/prices/articles/<id>/lists/<code>, with the version of the rows
 * they started from), which the server applies all or nothing; its messages (`rows.<i>.<field>`) show under
 * each field of the row they concern. Rows changed and not saved are guarded: leaving the screen asks first.
 *
 * Properties: api, session, list, article, prices (this list's rows for the article), readonly.
 * Events: `saved` once the rows are stored; `stale` when someone else changed them since they were read (409).
 * Test ids (<c> = list code, <i> = row index): price-<c>-row, price-<c>-<i>-tier, price-<c>-<i>-min,
 * price-<c>-<i>-price, price-<c>-<i>-from, price-<c>-<i>-to, price-<c>-<i>-remove, price-<c>-add,
 * price-<c>-save, price-<c>-reset, price-<c>-error, error-<c>.<i>.<field> (minQuantity, unitPrice, validFrom, validTo).
 */
@customElement('cpt-pricing-list-prices')
export class PricingListPrices extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;
  @property({ attribute: false }) list!: PriceList;
  @property({ attribute: false }) article!: Article;
  @property({ attribute: false }) prices: ListPrice[] = [];
  @property({ type: Boolean }) readonly = false;

  /** The stored rows the edited ones started from, and their version (the server's `rowsVersion`). */
  private origin = new Map<number, ListPrice>();
  private version = rowsVersion([]);
  private i18n = new LocaleController(this);
  private form: FormController<{ rows: RowDraft[] }> = new FormController<{ rows: RowDraft[] }>(this, { rows: [] }, {
    fields: ['rows'],
    describe: (): string => t('pricing.prices.guard', { list: listName(this.list), article: this.article?.name ?? '' }),
    focusTarget: (field) => {
      const m = /^rows\.(\d+)\.(\w+)$/.exec(field);
      const part = m ? { minQuantity: 'min', unitPrice: 'price', validFrom: 'from', validTo: 'to' }[m[2]] : null;
      return part ? this.renderRoot.querySelector<HTMLElement>(`[data-testid="price-${this.list.code}-${m![1]}-${part}"]`) : null;
    },
  });

  private get rows(): RowDraft[] {
    return this.form.draft.rows;
  }

  static override styles = [
    ...pricingStyles,
    css`
      .rows {
        display: grid;
        grid-template-columns: minmax(120px, 1fr) 120px 180px 160px 160px 44px;
        gap: 8px 10px;
        align-items: start;
      }
      .rows > .grid-head {
        padding-bottom: 2px;
      }
      .tier {
        min-height: 44px;
        display: flex;
        align-items: center;
      }
      /* A message starts under its field and may run to the end of the row. */
      .row-error {
        margin-top: -4px;
        grid-column: 1 / -1;
      }
      .under-minQuantity {
        grid-column: 2 / -1;
      }
      .under-unitPrice {
        grid-column: 3 / -1;
      }
      .under-validFrom {
        grid-column: 4 / -1;
      }
      .under-validTo {
        grid-column: 5 / -1;
      }
      .footer {
        display: flex;
        gap: 12px;
        align-items: center;
        flex-wrap: wrap;
        margin-top: 14px;
      }
      .footer .spacer {
        flex: 1;
      }
      @media (max-width: 1000px) {
        .rows {
          grid-template-columns: 1fr 110px 1fr 44px;
        }
        .rows .date-head {
          display: none;
        }
        .rows .date {
          grid-column: span 2;
        }
        .rows .row-error {
          grid-column: 1 / -1;
        }
      }
      /* On a phone two columns: tier | from, price | valid from, valid to | remove, under headings placed the same way. */
      @media (max-width: 600px) {
        .rows {
          grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        }
        .rows > * {
          min-width: 0;
        }
        .rows .date {
          grid-column: span 1;
          width: 100%;
        }
        /* The headings fall in the same two columns: break | from, price | valid from, valid to | —. */
        .rows .date-head {
          display: block;
        }
      }
    `,
  ];

  /** The rows last received, to tell new rows from the same rows in a new array (the parent re-renders). */
  private snapshot = '';

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('prices')) {
      const snapshot = JSON.stringify(this.prices);
      if (snapshot !== this.snapshot) {
        this.snapshot = snapshot;
        // Rows being edited stay as typed, with the version they started from: saving them over rows someone
        // else changed meanwhile is refused (409), and Undo brings the new rows.
        if (!this.form.dirty) this.reset();
      }
    }
  }

  private reset(): void {
    this.origin = new Map(this.prices.map((p) => [p.id, p]));
    this.version = rowsVersion(this.prices);
    this.form.reset({
      rows: [...this.prices]
        .sort((a, b) => (tier(a.minQuantity) ?? 0) - (tier(b.minQuantity) ?? 0) || (a.validFrom ?? '').localeCompare(b.validFrom ?? ''))
        .map(draftOf),
    });
  }

  private err(i: number, field: string): string | undefined {
    return this.form.errors[`rows.${i}.${field}`];
  }

  private patch(i: number, patch: Partial<RowDraft>, field: string): void {
    this.form.set('rows', this.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)), `rows.${i}.${field}`);
  }

  private async add(): Promise<void> {
    const base = this.rows.length === 0;
    this.form.set('rows', [...this.rows, { key: nextKey++, id: null, minUnits: base ? 1 : null, unitPrice: null, validFrom: '', validTo: '' }], 'rows.new');
    await this.updateComplete;
    const i = this.rows.length - 1;
    this.renderRoot.querySelector<HTMLElement>(`[data-testid="price-${this.list.code}-${i}-${base ? 'price' : 'min'}"]`)?.focus();
  }

  private removeItem(i: number): void {
    // Indices shift: the messages would point at the wrong rows.
    this.form.set('rows', this.rows.filter((_, j) => j !== i), 'rows');
  }

  /** Local checks: a quantity and a price on every row. */
  private check(): Record<string, string> {
    const errors: Record<string, string> = {};
    this.rows.forEach((r, i) => {
      if (r.minUnits === null) errors[`rows.${i}.minQuantity`] = t('pricing.required');
      if (r.unitPrice === null) errors[`rows.${i}.unitPrice`] = t('pricing.required');
    });
    return errors;
  }

  private bodyOf(r: RowDraft): Record<string, unknown> {
    const min = toThousandths(r.minUnits) ?? 0;
    // 0 and one unit are both the base price: a stored base row keeps the threshold it has.
    const before = r.id === null ? undefined : this.origin.get(r.id);
    const minQuantity = before && tier(before.minQuantity) === tier(min) ? before.minQuantity : min <= 1000 ? 0 : min;
    return { ...(r.id === null ? {} : { id: r.id }), minQuantity, unitPrice: r.unitPrice, validFrom: r.validFrom || null, validTo: r.validTo || null };
  }

  async save(e?: Event): Promise<void> {
    e?.preventDefault();
    if (this.readonly) return;
    const sent = this.rows;
    const ok = await this.form.save(() => this.check(), async () => {
      // Every row in one request: the server stores exactly these rows, or nothing.
      const saved = await this.api.put<ArticleListPrices>(
        `/pricing/prices/articles/${this.article.id}/lists/${encodeURIComponent(this.list.code)}`,
        { version: this.version, rows: sent.map((r) => this.bodyOf(r)) },
      );
      // The answer keeps the order sent: new rows get their ids.
      const ids = new Map(sent.map((r, i) => [r.key, saved.rows[i]?.id ?? r.id]));
      this.origin = new Map(saved.rows.map((p) => [p.id, p]));
      this.version = saved.version;
      return { rows: sent.map((r) => ({ ...r, id: ids.get(r.key) ?? r.id })) };
    });
    if (!ok) {
      // The screen reloads the rows under the ones typed, for Undo (or Reload) to show them.
      if (this.form.conflict) this.dispatchEvent(new CustomEvent('stale', { bubbles: true, composed: true }));
      return;
    }
    toast(t('pricing.prices.saved', { list: listName(this.list), article: this.article.name }), 'success');
    this.dispatchEvent(new CustomEvent('saved', { bubbles: true, composed: true }));
  }

  private renderRow(r: RowDraft, i: number, ro: boolean) {
    const c = this.list.code;
    const min = toThousandths(r.minUnits);
    const other = otherSide(r.unitPrice, this.article.vatRate, this.list.includesVat);
    const rowErrors = FIELDS.filter((f) => this.err(i, f));
    const mode = this.article.unit === 'piece' ? 'integer' : 'decimal';
    return html`
      <div class="tier" data-testid=${`price-${c}-row`} data-key=${String(r.id ?? 'new')}>
        <span class="badge ${min !== null && min > 1000 ? 'primary' : ''}" data-testid=${`price-${c}-${i}-tier`}>
          ${min === null ? t('pricing.prices.newBreak') : tierLabel(min, this.article.unit)}
        </span>
        ${r.id === 0 ? html`<span class="badge" data-testid=${`price-${c}-${i}-from-article`}>${t('pricing.prices.fromArticle')}</span>` : ''}
      </div>
      <cpt-numeric-field
        testid=${`price-${c}-${i}-min`}
        mode=${mode}
        .min=${0}
        .value=${r.minUnits}
        ?invalid=${!!this.err(i, 'minQuantity')}
        ?disabled=${ro}
        aria-label=${t('pricing.prices.from')}
        suffix=${this.article.unit === 'kg' ? 'kg' : this.article.unit === 'litre' ? 'l' : ''}
        @change=${this.form.numeric(`rows.${i}.minQuantity`, (v) => this.patch(i, { minUnits: v }, 'minQuantity'))}
      ></cpt-numeric-field>
      <div>
        <cpt-numeric-field
          testid=${`price-${c}-${i}-price`}
          mode="money"
          .min=${0}
          .value=${r.unitPrice}
          ?invalid=${!!this.err(i, 'unitPrice')}
          ?disabled=${ro}
          aria-label=${t('pricing.prices.price')}
          @change=${this.form.numeric(`rows.${i}.unitPrice`, (v) => this.patch(i, { unitPrice: v }, 'unitPrice'))}
        ></cpt-numeric-field>
        ${other !== null ? html`<div class="hint">${t('pricing.colon', { label: vatSide(!this.list.includesVat, this.session) })} ${formatMoney(other)}</div>` : nothing}
      </div>
      <cpt-date-field class="date" testid=${`price-${c}-${i}-from`} label=${t('pricing.prices.validFrom')} .value=${r.validFrom} ?disabled=${ro}
        ?invalid=${!!this.err(i, 'validFrom')}
        @change=${(e: Event) => this.patch(i, { validFrom: (e.target as HTMLInputElement).value }, 'validFrom')}></cpt-date-field>
      <cpt-date-field class="date" testid=${`price-${c}-${i}-to`} label=${t('pricing.prices.validTo')} .value=${r.validTo} ?disabled=${ro}
        ?invalid=${!!this.err(i, 'validTo')}
        @change=${(e: Event) => this.patch(i, { validTo: (e.target as HTMLInputElement).value }, 'validTo')}></cpt-date-field>
      ${ro
        ? html`<span></span>`
        : html`<cpt-button variant="ghost" icon="trash" label=${t('pricing.prices.remove')} data-testid=${`price-${c}-${i}-remove`} @click=${() => this.removeItem(i)}></cpt-button>`}
      ${rowErrors.map(
        (f) => html`<span class="field-error row-error under-${f}" role="alert" data-testid=${`error-${c}.${i}.${f}`}>${this.err(i, f)}</span>`,
      )}
    `;
  }

  override render() {
    const l = this.list;
    const ro = this.readonly;
    return html`<div class="card" data-testid=${`prices-${l.code}`}>
      <div class="card-header">
        <h2>${listName(l)}</h2>
        <span class="badge">${t('pricing.prices.listSide', { side: vatSide(l.includesVat, this.session) })}</span>
        ${l.isDefault ? html`<span class="badge primary">${t('pricing.lists.default')}</span>` : nothing}
        ${l.active ? nothing : html`<span class="badge warning">${t('pricing.inactive')}</span>`}
      </div>
      <form @submit=${this.save} @keydown=${submitOnEnter} novalidate>
        ${this.rows.length === 0
          ? html`<p class="empty" data-testid=${`price-${l.code}-empty`}>${l.isDefault && this.article.price !== null
              ? t('pricing.prices.emptyDefault', { price: formatMoney(this.article.price) })
              : t('pricing.prices.empty')}</p>`
          : html`<div class="rows">
              <span class="grid-head">${t('pricing.prices.tier')}</span>
              <span class="grid-head">${t('pricing.prices.from')}</span>
              <span class="grid-head">${t('pricing.prices.priceSide', { side: vatSide(l.includesVat, this.session) })}</span>
              <span class="grid-head date-head">${t('pricing.prices.validFrom')}</span>
              <span class="grid-head date-head">${t('pricing.prices.validTo')}</span>
              <span></span>
              ${this.rows.map((r, i) => this.renderRow(r, i, ro))}
            </div>`}
        <div class="form-alerts">${formAlerts(this.form, `price-${l.code}`, () => this.reset())}</div>
        ${ro
          ? nothing
          : html`<div class="footer">
              <cpt-button icon="plus" data-testid=${`price-${l.code}-add`} @click=${() => this.add()}>
                ${this.rows.length === 0 ? t('pricing.prices.addBase') : t('pricing.prices.addBreak')}
              </cpt-button>
              <span class="spacer"></span>
              ${this.form.dirty ? html`<cpt-button variant="ghost" data-testid=${`price-${l.code}-reset`} @click=${() => this.reset()}>${t('pricing.undo')}</cpt-button>` : nothing}
              <cpt-button type="submit" variant="primary" icon="check" data-testid=${`price-${l.code}-save`} ?busy=${this.form.saving} ?disabled=${!this.form.dirty}>
                ${t('pricing.save')}
              </cpt-button>
            </div>`}
      </form>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-pricing-list-prices': PricingListPrices;
  }
}
