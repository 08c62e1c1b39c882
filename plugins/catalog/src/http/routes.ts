import { MAX_INT32, type PluginContext, type RouteRegistrar } from '@comptoir/kernel';
import { Customer, Supplier } from '../entities/index.js';
import { vatCategoriesFor, type VatCategoryView } from '../domain/index.js';
import type { ArticleService, ArticleInput } from '../services/article.service.js';
import type { FamilyService, FamilyInput } from '../services/family.service.js';
import type { PartyService, PartyInput } from '../services/party.service.js';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } } as const;
const paging = {
  q: { type: 'string', maxLength: 100 },
  page: { type: 'integer', minimum: 1, default: 1 },
  pageSize: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
  active: { type: 'boolean' },
} as const;

const barcodeItem = {
  anyOf: [
    { type: 'string', maxLength: 64 },
    { type: 'object', required: ['code'], additionalProperties: false, properties: { code: { type: 'string', maxLength: 64 }, kind: { type: 'string', enum: ['ean13', 'ean8', 'upca', 'internal'] } } },
  ],
} as const;

const articleBody = {
  type: 'object', additionalProperties: false,
  properties: {
    code: { type: 'string', maxLength: 64 }, name: { type: 'string', maxLength: 200 }, description: { type: 'string', maxLength: 4000 },
    familyId: { type: ['integer', 'null'] }, unit: { type: 'string', enum: ['piece', 'kg', 'litre'] }, vatCategory: { type: 'string', maxLength: 16 },
    barcodes: { type: 'array', maxItems: 20, items: barcodeItem }, price: { type: ['integer', 'null'], minimum: -MAX_INT32 - 1, maximum: MAX_INT32 }, active: { type: 'boolean' },
    version: { type: 'integer' },
  },
} as const;

const partyBody = (withCustomerFields: boolean) => ({
  type: 'object', additionalProperties: false,
  properties: {
    code: { type: 'string', maxLength: 64 }, name: { type: 'string', maxLength: 200 }, street: { type: 'string', maxLength: 200 },
    postalCode: { type: 'string', maxLength: 16 }, city: { type: 'string', maxLength: 100 }, country: { type: 'string', maxLength: 2 },
    vatNumber: { type: 'string', maxLength: 40 }, email: { type: 'string', maxLength: 200 }, phone: { type: 'string', maxLength: 40 },
    active: { type: 'boolean' }, version: { type: 'integer' },
    ...(withCustomerFields ? { kind: { type: 'string', enum: ['person', 'company'] }, language: { type: 'string', enum: ['fr', 'nl', 'en'] } } : {}),
  },
});

