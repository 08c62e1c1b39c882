/**
 * The figures of an X report or a Z as the closing screens show them: sales, refunds, net, payments per method,
 * VAT per rate, the cash the drawer should hold, the perpetual grand totals and, for a Z, its journal heads.
 */
import { formatDay, formatMoney, formatRate, html, nothing, t } from '@comptoir/shell';
import type { ClosureReport, ClosureView } from '../services/closure.service.js';
import { methodLabel } from './back-office.js';
import type { Method } from './types.js';

/** "15/06/2026", "2026-06", "2026", or "01/06/2026 → 10/06/2026". */
export function periodLabel(p: ClosureReport['period']): string {
  if (p.kind === 'day') return formatDay(p.from);
  if (p.kind === 'month') return p.from.slice(0, 7);
  if (p.kind === 'year') return p.from.slice(0, 4);
  return `${formatDay(p.from)} → ${formatDay(p.to)}`;
}

/** The figures' tables; `ids` keeps the test ids of the live X report only. */
export function reportFigures(r: ClosureReport, methods: readonly Method[], ids = true) {
  const id = (name: string) => (ids ? name : nothing);
  return html`<table>
      <tr><td>${t('pos.x.sales', { count: r.sales.count })}</td><td class="num" data-testid=${id('pos-x-sales')}>${formatMoney(r.sales.total)}</td></tr>
      <tr><td>${t('pos.x.refunds', { count: r.refunds.count })}</td><td class="num" data-testid=${id('pos-x-refunds')}>${formatMoney(r.refunds.total)}</td></tr>
      <tr><th>${t('pos.x.net')}</th><th class="num" data-testid=${id('pos-x-net')}>${formatMoney(r.net)}</th></tr>
      ${r.discounts ? html`<tr><td>${t('pos.zr.discounts')}</td><td class="num">${formatMoney(r.discounts)}</td></tr>` : nothing}
    </table>
    <h3>${t('pos.pay.tenders')}</h3>
    <table>
      ${r.payments.map((p) => html`<tr data-testid=${id('pos-x-payment')}><td>${methodLabel(methods, p.method)} (${p.count})</td><td class="num">${formatMoney(p.amount)}</td></tr>`)}
      ${r.rounding ? html`<tr><td>${t('pos.pay.rounding')}</td><td class="num">${formatMoney(r.rounding)}</td></tr>` : nothing}
    </table>
    <h3>${t('pos.x.vat')}</h3>
    <table>
      <tr><th>${t('pos.zr.rate')}</th><th class="num">${t('pos.zr.base')}</th><th class="num">${t('pos.x.vat')}</th></tr>
      ${r.vat.map((v) => html`<tr><td>${formatRate(v.rate)}</td><td class="num">${formatMoney(v.base)}</td><td class="num">${formatMoney(v.vat)}</td></tr>`)}
    </table>
    <h3>${t('pos.zr.cash')}</h3>
    <table>
      <tr><td>${t('pos.cash.kind.float')}</td><td class="num">${formatMoney(r.cash.float)}</td></tr>
      <tr><td>${t('pos.cash.kind.deposit')}</td><td class="num">${formatMoney(r.cash.deposits)}</td></tr>
      <tr><td>${t('pos.cash.kind.withdrawal')}</td><td class="num">${formatMoney(r.cash.withdrawals)}</td></tr>
      <tr><td>${t('pos.zr.cashSales')}</td><td class="num">${formatMoney(r.cash.sales)}</td></tr>
      <tr><th>${t('pos.count.expected')}</th><th class="num">${formatMoney(r.cash.expected)}</th></tr>
    </table>
    <p class="muted">${t('pos.zr.other', { duplicates: r.duplicates, corrections: r.corrections, noSale: r.cash.noSale })}</p>
    <h3>${t('pos.x.grandTotals')}</h3>
    <table data-testid=${id('pos-x-grand')}>
      <tr><td>${t('pos.zr.grandSales')}</td><td class="num">${formatMoney(r.grandTotals.sales)}</td></tr>
      <tr><td>${t('pos.zr.grandRefunds')}</td><td class="num">${formatMoney(r.grandTotals.refunds)}</td></tr>
      <tr><th>${t('pos.x.net')}</th><th class="num" data-testid=${id('pos-x-grand-net')}>${formatMoney(r.grandTotals.net)}</th></tr>
    </table>
    ${r.parked.length ? html`<p class="alert warning">${t('pos.x.parked', { count: r.parked.length })}</p>` : nothing}`;
}

/** A Z's cash count and the journal chains' heads it anchors. */
export function closureSeal(z: ClosureView) {
  return html`${z.cashCount
      ? html`<h3>${t('pos.count.title')}</h3>
          <table>
            <tr><td>${t('pos.count.expected')}</td><td class="num">${formatMoney(z.cashCount.expected)}</td></tr>
            <tr><td>${t('pos.count.counted')}</td><td class="num" data-testid="pos-zd-counted">${formatMoney(z.cashCount.counted)}</td></tr>
            <tr><th>${t('pos.count.difference')}</th><th class="num" data-testid="pos-zd-difference">${formatMoney(z.cashCount.difference)}</th></tr>
          </table>
          ${z.cashCount.explanation ? html`<p class="muted">${z.cashCount.explanation}</p>` : nothing}`
      : nothing}
    <h3>${t('pos.zr.heads')}</h3>
    <table data-testid="pos-zd-heads">
      ${Object.entries(z.journalHeads).map(([chain, h]) => html`<tr><td>${chain} #${h.seq}</td><td class="mono" style="word-break:break-all;font-size:0.8rem">${h.hash}</td></tr>`)}
    </table>`;
}
