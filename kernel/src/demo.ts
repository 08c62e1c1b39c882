import { rmSync } from 'node:fs';
import pg from 'pg';
import type { Kernel } from './kernel.js';
import type { DatabaseConfig } from './db/orm.js';
import { Shop, User } from './entities/index.js';

/** The documented demo accounts (README, user guide). */
export const DEMO_ACCOUNTS = [
  { username: 'admin', displayName: 'Administrateur', password: 'demo-admin', pin: null, roles: ['admin'], label: 'administrateur' },
  { username: 'gerant', displayName: 'Sophie Gérante', password: 'demo-gerant', pin: '2580', roles: ['manager'], label: 'gérante' },
  { username: 'caisse', displayName: 'Lucas Caissier', password: 'demo-caisse', pin: '1234', roles: ['cashier'], label: 'caissier' },
] as const;

/** Empties the database so that the demo starts fresh: removes the SQLite file, or drops PostgreSQL's public schema. */
export async function wipeDatabase(db: DatabaseConfig): Promise<void> {
  if (db.dialect === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${db.file}${suffix}`, { force: true });
    return;
  }
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query('drop schema public cascade');
    await client.query('create schema public');
  } finally {
    await client.end();
  }
}

/** Fills a fresh installation: the shop's identity, the demo accounts, then each enabled plugin's demo data. */
export async function seedDemo(kernel: Kernel): Promise<void> {
  await kernel.em().transactional(async (em) => {
    const shop = (await em.findOne(Shop, { id: 1 }))!;
    Object.assign(shop, {
      name: 'Épicerie du Marché', street: 'Place du Marché 12', postalCode: '5000', city: 'Namur', country: 'BE',
      vatNumber: 'BE0412345614', email: 'bonjour@epicerie-du-marche.be', phone: '+32 81 22 33 44', currency: 'EUR', language: 'fr',
      configured: true,
    });
    const roles = ['admin', 'manager', 'cashier'];
    for (const a of DEMO_ACCOUNTS) {
      const existing = await em.findOne(User, { username: a.username });
      await kernel.auth.saveUser(em, { username: a.username, displayName: a.displayName, password: a.password, pin: a.pin ?? undefined, roles: [...a.roles], language: 'fr' },
        { existing: existing ?? undefined, knownRoles: roles });
    }
    // The shop's identity changed under any signed-in browser.
    kernel.auth.invalidateSessions(null, em);
  });
  for (const p of kernel.enabled) {
    if (!p.demo) continue;
    await kernel.em().transactional((em) => p.demo!({ ...kernel.pluginContext(p.name), em, shopCountry: 'BE' }));
  }
  await kernel.journal.append(kernel.em(), { chain: 'events', type: 'demo.seeded', payload: { plugins: kernel.enabled.filter((p) => p.demo).map((p) => p.name) } });
}
