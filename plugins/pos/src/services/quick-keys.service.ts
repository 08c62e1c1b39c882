import { Station, type EntityManager } from '@comptoir/kernel';
import { Article, Family } from '@comptoir/catalog';
import { SaleScreenErrors } from '../sale-errors.js';
import { insertReturningId, isConstraintError, query, run } from '../sql.js';
import { PosErrors } from '../messages.js';

import { SALE_BUTTONS, type SaleButton } from '../domain/sale-buttons.js';

export { SALE_BUTTONS, type SaleButton };

/** A quick key as stored: a favourite article (added at a touch) or family (opens its articles). */
export interface QuickKey {
  kind: 'article' | 'family';
  id: number;
  /** What the key shows instead of the article's or family's name. */
  label?: string;
  /** A CSS colour `#rrggbb`; the page's colour otherwise. */
  color?: string;
}

/** A page of quick keys, in the order the tabs show. */
export interface QuickKeyPage {
  name: string;
  color?: string;
  keys: QuickKey[];
}

/** A quick key as the sale screen shows it: what it stands for, read from the catalogue. */
export interface QuickKeyView extends QuickKey {
  name: string;
  code: string;
  /** Articles: their price (VAT included) and unit, so a weighed article asks for its weight. */
  price: number | null;
  unit: string | null;
}

/** A station's layout (or the shop's default when the station has none of its own). */
export interface QuickKeyLayoutView {
  stationId: number | null;
  /** True when this is the station's own layout, false when it falls back to the shop's default. */
  own: boolean;
  pages: Array<Omit<QuickKeyPage, 'keys'> & { keys: QuickKeyView[] }>;
  buttons: SaleButton[];
  version: number;
}

/** The layout a station gets before anybody arranged it: every button, no pages. */
const DEFAULT_BUTTONS: SaleButton[] = [...SALE_BUTTONS];

/**
 * Quick keys per station (`pos_quick_key_layout`, `station_key` 0 for the shop's default): pages of favourite articles
 * and families, their order and colours, and which buttons the sale screen shows.
 */
export class QuickKeysService {
  /** The layout of a station (its own, else the shop's default), with each key's article or family read. */
  async get(em: EntityManager, stationId: number | null): Promise<QuickKeyLayoutView> {
    const keys = stationId === null ? [0] : [stationId, 0];
    const rows = await query<{ station_key: number; pages: string; buttons: string; version: number }>(em,
      `select station_key, pages, buttons, version from pos_quick_key_layout where station_key in (${keys.map(() => '?').join(', ')})`, keys);
    const row = rows.find((r) => Number(r.station_key) === (stationId ?? 0)) ?? rows.find((r) => Number(r.station_key) === 0);
    const pages = row ? (JSON.parse(row.pages) as QuickKeyPage[]) : [];
    const own = Boolean(row) && Number(row!.station_key) === (stationId ?? 0);
    return {
      stationId, own, version: own ? Number(row!.version) : 0,
      buttons: row ? (JSON.parse(row.buttons) as SaleButton[]) : DEFAULT_BUTTONS,
      pages: await this.resolve(em, pages),
    };
  }

  /** Saves a station's layout (null: the shop's default); refused if an article or family does not exist. */
  async save(em: EntityManager, stationId: number | null, input: { pages: QuickKeyPage[]; buttons: SaleButton[]; version?: number }): Promise<QuickKeyLayoutView> {
    return em.transactional(async (tem) => {
      if (stationId !== null && !(await tem.findOne(Station, { id: stationId }))) throw SaleScreenErrors.quickKeysStation(stationId);
      await this.resolve(tem, input.pages, true);
      const key = stationId ?? 0;
      const pages = JSON.stringify(input.pages.map((p) => ({ name: p.name, ...(p.color ? { color: p.color } : {}), keys: p.keys.map((k) => ({ kind: k.kind, id: k.id, ...(k.label ? { label: k.label } : {}), ...(k.color ? { color: k.color } : {}) })) })));
      const buttons = JSON.stringify(SALE_BUTTONS.filter((b) => input.buttons.includes(b)));
      const now = new Date().toISOString();
      const existing = await query<{ version: number }>(tem, 'select version from pos_quick_key_layout where station_key = ?', [key]);
      if (!existing.length) {
        try {
          await insertReturningId(tem, 'insert into pos_quick_key_layout (station_key, pages, buttons, version, updated_at) values (?, ?, ?, 1, ?)', [key, pages, buttons, now]);
        } catch (e) {
          // Another manager created this station's layout at the same moment (the unique index): 409, reload.
          if (isConstraintError(e)) throw PosErrors.concurrent();
          throw e;
        }
      } else {
        // Two managers arranging the same station: the second one is told to reload, nothing is lost silently.
        if (input.version !== undefined && input.version !== Number(existing[0].version)) throw PosErrors.concurrent();
        await run(tem, 'update pos_quick_key_layout set pages = ?, buttons = ?, version = version + 1, updated_at = ? where station_key = ?', [pages, buttons, now, key]);
      }
      return this.get(tem, stationId);
    });
  }

  /** Removes a station's own layout: it falls back to the shop's default. */
  async reset(em: EntityManager, stationId: number): Promise<QuickKeyLayoutView> {
    await run(em, 'delete from pos_quick_key_layout where station_key = ?', [stationId]);
    return this.get(em, stationId);
  }

  private async resolve(em: EntityManager, pages: QuickKeyPage[], strict = false): Promise<QuickKeyLayoutView['pages']> {
    const ids = (kind: QuickKey['kind']) => [...new Set(pages.flatMap((p) => p.keys.filter((k) => k.kind === kind).map((k) => k.id)))];
    const articleIds = ids('article');
    const familyIds = ids('family');
    const articles = new Map((articleIds.length ? await em.find(Article, { id: { $in: articleIds } }, { fields: ['id', 'code', 'name', 'unit', 'price'] }) : []).map((a) => [a.id, a]));
    const families = new Map((familyIds.length ? await em.find(Family, { id: { $in: familyIds } }, { fields: ['id', 'code', 'name'] }) : []).map((f) => [f.id, f]));
    return pages.map((p) => ({
      ...p,
      keys: p.keys.flatMap((k): QuickKeyView[] => {
        const a = k.kind === 'article' ? articles.get(k.id) : undefined;
        const f = k.kind === 'family' ? families.get(k.id) : undefined;
        if (!a && !f) {
          if (strict) throw SaleScreenErrors.quickKeyUnknown(k.kind, k.id);
          return []; // an article deleted since: its key disappears
        }
        return [{ ...k, name: a?.name ?? f!.name, code: a?.code ?? f!.code, price: a?.price ?? null, unit: a?.unit ?? null }];
      }),
    }));
  }
}
