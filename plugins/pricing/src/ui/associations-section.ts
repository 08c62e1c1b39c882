import {
  ApiClient,
  LitElement,
  LocaleController,
  customElement,
  errorMessage,
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
import { fieldErrorsOf, formatQuantity, onlyFieldErrors, toThousandths } from './format.js';
import { pricingStyles } from './styles.js';
import { ASSOCIATION_KINDS, type Article, type Association, type AssociationKind, type Pack } from './types.js';

const FIELDS = ['associatedArticleId', 'ratio', 'kind', 'packId'];

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
  @state() private picked: Article | null = null;
  @state() private kind: AssociationKind = 'deposit';
  @state() private ratio: number | null = 1;
  @state() private ratioInvalid = false;
  @state() private packId: number | null = null;
  @state() private errors: Record<string, string> = {};
  @state() private formError = '';
  @state() private saving = false;
  private i18n = new LocaleController(this);

  static override styles = pricingStyles;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('article')) {
      this.picked = null;
      this.errors = {};
      this.formError = '';
      void this.refresh();
    }
  }

  async refresh(): Promise<void> {
    try {
      [this.rows, this.packs] = await Promise.all([
        this.api.get<Association[]>('/pricing/associations', { article: this.article.id }),
        this.api.get<Pack[]>('/pricing/packs', { article: this.article.id }),
      ]);
    } catch (err) {
      this.formError = errorMessage(err);
    }
  }

  private async save(e?: Event): Promise<void> {
    e?.preventDefault();
    if (this.saving || this.readonly) return;
    const errors: Record<string, string> = {};
    if (!this.picked) errors.associatedArticleId = t('pricing.required');
    if (this.ratioInvalid) errors.ratio = t('pricing.prices.quantityInvalid');
    else if (this.ratio === null) errors.ratio = t('pricing.required');
    this.errors = errors;
    this.formError = '';
    if (Object.keys(errors).length) return;
    this.saving = true;
    try {
      await this.api.post('/pricing/associations', {
        articleId: this.article.id, associatedArticleId: this.picked!.id, kind: this.kind, ratio: toThousandths(this.ratio), packId: this.packId,
      });
      toast(t('pricing.associations.saved', { name: this.picked!.name }), 'success');
      this.picked = null;
      this.ratio = 1;
      this.packId = null;
      await this.refresh();
    } catch (err) {
      this.errors = fieldErrorsOf(err);
      this.formError = onlyFieldErrors(err, FIELDS) ? '' : errorMessage(err);
    } finally {
      this.saving = false;
    }
  }

  private async removeItem(a: Association): Promise<void> {
    try {
      await this.api.delete(`/pricing/associations/${a.id}`);
      await this.refresh();
    } catch (err) {
      this.formError = errorMessage(err);
    }
  }

  private packName(id: number | null): string {
    if (id === null) return t('pricing.associations.perUnit');
    const p = this.packs.find((x) => x.id === id);
    return p ? t('pricing.associations.perPack', { pack: p.name || `${p.barcode} (× ${formatQuantity(p.quantity)})` }) : '';
  }

  private renderForm() {
    return html`<form @submit=${this.save} @keydown=${submitOnEnter} novalidate style="margin-top:16px">
      <h3 style="margin-bottom:10px">${t('pricing.associations.add')}</h3>
      <div class="form-grid">
        <cpt-field class="wide" label=${t('pricing.associations.article')} field="association.associatedArticleId" .error=${this.errors.associatedArticleId} required>
          ${this.picked
            ? html`<div style="display:flex;gap:8px;align-items:center">
                <span class="badge primary" data-testid="association-picked">${this.picked.code} · ${this.picked.name}</span>
                <cpt-button variant="ghost" icon="close" label=${t('pricing.change')} @click=${() => (this.picked = null)}></cpt-button>
              </div>`
            : html`<cpt-pricing-picker .api=${this.api} source="articles" testid="association-article" placeholder=${t('pricing.associations.articlePlaceholder')}
                @pick=${(e: CustomEvent<{ item: Article }>) => {
                  this.picked = e.detail.item;
                  this.errors = {};
                }}></cpt-pricing-picker>`}
        </cpt-field>
        <cpt-field label=${t('pricing.associations.kind')} field="association.kind" .error=${this.errors.kind}>
          <select data-testid="association-kind" @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value as AssociationKind)}>
            ${ASSOCIATION_KINDS.map((k) => html`<option value=${k} ?selected=${this.kind === k}>${t(`pricing.associations.kind.${k}`)}</option>`)}
          </select>
        </cpt-field>
        <cpt-field label=${t('pricing.associations.ratio')} field="association.ratio" .error=${this.errors.ratio} hint=${t('pricing.associations.ratioHint')}>
          <cpt-numeric-field testid="association-ratio" mode="decimal" .decimals=${3} .min=${0} .value=${this.ratio}
            @change=${(e: CustomEvent<{ value: number | null; valid: boolean }>) => {
              this.ratioInvalid = !e.detail.valid;
              if (e.detail.valid) this.ratio = e.detail.value;
            }}></cpt-numeric-field>
        </cpt-field>
        <cpt-field label=${t('pricing.associations.per')} field="association.packId" .error=${this.errors.packId}>
          <select data-testid="association-pack" @change=${(e: Event) => {
            const v = (e.target as HTMLSelectElement).value;
            this.packId = v === '' ? null : Number(v);
          }}>
            <option value="" ?selected=${this.packId === null}>${t('pricing.associations.perUnit')}</option>
            ${this.packs.map((p) => html`<option value=${String(p.id)} ?selected=${this.packId === p.id}>${this.packName(p.id)}</option>`)}
          </select>
        </cpt-field>
      </div>
      ${this.formError ? html`<div class="alert error" role="alert" data-testid="association-error" style="margin-top:12px">${this.formError}</div>` : nothing}
      <div class="actions" style="margin-top:12px">
        <cpt-button type="submit" variant="primary" icon="plus" data-testid="association-save" ?busy=${this.saving}>${t('pricing.associations.addButton')}</cpt-button>
      </div>
    </form>`;
  }

  override render() {
    const ro = this.readonly;
    return html`<div class="card" data-testid="associations">
      <h2 class="section-title">${t('pricing.associations.title')}</h2>
      ${this.rows.length === 0
        ? html`<p class="empty" data-testid="associations-empty">${t('pricing.associations.empty')}</p>`
        : html`<table class="plain">
            <thead>
              <tr>
                <th>${t('pricing.associations.article')}</th>
                <th>${t('pricing.associations.kind')}</th>
                <th class="end">${t('pricing.associations.ratio')}</th>
                <th>${t('pricing.associations.per')}</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              ${this.rows.map(
                (a, i) => html`<tr data-testid="associations-row" data-key=${String(a.id)}>
                  <td><span class="mono muted">${a.associatedArticleCode ?? ''}</span> ${a.associatedArticleName ?? `#${a.associatedArticleId}`}</td>
                  <td>${t(`pricing.associations.kind.${a.kind}`)}</td>
                  <td class="end">${formatQuantity(a.ratio)}</td>
                  <td>${this.packName(a.packId)}</td>
                  <td>
                    ${ro
                      ? nothing
                      : html`<div class="row-actions">
                          <cpt-button variant="ghost" icon="trash" label=${t('pricing.delete')} data-testid=${`association-delete-${i}`} @click=${() => this.removeItem(a)}></cpt-button>
                        </div>`}
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>`}
      ${ro ? nothing : this.renderForm()}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-pricing-associations': PricingAssociations;
  }
}
