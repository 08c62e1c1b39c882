import {
  ApiClient,
  LitElement,
  LocaleController,
  confirmDialog,
  css,
  customElement,
  errorMessage,
  formatNumber,
  html,
  nothing,
  property,
  state,
  t,
  toast,
  type Session,
} from '@comptoir/shell';
import { encodeForUpload, readImportFile, type ReadFile } from './import-file.js';
import './import-outcome.js';
import type { ImportPreview, ImportReport } from './import-outcome.js';
import { IMPORT_FIELDS, guessMapping, type ImportField, type ImportMapping } from './import-mapping.js';
import { fieldErrorsOf, listName } from './format.js';
import { pricingStyles } from './styles.js';
import type { Page, PriceList } from './types.js';

/** A saved mapping: what a supplier's file looks like, to import next month's in one click. */
interface Profile {
  id: number;
  name: string;
  settings: { mapping?: ImportMapping; decimalSeparator?: ',' | '.'; supplierCode?: string; retailListCode?: string; wholesaleListCode?: string };
}

/**
 * Import of a supplier's catalogue (route #/pricing/import): choose a CSV or XLSX file (read in the browser),
 * map its columns (first row's headers → fields), preview what would change, import, and read the report
 * (created / updated / unchanged / rejected rows with their reasons).
 *
 * Test ids: import-file, import-file-name, import-profile, import-profile-name, import-profile-save,
 * import-map-<field>, import-decimal, import-supplier, import-retail-list, import-wholesale-list, import-preview,
 * import-run, import-confirm(-confirm|-cancel), import-error, error-<field> (error-mapping.code…), and those of
 * <cpt-pricing-import-outcome> (counts, first rows, rejected rows, report).
 */
