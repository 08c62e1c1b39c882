import { NotFoundError, ValidationError, type EntityManager } from '@comptoir/kernel';
import { ARTICLE_LOOKUPS, NomenclatureRule, type ArticleLookup } from '../entities/index.js';
import { defaultNomenclature, validateRule, type BarcodeEncoding, type BarcodeRule, type BarcodeRuleType, type DiscountUnit } from '../domain/index.js';
import { M, ruleFailureText } from '../messages.js';
import { FieldErrors } from './validate.js';
import { query } from '../sql.js';

export interface NomenclatureRuleInput {
  name?: string;
  type?: BarcodeRuleType;
  pattern?: string;
  encoding?: BarcodeEncoding | null;
  discountUnit?: DiscountUnit | null;
  articleLookup?: ArticleLookup;
  active?: boolean;
  position?: number;
}

export interface NomenclatureRuleView {
  id: number;
  position: number;
  name: string;
  type: BarcodeRuleType;
  pattern: string;
  encoding: BarcodeEncoding | null;
  discountUnit: DiscountUnit | null;
  articleLookup: ArticleLookup;
  active: boolean;
}

/** A rule the scanner uses: the domain's rule and how its article digits find the article. */
export interface ActiveRule extends BarcodeRule {
  id: number;
  articleLookup: ArticleLookup;
}

/** French names of the default rules (the domain names them in English). */
const DEFAULT_NAMES: Record<string, string> = {
  'Cashier card': 'Carte caissier', 'Customer card': 'Carte client', 'Weighed article': 'Article pesé',
  'Weighed article (counter)': 'Article pesé (comptoir)', 'Priced article (verified)': 'Article à prix (prix contrôlé)',
  'Priced article': 'Article à prix', 'Counted article': 'Article compté', 'Percent-off coupon': 'Bon de réduction en %',
  'Amount-off coupon': 'Bon de réduction en euros',
};

/** Whether a rule (by content) passed `validateRule`: the answer never changes for the same rule. */
const validRules = new Map<string, boolean>();

/** The shop's barcode nomenclature: ordered rules, validated with the domain's `validateRule`. */
export class NomenclatureService {
  view(r: NomenclatureRule): NomenclatureRuleView {
    return { id: r.id, position: r.position, name: r.name, type: r.type, pattern: r.pattern, encoding: r.encoding, discountUnit: r.discountUnit, articleLookup: r.articleLookup, active: r.active };
  }

  async list(em: EntityManager): Promise<NomenclatureRule[]> {
    return em.find(NomenclatureRule, {}, { orderBy: { position: 'asc', id: 'asc' } });
  }

  /** The active rules, in the order they are tried (read on every scan: plain rows, validity remembered). */
  async activeRules(em: EntityManager): Promise<ActiveRule[]> {
    const rows = await query<{ id: number; name: string; type: BarcodeRuleType; pattern: string; encoding: BarcodeEncoding | null; discount_unit: DiscountUnit | null; article_lookup: ArticleLookup; active: boolean | number }>(em,
      'select id, name, type, pattern, encoding, discount_unit, article_lookup, active from pricing_barcode_rule order by position, id');
    const out: ActiveRule[] = [];
    for (const r of rows) {
      if (!r.active) continue;
      const rule: BarcodeRule = { name: r.name, type: r.type, pattern: r.pattern, ...(r.encoding ? { encoding: r.encoding } : {}), ...(r.discount_unit ? { discountUnit: r.discount_unit } : {}) };
      const key = JSON.stringify(rule);
      let ok = validRules.get(key);
      if (ok === undefined) {
        if (validRules.size > 1000) validRules.clear();
        validRules.set(key, (ok = validateRule(rule).ok));
      }
      // A rule saved before a stricter domain version may no longer be valid: it is skipped rather than blocking every scan.
      if (ok) out.push({ ...rule, id: r.id, articleLookup: r.article_lookup });
    }
    return out;
  }

