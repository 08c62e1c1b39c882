import { NotFoundError, VersionConflictError, type EntityManager, type FieldError, type Kernel, type LocalizedText, type Sequences, type User } from '@comptoir/kernel';
import { Customer, Supplier } from '../entities/index.js';
import { validatePostalCode, validateVatNumber, isCountryCode } from '../domain/index.js';
import { failureText, M } from '../messages.js';
import { foldText, searchWords } from '../search-text.js';
import { getCatalogHooks } from '../hooks.js';
import { raceSafe, refuse } from './refuse.js';

type PartyClass = typeof Customer | typeof Supplier;
type Party = Customer | Supplier;

/** Fields of a customer or supplier as a person edits them. */
export interface PartyInput {
  code?: string;
  name?: string;
  kind?: 'person' | 'company';
  street?: string;
  postalCode?: string;
  city?: string;
  country?: string;
  vatNumber?: string;
  language?: 'fr' | 'nl' | 'en';
  email?: string;
  phone?: string;
  active?: boolean;
  version?: number;
}

const FIELDS = ['name', 'street', 'postalCode', 'city', 'country', 'vatNumber', 'email', 'phone'] as const;

/** A customer or a supplier as the API and the shell see it (customers also have a kind and a language). */
export interface PartyView {
  id: number;
  code: string;
  name: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  vatNumber: string;
  email: string;
  phone: string;
  active: boolean;
  version: number;
  updatedAt: string;
  kind?: Customer['kind'];
  language?: Customer['language'];
}

/** Customers and suppliers: the same address and identity rules, two tables. */
export class PartyService {
  private readonly kernel: Kernel;
  private readonly sequences: Sequences;

  constructor({ kernel, sequences }: { kernel: Kernel; sequences: Sequences }) {
    this.kernel = kernel;
    this.sequences = sequences;
  }

  view(p: Party): PartyView {
    const base = {
      id: p.id, code: p.code, name: p.name, street: p.street, postalCode: p.postalCode, city: p.city, country: p.country,
      vatNumber: p.vatNumber, email: p.email, phone: p.phone, active: p.active, version: p.version, updatedAt: p.updatedAt.toISOString(),
    };
    return p instanceof Customer ? { ...base, kind: p.kind, language: p.language } : base;
  }

  async search(em: EntityManager, cls: PartyClass, query: { q?: string; active?: boolean; page?: number; pageSize?: number }) {
    const page = Math.max(1, query.page ?? 1);
    const pageSize = Math.min(200, Math.max(1, query.pageSize ?? 50));
    const where: Record<string, unknown> = {};
    const q = query.q?.trim();
    if (q) {
      const words = searchWords(q);
      const compactVat = q.replace(/[\s.]/g, '').toUpperCase();
      where.$or = [{ code: q }, { code: q.toUpperCase() }, words.length ? { $and: words.map((w) => ({ searchText: { $like: `%${w}%` } })) } : { id: 0 }, { vatNumber: compactVat }];
    }
    if (query.active !== undefined) where.active = query.active;
    const [items, total] = await em.findAndCount(cls as typeof Customer, where, { orderBy: { name: 'asc', id: 'asc' }, limit: pageSize, offset: (page - 1) * pageSize });
    return { items: items.map((p) => this.view(p)), total, page, pageSize };
  }

  async get(em: EntityManager, cls: PartyClass, id: number): Promise<Party> {
    const p = await em.findOne(cls as typeof Customer, { id });
    if (!p) throw new NotFoundError(cls === Customer ? 'CUSTOMER_NOT_FOUND' : 'SUPPLIER_NOT_FOUND', cls === Customer ? M.customerNotFound(id) : M.supplierNotFound(id));
    return p;
  }

