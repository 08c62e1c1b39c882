import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { StoredOverride, TemplateDescription } from '@comptoir/kernel';
import type { ApiClient } from '../api/client.js';
import { LANGUAGES, type Language, type Session } from '../api/types.js';
import { FormController, formAlerts } from '../editing/form-controller.js';
import { imageFileToDataUrl } from '../forms.js';
import { LocaleController, i18n, t } from '../i18n/i18n.js';
import { errorMessage, toast } from '../notify.js';
import { sharedStyles } from '../styles.js';
import { printMessages } from './print-messages.js';
import { printScreenStyles } from './print-styles.js';
import '../elements/button.js';
import '../elements/field.js';

i18n.addMessages(printMessages);

/** What the form edits: the shop's texts, the blocks it does not print, its logo for this template. */
interface OverrideDraft {
  texts: Record<string, string>;
  hiddenBlocks: string[];
  logo: string | null;
}

const draftOf = (o: StoredOverride): OverrideDraft => ({ texts: { ...o.texts }, hiddenBlocks: [...o.hiddenBlocks].sort(), logo: o.logo });

/** How long typing pauses before the preview follows. */
const PREVIEW_DELAY_MS = 300;

/**
 * Settings › Printing (permission kernel.print): a template's texts, printed parts and logo per language, with
 * the preview beside the form following every change (POST /api/print/templates/:id/preview with the draft).
 * Test ids: print-template, print-lang-<fr|nl|en>, print-text-<key>, print-block-<key>, print-logo-file,
 * print-logo-remove, print-save, print-reset, print-preview (iframe), print-pdf, print-state.
 */
