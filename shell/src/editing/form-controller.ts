import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ApiError } from '../api/client.js';
import type { NumericChange } from '../elements/numeric-field.js';
import { splitFieldErrors } from '../forms.js';
import { t } from '../i18n/i18n.js';
import { ShortcutController } from '../input/input-service.js';
import { errorMessage } from '../notify.js';
import { registerLeaveGuard } from './leave-guard.js';

/** A server message about a field the form does not show. */
export interface OtherFieldError {
  field: string;
  message: string;
}

export interface FormOptions {
  /** The fields the form shows: the server's messages about them go under them, the others into the form's alert. */
  fields: readonly string[];
  /** Ctrl+S calls it (omit: no shortcut). */
  onSave?: () => void;
  /** What the unsaved-changes question names ("Westmalle Triple"); called when asking. */
  describe?: () => string;
  /** The control to focus for a field's error (default: the `<cpt-field field="…">` in the host's shadow root). */
  focusTarget?: (field: string) => HTMLElement | null | undefined;
  /** false: no unsaved-changes guard. */
  guard?: boolean;
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The state of an editing form, shared by the screens that edit a record: the draft and whether it differs
 * from what was loaded or saved (the unsaved-changes guard asks before leaving), loading and saving, the
 * server's problem+json messages put under their fields, a version conflict (409 VERSION_CONFLICT) told in
 * words with a reload button, and numbers that cannot be read explained in words under their field.
 *
 *   private form = new FormController(this, emptyDraft(), { fields: ['code', 'name', 'price'], onSave: () => this.save() });
 *   …
 *   await this.form.load(async () => draftOf(await this.api.get(…)));
 *   await this.form.save(() => this.check(), async () => draftOf(await this.api.patch(…)));
 *   render: <cpt-field field="price" .error=${this.form.errors.price}>
 *             <cpt-numeric-field @change=${this.form.numeric('price', (v) => this.form.set('price', v))}>
 *           ${formAlerts(this.form, 'article', () => this.load())}
 */
export class FormController<D extends object> implements ReactiveController {
  draft: D;
  errors: Record<string, string> = {};
  /** The sentence above the buttons when saving failed ('' when none). */
  formError = '';
  otherErrors: OtherFieldError[] = [];
  /** Someone else saved the record since it was loaded: saving was refused. */
  conflict = false;
  /** The server's sentence about the conflict (it names the record), '' when it gave none. */
  conflictMessage = '';
  loading = false;
  saving = false;
  /** Why the record could not be loaded ('' when it was). */
  loadError = '';
  private baseline: string;
  /** Fields whose typed text is not a readable number, with the message saying so. */
  private unreadable = new Map<string, string>();
  private unregister: (() => void) | null = null;

  constructor(private readonly host: Host, initial: D, private readonly options: FormOptions) {
    this.draft = initial;
    this.baseline = JSON.stringify(initial);
    host.addController(this);
    if (options.onSave) new ShortcutController(host, [{ keys: 'Ctrl+S', description: 'shortcuts.save', handler: () => void options.onSave!() }]);
  }

  hostConnected(): void {
    if (this.options.guard !== false) this.unregister = registerLeaveGuard(() => (this.dirty ? (this.options.describe?.() ?? '') : null));
  }

  hostDisconnected(): void {
    this.unregister?.();
    this.unregister = null;
  }

  /** The draft differs from the stored record, or holds a number that cannot be read. */
  get dirty(): boolean {
    return this.unreadable.size > 0 || JSON.stringify(this.draft) !== this.baseline;
  }

  /** Starts over from a stored record (after loading or saving): not dirty, no messages. */
  reset(draft: D): void {
    this.draft = draft;
    this.baseline = JSON.stringify(draft);
    this.unreadable.clear();
    this.clearMessages();
    this.host.requestUpdate();
  }

  /** Forgets the messages of the last save (not the draft). */
  clearMessages(): void {
    this.errors = {};
    this.formError = '';
    this.otherErrors = [];
    this.conflict = false;
  }

  /** Changes one field of the draft and drops the message under it. */
  set<K extends keyof D>(key: K, value: D[K], field: string = key as string): void {
    this.draft = { ...this.draft, [key]: value };
    this.clearError(field);
    this.host.requestUpdate();
  }

  /** Drops the message of a field (and of its sub-fields: 'rows' drops 'rows.0.price'), unreadable numbers included. */
  clearError(field: string): void {
    const under = (k: string) => k === field || k.startsWith(`${field}.`);
    for (const k of [...this.unreadable.keys()]) if (under(k)) this.unreadable.delete(k);
    const keys = Object.keys(this.errors).filter(under);
    if (!keys.length) return;
    this.errors = Object.fromEntries(Object.entries(this.errors).filter(([k]) => !keys.includes(k)));
    this.host.requestUpdate();
  }