  async get(em: EntityManager, id: number): Promise<NomenclatureRule> {
    const r = await em.findOne(NomenclatureRule, { id });
    if (!r) throw new NotFoundError('RULE_NOT_FOUND', M.ruleNotFound(id));
    return r;
  }

  async save(outer: EntityManager, id: number | null, input: NomenclatureRuleInput): Promise<NomenclatureRule> {
    return outer.transactional(async (em) => {
      const existing = id === null ? null : await this.get(em, id);
      const merged = {
        name: (input.name ?? existing?.name ?? '').trim(),
        type: input.type ?? existing?.type,
        pattern: (input.pattern ?? existing?.pattern ?? '').trim().toUpperCase(),
        encoding: input.encoding !== undefined ? input.encoding : existing?.encoding ?? null,
        discountUnit: input.discountUnit !== undefined ? input.discountUnit : existing?.discountUnit ?? null,
      };
      const errors = new FieldErrors();
      if (!merged.type) errors.add('type', 'REQUIRED', M.required);
      if (input.articleLookup !== undefined && !ARTICLE_LOOKUPS.includes(input.articleLookup)) errors.add('articleLookup', 'LOOKUP_UNKNOWN', M.required);
      if (!errors.has()) {
        const res = validateRule({ name: merged.name, type: merged.type!, pattern: merged.pattern, ...(merged.encoding ? { encoding: merged.encoding } : {}), ...(merged.discountUnit ? { discountUnit: merged.discountUnit } : {}) });
        if (!res.ok) {
          const field = res.code === 'RULE_NAME_EMPTY' ? 'name' : res.code === 'RULE_UNKNOWN_TYPE' ? 'type' : res.code === 'RULE_UNKNOWN_ENCODING' ? 'encoding' : res.code === 'RULE_UNKNOWN_DISCOUNT_UNIT' ? 'discountUnit' : 'pattern';
          errors.add(field, res.code, ruleFailureText(res));
        }
      }
      if (errors.has()) throw new ValidationError(errors.list);
      const rule = existing ?? em.create(NomenclatureRule, {
        position: input.position ?? (await em.count(NomenclatureRule, {})), name: merged.name, type: merged.type!, pattern: merged.pattern,
        encoding: null, discountUnit: null, articleLookup: 'plu-internal-code', active: true, updatedAt: new Date(),
      });
      Object.assign(rule, merged, { updatedAt: new Date() });
      if (input.articleLookup !== undefined) rule.articleLookup = input.articleLookup;
      if (input.active !== undefined) rule.active = input.active;
      if (input.position !== undefined) rule.position = input.position;
      await em.flush();
      return rule;
    });
  }

  async delete(em: EntityManager, id: number): Promise<void> {
    await em.remove(await this.get(em, id)).flush();
  }

  /** Puts the rules in the given order (every rule, each once): the first that fits a code reads it. */
  async reorder(outer: EntityManager, ids: number[]): Promise<NomenclatureRule[]> {
    return outer.transactional(async (em) => {
      const rules = await this.list(em);
      const known = new Set(rules.map((r) => r.id));
      if (ids.length !== rules.length || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) {
        throw new ValidationError([{ field: 'ids', code: 'ORDER_MISMATCH', message: M.orderMismatch }]);
      }
      for (const r of rules) r.position = ids.indexOf(r.id);
      await em.flush();
      return this.list(em);
    });
  }

  /** Replaces every rule with the default nomenclature. */
  async reset(outer: EntityManager): Promise<NomenclatureRule[]> {
    return outer.transactional(async (em) => {
      await em.nativeDelete(NomenclatureRule, {});
      for (const [i, r] of defaultNomenclature().entries()) {
        em.create(NomenclatureRule, {
          position: i, name: DEFAULT_NAMES[r.name] ?? r.name, type: r.type, pattern: r.pattern, encoding: r.encoding ?? null,
          discountUnit: r.discountUnit ?? null, articleLookup: 'plu-internal-code', active: true, updatedAt: new Date(),
        });
      }
      await em.flush();
      return this.list(em);
    });
  }
}
