import { css, sharedStyles } from '@comptoir/shell';

/** The shell's shared styles plus what every pricing screen uses: section titles, errors under fields, row grids. */
export const pricingStyles = [
  sharedStyles,
  css`
    .section-title {
      font-size: 0.8125rem;
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--cpt-muted);
      margin: 0 0 12px;
    }
    .card-header {
      display: flex;
      align-items: center;
      gap: 12px;
      flex-wrap: wrap;
      margin-bottom: 12px;
    }
    .card-header h2 {
      flex: 1 1 auto;
    }
    .field-error {
      display: block;
      font-size: 0.875rem;
      color: var(--cpt-danger);
      margin-top: 4px;
      line-height: 1.35;
    }
    .hint {
      font-size: 0.8125rem;
      color: var(--cpt-muted);
      margin-top: 4px;
    }
    .mono-input {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace !important;
      letter-spacing: 0.02em;
    }
    .form-alerts > .alert {
      margin-top: 12px;
    }
    .empty {
      color: var(--cpt-muted);
      margin: 0;
    }
    .row-actions {
      display: flex;
      gap: 4px;
      justify-content: flex-end;
    }
    .grid-rows {
      display: flex;
      flex-direction: column;
      gap: 10px;
    }
    .grid-head {
      font-size: 0.8125rem;
      font-weight: 600;
      color: var(--cpt-muted);
    }
    .big {
      font-size: 2rem;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
      line-height: 1.1;
    }
    .kv {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 8px 16px;
      margin: 0;
    }
    .kv dt {
      color: var(--cpt-muted);
    }
    .kv dd {
      margin: 0;
      font-weight: 500;
    }
    table.plain {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.9375rem;
    }
    table.plain th {
      text-align: start;
      font-size: 0.8125rem;
      font-weight: 600;
      color: var(--cpt-muted);
      padding: 8px 10px;
      border-bottom: 1px solid var(--cpt-border);
      white-space: nowrap;
    }
    table.plain td {
      padding: 6px 10px;
      border-bottom: 1px solid var(--cpt-border-soft);
      vertical-align: middle;
      height: 48px;
    }
    table.plain tr:last-child td {
      border-bottom: 0;
    }
    table.plain .end {
      text-align: end;
    }
    /* table.plain.stack: on a phone each row becomes a small card (the cells one after the other, wrapped),
       so a wide table never pushes the screen sideways. */
    @media (max-width: 700px) {
      table.plain.stack thead {
        display: none;
      }
      table.plain.stack,
      table.plain.stack tbody {
        display: block;
      }
      table.plain.stack tr {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 4px 10px;
        padding: 8px 0;
        border-bottom: 1px solid var(--cpt-border-soft);
      }
      table.plain.stack td {
        display: block;
        height: auto;
        padding: 2px 4px;
        border: 0;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      table.plain.stack td.stack-full {
        flex: 1 1 100%;
      }
      table.plain.stack td[data-label]::before {
        content: attr(data-label);
        display: block;
        font-size: 0.75rem;
        font-weight: 600;
        color: var(--cpt-muted);
      }
      table.plain.stack td.end {
        text-align: start;
      }
    }
  `,
];
