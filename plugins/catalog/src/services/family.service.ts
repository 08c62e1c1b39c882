import { NotFoundError, ValidationError, VersionConflictError, type EntityManager, type FieldError } from '@comptoir/kernel';
import { Family } from '../entities/index.js';
import { M } from '../messages.js';

export interface FamilyView {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  /** "Boissons > Bières belges" */
  path: string;
  articles: number;
  version: number;
}

export interface FamilyInput {
  code?: string;
  name?: string;
  parentId?: number | null;
  version?: number;
}

/** Families of articles, as a tree. */
export class FamilyService {
  async list(em: EntityManager): Promise<FamilyView[]> {
    const all = await em.find(Family, {}, { orderBy: { name: 'asc' } });
    const counts = await em.getConnection().execute('select family_id as id, count(*) as n from catalog_article group by family_id', [], 'all', em.getTransactionContext()) as Array<{ id: number | null; n: number }>;
    const count = new Map(counts.map((c) => [Number(c.id), Number(c.n)]));
    const byId = new Map(all.map((f) => [f.id, f]));
    const path = (f: Family): string => {
      const names: string[] = [];
      for (let cur: Family | null | undefined = f, guard = 0; cur && guard < 20; cur = cur.parent ? byId.get(cur.parent.id) : null, guard++) names.unshift(cur.name);
      return names.join(' > ');
    };
    return all
      .map((f) => ({ id: f.id, code: f.code, name: f.name, parentId: f.parent?.id ?? null, path: path(f), articles: count.get(f.id) ?? 0, version: f.version }))
      .sort((a, b) => a.path.localeCompare(b.path, 'fr'));
  }

  async save(outer: EntityManager, id: number | null, input: FamilyInput): Promise<Family> {
    return outer.transactional(async (em) => {
      const existing = id === null ? null : await em.findOne(Family, { id });
      if (id !== null && !existing) throw new NotFoundError('FAMILY_NOT_FOUND', M.familyNotFound(id));
      if (existing && input.version !== undefined && input.version !== existing.version) throw new VersionConflictError({ fr: `la famille ${existing.code}`, nl: `familie ${existing.code}`, en: `family ${existing.code}` });
      const errors: FieldError[] = [];
      const code = input.code?.trim();
      if (!existing || input.code !== undefined) {
        if (!code) errors.push({ field: 'code', code: 'REQUIRED', message: M.required });
        else if (!/^[A-Za-z0-9._-]{1,32}$/.test(code)) errors.push({ field: 'code', code: 'CODE_FORMAT', message: M.codeFormat });
        else if (await em.count(Family, { code, ...(existing ? { id: { $ne: existing.id } } : {}) })) errors.push({ field: 'code', code: 'CODE_TAKEN', message: M.codeTaken(code) });
      }
      if ((!existing || input.name !== undefined) && !input.name?.trim()) errors.push({ field: 'name', code: 'REQUIRED', message: M.required });
      let parent: Family | null | undefined;
      if (input.parentId !== undefined) {
        parent = input.parentId === null ? null : await em.findOne(Family, { id: input.parentId });
        if (input.parentId !== null && !parent) errors.push({ field: 'parentId', code: 'FAMILY_NOT_FOUND', message: M.family });
        // Walking up from the new parent must never reach this family.
        for (let cur = parent, guard = 0; cur && existing && guard < 50; guard++) {
          if (cur.id === existing.id) { errors.push({ field: 'parentId', code: 'FAMILY_CYCLE', message: M.familyCycle }); break; }
          cur = cur.parent ? await em.findOne(Family, { id: cur.parent.id }) : null;
        }
      }
      if (errors.length) throw new ValidationError(errors);
      const f = existing ?? new Family();
      if (code) f.code = code;
      if (input.name !== undefined) f.name = input.name.trim();
      if (parent !== undefined) f.parent = parent;
      if (!existing) em.persist(f);
      await em.flush();
      return f;
    });
  }
}