/** The catalogue's HTTP API under /api/catalog. */
export function catalogRoutes(r: RouteRegistrar, { container }: PluginContext): void {
  const articles = () => container.resolve<ArticleService>('catalogArticles');
  const families = () => container.resolve<FamilyService>('catalogFamilies');
  const parties = () => container.resolve<PartyService>('catalogParties');

  r.get<{ Querystring: { q?: string; family?: number; active?: boolean; page?: number; pageSize?: number } }>('/articles', {
    permission: 'catalog.read', summary: 'Search articles by exact barcode, else by every word of q as a fragment of the code or name, in any order, accents ignored (paged, by name; `total` counts up to 1,000: `totalCapped` true means more match; `hasMore` says whether a next page exists)',
    schema: { querystring: { type: 'object', additionalProperties: false, properties: { ...paging, family: { type: 'integer', minimum: 1 } } } },
    handler: async (req, ctx) => articles().search(ctx.em, { ...req.query, familyId: req.query.family }),
  });

  r.get<{ Params: { id: number } }>('/articles/:id', {
    permission: 'catalog.read', summary: 'One article', schema: { params: idParams },
    handler: async (req, ctx) => articles().view(await articles().get(ctx.em, req.params.id)),
  });

  r.post<{ Body: ArticleInput }>('/articles', {
    permission: 'catalog.write', summary: 'Create an article', status: 201, schema: { body: { ...articleBody, required: ['code', 'name', 'vatCategory'] } },
    handler: async (req, ctx) => {
      const a = await articles().create(ctx.em, req.body, ctx.user);
      return articles().view(await articles().get(ctx.em, a.id));
    },
  });

  r.patch<{ Params: { id: number }; Body: ArticleInput }>('/articles/:id', {
    permission: 'catalog.write', summary: 'Change an article (send the version you read; 409 if someone changed it since)',
    schema: { params: idParams, body: articleBody },
    handler: async (req, ctx) => {
      const a = await articles().update(ctx.em, req.params.id, req.body, ctx.user);
      return articles().view(a);
    },
  });

  r.get<{ Params: { code: string } }>('/barcodes/:code', {
    permission: 'catalog.read', summary: 'The article carrying a barcode (as scanned)',
    schema: { params: { type: 'object', properties: { code: { type: 'string', minLength: 1, maxLength: 64 } } } },
    handler: async (req, ctx) => articles().view(await articles().findByBarcode(ctx.em, req.params.code)),
  });

  r.get('/families', {
    permission: 'catalog.read', summary: 'Families of articles, as a tree (path, parent, article count)',
    handler: async (_req, ctx) => families().list(ctx.em),
  });

  const familyBody = { type: 'object', additionalProperties: false, properties: { code: { type: 'string', maxLength: 64 }, name: { type: 'string', maxLength: 120 }, parentId: { type: ['integer', 'null'] }, version: { type: 'integer' } } } as const;
  r.post<{ Body: FamilyInput }>('/families', {
    permission: 'catalog.write', summary: 'Create a family', status: 201, schema: { body: { ...familyBody, required: ['code', 'name'] } },
    handler: async (req, ctx) => {
      const f = await families().save(ctx.em, null, req.body);
      return (await families().list(ctx.em)).find((x) => x.id === f.id);
    },
  });
  r.patch<{ Params: { id: number }; Body: FamilyInput }>('/families/:id', {
    permission: 'catalog.write', summary: 'Rename or move a family', schema: { params: idParams, body: familyBody },
    handler: async (req, ctx) => {
      const f = await families().save(ctx.em, req.params.id, req.body);
      return (await families().list(ctx.em)).find((x) => x.id === f.id);
    },
  });

  r.get('/vat-categories', {
    permission: 'catalog.read', summary: 'VAT categories of the shop’s country',
    handler: async (_req, ctx): Promise<VatCategoryView[]> => vatCategoriesFor((await ctx.shop()).country).map((c) => ({ code: c.code, rate: c.rate, name: c.names[ctx.lang], uncl5305: c.uncl5305 })),
  });

  for (const [path, cls, perm, label] of [
    ['customers', Customer, 'catalog.customers', 'customer'],
    ['suppliers', Supplier, 'catalog.suppliers', 'supplier'],
  ] as const) {
    r.get<{ Querystring: { q?: string; active?: boolean; page?: number; pageSize?: number } }>(`/${path}`, {
      permission: 'catalog.read', summary: `Search ${path} by code, name, city, e-mail, phone or VAT number (paged)`,
      schema: { querystring: { type: 'object', additionalProperties: false, properties: paging } },
      handler: async (req, ctx) => parties().search(ctx.em, cls, req.query),
    });
    r.get<{ Params: { id: number } }>(`/${path}/:id`, {
      permission: 'catalog.read', summary: `One ${label}`, schema: { params: idParams },
      handler: async (req, ctx) => parties().view(await parties().get(ctx.em, cls, req.params.id)),
    });
    r.post<{ Body: PartyInput }>(`/${path}`, {
      permission: perm, summary: `Create a ${label} (a code is given when none is sent)`, status: 201,
      schema: { body: { ...partyBody(cls === Customer), required: ['name'] } },
      handler: async (req, ctx) => parties().view(await parties().save(ctx.em, cls, null, req.body, ctx.user)),
    });
    r.patch<{ Params: { id: number }; Body: PartyInput }>(`/${path}/:id`, {
      permission: perm, summary: `Change a ${label}`, schema: { params: idParams, body: partyBody(cls === Customer) },
      handler: async (req, ctx) => parties().view(await parties().save(ctx.em, cls, req.params.id, req.body, ctx.user)),
    });
  }
}
