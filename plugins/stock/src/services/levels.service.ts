import { sql, type EntityManager } from '@comptoir/kernel';
import { movementOf, type Movement } from './stock.service.js';

const { query, run, dialectOf } = sql;

/** An article's level at a location, with its minimum and maximum. Quantities in thousandths of its unit. */
export interface Level {
  articleId: number;
  code: string;
  name: string;
  unit: string;
  familyId: number | null;
  locationId: number;
  location: string;
  quantity: number;
  minimum: number | null;
  maximum: number | null;
  /** True when a minimum is set and the level is below it. */
  belowMinimum: boolean;
  /** What brings it back to its maximum (or its minimum when no maximum is set), when it is below its minimum. */
  toOrder: number | null;
}

export interface LevelQuery {
  locationId?: number;
  articleId?: number;
  familyId?: number;
  q?: string;
  belowMinimum?: boolean;
  limit?: number;
  offset?: number;
}

/** What the stock was worth at a moment: per article and location, and totals per family and location. */
export interface Valuation {
  at: string;
  method: 'weighted-average';
  lines: Array<{ articleId: number; code: string; name: string; familyId: number | null; locationId: number; quantity: number; unitCost: number | null; value: number }>;
  byFamily: Array<{ familyId: number | null; family: string | null; value: number }>;
  byLocation: Array<{ locationId: number; location: string; value: number }>;
  total: number;
  /** Articles in stock without any known cost (valued at zero). */
  uncosted: number;
}

/** Cents for a quantity in thousandths at a unit cost, half away from zero. */
export function valueOf(quantity: number, unitCost: number): number {
  const v = BigInt(quantity) * BigInt(unitCost);
  const sign = v < 0n ? -1n : 1n;
  return Number(sign * ((sign * v * 2n + 1000n) / 2000n));
}

type LevelRow = {
  article_id: number; code: string; name: string; unit: string; family_id: number | null; location_id: number; location: string;
  quantity: number | null; minimum: number | null; maximum: number | null;
};

