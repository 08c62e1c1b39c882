/**
 * What the till's back-of-counter screens (refunds, history, cash, closing) share: the card shown in a browser
 * that is not a till yet, a receipt's print preview, the labels of the payment methods, and their styles.
 */
import { css, hasPermission, html, i18n, nothing, t, type ApiClient, type Session } from '@comptoir/shell';
import type { Method } from './types.js';

/** The card a browser that is not a registered station shows instead of a till screen. */
export function noStationCard(session: Session) {
  return html`<div class="page"><div class="card" data-testid="pos-no-station">
    <h2>${t('pos.noStation')}</h2><p class="muted">${t('pos.noStationHelp')}</p>
    ${hasPermission(session, 'kernel.stations') ? html`<a href="#/settings/stations" data-testid="pos-register-station">${t('pos.registerStation')}</a>` : nothing}</div></div>`;
}

/** A payment method's label in the language on screen. */
export function methodLabel(methods: readonly Method[], code: string): string {
  const m = methods.find((x) => x.code === code);
  return m ? (m.label[i18n.language as 'fr' | 'nl' | 'en'] ?? m.label.fr) : code;
}

/** A paid ticket's receipt through the shop's print template, as the HTML a preview frame shows. */
export function receiptHtml(api: ApiClient, ticketId: number): Promise<string> {
  return api.get<string>(`/pos/tickets/${ticketId}/receipt/print`, { format: 'html' });
}

/** Prints the document shown in a preview frame of the screen. */
export function printFrame(root: ParentNode, testid: string): void {
  root.querySelector<HTMLIFrameElement>(`[data-testid="${testid}"]`)?.contentWindow?.print();
}

/** The ISO day of a date in the shop's time zone, as the server counts business days. */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export const backStyles = css`
  table {
    width: 100%;
    border-collapse: collapse;
  }
  td,
  th {
    padding: 6px 4px;
    border-bottom: 1px solid var(--cpt-border, #eef0f3);
    text-align: left;
    vertical-align: middle;
  }
  td.num,
  th.num,
  .num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .grid {
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    gap: 16px;
    align-items: start;
  }
  .row {
    display: flex;
    gap: 8px;
    align-items: center;
    flex-wrap: wrap;
  }
  .row > input,
  .row > select {
    min-height: 44px;
  }
  .stack {
    display: grid;
    gap: 16px;
    align-content: start;
  }
  .stack > .card {
    margin: 0;
  }
  h3 {
    margin: 16px 0 4px;
  }
  .row > input[type='date'] {
    width: auto;
  }
  .show-narrow {
    display: none;
  }
  .grow {
    flex: 1;
    min-width: 0;
  }
  input.qty,
  input.amount {
    width: 7em;
    text-align: right;
    min-height: 44px;
    box-sizing: border-box;
  }
  .big {
    font-size: 1.75rem;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .neg {
    color: var(--cpt-danger, #c62828);
  }
  .pos {
    color: #0b7a3e;
  }
  .tabs {
    display: flex;
    gap: 6px;
    flex-wrap: wrap;
    margin-bottom: 12px;
  }
  .clickable {
    cursor: pointer;
  }
  .clickable:hover {
    background: var(--cpt-primary-soft, #e8f0fe);
  }
  .tag {
    display: inline-block;
    font-size: 0.8rem;
    padding: 1px 6px;
    border-radius: 10px;
    background: var(--cpt-border, #eef0f3);
  }
  iframe {
    width: 100%;
    height: 55vh;
    border: 1px solid var(--cpt-border, #d5dae1);
    background: #fff;
  }
  textarea {
    width: 100%;
    box-sizing: border-box;
    min-height: 60px;
  }
  @media (max-width: 760px) {
    .grid {
      grid-template-columns: 1fr;
    }
    .hide-narrow {
      display: none;
    }
    .show-narrow {
      display: inline;
    }
    input.qty,
    input.amount {
      width: 5em;
    }
    td,
    th {
      padding: 6px 2px;
    }
  }
`;
