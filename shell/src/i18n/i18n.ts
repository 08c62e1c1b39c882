/**
 * i18n service. French is the reference language; Dutch and English follow.
 *
 * - `t(key, params)` looks the key up in the current language, then French, then English,
 *   and fills `{name}` placeholders and `{n, plural, one {# x} other {# xs}}` plurals from `params`
 *   (message-format.ts). Unknown keys are returned as is.
 * - Dictionaries are merged from the shell's own messages and each plugin's `messages`
 *   (plugins should prefix their keys with their name, e.g. 'catalog.articles.title').
 * - The language is persisted in localStorage ('comptoir.language' for the sign-in screen and
 *   'comptoir.language.<userId>' per user) and defaults to the user's, then the shop's language.
 * - Numbers, money and dates are formatted in the locale `${language}-${shop.country}` (fr-BE, nl-BE, fr-FR…).
 * - Elements re-render on language change with `new LocaleController(this)`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LANGUAGES, type Country, type Language } from '../api/types.js';
import { formatMessage } from './message-format.js';
import { formatDayIn, formatDateIn, formatMoneyIn, formatNumberIn, formatRateIn, formatAmountIn } from './format.js';

export type Messages = Record<string, string>;
export type Dictionaries = Partial<Record<Language, Messages>>;
/** Either a message key or a text per language. */
export type LocalizedText = string | Partial<Record<Language, string>>;
export type TranslateParams = Record<string, string | number | null | undefined>;

const STORAGE_KEY = 'comptoir.language';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export class I18n {
  private dicts: Record<Language, Messages> = { fr: {}, nl: {}, en: {} };
  private listeners = new Set<() => void>();
  private _language: Language = 'fr';
  private country: Country | string = 'BE';
  private shopLocale: string | null = null;
  currency = 'EUR';

  get language(): Language {
    return this._language;
  }

  /** BCP 47 locale used for numbers, money and dates: `${language}-${shop.country}`. */
  get locale(): string {
    if (this.country) return `${this._language}-${this.country}`;
    return this.shopLocale ?? `${this._language}-BE`;
  }

  addMessages(messages: Dictionaries | undefined): void {
    if (!messages) return;
    for (const lang of LANGUAGES) Object.assign(this.dicts[lang], messages[lang] ?? {});
    this.emit();
  }

  setLanguage(language: Language, options: { persist?: boolean; userId?: string | number | null } = {}): void {
    if (!isLanguage(language)) return;
    if (options.persist) {
      const s = storage();
      s?.setItem(STORAGE_KEY, language);
      if (options.userId !== undefined && options.userId !== null) s?.setItem(`${STORAGE_KEY}.${options.userId}`, language);
    }
    if (language === this._language) return;
    this._language = language;
    if (typeof document !== 'undefined') document.documentElement.lang = language;
    this.emit();
  }

  /** The language stored for this user (or the last one chosen on this browser when userId is omitted). */
  storedLanguage(userId?: string | number | null): Language | null {
    const s = storage();
    const v = userId !== undefined && userId !== null ? s?.getItem(`${STORAGE_KEY}.${userId}`) : s?.getItem(STORAGE_KEY);
    return isLanguage(v) ? v : null;
  }

  /** Shop formatting settings (country drives the locale, currency the money format). */
  setShop(shop: { country?: string | null; currency?: string | null; locale?: string | null }): void {
    if (shop.locale) this.shopLocale = shop.locale;
    if (shop.country) this.country = shop.country;
    else if (shop.locale && shop.locale.includes('-')) this.country = shop.locale.split('-')[1];
    if (shop.currency) this.currency = shop.currency;
    this.emit();
  }

  has(key: string): boolean {
    return key in this.dicts[this._language] || key in this.dicts.fr || key in this.dicts.en;
  }

  /** The message in the current language with its placeholders and plurals filled (see message-format.ts). */
  t(key: string, params?: TranslateParams): string {
    const msg = this.dicts[this._language][key] ?? this.dicts.fr[key] ?? this.dicts.en[key] ?? key;
    if (!params) return msg;
    return formatMessage(msg, params, this._language, this.locale);
  }

  /** Resolve a LocalizedText: an object per language, or a message key (falls back to the text itself). */
  text(value: LocalizedText | null | undefined, params?: TranslateParams): string {
    if (value === null || value === undefined) return '';
    if (typeof value === 'string') return this.t(value, params);
    return value[this._language] ?? value.fr ?? value.en ?? value.nl ?? '';
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

/** The shell-wide i18n service. */
export const i18n = new I18n();

export function t(key: string, params?: TranslateParams): string {
  return i18n.t(key, params);
}

/** Cents → "12,34 €" in the shop's locale and currency. */
export function formatMoney(cents: number | null | undefined): string {
  return formatMoneyIn(i18n.locale, i18n.currency, cents);
}

/** Cents → "12,34" (no currency symbol), e.g. to prefill an input. */
export function formatAmount(cents: number | null | undefined): string {
  return formatAmountIn(i18n.locale, cents);
}

export function formatNumber(value: number | null | undefined, options?: Intl.NumberFormatOptions): string {
  return formatNumberIn(i18n.locale, value, options);
}

/** VAT rate in hundredths of percent (2100) → "21 %". */
export function formatRate(hundredths: number | null | undefined): string {
  return formatRateIn(i18n.locale, hundredths);
}

export function formatDate(value: Date | string | number | null | undefined, options?: Intl.DateTimeFormatOptions): string {
  return formatDateIn(i18n.locale, value, options);
}

/** A day as the API sends it ('2026-12-31') in the shop's locale: "31/12/2026" in Belgium. */
export function formatDay(iso: string | null | undefined): string {
  return formatDayIn(i18n.locale, iso);
}

export function formatDateTime(value: Date | string | number | null | undefined): string {
  return formatDateIn(i18n.locale, value, { dateStyle: 'short', timeStyle: 'short' });
}

/** Name of a country ('BE') in the current language. */
export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames([i18n.language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Lit reactive controller: re-renders its host when the language or shop locale changes. */
export class LocaleController implements ReactiveController {
  private off: (() => void) | null = null;
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }
  hostConnected(): void {
    this.off = i18n.onChange(() => this.host.requestUpdate());
  }
  hostDisconnected(): void {
    this.off?.();
    this.off = null;
  }
}
