import { html, nothing, t, type TemplateResult } from '@comptoir/shell';

/** A column of a plain table: its heading, aligned to the end for numbers. */
export interface PlainColumn<T> {
  label: string;
  end?: boolean;
  cell: (row: T) => unknown;
}

/** What a plain table shows: rows with an id, and the edit / delete buttons of each row unless read-only. */
export interface PlainTable<T extends { id: number }> {
  /** Test ids: `<testid>-row` (data-key = id), `<testid>-empty`; buttons `<action>-edit-<i>`, `<action>-delete-<i>`. */
  testid: string;
  action: string;
  columns: PlainColumn<T>[];
  rows: T[];
  empty: string;
  readonly: boolean;
  onEdit?: (row: T) => void;
  onDelete?: (row: T) => void;
}

/** The small tables of an article's or a customer's pricing sections (packs, associated articles, agreed prices). */
export function plainTable<T extends { id: number }>(table: PlainTable<T>): TemplateResult {
  if (table.rows.length === 0) return html`<p class="empty" data-testid=${`${table.testid}-empty`}>${table.empty}</p>`;
  const buttons = (row: T, i: number) =>
    table.readonly
      ? nothing
      : html`<div class="row-actions">
          ${table.onEdit
            ? html`<cpt-button variant="ghost" icon="edit" label=${t('pricing.edit')} data-testid=${`${table.action}-edit-${i}`} @click=${() => table.onEdit!(row)}></cpt-button>`
            : nothing}
          ${table.onDelete
            ? html`<cpt-button variant="ghost" icon="trash" label=${t('pricing.delete')} data-testid=${`${table.action}-delete-${i}`} @click=${() => table.onDelete!(row)}></cpt-button>`
            : nothing}
        </div>`;
  // On a phone the rows become small cards (table.plain.stack), each value under its column's name.
  return html`<table class="plain stack">
    <thead>
      <tr>
        ${table.columns.map((c) => html`<th class=${c.end ? 'end' : ''}>${c.label}</th>`)}
        <th></th>
      </tr>
    </thead>
    <tbody>
      ${table.rows.map(
        (row, i) => html`<tr data-testid=${`${table.testid}-row`} data-key=${String(row.id)}>
          ${table.columns.map((c) => html`<td class=${c.end ? 'end' : ''} data-label=${c.label}>${c.cell(row)}</td>`)}
          <td>${buttons(row, i)}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}
