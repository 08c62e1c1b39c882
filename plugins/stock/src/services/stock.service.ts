import { sql, type EntityManager, type Settings } from '@comptoir/kernel';
import { StockErrors } from '../messages.js';

const { query, insertReturningId, dialectOf, sqlBool, placeholders } = sql;

export const MOVEMENT_KINDS = ['initial', 'receipt', 'sale', 'return', 'loss', 'adjustment', 'transfer'] as const;
export type MovementKind = typeof MOVEMENT_KINDS[number];

/** The shop's location: where the till and delivery notes take stock from. */
export const SHOP_LOCATION = 1;

/** Settings key of the negative stock policy. */
export const NEGATIVE_SETTING = 'stock.negative';

/**
 * Whether stock may go below zero: the shop's rule, and exceptions per catalogue family (`families[familyId]`).
 * Allowed by default, so that enabling stock never stops a till that has not counted its shelves yet.
 */
export interface NegativePolicy {
  allowed: boolean;
  families: Record<string, boolean>;
}

/** One movement to record; `quantity` in thousandths of the article's unit, signed (+ in, − out). */
export interface MovementInput {
  articleId: number;
  locationId: number;
  kind: MovementKind;
  quantity: number;
  /** Cents per unit, on receipts and initial stock: updates the weighted average cost. */
  unitCost?: number | null;
  reason?: string;
  document?: { kind: string; id: number | string; number: string | null } | null;
  transferId?: number | null;
  /** The article's name for a refusal's message (read from the catalogue when missing). */
  name?: string;
}

export interface Movement {
  id: number;
  articleId: number;
  locationId: number;
  kind: MovementKind;
  quantity: number;
  unitCost: number | null;
  averageCost: number | null;
  reason: string;
  document: { kind: string; id: string; number: string | null } | null;
  transferId: number | null;
  userId: number | null;
  at: string;
  /** The balance of the article at the location after this movement. */
  balance?: number;
}

type MovementRow = {
  id: number; article_id: number; location_id: number; kind: MovementKind; quantity: number; unit_cost: number | null; average_cost: number | null;
  reason: string; document_kind: string | null; document_id: string | null; document_number: string | null; transfer_id: number | null; user_id: number | null; at: string;
};

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export function movementOf(r: MovementRow): Movement {
  return {
    id: Number(r.id), articleId: Number(r.article_id), locationId: Number(r.location_id), kind: r.kind, quantity: Number(r.quantity),
    unitCost: num(r.unit_cost), averageCost: num(r.average_cost), reason: r.reason,
    document: r.document_kind ? { kind: r.document_kind, id: String(r.document_id), number: r.document_number } : null,
    transferId: num(r.transfer_id), userId: num(r.user_id), at: r.at,
  };
}

/** (a × p + b × q) / (a + b), rounded half up, in integers that cannot overflow. */
export function weightedAverage(onHand: number, cost: number, received: number, unitCost: number): number {
  const stock = BigInt(Math.max(0, onHand));
  const total = stock + BigInt(received);
  if (total <= 0n) return unitCost;
  const value = stock * BigInt(cost) + BigInt(received) * BigInt(unitCost);
  return Number((2n * value + total) / (2n * total));
}

/**
 * The ledger: every change of stock is a movement, written with its balance in the caller's transaction (the
 * database adds it to `stock_balance` and refuses what the movement forbids). Locks balance rows in article and
 * location order, so two sales of the same articles never deadlock, and the second of two sales of the last unit
 * waits for the first and is refused.
 */
export class StockService {
  private readonly settings: Settings;
  private readonly clock: { now(): Date };

  constructor({ settings, clock }: { settings: Settings; clock: { now(): Date } }) {
    this.settings = settings;
    this.clock = clock;
  }

  async policy(em: EntityManager): Promise<NegativePolicy> {
    const p = await this.settings.get<Partial<NegativePolicy>>(em, NEGATIVE_SETTING, {});
    return { allowed: p.allowed ?? true, families: p.families ?? {} };
  }

  async setPolicy(em: EntityManager, policy: NegativePolicy): Promise<NegativePolicy> {
    await this.settings.set(em, NEGATIVE_SETTING, policy);
    return policy;
  }

