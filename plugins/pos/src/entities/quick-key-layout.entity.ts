import { EntitySchema } from '@comptoir/kernel';

/**
 * The quick keys of a station's sale screen (or the shop's default, `stationKey` 0): pages of favourite articles and
 * families with their order and colours, and which of the screen's buttons show. Pages and buttons are JSON
 * validated by the route's schema.
 */
export class QuickKeyLayout {
  id!: number;
  /** The station's id, or 0 for the shop's default layout. */
  stationKey!: number;
  /** `QuickKeyPage[]` as JSON. */
  pages = '[]';
  /** The buttons of the sale screen that show, as a JSON array of their names. */
  buttons = '[]';
  version = 1;
  updatedAt!: string;
}

export const QuickKeyLayoutSchema = new EntitySchema<QuickKeyLayout>({
  class: QuickKeyLayout,
  tableName: 'pos_quick_key_layout',
  properties: {
    id: { type: 'integer', primary: true },
    stationKey: { type: 'integer', unique: true },
    pages: { type: 'text' },
    buttons: { type: 'text' },
    version: { type: 'integer' },
    updatedAt: { type: 'string', length: 32 },
  },
});