const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Reading stock: levels, an article's movements, minimums and maximums, valuation. */
export class LevelsService {
  async levels(em: EntityManager, f: LevelQuery): Promise<{ items: Level[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.locationId !== undefined) { where.push('k.location_id = ?'); params.push(f.locationId); }
    if (f.articleId !== undefined) { where.push('k.article_id = ?'); params.push(f.articleId); }
    if (f.familyId !== undefined) { where.push('a.family_id = ?'); params.push(f.familyId); }
    if (f.q) {
      where.push(`(lower(a.name) like ? or lower(a.code) like ?)`);
      const like = `%${f.q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      params.push(like, like);
    }
    if (f.belowMinimum) where.push('t.minimum is not null and coalesce(b.quantity, 0) < t.minimum');
    const from = `from (select article_id, location_id from stock_balance union select article_id, location_id from stock_threshold) k
      join catalog_article a on a.id = k.article_id join stock_location l on l.id = k.location_id
      left join stock_balance b on b.article_id = k.article_id and b.location_id = k.location_id
      left join stock_threshold t on t.article_id = k.article_id and t.location_id = k.location_id
      ${where.length ? `where ${where.join(' and ')}` : ''}`;
    const escape = f.q ? (dialectOf(em) === 'sqlite' ? " escape '\\'" : '') : '';
    const fromSql = escape ? from.replace(/like \?/g, `like ?${escape}`) : from;
    const [count] = await query<{ n: number }>(em, `select count(*) as n ${fromSql}`, params);
    const rows = await query<LevelRow>(em,
      `select k.article_id, a.code, a.name, a.unit, a.family_id, k.location_id, l.code as location, b.quantity, t.minimum, t.maximum ${fromSql}
       order by a.name, a.id, l.position, l.id limit ? offset ?`, [...params, f.limit ?? 50, f.offset ?? 0]);
    return {
      total: Number(count!.n),
      items: rows.map((r) => {
        const quantity = Number(r.quantity ?? 0);
        const minimum = n(r.minimum);
        const maximum = n(r.maximum);
        const below = minimum !== null && quantity < minimum;
        return {
          articleId: Number(r.article_id), code: r.code, name: r.name, unit: r.unit, familyId: n(r.family_id), locationId: Number(r.location_id), location: r.location,
          quantity, minimum, maximum, belowMinimum: below, toOrder: below ? (maximum ?? minimum!) - quantity : null,
        };
      }),
    };
  }

  /** An article's movements, newest first, each with the balance at its location after it. */
  async movements(em: EntityManager, articleId: number, f: { locationId?: number; limit?: number; offset?: number }): Promise<{ items: Movement[]; total: number }> {
    const cond = `article_id = ?${f.locationId !== undefined ? ' and location_id = ?' : ''}`;
    const params: unknown[] = f.locationId !== undefined ? [articleId, f.locationId] : [articleId];
    const [count] = await query<{ n: number }>(em, `select count(*) as n from stock_movement where ${cond}`, params);
    const rows = await query<any>(em,
      `select m.*, (select sum(p.quantity) from stock_movement p where p.article_id = m.article_id and p.location_id = m.location_id and p.id <= m.id) as balance
       from stock_movement m where ${cond.replace(/(article_id|location_id)/g, 'm.$1')} order by m.id desc limit ? offset ?`, [...params, f.limit ?? 50, f.offset ?? 0]);
    return { total: Number(count!.n), items: rows.map((r) => ({ ...movementOf(r), balance: Number(r.balance) })) };
  }

  async setThreshold(em: EntityManager, t: { articleId: number; locationId: number; minimum: number | null; maximum: number | null }): Promise<void> {
    if (t.minimum === null && t.maximum === null) {
      await run(em, 'delete from stock_threshold where article_id = ? and location_id = ?', [t.articleId, t.locationId]);
      return;
    }
    await run(em,
      `insert into stock_threshold (article_id, location_id, minimum, maximum) values (?, ?, ?, ?)
       on conflict (article_id, location_id) do update set minimum = excluded.minimum, maximum = excluded.maximum`,
      [t.articleId, t.locationId, t.minimum, t.maximum]);
  }

  async locations(em: EntityManager): Promise<Array<{ id: number; code: string; name: string }>> {
    return (await query<{ id: number; code: string; name: string }>(em, 'select id, code, name from stock_location where active = ? order by position, id',
      [sql.sqlBool(em, true)])).map((l) => ({ id: Number(l.id), code: l.code, name: l.name }));
  }

  /**
   * The stock at the end of `at` (an ISO moment), valued at each article's weighted average cost as it stood then:
   * the quantities are the sums of the movements up to that moment, the value of a line is rounded to the cent and
   * the totals are sums of the lines, so they reconcile exactly.
   */
  async valuation(em: EntityManager, at: string): Promise<Valuation> {
    const quantities = await query<{ article_id: number; location_id: number; quantity: number }>(em,
      'select article_id, location_id, sum(quantity) as quantity from stock_movement where at <= ? group by article_id, location_id', [at]);
    const costs = new Map<number, number>();
    for (const r of await query<{ article_id: number; average_cost: number }>(em,
      'select article_id, average_cost from stock_movement where average_cost is not null and at <= ? order by id', [at])) costs.set(Number(r.article_id), Number(r.average_cost));
    const articles = new Map((await query<{ id: number; code: string; name: string; family_id: number | null }>(em, 'select id, code, name, family_id from catalog_article')).map((a) => [Number(a.id), a]));
    const families = new Map((await query<{ id: number; name: string }>(em, 'select id, name from catalog_family')).map((f) => [Number(f.id), f.name]));
    const locations = new Map((await this.locations(em)).map((l) => [l.id, l.code]));
    const byFamily = new Map<number | null, number>();
    const byLocation = new Map<number, number>();
    let uncosted = 0;
    const lines: Valuation['lines'] = [];
    for (const r of quantities) {
      const quantity = Number(r.quantity);
      if (!quantity) continue;
      const articleId = Number(r.article_id);
      const locationId = Number(r.location_id);
      const a = articles.get(articleId);
      const unitCost = costs.get(articleId) ?? null;
      if (unitCost === null) uncosted++;
      const value = unitCost === null ? 0 : valueOf(quantity, unitCost);
      const familyId = a?.family_id == null ? null : Number(a.family_id);
      lines.push({ articleId, code: a?.code ?? '', name: a?.name ?? '', familyId, locationId, quantity, unitCost, value });
      byFamily.set(familyId, (byFamily.get(familyId) ?? 0) + value);
      byLocation.set(locationId, (byLocation.get(locationId) ?? 0) + value);
    }
    lines.sort((x, y) => x.name.localeCompare(y.name) || x.articleId - y.articleId || x.locationId - y.locationId);
    return {
      at, method: 'weighted-average', lines,
      byFamily: [...byFamily].map(([familyId, value]) => ({ familyId, family: familyId === null ? null : families.get(familyId) ?? null, value })),
      byLocation: [...byLocation].map(([locationId, value]) => ({ locationId, location: locations.get(locationId) ?? String(locationId), value })),
      total: lines.reduce((s, l) => s + l.value, 0),
      uncosted,
    };
  }
}