@customElement('cpt-settings-print')
export class CptSettingsPrint extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;

  @state() private templates: TemplateDescription[] = [];
  @state() private templateId = '';
  @state() private docLang: Language = 'fr';
  @state() private version = 0;
  @state() private preview = '';
  @state() private previewError = '';
  /** The UI language the templates were described in: they are described again when it changes. */
  private describedIn = '';
  private previewTimer: ReturnType<typeof setTimeout> | null = null;
  private previewSeq = 0;
  private i18n = new LocaleController(this);
  private form = new FormController<OverrideDraft>(this, { texts: {}, hiddenBlocks: [], logo: null }, {
    fields: ['texts', 'hiddenBlocks', 'logo'],
    onSave: () => void this.save(),
    describe: () => this.template?.title ?? '',
  });

  static override styles = [sharedStyles, printScreenStyles];

  private get template(): TemplateDescription | undefined {
    return this.templates.find((x) => x.id === this.templateId);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.docLang = (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'fr';
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.previewTimer) clearTimeout(this.previewTimer);
  }

  override willUpdate(): void {
    if (this.describedIn && this.describedIn !== i18n.language) void this.describe();
  }

  /** The templates' titles and labels in the UI's language. */
  private async describe(): Promise<boolean> {
    this.describedIn = i18n.language;
    try {
      this.templates = await this.api.get<TemplateDescription[]>('/print/templates', { lang: i18n.language });
      return true;
    } catch (err) {
      this.form.loadError = errorMessage(err);
      this.requestUpdate();
      return false;
    }
  }

  private async start(): Promise<void> {
    if (!(await this.describe())) return;
    this.templateId = this.templates[0]?.id ?? '';
    if (this.templateId) await this.load();
  }

  private overrideUrl(): string {
    return `/print/templates/${encodeURIComponent(this.templateId)}/overrides/${this.docLang}`;
  }

  private async load(): Promise<void> {
    await this.form.load(async () => {
      const o = await this.api.get<StoredOverride>(this.overrideUrl());
      this.version = o.version;
      return draftOf(o);
    });
    this.schedulePreview(0);
  }

  /** Switching template or language drops unsaved changes only when the person agrees. */
  private async switchTo(templateId: string, lang: Language): Promise<void> {
    if (templateId === this.templateId && lang === this.docLang) return;
    if (this.form.dirty && !window.confirm(t('print.discard'))) {
      this.requestUpdate();
      return;
    }
    this.templateId = templateId;
    this.docLang = lang;
    await this.load();
  }

  private change(apply: () => void): void {
    apply();
    this.schedulePreview(PREVIEW_DELAY_MS);
  }

  private setText(key: string, value: string): void {
    this.change(() => this.form.set('texts', { ...this.form.draft.texts, [key]: value }, `texts.${key}`));
  }

  private toggleBlock(key: string, printed: boolean): void {
    const hidden = new Set(this.form.draft.hiddenBlocks);
    if (printed) hidden.delete(key);
    else hidden.add(key);
    this.change(() => this.form.set('hiddenBlocks', [...hidden].sort()));
  }

  private async pickLogo(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      if (!/^image\/(png|jpeg|svg\+xml)$/.test(file.type)) throw new Error('type');
      const url = await imageFileToDataUrl(file, 384);
      this.change(() => this.form.set('logo', url));
    } catch {
      this.form.errors = { ...this.form.errors, logo: t('print.logoNotImage') };
      this.requestUpdate();
    }
  }

  /** The body of a preview: the draft as it stands. */
  private previewBody(format: 'html' | 'pdf') {
    const d = this.form.draft;
    return { lang: this.docLang, format, override: { texts: Object.fromEntries(Object.entries(d.texts).filter(([, v]) => v !== '')), hiddenBlocks: d.hiddenBlocks, logo: d.logo } };
  }

  private schedulePreview(delay: number): void {
    if (this.previewTimer) clearTimeout(this.previewTimer);
    this.previewTimer = setTimeout(() => void this.refreshPreview(), delay);
  }

  private async refreshPreview(): Promise<void> {
    if (!this.templateId) return;
    const seq = ++this.previewSeq;
    try {
      const res = await fetch(this.api.url(`/print/templates/${encodeURIComponent(this.templateId)}/preview`), this.previewRequest('html'));
      if (!res.ok) throw new Error(((await res.json().catch(() => null)) as { detail?: string } | null)?.detail ?? res.statusText);
      const page = await res.text();
      // A slower answer to an older draft never replaces a newer preview.
      if (seq !== this.previewSeq) return;
      this.preview = page;
      this.previewError = '';
    } catch (err) {
      if (seq === this.previewSeq) this.previewError = t('print.previewFailed', { error: errorMessage(err) });
    }
  }

  private previewRequest(format: 'html' | 'pdf'): RequestInit {
    return {
      method: 'POST', credentials: 'same-origin', body: JSON.stringify(this.previewBody(format)),
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': this.api.csrfToken ?? '', 'Accept-Language': i18n.language },
    };
  }

  private async openPdf(): Promise<void> {
    // The window opens at once (a click allows it), then shows the PDF when it arrives.
    const win = window.open('', '_blank');
    try {
      const res = await fetch(this.api.url(`/print/templates/${encodeURIComponent(this.templateId)}/preview`), this.previewRequest('pdf'));
      if (!res.ok) throw new Error(res.statusText);
      const url = URL.createObjectURL(await res.blob());
      if (win) win.location.href = url;
      else window.location.assign(url);
    } catch (err) {
      win?.close();
      toast(t('print.previewFailed', { error: errorMessage(err) }), 'error');
    }
  }

  private async save(): Promise<void> {
    const saved = await this.form.save(() => ({}), async () => {
      const o = await this.api.put<StoredOverride>(this.overrideUrl(), { ...this.previewBody('html').override, version: this.version });
      this.version = o.version;
      return draftOf(o);
    });
    if (saved) toast(t('print.saved', { template: this.template?.title ?? '', lang: this.docLang.toUpperCase() }), 'success');
  }

  private async reset(): Promise<void> {
    const done = await this.form.save(() => ({}), async () => {
      const o = await this.api.delete<StoredOverride>(this.overrideUrl(), { query: { version: this.version } });
      this.version = o.version;
      return draftOf(o);
    });
    if (done) {
      toast(t('print.resetDone', { template: this.template?.title ?? '', lang: this.docLang.toUpperCase() }), 'success');
      this.schedulePreview(0);
    }
  }

  override render() {
    const tpl = this.template;
    return html`<div class="page">
      <div class="page-header"><h1>${t('settings.print.title')}</h1></div>
      <p class="muted">${t('print.intro')}</p>
      ${this.form.loadError ? html`<div class="alert error" role="alert">${this.form.loadError}</div>` : nothing}
      ${!this.templates.length && !this.form.loadError ? html`<p class="muted">${t('print.none')}</p>` : nothing}
      ${tpl ? this.renderEditor(tpl) : nothing}
    </div>`;
  }

  private renderEditor(tpl: TemplateDescription) {
    const d = this.form.draft;
    return html`<div class="layout">
      <div class="card">
        <form @submit=${(e: Event) => { e.preventDefault(); void this.save(); }}>
          <div class="pickers">
            <cpt-field label=${t('print.template')} field="template">
              <select data-testid="print-template" .value=${this.templateId} @change=${(e: Event) => void this.switchTo((e.target as HTMLSelectElement).value, this.docLang)}>
                ${this.templates.map((x) => html`<option value=${x.id} ?selected=${x.id === this.templateId}>${x.title} — ${t(`print.kind.${x.kind}`)}</option>`)}
              </select>
            </cpt-field>
            <div>
              <div class="muted" id="lang-label" style="margin-bottom:6px">${t('print.language')}</div>
              <div class="langs" role="group" aria-labelledby="lang-label">
                ${LANGUAGES.map((l) => html`<button type="button" data-testid=${`print-lang-${l}`} aria-pressed=${l === this.docLang ? 'true' : 'false'}
                  @click=${() => void this.switchTo(this.templateId, l)}>${l.toUpperCase()}</button>`)}
              </div>
            </div>
          </div>
          <div><span class="badge ${this.version ? 'primary' : ''}" data-testid="print-state">${this.version ? t('print.customised', { version: this.version }) : t('print.original')}</span></div>
          ${tpl.description ? html`<p class="muted" style="margin:0">${tpl.description}</p>` : nothing}

          ${tpl.texts.length ? html`<h2>${t('print.texts')}</h2>` : nothing}
          ${tpl.texts.map((x) => {
            const def = x.default[this.docLang];
            const value = d.texts[x.key] ?? '';
            const input = (e: Event) => this.setText(x.key, (e.target as HTMLInputElement | HTMLTextAreaElement).value);
            return html`<cpt-field label=${x.label} field=${`texts.${x.key}`} .error=${this.form.errors[`texts.${x.key}`]} hint=${t('print.defaultHint', { text: def.replace(/\n/g, ' / ') })}>
              ${x.multiline
                ? html`<textarea data-testid=${`print-text-${x.key}`} rows="3" .value=${value} placeholder=${def} @input=${input}></textarea>`
                : html`<input data-testid=${`print-text-${x.key}`} .value=${value} placeholder=${def} @input=${input}>`}
            </cpt-field>`;
          })}

          ${tpl.blocks.length ? html`<h2>${t('print.blocks')}</h2>
            <div class="blocks">${tpl.blocks.map((b) => html`<label class="check">
              <input type="checkbox" data-testid=${`print-block-${b.key}`} .checked=${!d.hiddenBlocks.includes(b.key)}
                @change=${(e: Event) => this.toggleBlock(b.key, (e.target as HTMLInputElement).checked)}>${b.label}</label>`)}</div>
            ${this.form.errors.hiddenBlocks ? html`<div class="alert error">${this.form.errors.hiddenBlocks}</div>` : nothing}` : nothing}

          ${tpl.logo ? html`<h2>${t('print.logo')}</h2>
            <div class="logo">
              ${d.logo ? html`<img alt="" src=${d.logo}>` : html`<span class="muted">${t('print.logoShop')}</span>`}
              <label class="file">${t('print.logoPick')}<input type="file" accept="image/png,image/jpeg,image/svg+xml" data-testid="print-logo-file" @change=${(e: Event) => void this.pickLogo(e)}></label>
              ${d.logo ? html`<cpt-button variant="ghost" data-testid="print-logo-remove" @click=${() => this.change(() => this.form.set('logo', null))}>${t('print.logoRemove')}</cpt-button>` : nothing}
            </div>
            ${this.form.errors.logo ? html`<div class="alert error" data-testid="error-logo">${this.form.errors.logo}</div>` : nothing}` : nothing}

          ${formAlerts(this.form, 'print', () => void this.load())}
          <div class="actions">
            ${this.version ? html`<cpt-button variant="ghost" data-testid="print-reset" ?disabled=${this.form.saving} @click=${() => void this.reset()}>${t('print.reset')}</cpt-button>` : nothing}
            <cpt-button variant="primary" type="submit" data-testid="print-save" ?busy=${this.form.saving} ?disabled=${!this.form.dirty || this.form.loading}>${t('print.save')}</cpt-button>
          </div>
        </form>
      </div>
      <div class="card preview">
        <div class="preview-head">
          <h2>${t('print.preview')} · ${this.docLang.toUpperCase()}</h2>
          <cpt-button data-testid="print-pdf" @click=${() => void this.openPdf()}>${t('print.pdf')}</cpt-button>
        </div>
        ${this.previewError ? html`<div class="alert error" role="alert">${this.previewError}</div>` : nothing}
        <iframe data-testid="print-preview" title=${t('print.preview')} sandbox="" .srcdoc=${this.preview}></iframe>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-settings-print': CptSettingsPrint;
  }
}