  /** Records movements in `em`'s transaction (the caller opens it); refuses what would go below zero where refused. */
  async move(em: EntityManager, inputs: readonly MovementInput[], userId: number | null): Promise<Movement[]> {
    if (!inputs.length) return [];
    const at = this.clock.now().toISOString();
    const ordered = [...inputs].sort((a, b) => a.articleId - b.articleId || a.locationId - b.locationId);
    const articleIds = [...new Set(ordered.map((m) => m.articleId))];
    const articles = new Map((await query<{ id: number; name: string; family_id: number | null }>(em,
      `select id, name, family_id from catalog_article where id in (${placeholders(articleIds.length)})`, articleIds)).map((a) => [Number(a.id), a]));
    for (const id of articleIds) if (!articles.has(id)) throw StockErrors.articleNotFound(id);
    const policy = ordered.some((m) => m.quantity < 0) ? await this.policy(em) : null;
    const refuses = (articleId: number) => {
      if (!policy) return false;
      const family = articles.get(articleId)!.family_id;
      const allowed = family !== null && String(family) in policy.families ? policy.families[String(family)] : policy.allowed;
      return !allowed;
    };
    const lock = dialectOf(em) === 'postgresql' ? ' for update' : '';
    const out: Movement[] = [];
    for (const m of ordered) {
      const refuse = m.quantity < 0 && refuses(m.articleId);
      let averageCost: number | null = null;
      if (refuse) {
        await query(em, 'insert into stock_balance (article_id, location_id) values (?, ?) on conflict (article_id, location_id) do nothing', [m.articleId, m.locationId]);
        const [row] = await query<{ quantity: number }>(em, `select quantity from stock_balance where article_id = ? and location_id = ?${lock}`, [m.articleId, m.locationId]);
        const available = Number(row!.quantity);
        if (available + m.quantity < 0) {
          throw StockErrors.insufficient({ articleId: m.articleId, name: m.name ?? articles.get(m.articleId)!.name, locationId: m.locationId, available, requested: -m.quantity });
        }
      }
      if ((m.kind === 'receipt' || m.kind === 'initial') && m.unitCost != null && m.quantity > 0) {
        // The cost is the article's, across locations: its balances are locked while it changes (the receiving
        // location's row made first, so that two first receipts of an article wait for each other).
        await query(em, 'insert into stock_balance (article_id, location_id) values (?, ?) on conflict (article_id, location_id) do nothing', [m.articleId, m.locationId]);
        const held = await query<{ quantity: number }>(em, `select quantity from stock_balance where article_id = ?${lock}`, [m.articleId]);
        const onHand = held.reduce((s, r) => s + Number(r.quantity), 0);
        averageCost = weightedAverage(onHand, (await this.averageCost(em, m.articleId)) ?? m.unitCost, m.quantity, m.unitCost);
      }
      const id = await insertReturningId(em,
        `insert into stock_movement (article_id, location_id, kind, quantity, unit_cost, average_cost, reason, document_kind, document_id, document_number, transfer_id, refuse_negative, user_id, at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [m.articleId, m.locationId, m.kind, m.quantity, m.unitCost ?? null, averageCost, m.reason ?? '', m.document?.kind ?? null,
          m.document ? String(m.document.id) : null, m.document?.number ?? null, m.transferId ?? null, sqlBool(em, refuse), userId, at]);
      out.push({
        id, articleId: m.articleId, locationId: m.locationId, kind: m.kind, quantity: m.quantity, unitCost: m.unitCost ?? null, averageCost, reason: m.reason ?? '',
        document: m.document ? { kind: m.document.kind, id: String(m.document.id), number: m.document.number } : null, transferId: m.transferId ?? null, userId, at,
      });
    }
    return out;
  }

  /** A transfer: out of one location, into another, the two movements tied by the first one's id. */
  async transfer(em: EntityManager, t: { articleId: number; from: number; to: number; quantity: number; reason?: string }, userId: number | null): Promise<Movement[]> {
    if (t.from === t.to) throw StockErrors.sameLocation();
    // Both balances locked in location order first: two opposite transfers wait for each other instead of deadlocking.
    for (const loc of [t.from, t.to]) {
      await query(em, 'insert into stock_balance (article_id, location_id) values (?, ?) on conflict (article_id, location_id) do nothing', [t.articleId, loc]);
    }
    if (dialectOf(em) === 'postgresql') {
      await query(em, 'select location_id from stock_balance where article_id = ? and location_id in (?, ?) order by location_id for update', [t.articleId, t.from, t.to]);
    }
    const [out] = await this.move(em, [{ articleId: t.articleId, locationId: t.from, kind: 'transfer', quantity: -t.quantity, reason: t.reason }], userId);
    const [into] = await this.move(em, [{ articleId: t.articleId, locationId: t.to, kind: 'transfer', quantity: t.quantity, reason: t.reason, transferId: out!.id }], userId);
    return [out!, into!];
  }

  /** The article's weighted average cost (cents per unit) now, or at the end of a past moment (ISO). */
  async averageCost(em: EntityManager, articleId: number, at?: string): Promise<number | null> {
    const rows = await query<{ average_cost: number }>(em,
      `select average_cost from stock_movement where article_id = ? and average_cost is not null${at ? ' and at <= ?' : ''} order by id desc limit 1`,
      at ? [articleId, at] : [articleId]);
    return rows.length ? Number(rows[0]!.average_cost) : null;
  }

  async balance(em: EntityManager, articleId: number, locationId: number): Promise<number> {
    const rows = await query<{ quantity: number }>(em, 'select quantity from stock_balance where article_id = ? and location_id = ?', [articleId, locationId]);
    return rows.length ? Number(rows[0]!.quantity) : 0;
  }

  async locationExists(em: EntityManager, id: number): Promise<boolean> {
    return (await query(em, 'select id from stock_location where id = ?', [id])).length > 0;
  }
}
