import type { PluginContext, RouteRegistrar } from '@comptoir/kernel';
import type { AssociationInput, PackagingService, PackInput } from '../services/packaging.service.js';
import type { NomenclatureRuleInput, NomenclatureService } from '../services/nomenclature.service.js';
import type { ArticleReads } from '@comptoir/catalog';
import type { ContentUnit } from '../domain/index.js';
import { articleCosts } from '../services/article-costs.js';
import { articleParams, associationBody, idParams, packBody, ruleBody } from './schemas.js';

const articleQuery = { type: 'object', additionalProperties: false, properties: { article: { type: 'integer', minimum: 1 } } } as const;

/** Packs, associated articles, contents, and the barcode nomenclature. */
export function packagingRoutes(r: RouteRegistrar, { container }: PluginContext): void {
  const packaging = () => container.resolve<PackagingService>('pricingPackaging');
  const rules = () => container.resolve<NomenclatureService>('pricingNomenclature');

  r.get<{ Querystring: { article?: number } }>('/packs', {
    permission: 'pricing.read', summary: 'Packs (a case with its own barcode), of an article or all', schema: { querystring: articleQuery },
    handler: async (req, ctx) => (await packaging().packs(ctx.em, req.query.article)).map((p) => packaging().packView(p)),
  });
  r.post<{ Body: PackInput }>('/packs', {
    permission: 'pricing.write', summary: 'Add a pack: its barcode, how many units (thousandths) and its own price (optional)', status: 201,
    schema: { body: { ...packBody, required: ['articleId', 'barcode', 'quantity'] } },
    handler: async (req, ctx) => packaging().packView(await packaging().savePack(ctx.em, null, req.body)),
  });
  r.patch<{ Params: { id: number }; Body: PackInput }>('/packs/:id', {
    permission: 'pricing.write', summary: 'Change a pack', schema: { params: idParams, body: packBody },
    handler: async (req, ctx) => packaging().packView(await packaging().savePack(ctx.em, req.params.id, req.body)),
  });
  r.delete<{ Params: { id: number } }>('/packs/:id', {
    permission: 'pricing.write', summary: 'Delete a pack', schema: { params: idParams },
    handler: async (req, ctx) => { await packaging().deletePack(ctx.em, req.params.id); },
  });

  r.get<{ Querystring: { article?: number } }>('/associations', {
    permission: 'pricing.read', summary: 'Articles sold with an article (deposits, fees, accessories)', schema: { querystring: articleQuery },
    handler: async (req, ctx) => packaging().associations(ctx.em, req.query.article),
  });
  r.post<{ Body: AssociationInput }>('/associations', {
    permission: 'pricing.write', summary: 'Sell an article with another one: ratio in thousandths per unit (or per pack with packId)', status: 201,
    schema: { body: { ...associationBody, required: ['articleId', 'associatedArticleId'] } },
    handler: async (req, ctx) => {
      const row = await packaging().saveAssociation(ctx.em, null, req.body);
      return (await packaging().associations(ctx.em, row.articleId)).find((a) => a.id === row.id);
    },
  });
  r.patch<{ Params: { id: number }; Body: AssociationInput }>('/associations/:id', {
    permission: 'pricing.write', summary: 'Change an association', schema: { params: idParams, body: associationBody },
    handler: async (req, ctx) => {
      const row = await packaging().saveAssociation(ctx.em, req.params.id, req.body);
      return (await packaging().associations(ctx.em, row.articleId)).find((a) => a.id === row.id);
    },
  });
  r.delete<{ Params: { id: number } }>('/associations/:id', {
    permission: 'pricing.write', summary: 'Delete an association', schema: { params: idParams },
    handler: async (req, ctx) => { await packaging().deleteAssociation(ctx.em, req.params.id); },
  });

  r.get<{ Params: { articleId: number } }>('/articles/:articleId/costs', {
    permission: 'pricing.read', summary: 'An article’s purchase prices (per supplier, VAT excluded, as imported) and the margin at its catalogue price',
    schema: { params: articleParams },
    handler: async (req, ctx) => articleCosts(ctx.em, container.resolve<ArticleReads>('catalogReads'), req.params.articleId),
  });

  r.get<{ Params: { articleId: number } }>('/contents/:articleId', {
    permission: 'pricing.read', summary: 'What one unit of an article holds (for the price per kg or litre); null when unknown', schema: { params: articleParams },
    handler: async (req, ctx) => ({ content: await packaging().content(ctx.em, req.params.articleId) }),
  });
  r.put<{ Params: { articleId: number }; Body: { quantity: number; unit: ContentUnit } }>('/contents/:articleId', {
    permission: 'pricing.write', summary: 'Set what one unit holds: quantity in thousandths of kg or litre (33 cl = 330 l)',
    schema: { params: articleParams, body: { type: 'object', required: ['quantity', 'unit'], additionalProperties: false, properties: { quantity: { type: 'integer' }, unit: { type: 'string', enum: ['kg', 'l'] } } } },
    handler: async (req, ctx) => packaging().setContent(ctx.em, req.params.articleId, req.body),
  });
  r.delete<{ Params: { articleId: number } }>('/contents/:articleId', {
    permission: 'pricing.write', summary: 'Forget an article’s content', schema: { params: articleParams },
    handler: async (req, ctx) => { await packaging().deleteContent(ctx.em, req.params.articleId); },
  });

  r.get('/barcode-rules', {
    permission: 'pricing.read', summary: 'The barcode nomenclature: rules in the order they are tried',
    handler: async (_req, ctx) => (await rules().list(ctx.em)).map((x) => rules().view(x)),
  });
  r.post<{ Body: NomenclatureRuleInput }>('/barcode-rules', {
    permission: 'pricing.write', summary: 'Add a rule (checked: pattern, type, check digits)', status: 201,
    schema: { body: { ...ruleBody, required: ['name', 'type', 'pattern'] } },
    handler: async (req, ctx) => rules().view(await rules().save(ctx.em, null, req.body)),
  });
  r.patch<{ Params: { id: number }; Body: NomenclatureRuleInput }>('/barcode-rules/:id', {
    permission: 'pricing.write', summary: 'Change a rule', schema: { params: idParams, body: ruleBody },
    handler: async (req, ctx) => rules().view(await rules().save(ctx.em, req.params.id, req.body)),
  });
  r.delete<{ Params: { id: number } }>('/barcode-rules/:id', {
    permission: 'pricing.write', summary: 'Delete a rule', schema: { params: idParams },
    handler: async (req, ctx) => { await rules().delete(ctx.em, req.params.id); },
  });
  r.put<{ Body: { ids: number[] } }>('/barcode-rules/order', {
    permission: 'pricing.write', summary: 'Reorder the rules (every rule id, once, first tried first)',
    schema: { body: { type: 'object', required: ['ids'], additionalProperties: false, properties: { ids: { type: 'array', maxItems: 200, items: { type: 'integer', minimum: 1 } } } } },
    handler: async (req, ctx) => (await rules().reorder(ctx.em, req.body.ids)).map((x) => rules().view(x)),
  });
  r.post('/barcode-rules/reset', {
    permission: 'pricing.write', summary: 'Replace every rule with the default nomenclature',
    handler: async (_req, ctx) => (await rules().reset(ctx.em)).map((x) => rules().view(x)),
  });
}
