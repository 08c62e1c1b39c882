import {
  ApiClient,
  FormController,
  LitElement,
  LocaleController,
  customElement,
  errorMessage,
  formAlerts,
  html,
  nothing,
  property,
  state,
  submitOnEnter,
  t,
  toast,
  type PropertyValues,
} from '@comptoir/shell';
import './picker.js';
import { formatQuantity, toThousandths } from './format.js';
import { plainTable } from './plain-table.js';
import { pricingStyles } from './styles.js';
import { ASSOCIATION_KINDS, type Article, type Association, type AssociationKind, type Pack } from './types.js';

const FIELDS = ['associatedArticleId', 'ratio', 'kind', 'packId'];

interface Draft {
  picked: Article | null;
  kind: AssociationKind;
  ratio: number | null;
  packId: number | null;
}

const empty = (): Draft => ({ picked: null, kind: 'deposit', ratio: 1, packId: null });

/**
 * <cpt-pricing-associations> — articles sold with this one: the deposit of a bottle (per unit) or of a crate
 * (per pack), a fee, an accessory.
 *
 * Properties: api, article, readonly. Reloads the packs it offers when `refresh()` is called.
 * Test ids: associations-row (data-key = id), association-delete-<i>, association-article (picker prefix:
 * association-article-search, association-article-result), association-picked, association-kind,
 * association-ratio, association-pack, association-save, association-error, error-association.<field>.
 */
