import { formatMoney, formatQuantity, SOFTWARE, TRAINING_CHAIN, sql, type Clock, type EntityManager, type Journal, type Language, type Sequences, type Shop, type Station, type User } from '@comptoir/kernel';
import type { SaleRequest, SalesBuilder } from '@comptoir/sales';
import { FiscalErrors, TRAINING_BANNER } from '../messages.js';

/** Whether training mode is on for a station, a user, and so for what they do together. */
export interface TrainingStatus {
  station: boolean;
  user: boolean;
  active: boolean;
}

/** A training ticket: numbered in its own series, journaled in the `training` chain, never stored as a sale. */
export interface TrainingTicket {
  number: string;
  total: number;
  base: number;
  vat: number;
  lines: Array<{ description: string; quantity: number; unitPrice: number; total: number; vatRate: number }>;
  /** The receipt's lines as printed, with the banner at the top and the bottom. */
  receipt: string[];
}

/**
 * Training mode (art. 286 CGI: a training sale must never pass for a sale): per station or per user, switched on
 * and off by a manager (each change journaled in the `training` chain); its tickets are priced by the sale contract
 * like any sale, numbered `F<station>-<year>-<n>`, journaled in the `training` chain, and never written to the till's
 * tables — so no figure, X report or Z closure can count them.
 */
export class TrainingService {
  private readonly journal: Journal;
  private readonly sequences: Sequences;
  private readonly sales: SalesBuilder;
  private readonly clock: Clock;

  constructor({ journal, sequences, salesBuilder, clock }: { journal: Journal; sequences: Sequences; salesBuilder: SalesBuilder; clock: Clock }) {
    this.journal = journal;
    this.sequences = sequences;
    this.sales = salesBuilder;
    this.clock = clock;
  }

  /** Whether the station or the user is in training mode. */
  async status(em: EntityManager, stationId: number | null, userId: number | null): Promise<TrainingStatus> {
    const rows = await sql.query<{ scope: string; ref_id: number }>(em,
      "select scope, ref_id from fiscal_fr_training_mode where (scope = 'station' and ref_id = ?) or (scope = 'user' and ref_id = ?)", [stationId ?? 0, userId ?? 0]);
    const station = rows.some((r) => r.scope === 'station');
    const user = rows.some((r) => r.scope === 'user');
    return { station, user, active: station || user };
  }

  /** Switches training mode on or off for a station or a user; journaled when it changes. */
  async set(em: EntityManager, scope: 'station' | 'user', refId: number, enabled: boolean, by: User | null): Promise<{ changed: boolean }> {
    return em.transactional(async (tem) => {
      // One statement decides, so that concurrent switches journal one change, never two.
      const changed = enabled
        ? await sql.query<{ id: number }>(tem, 'insert into fiscal_fr_training_mode (scope, ref_id, enabled_by, enabled_at) values (?, ?, ?, ?) on conflict (scope, ref_id) do nothing returning id',
          [scope, refId, by?.id ?? null, this.clock.now().toISOString()])
        : await sql.query<{ id: number }>(tem, 'delete from fiscal_fr_training_mode where scope = ? and ref_id = ? returning id', [scope, refId]);
      if (!changed.length) return { changed: false };
      await this.journal.append(tem, {
        chain: TRAINING_CHAIN, type: enabled ? 'training.enabled' : 'training.disabled', payload: { scope, id: refId },
        userId: by?.id ?? null, stationId: scope === 'station' ? refId : null,
      });
      return { changed: true };
    });
  }

  /** Prices a training sale like a real one and journals it in the `training` chain; refused unless training is on. */
  async sell(em: EntityManager, request: SaleRequest, who: { station: Station | null; user: User; lang: Language; shop: Shop }): Promise<TrainingTicket> {
    if (!who.station) throw FiscalErrors.stationRequired();
    const station = who.station;
    return em.transactional(async (tem) => {
      if (!(await this.status(tem, station.id, who.user.id)).active) throw FiscalErrors.trainingOff();
      const built = await this.sales.build(tem, { ...request, channel: 'training' }, { user: who.user, lang: who.lang });
      const number = await this.sequences.next(tem, `F${station.number}`, this.clock.now().getUTCFullYear());
      const amounts = new Map(built.totals.lines.map((l) => [l.id, l]));
      const lines = built.document.lines.map((l) => ({
        description: l.description, quantity: l.quantity, vatRate: l.vatRate,
        unitPrice: amounts.get(l.id)?.unitPrice ?? 0, total: amounts.get(l.id)?.total ?? 0,
      }));
      const ticket = { number: number.formatted, total: built.totals.total, base: built.totals.base, vat: built.totals.vat, lines };
      await this.journal.append(tem, { chain: TRAINING_CHAIN, type: 'training.ticket', payload: ticket, userId: who.user.id, stationId: station.id });
      return { ...ticket, receipt: this.receipt(ticket, who.shop, station) };
    });
  }

  private receipt(t: Omit<TrainingTicket, 'receipt'>, shop: Shop, station: Station): string[] {
    const locale = 'fr-FR';
    return [
      `*** ${TRAINING_BANNER} ***`,
      shop.name,
      `${station.name} — ticket de formation ${t.number}`,
      ...t.lines.map((l) => `${l.description}  ${formatQuantity(l.quantity, locale)} × ${formatMoney(l.unitPrice, locale)}  ${formatMoney(l.total, locale)}`),
      `TOTAL  ${formatMoney(t.total, locale)}`,
      `*** ${TRAINING_BANNER} ***`,
      SOFTWARE,
    ];
  }
}
