/**
 * The kernel's `print` service: the templates of the kernel and the enabled plugins, the shop's overrides
 * (stored per template and language, versioned, journaled), and rendering to the device-neutral document,
 * HTML and PDF.
 */
import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { DomainError, NotFoundError, ValidationError, VersionConflictError, localize, type FieldError, type Language, type LocalizedText } from '../errors.js';
import { PrintOverride, Shop } from '../entities/index.js';
import type { Journal } from '../journal/journal.js';
import { formatMoney } from '../money/index.js';
import { renderHtml } from './html.js';
import { renderPdf } from './pdf.js';
import { printableFingerprint } from '../journal/signing.js';
import { DEFAULT_PAPER, type PrintBlock, type PrintDocument, type PrintTemplateDefinition, type TemplateContext, type TemplateOverride } from './model.js';

/** A registered template with its owner. */
export interface RegisteredTemplate {
  id: string;
  plugin: string;
  def: PrintTemplateDefinition;
}

/** A stored override as the API gives it (version 0: none stored yet). */
export interface StoredOverride extends TemplateOverride {
  template: string;
  language: Language;
  version: number;
  updatedAt: string | null;
}

/** Logos are inline images only (and small enough for a receipt). */
export const LOGO_RE = /^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+$/;
const LOGO_MAX = 512 * 1024;

const MAX_TEXT = 2000;