  /** Validates every field (postal code per country, VAT number check digits, e-mail), then writes. */
  async save(outer: EntityManager, cls: PartyClass, id: number | null, input: PartyInput, user: User | null): Promise<Party> {
    const what = cls === Customer ? { fr: `le client ${id ?? ''}`.trim(), nl: `klant ${id ?? ''}`.trim(), en: `customer ${id ?? ''}`.trim() } : { fr: `le fournisseur ${id ?? ''}`.trim(), nl: `leverancier ${id ?? ''}`.trim(), en: `supplier ${id ?? ''}`.trim() };
    return raceSafe(() => outer.transactional(async (em) => {
      const existing = id === null ? null : await this.get(em, cls, id);
      if (existing && input.version !== undefined && input.version !== existing.version) {
        throw new VersionConflictError(cls === Customer
          ? { fr: `le client ${existing.code}`, nl: `klant ${existing.code}`, en: `customer ${existing.code}` }
          : { fr: `le fournisseur ${existing.code}`, nl: `leverancier ${existing.code}`, en: `supplier ${existing.code}` });
      }
      const errors: FieldError[] = [];
      const add = (field: string, code: string, message: LocalizedText) => errors.push({ field, code, message });
      const country = (input.country ?? existing?.country ?? 'BE').toUpperCase();
      if (!isCountryCode(country)) add('country', 'COUNTRY_UNKNOWN', { fr: `Pays « ${country} » non géré.`, nl: `Land '${country}' niet ondersteund.`, en: `Country '${country}' is not supported.` });
      let code = input.code?.trim();
      if (input.code !== undefined || !existing) {
        if (code && !/^[A-Za-z0-9._-]{1,32}$/.test(code)) add('code', 'CODE_FORMAT', M.codeFormat);
        else if (code && await em.count(cls as typeof Customer, { code, ...(existing ? { id: { $ne: existing.id } } : {}) })) add('code', 'CODE_TAKEN', M.codeTaken(code));
      }
      if ((!existing || input.name !== undefined) && !input.name?.trim()) add('name', 'REQUIRED', M.required);
      const postal = input.postalCode?.trim() ?? existing?.postalCode ?? '';
      let postalNormalized = postal;
      if (postal && isCountryCode(country)) {
        const r = validatePostalCode(postal, country);
        if (!r.ok) add('postalCode', r.code, failureText(r, postal));
        else postalNormalized = r.normalized;
      }
      let vat = input.vatNumber !== undefined ? input.vatNumber.trim() : existing?.vatNumber ?? '';
      if (vat) {
        const r = validateVatNumber(vat, { defaultCountry: country });
        if (!r.ok) add('vatNumber', r.code, failureText(r, vat));
        else vat = r.normalized;
      }
      if (input.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email.trim())) add('email', 'EMAIL_INVALID', M.email);
      if (errors.length) refuse(errors);

      const party = (existing ?? new cls()) as Party;
      for (const f of FIELDS) if (input[f] !== undefined) (party as any)[f] = String(input[f]).trim();
      party.country = country;
      party.postalCode = postalNormalized;
      party.vatNumber = vat;
      if (input.active !== undefined) party.active = input.active;
      if (party instanceof Customer) {
        if (input.kind !== undefined) party.kind = input.kind;
        if (input.language !== undefined) party.language = input.language;
      }
      if (!code && !existing) code = await this.nextCode(em, cls);
      if (code) party.code = code;
      party.searchText = foldText(`${party.code} ${party.name} ${party.city} ${party.email} ${party.phone}`);
      party.updatedAt = new Date();
      if (!existing) {
        party.createdAt = party.updatedAt;
        em.persist(party);
      }
      await em.flush();
      const hooks = getCatalogHooks(this.kernel);
      if (party instanceof Customer) await hooks.customerSaved.promise({ em, party, isNew: !existing, user });
      else await hooks.supplierSaved.promise({ em, party, isNew: !existing, user });
      return party;
    }), what);
  }

  /**
   * The next free code of the form C00042 (customers) or F00042 (suppliers, "fournisseur"), from the kernel's
   * counters: concurrent creations each get their own number (the counter row is locked until the transaction
   * ends). Codes are not per fiscal year: the counter uses the year 1970 as "no year". A number someone already
   * typed as a code by hand is skipped.
   */
  private async nextCode(em: EntityManager, cls: PartyClass): Promise<string> {
    const prefix = cls === Customer ? 'C' : 'F';
    for (;;) {
      const { value } = await this.sequences.next(em, cls === Customer ? 'catalog.customer' : 'catalog.supplier', 1970);
      const code = `${prefix}${String(value).padStart(5, '0')}`;
      if (!(await em.count(cls as typeof Customer, { code }))) return code;
    }
  }
}
