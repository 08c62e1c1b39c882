import { css } from '@comptoir/shell';

/** Layout of *Caisse › Statistiques*: controls that wrap, tabs that scroll, a chart of fixed height, a table that scrolls sideways on a phone. */
export const statsStyles = css`
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
    align-items: flex-end;
  }
  .controls label {
    display: grid;
    gap: 4px;
    font-size: 0.875rem;
    color: var(--cpt-muted);
    flex: 1 1 150px;
    min-width: 0;
  }
  .presets {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .tabs {
    display: flex;
    gap: 4px;
    overflow-x: auto;
    scrollbar-width: thin;
    border-bottom: 1px solid var(--cpt-border);
  }
  .tabs button,
  .presets button {
    font: inherit;
    white-space: nowrap;
    min-height: 40px;
    padding: 0 14px;
    border: 1px solid transparent;
    background: transparent;
    color: var(--cpt-text);
    border-radius: var(--cpt-radius-sm) var(--cpt-radius-sm) 0 0;
    cursor: pointer;
  }
  .presets button {
    border: 1px solid var(--cpt-border-strong);
    border-radius: 999px;
    min-height: 36px;
    font-size: 0.875rem;
  }
  .tabs button[aria-selected='true'] {
    border-color: var(--cpt-border);
    border-bottom-color: var(--cpt-surface);
    background: var(--cpt-surface);
    font-weight: 600;
    color: var(--cpt-primary);
    margin-bottom: -1px;
  }
  .tabs.reports button[aria-selected='true'] {
    background: var(--cpt-primary);
    color: #fff;
    border-color: var(--cpt-primary);
    border-radius: var(--cpt-radius-sm);
    margin-bottom: 4px;
  }
  .tabs.reports {
    border-bottom: 0;
  }
  .chart {
    position: relative;
    height: 300px;
  }
  .scroll {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.9rem;
  }
  th,
  td {
    padding: 6px 8px;
    border-bottom: 1px solid var(--cpt-border);
    text-align: left;
    white-space: nowrap;
  }
  td:first-child {
    white-space: normal;
    min-width: 220px;
    max-width: 340px;
  }
  th {
    position: sticky;
    top: 0;
    background: var(--cpt-surface);
    font-weight: 600;
  }
  td.num,
  th.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  td.neg {
    color: var(--cpt-danger);
  }
  tr.total td {
    font-weight: 700;
    border-top: 2px solid var(--cpt-border-strong);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
    justify-content: space-between;
    margin-bottom: 12px;
  }
  .head h2 {
    font-size: 1.05rem;
  }
  .downloads {
    display: flex;
    gap: 8px;
  }
  @media (max-width: 600px) {
    .page {
      padding: 12px;
    }
    .card {
      padding: 12px;
    }
    .chart {
      height: 240px;
    }
    .controls label {
      flex: 1 1 120px;
    }
    td:first-child {
      min-width: 140px;
    }
  }
`;