function fillPlaceholders(text: string, values?: Record<string, string | number>): string {
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

const parseJson = <T>(v: unknown, fallback: T): T => {
  if (v == null) return fallback;
  if (typeof v === 'string') { try { return JSON.parse(v) as T; } catch { return fallback; } }
  return v as T;
};

/** A template as the API describes it to a person (GET /api/print/templates). */
export type TemplateDescription = ReturnType<PrintService['describe']>;

export class PrintService {
  private readonly templates = new Map<string, RegisteredTemplate>();
  private readonly journal: Journal;
  private readonly clock: { now(): Date };

  constructor({ journal, clock }: { journal: Journal; clock: { now(): Date } }) {
    this.journal = journal;
    this.clock = clock;
  }

  /** Adds a plugin's templates (at start, in dependency order); an id taken twice stops the start. */
  register(plugin: string, defs: readonly PrintTemplateDefinition[]): void {
    for (const def of defs) {
      const id = `${plugin}.${def.name}`;
      if (this.templates.has(id)) throw new DomainError('PRINT_TEMPLATE_TAKEN', `Print template '${id}' is declared twice`, { status: 500 });
      this.templates.set(id, { id, plugin, def });
    }
  }

  /** Every template, in registration order. */
  list(): RegisteredTemplate[] {
    return [...this.templates.values()];
  }

  /** The template with this id, or 404 PRINT_TEMPLATE_NOT_FOUND. */
  get(id: string): RegisteredTemplate {
    const t = this.templates.get(id);
    if (!t) {
      throw new NotFoundError('PRINT_TEMPLATE_NOT_FOUND', {
        fr: `Le modèle d’impression « ${id} » n’existe pas.`, nl: `Afdruksjabloon ‘${id}’ bestaat niet.`, en: `Print template '${id}' does not exist.`,
      });
    }
    return t;
  }

  /** A template described for a person in a language: kind, paper, texts with their defaults, blocks. */
  describe(id: string, lang: Language) {
    const { plugin, def } = this.get(id);
    return {
      id, plugin, name: def.name, kind: def.kind, title: localize(def.title, lang),
      description: def.description ? localize(def.description, lang) : null,
      paper: { ...DEFAULT_PAPER[def.kind], ...def.paper },
      logo: !!def.logo,
      texts: Object.entries(def.texts ?? {}).map(([key, t]) => ({
        key, label: localize(t.label, lang), multiline: !!t.multiline,
        default: { fr: localize(t.default, 'fr'), nl: localize(t.default, 'nl'), en: localize(t.default, 'en') },
      })),
      blocks: Object.entries(def.blocks ?? {}).map(([key, b]) => ({ key, label: localize(b.label, lang) })),
    };
  }

  /** The shop's override of a template in a language (version 0 and nothing changed when none is stored). */
  async override(em: EntityManager, id: string, lang: Language): Promise<StoredOverride> {
    this.get(id);
    const row = await em.findOne(PrintOverride, { template: id, language: lang }, { disableIdentityMap: true });
    if (!row) return { template: id, language: lang, texts: {}, hiddenBlocks: [], logo: null, version: 0, updatedAt: null };
    return {
      template: id, language: lang, texts: parseJson(row.texts, {}), hiddenBlocks: parseJson(row.hiddenBlocks, []),
      logo: row.logo, version: row.version, updatedAt: new Date(row.updatedAt).toISOString(),
    };
  }

  /** Refuses texts, blocks or a logo the template does not have, naming each field. */
  check(id: string, input: TemplateOverride): void {
    const { def } = this.get(id);
    const errors: FieldError[] = [];
    for (const [key, value] of Object.entries(input.texts)) {
      if (!def.texts?.[key]) {
        errors.push({ field: `texts.${key}`, code: 'PRINT_TEXT_UNKNOWN', message: { fr: `Le modèle n’a pas de texte « ${key} ».`, nl: `Het sjabloon heeft geen tekst ‘${key}’.`, en: `The template has no text '${key}'.` } });
      } else if (value.length > MAX_TEXT) {
        errors.push({ field: `texts.${key}`, code: 'PRINT_TEXT_TOO_LONG', message: { fr: `${MAX_TEXT} caractères au plus.`, nl: `Hoogstens ${MAX_TEXT} tekens.`, en: `At most ${MAX_TEXT} characters.` } });
      }
    }
    for (const block of input.hiddenBlocks) {
      if (!def.blocks?.[block]) {
        errors.push({ field: 'hiddenBlocks', code: 'PRINT_BLOCK_UNKNOWN', message: { fr: `Le modèle n’a pas de bloc « ${block} ».`, nl: `Het sjabloon heeft geen blok ‘${block}’.`, en: `The template has no block '${block}'.` } });
      }
    }
    if (input.logo !== null) {
      if (!def.logo) {
        errors.push({ field: 'logo', code: 'PRINT_LOGO_UNSUPPORTED', message: { fr: 'Ce modèle n’imprime pas de logo.', nl: 'Dit sjabloon drukt geen logo af.', en: 'This template prints no logo.' } });
      } else if (!LOGO_RE.test(input.logo) || input.logo.length > LOGO_MAX) {
        errors.push({ field: 'logo', code: 'LOGO_INVALID', message: { fr: 'Le logo doit être une image PNG, JPEG ou SVG de 380 Ko au plus.', nl: 'Het logo moet een PNG-, JPEG- of SVG-afbeelding van hoogstens 380 kB zijn.', en: 'The logo must be a PNG, JPEG or SVG image of at most 380 KB.' } });
      }
    }
    if (errors.length) throw new ValidationError(errors);
  }

  /**
   * Saves the shop's override of a template in a language if it is still at `version` (0: none stored yet);
   * otherwise 409 VERSION_CONFLICT. Journaled (`print.override.saved`) in the same transaction.
   */
  async saveOverride(em: EntityManager, id: string, lang: Language, input: TemplateOverride, version: number, by: { userId: number | null; stationId?: number | null }): Promise<StoredOverride> {
    this.check(id, input);
    const texts = Object.fromEntries(Object.entries(input.texts).filter(([, v]) => v !== ''));
    const hiddenBlocks = [...new Set(input.hiddenBlocks)].sort();
    return em.transactional(async (tem) => {
      const before = await this.override(tem, id, lang);
      const now = this.clock.now();
      const values = { texts, hiddenBlocks, logo: input.logo, updatedAt: now, updatedBy: by.userId };
      let saved: number;
      if (version === 0) {
        const res = await (tem as SqlEntityManager).createQueryBuilder(PrintOverride)
          .insert({ template: id, language: lang, ...values, version: 1 })
          .onConflict(['template', 'language']).ignore()
          .execute('run');
        saved = (res as { affectedRows?: number }).affectedRows ?? 0;
      } else {
        saved = await tem.nativeUpdate(PrintOverride, { template: id, language: lang, version }, { ...values, version: version + 1 });
      }
      if (!saved) throw this.conflict(id, lang);
      const changedTexts = [...new Set([...Object.keys(before.texts), ...Object.keys(texts)])].filter((k) => before.texts[k] !== texts[k]).sort();
      await this.journal.append(tem, {
        chain: 'events', type: 'print.override.saved',
        payload: { template: id, language: lang, version: version + 1, texts: changedTexts, hiddenBlocks, logo: input.logo !== before.logo ? (input.logo ? 'changed' : 'removed') : 'unchanged' },
        userId: by.userId, stationId: by.stationId ?? null,
      });
      return this.override(tem, id, lang);
    });
  }

  /** Removes the override (the template prints its defaults again) if it is still at `version`; journaled. */
  async resetOverride(em: EntityManager, id: string, lang: Language, version: number, by: { userId: number | null; stationId?: number | null }): Promise<StoredOverride> {
    this.get(id);
    return em.transactional(async (tem) => {
      const n = await tem.nativeDelete(PrintOverride, { template: id, language: lang, version });
      if (!n) throw this.conflict(id, lang);
      await this.journal.append(tem, { chain: 'events', type: 'print.override.reset', payload: { template: id, language: lang, version }, userId: by.userId, stationId: by.stationId ?? null });
      return this.override(tem, id, lang);
    });
  }

  private conflict(id: string, lang: Language): VersionConflictError {
    const title = (l: Language) => localize(this.get(id).def.title, l);
    return new VersionConflictError({
      fr: `le modèle « ${title('fr')} » (${lang})`, nl: `het sjabloon ‘${title('nl')}’ (${lang})`, en: `the template '${title('en')}' (${lang})`,
    } satisfies LocalizedText);
  }

  /**
   * Renders a template to the device-neutral document: with `data`, or its sample data; with the stored
   * override of `lang`, or `override` when given (a draft being previewed).
   */
  async render(em: EntityManager, id: string, options: { lang: Language; data?: unknown; override?: TemplateOverride }): Promise<PrintDocument> {
    const { def } = this.get(id);
    const lang = options.lang;
    const override = options.override ?? await this.override(em, id, lang);
    const shop = (await em.findOne(Shop, { id: 1 }, { disableIdentityMap: true })) ?? new Shop();
    const locale = `${lang}-${shop.country}`;
    const ctx: TemplateContext = {
      lang, locale, shop,
      text: (key, values) => {
        const own = override.texts[key];
        const t = def.texts?.[key];
        return fillPlaceholders(own !== undefined && own !== '' ? own : t ? localize(t.default, lang) : key, values);
      },
      logo: def.logo ? override.logo ?? shop.logo : null,
      money: (cents) => formatMoney(cents, locale),
      date: (d, withTime) => new Intl.DateTimeFormat(locale, withTime ? { dateStyle: 'short', timeStyle: 'short' } : { dateStyle: 'short' }).format(new Date(d)),
      keyFingerprint: this.journal.signingKey ? printableFingerprint(this.journal.signingKey.fingerprint) : null,
    };
    const data = options.data === undefined ? def.sample(ctx) : options.data;
    const hidden = new Set(override.hiddenBlocks);
    const blocks: PrintBlock[] = def.render(data, ctx).filter((b) => !b.block || !hidden.has(b.block));
    return { template: id, kind: def.kind, lang, paper: { ...DEFAULT_PAPER[def.kind], ...def.paper }, blocks };
  }

  /** The document as a self-contained HTML page. */
  html(doc: PrintDocument): string {
    return renderHtml(doc);
  }

  /** The document as PDF bytes. */
  pdf(doc: PrintDocument): Promise<Uint8Array> {
    return renderPdf(doc);
  }
}
