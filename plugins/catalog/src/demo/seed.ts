import type { DemoContext } from '@comptoir/kernel';
import { Article, Barcode, Customer, Family, Supplier } from '../entities/index.js';
import { validateBarcode } from '../domain/index.js';
import { foldText } from '../search-text.js';
import { generateDemoCatalog } from './demo-data.js';

/** Fills the catalogue of a fresh demo shop: families, ~2,400 articles with their barcodes, customers, suppliers. */
export async function seedCatalogDemo({ em }: DemoContext): Promise<void> {
  const data = generateDemoCatalog();
  const now = new Date();
  const families = new Map<string, Family>();
  for (const f of data.families) {
    families.set(f.code, em.create(Family, { code: f.code, name: f.names.fr, parent: f.parentCode ? families.get(f.parentCode)! : null, version: 1 }));
  }
  for (const a of data.articles) {
    const article = em.create(Article, {
      code: a.code, name: a.name, description: a.description, family: families.get(a.familyCode)!, unit: a.unit,
      vatCategory: a.vatCategory, price: a.price, active: a.active, searchText: foldText(`${a.code} ${a.name}`),
      createdAt: now, updatedAt: now, version: 1,
    });
    for (const code of a.barcodes) {
      const v = validateBarcode(code);
      if (!v.ok) throw new Error(`demo barcode ${code} of ${a.code} is invalid: ${v.message}`);
      em.create(Barcode, { article, code: v.normalized, kind: v.kind });
    }
  }
  for (const c of data.customers) {
    em.create(Customer, {
      code: c.code, name: c.name, kind: c.kind, street: c.street, postalCode: c.postalCode, city: c.city, country: c.country,
      vatNumber: c.vatNumber ?? '', language: c.language, email: c.email, phone: c.phone, active: true,
      searchText: foldText(`${c.code} ${c.name} ${c.city} ${c.email} ${c.phone}`), createdAt: now, updatedAt: now, version: 1,
    });
  }
  for (const s of data.suppliers) {
    em.create(Supplier, {
      code: s.code, name: s.name, street: s.street, postalCode: s.postalCode, city: s.city, country: s.country,
      vatNumber: s.vatNumber, email: s.email, phone: s.phone, active: true,
      searchText: foldText(`${s.code} ${s.name} ${s.city} ${s.email} ${s.phone}`), createdAt: now, updatedAt: now, version: 1,
    });
  }
  await em.flush();
}
