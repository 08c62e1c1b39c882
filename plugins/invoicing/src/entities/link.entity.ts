import { EntitySchema } from '@comptoir/kernel';

/** A document made from another: a quote's order, an order's delivery notes, the delivery notes an invoice groups. */
export class InvoicingLink {
  id!: number;
  fromId!: number;
  toId!: number;
}

export const InvoicingLinkSchema = new EntitySchema<InvoicingLink>({
  class: InvoicingLink,
  tableName: 'invoicing_link',
  uniques: [{ properties: ['fromId', 'toId'] }],
  properties: {
    id: { type: 'integer', primary: true },
    fromId: { type: 'integer' },
    toId: { type: 'integer', index: true },
  },
});