@customElement('cpt-pricing-associations')
export class PricingAssociations extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) article!: Article;
  @property({ type: Boolean }) readonly = false;

  @state() private rows: Association[] = [];
  @state() private packs: Pack[] = [];
  @state() private loadError = '';
  private i18n = new LocaleController(this);
  private form: FormController<Draft> = new FormController<Draft>(this, empty(), {
    fields: FIELDS,
    describe: () => t('pricing.associations.add'),
    focusTarget: (field) => this.renderRoot.querySelector<HTMLElement>(`cpt-field[field="association.${field}"]`),
  });

  static override styles = pricingStyles;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('article')) {
      this.form.reset(empty());
      void this.refresh();
    }
  }

  async refresh(): Promise<void> {
    try {
      [this.rows, this.packs] = await Promise.all([
        this.api.get<Association[]>('/pricing/associations', { article: this.article.id }),
        this.api.get<Pack[]>('/pricing/packs', { article: this.article.id }),
      ]);
      this.loadError = '';
    } catch (err) {
      this.loadError = errorMessage(err);
    }
  }

  private check(): Record<string, string> {
    const errors: Record<string, string> = {};
    if (!this.form.draft.picked) errors.associatedArticleId = t('pricing.required');
    if (this.form.draft.ratio === null) errors.ratio = t('pricing.required');
    return errors;
  }

  private async save(e?: Event): Promise<void> {
    e?.preventDefault();
    if (this.readonly) return;
    const d = this.form.draft;
    const ok = await this.form.save(() => this.check(), async () => {
      await this.api.post('/pricing/associations', {
        articleId: this.article.id, associatedArticleId: d.picked!.id, kind: d.kind, ratio: toThousandths(d.ratio), packId: d.packId,
      });
    });
    if (!ok) return;
    toast(t('pricing.associations.saved', { name: d.picked!.name }), 'success');
    this.form.reset(empty());
    await this.refresh();
  }

  private async removeItem(a: Association): Promise<void> {
    try {
      await this.api.delete(`/pricing/associations/${a.id}`);
      await this.refresh();
    } catch (err) {
      this.form.fail(err);
    }
  }

  private packName(id: number | null): string {
    if (id === null) return t('pricing.associations.perUnit');
    const p = this.packs.find((x) => x.id === id);
    return p ? t('pricing.associations.perPack', { pack: p.name || `${p.barcode} (× ${formatQuantity(p.quantity)})` }) : '';
  }

  private renderForm() {
    const d = this.form.draft;
    const errors = this.form.errors;
    return html`<form @submit=${this.save} @keydown=${submitOnEnter} novalidate style="margin-top:16px">
      <h3 style="margin-bottom:10px">${t('pricing.associations.add')}</h3>
      <div class="form-grid">
        <cpt-field class="wide" label=${t('pricing.associations.article')} field="association.associatedArticleId" .error=${errors.associatedArticleId} required>
          ${d.picked
            ? html`<div style="display:flex;gap:8px;align-items:center">
                <span class="badge primary" data-testid="association-picked">${d.picked.code} · ${d.picked.name}</span>
                <cpt-button variant="ghost" icon="close" label=${t('pricing.change')} @click=${() => this.form.set('picked', null, 'associatedArticleId')}></cpt-button>
              </div>`
            : html`<cpt-pricing-picker .api=${this.api} source="articles" testid="association-article" placeholder=${t('pricing.associations.articlePlaceholder')}
                @pick=${(e: CustomEvent<{ item: Article }>) => this.form.set('picked', e.detail.item, 'associatedArticleId')}></cpt-pricing-picker>`}
        </cpt-field>
        <cpt-field label=${t('pricing.associations.kind')} field="association.kind" .error=${errors.kind}>
          <select data-testid="association-kind" @change=${(e: Event) => this.form.set('kind', (e.target as HTMLSelectElement).value as AssociationKind)}>
            ${ASSOCIATION_KINDS.map((k) => html`<option value=${k} ?selected=${d.kind === k}>${t(`pricing.associations.kind.${k}`)}</option>`)}
          </select>
        </cpt-field>
        <cpt-field label=${t('pricing.associations.ratio')} field="association.ratio" .error=${errors.ratio} hint=${t('pricing.associations.ratioHint')}>
          <cpt-numeric-field testid="association-ratio" mode="decimal" .decimals=${3} .min=${0} .value=${d.ratio}
            @change=${this.form.numeric('ratio', (v) => this.form.set('ratio', v))}></cpt-numeric-field>
        </cpt-field>
        <cpt-field label=${t('pricing.associations.per')} field="association.packId" .error=${errors.packId}>
          <select data-testid="association-pack" @change=${(e: Event) => {
            const v = (e.target as HTMLSelectElement).value;
            this.form.set('packId', v === '' ? null : Number(v));
          }}>
            <option value="" ?selected=${d.packId === null}>${t('pricing.associations.perUnit')}</option>
            ${this.packs.map((p) => html`<option value=${String(p.id)} ?selected=${d.packId === p.id}>${this.packName(p.id)}</option>`)}
          </select>
        </cpt-field>
      </div>
      <div class="form-alerts">${formAlerts(this.form, 'association', () => void this.refresh())}</div>
      <div class="actions" style="margin-top:12px">
        <cpt-button type="submit" variant="primary" icon="plus" data-testid="association-save" ?busy=${this.form.saving}>${t('pricing.associations.addButton')}</cpt-button>
      </div>
    </form>`;
  }

  override render() {
    const ro = this.readonly;
    return html`<div class="card" data-testid="associations">
      <h2 class="section-title">${t('pricing.associations.title')}</h2>
      ${this.loadError ? html`<div class="alert error" role="alert" data-testid="associations-load-error">${this.loadError}</div>` : nothing}
      ${plainTable({
        testid: 'associations', action: 'association', rows: this.rows, empty: t('pricing.associations.empty'), readonly: ro,
        onDelete: (a) => void this.removeItem(a),
        columns: [
          { label: t('pricing.associations.article'), cell: (a) => html`<span class="mono muted">${a.associatedArticleCode ?? ''}</span> ${a.associatedArticleName ?? `#${a.associatedArticleId}`}` },
          { label: t('pricing.associations.kind'), cell: (a) => t(`pricing.associations.kind.${a.kind}`) },
          { label: t('pricing.associations.ratio'), end: true, cell: (a) => formatQuantity(a.ratio) },
          { label: t('pricing.associations.per'), cell: (a) => this.packName(a.packId) },
        ],
      })}
      ${ro ? nothing : this.renderForm()}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-pricing-associations': PricingAssociations;
  }
}
