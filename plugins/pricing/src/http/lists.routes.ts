import { localize, type PluginContext, type RouteRegistrar } from '@comptoir/kernel';
import type { PriceListService, PriceListInput, ListPriceInput, ArticleListPricesInput } from '../services/price-list.service.js';
import type { CustomerPriceService, CustomerPriceInput } from '../services/customer-price.service.js';
import { articleListParams, articleListPricesBody, customerParams, customerPriceBody, idParams, listPriceBody, priceListBody } from './schemas.js';

/** Price lists, their prices and breaks, customer prices and customer terms. */
export function listRoutes(r: RouteRegistrar, { container }: PluginContext): void {
  const lists = () => container.resolve<PriceListService>('pricingLists');
  const customers = () => container.resolve<CustomerPriceService>('pricingCustomerPrices');

  r.get('/lists', {
    permission: 'pricing.read', summary: 'Price lists, with how many prices and customers each has',
    handler: async (_req, ctx) => (await lists().lists(ctx.em)).map((l) => ({ ...l, label: localize(l.name, ctx.lang) })),
  });
  r.post<{ Body: PriceListInput }>('/lists', {
    permission: 'pricing.write', summary: 'Create a price list', status: 201, schema: { body: { ...priceListBody, required: ['code', 'name'] } },
    handler: async (req, ctx) => lists().listView(await lists().saveList(ctx.em, null, req.body, ctx.user)),
  });
  r.patch<{ Params: { id: number }; Body: PriceListInput }>('/lists/:id', {
    permission: 'pricing.write', summary: 'Change a price list (send the version you read)', schema: { params: idParams, body: priceListBody },
    handler: async (req, ctx) => lists().listView(await lists().saveList(ctx.em, req.params.id, req.body, ctx.user)),
  });
  r.delete<{ Params: { id: number } }>('/lists/:id', {
    permission: 'pricing.write', summary: 'Delete a price list and its prices (not the default list, nor one customers buy at)', schema: { params: idParams },
    handler: async (req, ctx) => { await lists().deleteList(ctx.em, req.params.id); },
  });
  r.get<{ Params: { id: number } }>('/lists/:id/customers', {
    permission: 'pricing.read', summary: 'Customers who buy at a list', schema: { params: idParams },
    handler: async (req, ctx) => customers().customersOf(ctx.em, (await lists().getList(ctx.em, req.params.id)).id),
  });

  r.get<{ Querystring: { list?: number; article?: number; page?: number; pageSize?: number } }>('/prices', {
    permission: 'pricing.read', summary: 'Prices of a list or of an article: base prices and quantity breaks, with their periods',
    schema: { querystring: { type: 'object', additionalProperties: false, properties: { list: { type: 'integer', minimum: 1 }, article: { type: 'integer', minimum: 1 }, page: { type: 'integer', minimum: 1 }, pageSize: { type: 'integer', minimum: 1, maximum: 500 } } } },
    handler: async (req, ctx) => lists().prices(ctx.em, { priceListId: req.query.list, articleId: req.query.article, page: req.query.page, pageSize: req.query.pageSize }),
  });
  r.post<{ Body: ListPriceInput }>('/prices', {
    permission: 'pricing.write', summary: 'Add a price to a list: a base price (minQuantity 0) or a break ("from 24" = 24000), optionally for a period',
    status: 201, schema: { body: { ...listPriceBody, required: ['articleId', 'unitPrice'] } },
    handler: async (req, ctx) => {
      return lists().savePrice(ctx.em, null, req.body, ctx.user);
    },
  });
  r.patch<{ Params: { id: number }; Body: ListPriceInput }>('/prices/:id', {
    permission: 'pricing.write', summary: 'Change a list price', schema: { params: idParams, body: listPriceBody },
    handler: async (req, ctx) => lists().savePrice(ctx.em, req.params.id, req.body, ctx.user),
  });
  r.delete<{ Params: { id: number } }>('/prices/:id', {
    permission: 'pricing.write', summary: 'Delete a list price', schema: { params: idParams },
    handler: async (req, ctx) => { await lists().deletePrice(ctx.em, req.params.id); },
  });

  r.get<{ Params: { articleId: number; listCode: string } }>('/prices/articles/:articleId/lists/:listCode', {
    permission: 'pricing.read', summary: 'An article’s prices in one list, with the version to send back when replacing them',
    schema: { params: articleListParams },
    handler: async (req, ctx) => lists().articlePrices(ctx.em, req.params.articleId, req.params.listCode),
  });
  r.put<{ Params: { articleId: number; listCode: string }; Body: ArticleListPricesInput }>('/prices/articles/:articleId/lists/:listCode', {
    permission: 'pricing.write',
    summary: 'Replace an article’s prices in one list in one transaction: the stored rows become exactly `rows` (keep the `id` of each row read; '
      + 'rows not sent are deleted). Every row is checked first and every problem named at once (`rows.<i>.<field>`); a refused request changes '
      + 'nothing. Send the `version` you read: 409 VERSION_CONFLICT if the rows changed since (or if a row id is no longer one of them). Answers the '
      + 'stored rows in the order sent, and their new version',
    schema: { params: articleListParams, body: articleListPricesBody },
    handler: async (req, ctx) => lists().replaceArticlePrices(ctx.em, req.params.articleId, req.params.listCode, req.body, ctx.user),
  });

  r.get<{ Querystring: { customer?: number; article?: number } }>('/customer-prices', {
    permission: 'pricing.read', summary: 'Prices agreed with customers, by customer and/or article',
    schema: { querystring: { type: 'object', additionalProperties: false, properties: { customer: { type: 'integer', minimum: 1 }, article: { type: 'integer', minimum: 1 } } } },
    handler: async (req, ctx) => customers().list(ctx.em, { customerId: req.query.customer, articleId: req.query.article }),
  });
  r.post<{ Body: CustomerPriceInput }>('/customer-prices', {
    permission: 'pricing.write', summary: 'Agree a price with a customer (without includesVat: on the side of the customer’s list)', status: 201,
    schema: { body: { ...customerPriceBody, required: ['customerId', 'articleId', 'unitPrice'] } },
    handler: async (req, ctx) => (await customers().views(ctx.em, [await customers().save(ctx.em, null, req.body)]))[0],
  });
  r.patch<{ Params: { id: number }; Body: CustomerPriceInput }>('/customer-prices/:id', {
    permission: 'pricing.write', summary: 'Change a customer price', schema: { params: idParams, body: customerPriceBody },
    handler: async (req, ctx) => (await customers().views(ctx.em, [await customers().save(ctx.em, req.params.id, req.body)]))[0],
  });
  r.delete<{ Params: { id: number } }>('/customer-prices/:id', {
    permission: 'pricing.write', summary: 'Delete a customer price', schema: { params: idParams },
    handler: async (req, ctx) => { await customers().delete(ctx.em, req.params.id); },
  });

  r.get<{ Params: { customerId: number } }>('/customers/:customerId/terms', {
    permission: 'pricing.read', summary: 'The list a customer buys at', schema: { params: customerParams },
    handler: async (req, ctx) => customers().terms(ctx.em, req.params.customerId),
  });
  r.put<{ Params: { customerId: number }; Body: { priceListCode: string | null } }>('/customers/:customerId/terms', {
    permission: 'pricing.write', summary: 'Assign a list to a customer (null: the default list)',
    schema: { params: customerParams, body: { type: 'object', required: ['priceListCode'], additionalProperties: false, properties: { priceListCode: { type: ['string', 'null'], maxLength: 32 } } } },
    handler: async (req, ctx) => customers().setTerms(ctx.em, req.params.customerId, req.body.priceListCode),
  });
}
