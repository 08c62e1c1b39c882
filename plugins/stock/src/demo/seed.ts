/**
 * The stock side of the demo shop: the first count of most articles in the shop (and of one in four in the back
 * room), at a cost of about 55 % of the retail price, and a minimum and maximum on one in five, so that
 * *Stock › Niveaux* has levels and articles below their minimum. Deterministic: the same catalogue gives the same
 * stock. Negative stock stays allowed: the demo till sells whatever it scans.
 */
import { sql, type DemoContext } from '@comptoir/kernel';
import type { MovementInput, StockService } from '../services/stock.service.js';
import type { LevelsService } from '../services/levels.service.js';

export async function seedStockDemo({ em, container }: DemoContext): Promise<void> {
  const stock = container.resolve<StockService>('stock');
  const levels = container.resolve<LevelsService>('stockLevels');
  const articles = await sql.query<{ id: number; price: number | null; unit: string }>(em,
    'select id, price, unit from catalog_article where active = ? order by id', [sql.sqlBool(em, true)]);
  const moves: MovementInput[] = [];
  for (const a of articles) {
    const n = Number(a.id);
    if (n % 10 === 0) continue; // never counted yet
    const quantity = a.unit === 'piece' ? (4 + ((n * 7) % 43)) * 1000 : 2000 + ((n * 137) % 8000);
    const unitCost = a.price ? Math.max(1, Math.round(Number(a.price) * 0.55)) : null;
    moves.push({ articleId: n, locationId: 1, kind: 'initial', quantity, unitCost });
    if (n % 4 === 0) moves.push({ articleId: n, locationId: 2, kind: 'initial', quantity: quantity * 2, unitCost });
  }
  await em.transactional((tem) => stock.move(tem, moves, null));
  await em.transactional(async (tem) => {
    for (const a of articles) {
      const n = Number(a.id);
      if (n % 5 === 0 && a.unit === 'piece') await levels.setThreshold(tem, { articleId: n, locationId: 1, minimum: 12000, maximum: 48000 });
    }
  });
}