  /**
   * The `change` handler of a `<cpt-numeric-field>`: a readable number goes to `apply`; unreadable text (or a
   * number out of range) shows the field's explanation under it and keeps the form from saving.
   */
  numeric(field: string, apply: (value: number | null) => void): (e: CustomEvent<NumericChange>) => void {
    return (e) => {
      if (e.detail.valid) {
        this.unreadable.delete(field);
        this.clearError(field);
        apply(e.detail.value);
      } else {
        this.unreadable.set(field, e.detail.message);
        this.errors = { ...this.errors, [field]: e.detail.message };
      }
      this.host.requestUpdate();
    };
  }

  /** Loads the record: `read` returns the draft to edit; a failure is kept in `loadError`. */
  async load(read: () => Promise<D>): Promise<boolean> {
    this.loading = true;
    this.loadError = '';
    this.host.requestUpdate();
    try {
      this.reset(await read());
      return true;
    } catch (err) {
      this.loadError = errorMessage(err);
      return false;
    } finally {
      this.loading = false;
      this.host.requestUpdate();
    }
  }

  /**
   * Saves: `check` returns the local messages by field (nothing is sent while there are any); `send` stores the
   * draft and returns the stored record's draft to continue from (or nothing to keep the draft as saved).
   * Returns true once saved; otherwise the messages are shown and the first field in error gets the focus.
   */
  async save(check: () => Record<string, string>, send: () => Promise<D | void>): Promise<boolean> {
    if (this.saving || this.loading) return false;
    this.clearMessages();
    const local = { ...check(), ...Object.fromEntries(this.unreadable) };
    if (Object.keys(local).length) {
      this.errors = local;
      this.formError = t('form.fixErrors');
      this.focusFirstError();
      this.host.requestUpdate();
      return false;
    }
    this.saving = true;
    this.host.requestUpdate();
    try {
      const stored = await send();
      if (stored) this.reset(stored);
      else this.baseline = JSON.stringify(this.draft);
      return true;
    } catch (err) {
      this.fail(err);
      return false;
    } finally {
      this.saving = false;
      this.host.requestUpdate();
    }
  }

  /** Shows a failed save: a version conflict, the messages by field, or the error's sentence. */
  fail(err: unknown): void {
    if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
      this.conflict = true;
      this.conflictMessage = err.detail ?? '';
      this.host.requestUpdate();
      return;
    }
    const { fields, other } = splitFieldErrors(err, [...this.options.fields]);
    this.errors = fields;
    this.otherErrors = other;
    const onlyFields = Object.keys(fields).length > 0 && !other.length && err instanceof ApiError && err.status === 400;
    this.formError = onlyFields ? t('form.fixErrors') : errorMessage(err);
    this.focusFirstError();
    this.host.requestUpdate();
  }

  /** Focuses the control of the first field in error, in the order of `fields`. */
  focusFirstError(): void {
    void this.host.updateComplete.then(() => {
      const keys = Object.keys(this.errors);
      const first = this.options.fields.map((f) => keys.find((k) => k === f || k.startsWith(`${f}.`))).find(Boolean) ?? keys[0];
      if (!first) return;
      const target = this.options.focusTarget?.(first) ?? this.host.shadowRoot?.querySelector<HTMLElement>(`cpt-field[field="${CSS.escape(first)}"]`);
      target?.focus();
    });
  }
}

/**
 * The form's alerts, above its buttons: the version conflict with its reload button
 * (`<testid>-conflict`, `<testid>-reload`) and the error sentence with the messages about fields the form
 * does not show (`<testid>-error`, `error-<field>`).
 */
export function formAlerts(form: FormController<object>, testid: string, reload: () => void): TemplateResult {
  return html`${form.conflict
    ? html`<div class="alert warning" role="alert" data-testid=${`${testid}-conflict`}>
        ${form.conflictMessage || t('form.conflict')} ${t('form.conflictHelp')}
        <div style="margin-top:8px"><cpt-button data-testid=${`${testid}-reload`} @click=${reload}>${t('form.reload')}</cpt-button></div>
      </div>`
    : nothing}
  ${form.formError
    ? html`<div class="alert error" role="alert" data-testid=${`${testid}-error`}>
        ${form.formError} ${form.otherErrors.map((o) => html`<div data-testid=${`error-${o.field}`}>${o.field} : ${o.message}</div>`)}
      </div>`
    : nothing}`;
}