@customElement('cpt-pricing-import')
export class PricingImportScreen extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;

  @state() private file: ReadFile | null = null;
  @state() private mapping: ImportMapping = {};
  @state() private profiles: Profile[] = [];
  @state() private profileName = '';
  @state() private decimal: ',' | '.' = ',';
  @state() private supplierCode = '';
  @state() private suppliers: Array<{ code: string; name: string }> = [];
  @state() private lists: PriceList[] = [];
  @state() private retailList = 'retail';
  @state() private wholesaleList = 'wholesale';
  @state() private preview: ImportPreview | null = null;
  @state() private report: ImportReport | null = null;
  @state() private busy: '' | 'read' | 'preview' | 'import' = '';
  @state() private error = '';
  @state() private errors: Record<string, string> = {};
  @state() private dragging = false;
  private i18n = new LocaleController(this);

  static override styles = [
    ...pricingStyles,
    css`
      .mapping {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(230px, 1fr));
        gap: 12px 16px;
      }
      .profiles {
        display: grid;
        grid-template-columns: minmax(200px, 1fr) minmax(200px, 1fr) auto;
        gap: 12px 16px;
        align-items: end;
        margin-bottom: 16px;
      }
      .drop {
        display: flex;
        align-items: center;
        gap: 16px;
        flex-wrap: wrap;
        padding: 18px;
        border: 2px dashed var(--cpt-border-strong);
        border-radius: var(--cpt-radius);
        cursor: pointer;
      }
      .drop.over {
        border-color: var(--cpt-primary);
        background: var(--cpt-primary-soft);
      }
      .drop-button {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        padding: 0 18px;
        border-radius: var(--cpt-radius-sm);
        background: var(--cpt-primary);
        color: var(--cpt-on-primary, #fff);
        font-weight: 500;
      }
      .drop:focus-within .drop-button {
        outline: 3px solid var(--cpt-focus);
        outline-offset: 2px;
      }
      .visually-hidden {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
        white-space: nowrap;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.api.get<PriceList[]>('/pricing/lists').then((l) => (this.lists = l)).catch(() => undefined);
    void this.api
      .page<{ code: string; name: string }>('/catalog/suppliers', { pageSize: 200, active: true })
      .then((p: Page<{ code: string; name: string }>) => (this.suppliers = p.items ?? []))
      .catch(() => undefined);
    void this.loadProfiles();
  }

  private async loadProfiles(): Promise<void> {
    try {
      this.profiles = await this.api.get<Profile[]>('/pricing/import-profiles');
    } catch {
      this.profiles = [];
    }
  }

  /** Applies a saved mapping; columns the file does not have are left unmapped. */
  private applyProfile(id: string): void {
    const p = this.profiles.find((x) => String(x.id) === id);
    if (!p) return;
    const headers = new Set(this.file?.headers ?? []);
    const mapping = Object.fromEntries(Object.entries(p.settings.mapping ?? {}).filter(([, h]) => h && (!this.file || headers.has(h))));
    this.mapping = mapping;
    this.decimal = p.settings.decimalSeparator ?? this.decimal;
    this.supplierCode = p.settings.supplierCode ?? '';
    this.retailList = p.settings.retailListCode ?? this.retailList;
    this.wholesaleList = p.settings.wholesaleListCode ?? this.wholesaleList;
    this.profileName = p.name;
    this.preview = null;
  }

  private async saveProfile(): Promise<void> {
    const name = this.profileName.trim();
    if (!name) {
      this.errors = { ...this.errors, name: t('pricing.required') };
      return;
    }
    const settings = {
      mapping: Object.fromEntries(Object.entries(this.mapping).filter(([, v]) => v)), decimalSeparator: this.decimal,
      ...(this.supplierCode ? { supplierCode: this.supplierCode } : {}), retailListCode: this.retailList, wholesaleListCode: this.wholesaleList,
    };
    try {
      await this.api.put('/pricing/import-profiles', { name, settings });
      toast(t('pricing.import.profileSaved', { name }), 'success');
      await this.loadProfiles();
    } catch (err) {
      this.fail(err);
    }
  }

  private async read(file: File | null): Promise<void> {
    this.preview = null;
    this.report = null;
    this.error = '';
    this.errors = {};
    if (!file) return;
    this.busy = 'read';
    try {
      this.file = await readImportFile(file);
      this.mapping = guessMapping(this.file.headers);
      if (!this.file.headers.length) this.error = t('pricing.import.noHeaders');
    } catch (err) {
      this.file = null;
      this.error = t('pricing.import.unreadable', { detail: (err as Error).message });
    } finally {
      this.busy = '';
    }
  }

  private setField(field: ImportField, header: string): void {
    this.mapping = { ...this.mapping, [field]: header || undefined };
    this.preview = null;
    const { [`mapping.${field}`]: _gone, mapping: _any, ...rest } = this.errors;
    this.errors = rest;
  }

  private async body(): Promise<Record<string, unknown>> {
    const f = this.file!;
    const mapping = Object.fromEntries(Object.entries(this.mapping).filter(([, v]) => v));
    return {
      format: f.format, ...(await encodeForUpload(f.bytes)), mapping, decimalSeparator: this.decimal,
      ...(f.delimiter ? { delimiter: f.delimiter } : {}),
      ...(this.supplierCode ? { supplierCode: this.supplierCode } : {}),
      retailListCode: this.retailList, wholesaleListCode: this.wholesaleList,
    };
  }

  private async runPreview(): Promise<void> {
    if (!this.file || this.busy) return;
    this.busy = 'preview';
    this.error = '';
    this.errors = {};
    this.report = null;
    try {
      this.preview = await this.api.post<ImportPreview>('/pricing/imports/preview', await this.body());
    } catch (err) {
      this.fail(err);
    } finally {
      this.busy = '';
    }
  }

  private async runImport(): Promise<void> {
    if (!this.file || this.busy) return;
    const p = this.preview;
    const ok = await confirmDialog({
      title: t('pricing.import.confirmTitle'),
      message: p
        ? t('pricing.import.confirmText', { create: p.counts.create, update: formatNumber(p.counts.update), rejected: p.counts.rejected })
        : t('pricing.import.confirmBlind'),
      confirmLabel: t('pricing.import.run'),
      cancelLabel: t('pricing.cancel'),
      testid: 'import-confirm',
    });
    if (!ok) return;
    this.busy = 'import';
    this.error = '';
    try {
      this.report = await this.api.post<ImportReport>('/pricing/imports', await this.body());
      this.preview = null;
      toast(t('pricing.import.done', { created: this.report.created, updated: formatNumber(this.report.updated) }), 'success');
    } catch (err) {
      this.fail(err);
    } finally {
      this.busy = '';
    }
  }

  private fail(err: unknown): void {
    this.errors = fieldErrorsOf(err);
    this.error = errorMessage(err);
  }

  private renderMapping(f: ReadFile) {
    return html`<div class="card">
      <h2 class="section-title">${t('pricing.import.mapping')}</h2>
      <p class="muted" style="margin:0 0 12px">${t('pricing.import.mappingHint', { count: f.headers.length })}</p>
      <div class="profiles">
        <cpt-field label=${t('pricing.import.profile')}>
          <select data-testid="import-profile" @change=${(e: Event) => this.applyProfile((e.target as HTMLSelectElement).value)}>
            <option value="">${this.profiles.length ? t('pricing.import.chooseProfile') : t('pricing.import.noProfile')}</option>
            ${this.profiles.map((p) => html`<option value=${String(p.id)} ?selected=${this.profileName === p.name}>${p.name}</option>`)}
          </select>
        </cpt-field>
        <cpt-field label=${t('pricing.import.profileName')} field="name" .error=${this.errors.name}>
          <input data-testid="import-profile-name" autocomplete="off" placeholder=${t('pricing.import.profilePlaceholder')} .value=${this.profileName}
            @input=${(e: Event) => (this.profileName = (e.target as HTMLInputElement).value)} />
        </cpt-field>
        <cpt-button data-testid="import-profile-save" @click=${() => this.saveProfile()}>${t('pricing.import.saveProfile')}</cpt-button>
      </div>
      ${this.errors.mapping ? html`<div class="alert error" role="alert" data-testid="error-mapping" style="margin-bottom:12px">${this.errors.mapping}</div>` : nothing}
      <div class="mapping">
        ${IMPORT_FIELDS.map(
          (field) => html`<cpt-field label=${t(`pricing.import.field.${field}`)} field=${`mapping.${field}`} .error=${this.errors[`mapping.${field}`]}>
            <select data-testid=${`import-map-${field}`} @change=${(e: Event) => this.setField(field, (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!this.mapping[field]}>${t('pricing.import.notInFile')}</option>
              ${f.headers.map((h, i) => (h ? html`<option value=${h} ?selected=${this.mapping[field] === h}>${h}</option>` : html`<option disabled>${t('pricing.import.column', { n: i + 1 })}</option>`))}
            </select>
          </cpt-field>`,
        )}
      </div>
      <h2 class="section-title" style="margin-top:20px">${t('pricing.import.options')}</h2>
      <div class="form-grid">
        <cpt-field label=${t('pricing.import.decimal')} field="decimalSeparator" .error=${this.errors.decimalSeparator}>
          <select data-testid="import-decimal" @change=${(e: Event) => (this.decimal = (e.target as HTMLSelectElement).value as ',' | '.')}>
            <option value="," ?selected=${this.decimal === ','}>${t('pricing.import.comma')}</option>
            <option value="." ?selected=${this.decimal === '.'}>${t('pricing.import.dot')}</option>
          </select>
        </cpt-field>
        <cpt-field label=${t('pricing.import.supplier')} field="supplierCode" .error=${this.errors.supplierCode} hint=${t('pricing.import.supplierHint')}>
          <select data-testid="import-supplier" @change=${(e: Event) => (this.supplierCode = (e.target as HTMLSelectElement).value)}>
            <option value="">${t('pricing.import.noSupplier')}</option>
            ${this.suppliers.map((s) => html`<option value=${s.code} ?selected=${this.supplierCode === s.code}>${s.name} (${s.code})</option>`)}
          </select>
        </cpt-field>
        <cpt-field label=${t('pricing.import.retailList')} field="retailListCode" .error=${this.errors.retailListCode}>
          <select data-testid="import-retail-list" @change=${(e: Event) => (this.retailList = (e.target as HTMLSelectElement).value)}>
            ${this.lists.map((l) => html`<option value=${l.code} ?selected=${this.retailList === l.code}>${listName(l)}</option>`)}
          </select>
        </cpt-field>
        <cpt-field label=${t('pricing.import.wholesaleList')} field="wholesaleListCode" .error=${this.errors.wholesaleListCode}>
          <select data-testid="import-wholesale-list" @change=${(e: Event) => (this.wholesaleList = (e.target as HTMLSelectElement).value)}>
            ${this.lists.map((l) => html`<option value=${l.code} ?selected=${this.wholesaleList === l.code}>${listName(l)}</option>`)}
          </select>
        </cpt-field>
      </div>
      <div class="actions" style="margin-top:16px">
        <cpt-button data-testid="import-preview" icon="search" ?busy=${this.busy === 'preview'} ?disabled=${!!this.busy} @click=${() => this.runPreview()}>${t('pricing.import.preview')}</cpt-button>
        <cpt-button variant="primary" data-testid="import-run" icon="check" ?busy=${this.busy === 'import'} ?disabled=${!!this.busy} @click=${() => this.runImport()}>${t('pricing.import.run')}</cpt-button>
      </div>
    </div>`;
  }

  override render() {
    const f = this.file;
    return html`<div class="page">
      <div class="page-header"><h1>${t('pricing.import.title')}</h1></div>
      <p class="muted" style="margin:0">${t('pricing.import.intro')}</p>
      <div class="card">
        <cpt-field label=${t('pricing.import.file')} field="content" .error=${this.errors.content} hint=${t('pricing.import.fileHint')}>
          <label class="drop ${this.dragging ? 'over' : ''}"
            @dragover=${(e: DragEvent) => {
              e.preventDefault();
              this.dragging = true;
            }}
            @dragleave=${() => (this.dragging = false)}
            @drop=${(e: DragEvent) => {
              e.preventDefault();
              this.dragging = false;
              const file = e.dataTransfer?.files?.[0];
              if (file) void this.read(file);
            }}>
            <input type="file" class="visually-hidden" data-testid="import-file"
              accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              @change=${(e: Event) => this.read((e.target as HTMLInputElement).files?.[0] ?? null)} />
            <span class="drop-button">${t('pricing.import.chooseFile')}</span>
            <span class="muted">${t('pricing.import.drop')}</span>
          </label>
        </cpt-field>
        ${f ? html`<p class="muted" data-testid="import-file-name" style="margin:8px 0 0">
          ${t('pricing.import.fileRead', { name: f.name, format: f.format.toUpperCase(), columns: f.headers.filter(Boolean).length })}</p>` : nothing}
        ${this.busy === 'read' ? html`<p class="muted">${t('pricing.loading')}</p>` : nothing}
      </div>
      ${this.error ? html`<div class="alert error" role="alert" data-testid="import-error">${this.error}</div>` : nothing}
      ${f && f.headers.length ? this.renderMapping(f) : nothing}
      ${this.preview || this.report ? html`<cpt-pricing-import-outcome .preview=${this.preview} .report=${this.report}></cpt-pricing-import-outcome>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-pricing-import': PricingImportScreen;
  }
}
