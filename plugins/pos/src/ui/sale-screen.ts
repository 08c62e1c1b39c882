import {
  ApiClient,
  LitElement,
  LocaleController,
  ShortcutController,
  css,
  customElement,
  deepActiveElement,
  errorMessage,
  formatDateTime,
  formatMoney,
  hasPermission,
  html,
  i18n,
  icon,
  isApiError,
  isEditable,
  navigate,
  nothing,
  property,
  repeat,
  sharedStyles,
  shortcuts,
  state,
  t,
  toast,
  type Page,
  type Session,
} from '@comptoir/shell';
import { cashRounded, cashStepOf, quantityText, type CheckoutResult, type Hit, type Line, type Method, type Tender, type Ticket } from './types.js';
import type { QuickKeyLayoutView, SaleButton } from '../services/quick-keys.service.js';
import type { QuickArticle } from './quick-keys.js';
import type { SaleAnswer, SaleQuestion } from './sale-dialogs.js';
import './customer-picker.js';
import './quick-keys.js';
import './sale-dialogs.js';
import { withApproval } from './approval-dialog.js';

const BANKNOTES = [500, 1000, 2000, 5000, 10000];

/**
 * Till › Sale (route #/pos/sale, permission pos.sell): the ticket in progress, kept on the server
 * (GET/POST /api/pos/tickets…), for a 10" tablet in landscape, a phone, a keyboard or a scanner.
 *
 * Scan field (autofocus): a code + Enter adds the article (POST …/lines { code }); "3*" sets the quantity of the next
 * article; a text that is no code offers the matching articles. A scan anywhere (the shell's scan detector) adds too.
 * Pay opens the payment dialog (tenders, change, Belgian cash rounding); checkout sends one Idempotency-Key per
 * attempt, kept for its retry; the receipt (the server's print template) shows after it, printable by the browser.
 *
 * Test ids: pos-scan, pos-pending-qty, pos-line, pos-line-qty, pos-line-more, pos-line-less, pos-line-void,
 * pos-total, pos-customer, pos-pay, pos-park, pos-parked, pos-parked-row, pos-resume, pos-pick-row, pos-error,
 * pos-customer-search, pos-customer-row, pos-pay-dialog, pos-pay-remaining, pos-pay-change, pos-pay-amount,
 * pos-pay-note-<cents>, pos-pay-exact, pos-pay-method-<code>, pos-pay-tender, pos-pay-confirm, pos-pay-error,
 * pos-receipt, pos-receipt-frame, pos-receipt-print, pos-receipt-new, pos-no-station, pos-register-name, pos-register-station,
 * pos-quantity, pos-discount, pos-note, pos-search, pos-arrange, pos-line-discount, pos-line-note, pos-ticket-discount,
 * pos-ticket-note; the dialogs' own in sale-dialogs.ts, customer-picker.ts and quick-keys.ts.
 *
 * Discounts (F3, line or ticket, percent or amount), notes (Alt+N), a quantity ("*" in the empty field) and the
 * weight of an article sold by weight are asked in one dialog (sale-dialogs.ts); quick keys (quick-keys.ts) come from
 * the station's layout (GET /api/pos/quick-keys), which also says which buttons show.
 */
@customElement('cpt-pos-sale')
export class PosSaleScreen extends LitElement {
  /** Set by the shell before the element is inserted. */
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;

  @state() private ticket: Ticket | null = null;
  @state() private loading = true;
  @state() private busy = false;
  @state() private error = '';
  @state() private scanText = '';
  @state() private pendingQty: number | null = null;
  @state() private selectedId: number | null = null;
  @state() private picks: Hit[] = [];
  @state() private customerOpen = false;
  @state() private layout: QuickKeyLayoutView | null = null;
  @state() private question: SaleQuestion | null = null;
  @state() private stationName = '';
  /** A weighed article waiting for its weight: added at once when known (quick key, search), else its line to weigh. */
  private weighing: { article?: QuickArticle | Hit; lineId?: number } | null = null;
  /** Units of the articles met so far (a plain code of an article sold by weight asks for the weight). */
  private units = new Map<number, string>();
  @state() private parkedOpen = false;
  @state() private parked: Ticket[] = [];
  @state() private payOpen = false;
  @state() private methods: Method[] = [];
  @state() private tenders: Tender[] = [];
  @state() private amountText = '';
  @state() private payError = '';
  @state() private paying = false;
  @state() private paid: Ticket | null = null;
  @state() private receiptHtml = '';
  /** The Idempotency-Key of the checkout attempt in flight or failed without an answer: reused on retry. */
  private checkoutKey: string | null = null;
  private i18n = new LocaleController(this);

  private shortcuts = new ShortcutController(this, [
    { keys: 'F3', description: 'pos.shortcut.discount', group: 'pos.shortcuts', handler: () => this.askDiscount() },
    { keys: 'F4', description: 'pos.chooseCustomer', group: 'pos.shortcuts', handler: () => this.openCustomer() },
    { keys: 'Alt+N', description: 'pos.shortcut.note', group: 'pos.shortcuts', handler: () => this.askNote() },
    { keys: '*', description: 'pos.shortcut.quantity', group: 'pos.shortcuts', handler: () => this.askQuantity() },
    { keys: 'F6', description: 'pos.shortcut.void', group: 'pos.shortcuts', handler: () => void this.voidSelected() },
    { keys: 'F7', description: 'pos.shortcut.more', group: 'pos.shortcuts', handler: () => void this.bumpSelected(1) },
    { keys: 'F8', description: 'pos.park', group: 'pos.shortcuts', handler: () => void this.park() },
    { keys: 'F9', description: 'pos.parked', group: 'pos.shortcuts', handler: () => void this.openParked() },
    { keys: 'F12', description: 'pos.pay', group: 'pos.shortcuts', handler: () => this.openPay() },
    { keys: 'Alt+ArrowUp', description: 'pos.shortcut.up', group: 'pos.shortcuts', handler: () => this.moveSelection(-1) },
    { keys: 'Alt+ArrowDown', description: 'pos.shortcut.down', group: 'pos.shortcuts', handler: () => this.moveSelection(1) },
  ]);

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        height: 100%;
      }
      .till {
        display: grid;
        grid-template-columns: minmax(0, 1fr) 300px;
        gap: 12px;
        height: calc(100dvh - 88px);
        min-height: 520px;
        padding: 12px;
        box-sizing: border-box;
      }
      .ticket {
        display: flex;
        flex-direction: column;
        min-height: 0;
        background: var(--cpt-surface, #fff);
        border: 1px solid var(--cpt-border, #d5dae1);
        border-radius: var(--cpt-radius, 8px);
      }
      .scan {
        display: flex;
        gap: 8px;
        align-items: center;
        padding: 10px;
        border-bottom: 1px solid var(--cpt-border, #d5dae1);
      }
      .scan input {
        flex: 1;
        font-size: 1.25rem;
        min-height: 48px;
      }
      .pending {
        font-weight: 600;
        color: var(--cpt-primary, #1f6feb);
        white-space: nowrap;
      }
      .lines {
        flex: 1;
        overflow-y: auto;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .line {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto 96px 44px;
        grid-template-areas: 'name qty total void';
        gap: 8px;
        align-items: center;
        padding: 6px 10px;
        border-bottom: 1px solid var(--cpt-border, #eef0f3);
        cursor: pointer;
        min-height: 52px;
      }
      .line .name {
        grid-area: name;
      }
      .line .qty {
        grid-area: qty;
      }
      .line .line-total {
        grid-area: total;
      }
      .line .void {
        grid-area: void;
      }
      .line.selected {
        background: var(--cpt-primary-soft, #e8f0fe);
      }
      .line.child {
        padding-left: 28px;
        color: var(--cpt-muted, #5b6573);
      }
      .name {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .name small {
        display: block;
        color: var(--cpt-muted, #5b6573);
      }
      .qty {
        display: flex;
        align-items: center;
        gap: 4px;
      }
      .qty span {
        min-width: 44px;
        text-align: center;
        font-variant-numeric: tabular-nums;
        font-weight: 600;
      }
      .num {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      .line-total {
        font-weight: 600;
      }
      .round {
        width: 44px;
        height: 44px;
        border-radius: 50%;
        border: 1px solid var(--cpt-border, #d5dae1);
        background: var(--cpt-surface, #fff);
        font-size: 1.25rem;
        cursor: pointer;
        display: inline-flex;
        align-items: center;
        justify-content: center;
        color: inherit;
      }
      .round.danger {
        color: var(--cpt-danger, #c62828);
        border-color: transparent;
        background: transparent;
      }
      .empty {
        padding: 48px 16px;
        text-align: center;
        color: var(--cpt-muted, #5b6573);
      }
      .side {
        display: flex;
        flex-direction: column;
        gap: 10px;
        min-height: 0;
      }
      .total-box {
        background: #14213d;
        color: #fff;
        border-radius: var(--cpt-radius, 8px);
        padding: 14px 16px;
        text-align: right;
      }
      .total-box .label {
        font-size: 0.95rem;
        opacity: 0.8;
        display: flex;
        justify-content: space-between;
      }
      .total-box .amount {
        font-size: 2.75rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
        line-height: 1.15;
      }
      .customer {
        display: flex;
        align-items: center;
        gap: 8px;
        padding: 8px 10px;
        min-height: 48px;
        box-sizing: border-box;
        border: 1px solid var(--cpt-border, #d5dae1);
        border-radius: var(--cpt-radius, 8px);
        background: var(--cpt-surface, #fff);
        cursor: pointer;
        width: 100%;
        font: inherit;
        color: inherit;
        text-align: left;
      }
      .customer span {
        flex: 1;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .actions {
        display: grid;
        grid-template-columns: 1fr;
        gap: 8px;
      }
      .actions cpt-button {
        display: block;
      }
      .pay {
        margin-top: auto;
      }
      .actions {
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 6px;
      }
      .act {
        display: flex;
        align-items: center;
        gap: 6px;
        min-height: 48px;
        padding: 4px 8px;
        border: 1px solid var(--cpt-border-strong, #b8c0ca);
        border-radius: var(--cpt-radius-sm, 6px);
        background: var(--cpt-surface, #fff);
        color: inherit;
        font: inherit;
        font-size: 0.9rem;
        line-height: 1.15;
        text-align: left;
        cursor: pointer;
        touch-action: manipulation;
      }
      .act:disabled {
        opacity: 0.5;
        cursor: default;
      }
      .act:hover:not(:disabled) {
        background: var(--cpt-hover, #eef1f4);
      }
      .ticket-note {
        margin: 0;
        padding: 6px 10px;
        border: 0;
        border-top: 1px dashed var(--cpt-border, #d5dae1);
        background: none;
        font: inherit;
        color: var(--cpt-muted, #5b6573);
        text-align: left;
        cursor: pointer;
      }
      .line-discount {
        color: #0b7a3e;
      }
      .line-note {
        font-style: italic;
        white-space: normal;
      }
      .register {
        display: flex;
        flex-wrap: wrap;
        gap: 10px;
        align-items: end;
      }
      .register input {
        min-height: 44px;
      }
      .pay cpt-button {
        display: block;
        width: 100%;
      }
      .station {
        font-size: 0.85rem;
        color: var(--cpt-muted, #5b6573);
      }
      .list {
        list-style: none;
        margin: 0;
        padding: 0;
        max-height: 50vh;
        overflow-y: auto;
      }
      .list li button {
        display: flex;
        width: 100%;
        gap: 8px;
        justify-content: space-between;
        align-items: center;
        min-height: 48px;
        padding: 6px 10px;
        border: 0;
        border-bottom: 1px solid var(--cpt-border, #eef0f3);
        background: none;
        font: inherit;
        color: inherit;
        text-align: left;
        cursor: pointer;
      }
      .list li button:hover,
      .list li button:focus-visible {
        background: var(--cpt-primary-soft, #e8f0fe);
      }
      .pay-grid {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 16px;
      }
      .big {
        font-size: 2.25rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .change {
        color: #0b7a3e;
      }
      .notes {
        display: grid;
        grid-template-columns: repeat(3, 1fr);
        gap: 6px;
        margin: 8px 0;
      }
      .methods {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 6px;
      }
      .tender {
        display: flex;
        justify-content: space-between;
        align-items: center;
        padding: 4px 0;
        border-bottom: 1px solid var(--cpt-border, #eef0f3);
      }
      .amount-input {
        font-size: 1.5rem;
        text-align: right;
        width: 100%;
        box-sizing: border-box;
        min-height: 48px;
      }
      iframe {
        width: 100%;
        height: 60vh;
        border: 1px solid var(--cpt-border, #d5dae1);
        background: #fff;
      }
      @media (max-width: 760px) {
        .till {
          grid-template-columns: 1fr;
          height: auto;
          min-height: 0;
          padding: 8px;
        }
        .ticket {
          min-height: 50vh;
        }
        .line {
          grid-template-columns: auto minmax(0, 1fr) 44px;
          grid-template-areas: 'name name name' 'qty total void';
          gap: 2px 8px;
          padding: 6px;
        }
        .name {
          white-space: normal;
        }
        .side,
        .ticket {
          min-width: 0;
        }
        .total-box .amount {
          font-size: 2.25rem;
        }
        .pay-grid {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.typeAnywhere);
    void this.load();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('keydown', this.typeAnywhere);
    super.disconnectedCallback();
  }

  /** A digit or letter typed while no field has the focus (after a tap on a line) goes to the scan field. */
  private typeAnywhere = (e: KeyboardEvent): void => {
    if (e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey || e.key.length !== 1 || e.key === '?') return;
    if (this.payOpen || this.customerOpen || this.parkedOpen || this.paid || this.question) return;
    if (isEditable(deepActiveElement())) return;
    this.focusScan();
  };

  /** The shell's "/" and F2 (go to the search): the scan field. */
  focusSearch(): void {
    this.focusScan();
  }

  /** A code read by the scanner anywhere on the screen (the shell's scan detector). */
  onBarcode(code: string): void {
    if (this.payOpen || this.parkedOpen || this.question) return;
    this.customerOpen = false;
    void this.addCode(code);
  }

  private get hasStation(): boolean {
    return Boolean(this.session?.station);
  }

  private async load(): Promise<void> {
    if (!this.hasStation) {
      this.loading = false;
      return;
    }
    this.loading = true;
    try {
      const [open, methods, layout] = await Promise.all([
        this.api.get<Ticket[] | { items: Ticket[] }>('/pos/tickets'),
        this.api.get<Array<Method & { cashStep?: number | null }>>('/pos/payment-methods'),
        this.api.get<QuickKeyLayoutView>('/pos/quick-keys').catch(() => null),
      ]);
      this.methods = methods;
      this.layout = layout;
      const items = Array.isArray(open) ? open : open.items;
      await this.show(items[0] ?? null);
      this.error = '';
    } catch (err) {
      this.error = errorMessage(err);
    } finally {
      this.loading = false;
    }
    await this.updateComplete;
    this.focusScan();
  }

  /** Shows a ticket (as the server answered it) and the name of its customer. */
  private async show(ticket: Ticket | null): Promise<void> {
    this.ticket = ticket;
    const lines = ticket?.lines ?? [];
    if (!lines.some((l) => l.id === this.selectedId)) this.selectedId = lines.at(-1)?.id ?? null;
  }

  private get customerName(): string {
    return this.ticket?.customerName ?? '';
  }

  private focusScan(): void {
    this.renderRoot.querySelector<HTMLInputElement>('[data-testid="pos-scan"]')?.focus();
  }

  /** The open ticket, opened on the server at the first article. */
  private async ensureTicket(): Promise<Ticket> {
    if (this.ticket) return this.ticket;
    const ticket = await this.api.post<Ticket>('/pos/tickets', {});
    await this.show(ticket);
    return ticket;
  }

  private async run(action: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      await action();
    } catch (err) {
      this.error = errorMessage(err);
    } finally {
      this.busy = false;
    }
  }

  /** Scans are sent one after the other, in the order they were read (the first one opens the ticket). */
  private queue: Promise<void> = Promise.resolve();

  private addCode(code: string): Promise<void> {
    this.queue = this.queue.then(() => this.addCodeNow(code));
    return this.queue;
  }

  /** Adds the article of a scanned or typed code; a text that is no code offers the matching articles. */
  private async addCodeNow(code: string): Promise<void> {
    let text = code.trim();
    // "3*" typed just before a scan arrives in the same burst: "3*5410…".
    const m = /^(\d+(?:[.,]\d{1,3})?)\*(.+)$/.exec(text);
    if (m) {
      const qty = Math.round(Number(m[1]!.replace(',', '.')) * 1000);
      if (qty > 0) this.pendingQty = qty;
      text = m[2]!.trim();
    }
    if (!text) return;
    await this.run(async () => {
      const ticket = await this.ensureTicket();
      const quantity = this.pendingQty ?? undefined;
      try {
        await this.show(await this.api.post<Ticket>(`/pos/tickets/${ticket.id}/lines`, { code: text, ...(quantity ? { quantity } : {}) }));
        this.pendingQty = null;
        this.picks = [];
        this.selectedId = this.ticket?.lines.filter((l) => l.parentLineId === null).at(-1)?.id ?? this.selectedId;
        // Not awaited: the next scan of a burst need not wait for the article's unit.
        if (!quantity) this.weighIfNeeded(this.line(this.selectedId)).catch((err: unknown) => (this.error = errorMessage(err)));
      } catch (err) {
        if (!(isApiError(err) && err.status === 404)) throw err;
        const page = await this.api.get<Page<Hit>>('/catalog/articles', { q: text, pageSize: 8 });
        if (page.items.length === 1) await this.addArticle(page.items[0]!);
        else if (page.items.length) this.picks = page.items;
        else throw new Error(t('pos.notFound', { code: text }), { cause: err });
      }
    });
    this.focusScan();
  }

  /** A line of an article sold by weight, added from a plain code (no weighed label): the weight is asked. */
  private async weighIfNeeded(line: Line | undefined): Promise<void> {
    if (!line?.articleId || line.priceFixed || line.fixedAmount !== null || line.quantity !== 1000) return;
    let unit = this.units.get(line.articleId);
    if (unit === undefined) {
      unit = (await this.api.get<{ unit: string }>(`/catalog/articles/${line.articleId}`)).unit;
      this.units.set(line.articleId, unit);
    }
    if (unit !== 'kg') return;
    this.weighing = { lineId: line.id };
    this.question = { kind: 'quantity', name: line.name, weighed: true, value: null };
  }

  private async addArticle(article: Hit | QuickArticle, weight?: number): Promise<void> {
    if ((article as QuickArticle).unit === 'kg' && !this.pendingQty && weight === undefined) {
      this.weighing = { article };
      this.question = { kind: 'quantity', name: article.name, weighed: true, value: null };
      return;
    }
    await this.run(async () => {
      const ticket = await this.ensureTicket();
      const quantity = weight ?? this.pendingQty ?? undefined;
      await this.show(await this.api.post<Ticket>(`/pos/tickets/${ticket.id}/lines`, { articleId: article.id, ...(quantity ? { quantity } : {}) }));
      this.pendingQty = null;
      this.picks = [];
      this.selectedId = this.ticket?.lines.filter((l) => l.parentLineId === null).at(-1)?.id ?? this.selectedId;
    });
    this.focusScan();
  }

  private onScanInput(e: Event): void {
    const input = e.target as HTMLInputElement;
    // "3*" (or "0,5*"): the quantity of the next article.
    const m = /^(\d+(?:[.,]\d{1,3})?)\*$/.exec(input.value.trim());
    if (m) {
      const qty = Math.round(Number(m[1]!.replace(',', '.')) * 1000);
      if (qty > 0) this.pendingQty = qty;
      input.value = '';
    }
    this.scanText = input.value;
  }

  private onScanKey(e: KeyboardEvent): void {
    const empty = !(e.target as HTMLInputElement).value;
    if (empty && (e.key === '*' || e.key === '?')) {
      // "*" alone: the selected line's quantity; "?" alone: every shortcut (the shell's list).
      e.preventDefault();
      e.stopPropagation();
      if (e.key === '*') this.askQuantity();
      else shortcuts.handle({ key: '?', shiftKey: e.shiftKey, ctrlKey: false, altKey: false, metaKey: false }, false);
      return;
    }
    if (e.key === 'Enter') {
      e.preventDefault();
      const code = this.scanText;
      this.scanText = '';
      (e.target as HTMLInputElement).value = '';
      if (code.trim()) void this.addCode(code);
      else if (this.ticket?.lines.length) this.openPay();
    } else if (e.key === 'Escape' && (this.pendingQty || this.picks.length)) {
      this.pendingQty = null;
      this.picks = [];
    }
  }

  private line(id: number | null): Line | undefined {
    return this.ticket?.lines.find((l) => l.id === id);
  }

  private async setQuantity(line: Line, quantity: number): Promise<void> {
    if (!this.ticket) return;
    const id = this.ticket.id;
    if (quantity <= 0) return this.voidLine(line);
    await this.run(async () => {
      // Fewer pieces after the total was shown needs pos.void: a manager's PIN may approve it here.
      await this.show(await this.approved((headers) => this.api.patch<Ticket>(`/pos/tickets/${id}/lines/${line.id}`, { quantity }, { headers })));
    });
  }

  /**
   * Runs a call that a manager's PIN may approve (void after display, discount above the limit): on a 403 naming the
   * permission, the approval dialog asks for the PIN and the call runs again; a cancelled dialog changes nothing.
   */
  private async approved(call: (headers: Record<string, string>) => Promise<Ticket>): Promise<Ticket> {
    return withApproval(this.api, call);
  }

  private async voidLine(line: Line): Promise<void> {
    if (!this.ticket) return;
    const id = this.ticket.id;
    // After the total was shown, only pos.void may void (journaled): a manager's PIN approves it on this screen;
    // when no one approves, say so rather than fail.
    await this.run(async () => {
      try {
        await this.show(await this.approved((headers) => this.api.delete<Ticket>(`/pos/tickets/${id}/lines/${line.id}`, { headers })));
      } catch (err) {
        if (isApiError(err) && err.code === 'POS_VOID_NOT_ALLOWED') this.question = { kind: 'void', name: line.name };
        else throw err;
      }
    });
    this.focusScan();
  }

  // Discounts, notes, quantities and weights: one dialog (sale-dialogs.ts)

  private askDiscount(): void {
    if (!this.ticket?.lines.length) return;
    const line = this.line(this.selectedId);
    this.question = {
      kind: 'discount', line: line && line.parentLineId === null ? { id: line.id, name: line.name } : null,
      target: line && line.parentLineId === null ? 'line' : 'ticket',
    };
  }

  private askNote(): void {
    const line = this.line(this.selectedId);
    this.question = line ? { kind: 'note', target: 'line', name: line.name, text: line.note } : { kind: 'note', target: 'ticket', name: '', text: this.ticket?.note ?? '' };
  }

  private askTicketNote(): void {
    this.question = { kind: 'note', target: 'ticket', name: '', text: this.ticket?.note ?? '' };
  }

  private askQuantity(): void {
    const line = this.line(this.selectedId);
    if (!line || line.parentLineId !== null) return;
    this.question = { kind: 'quantity', name: line.name, weighed: line.quantity % 1000 !== 0, value: line.quantity };
  }

  private closeQuestion(): void {
    const weighing = this.weighing;
    this.weighing = null;
    this.question = null;
    // A weighed article whose weight was not given leaves no line behind.
    const line = weighing?.lineId ? this.line(weighing.lineId) : undefined;
    if (line) void this.voidLine(line);
    else this.focusScan();
  }

  private async onAnswer(a: SaleAnswer): Promise<void> {
    const ticket = this.ticket;
    const weighing = this.weighing;
    this.weighing = null;
    this.question = null;
    if (a.kind === 'quantity' && weighing?.article) return this.addArticle(weighing.article, a.quantity);
    if (!ticket) return;
    await this.run(async () => {
      if (a.kind === 'quantity') {
        const line = this.line(weighing?.lineId ?? this.selectedId);
        if (line) await this.show(await this.approved((headers) => this.api.patch<Ticket>(`/pos/tickets/${ticket.id}/lines/${line.id}`, { quantity: a.quantity }, { headers })));
      } else if (a.kind === 'discount' && a.target === 'ticket') {
        const body = { discountRate: a.discountRate, discountAmount: a.discountAmount };
        await this.show(await this.approved((headers) => this.api.put<Ticket>(`/pos/tickets/${ticket.id}/discount`, body, { headers })));
      } else if (a.kind === 'discount') {
        const line = this.line(this.selectedId);
        const body = { discountRate: a.discountRate, discountAmount: a.discountAmount };
        if (line) await this.show(await this.approved((headers) => this.api.patch<Ticket>(`/pos/tickets/${ticket.id}/lines/${line.id}`, body, { headers })));
      } else if (a.target === 'line' && this.line(this.selectedId)) {
        await this.show(await this.api.patch<Ticket>(`/pos/tickets/${ticket.id}/lines/${this.selectedId}`, { note: a.text }));
      } else {
        await this.show(await this.api.patch<Ticket>(`/pos/tickets/${ticket.id}`, { note: a.text }));
      }
    });
    this.focusScan();
  }

  private async voidSelected(): Promise<void> {
    const line = this.line(this.selectedId);
    if (line) await this.voidLine(line);
  }

  private async bumpSelected(by: number): Promise<void> {
    const line = this.line(this.selectedId);
    if (line) await this.setQuantity(line, line.quantity + by * 1000);
  }

  private moveSelection(by: number): void {
    const lines = this.ticket?.lines ?? [];
    if (!lines.length) return;
    const i = lines.findIndex((l) => l.id === this.selectedId);
    this.selectedId = lines[Math.min(lines.length - 1, Math.max(0, (i < 0 ? lines.length : i) + by))]!.id;
  }

  // Customer

  private openCustomer(): void {
    this.customerOpen = true;
  }

  private async setCustomer(customerId: number | null): Promise<void> {
    this.customerOpen = false;
    await this.run(async () => {
      const ticket = await this.ensureTicket();
      await this.show(await this.api.patch<Ticket>(`/pos/tickets/${ticket.id}`, { customerId }));
    });
    this.focusScan();
  }

  /** A manager's first visit from an unregistered browser: register it as a station here (POST /api/stations). */
  private async registerStation(e: Event): Promise<void> {
    e.preventDefault();
    await this.run(async () => {
      await this.api.post('/stations', { name: (this.stationName || t('pos.register.default')).trim() });
      this.dispatchEvent(new CustomEvent('session-changed', { bubbles: true, composed: true }));
    });
  }

  override updated(changed: Map<string, unknown>): void {
    // The session comes back with the new station: the till loads.
    if (changed.has('session') && changed.get('session') && !(changed.get('session') as Session | undefined)?.station && this.hasStation) void this.load();
  }

  // Park and resume

  private async park(): Promise<void> {
    if (!this.ticket?.lines.length) return;
    const id = this.ticket.id;
    await this.run(async () => {
      await this.api.post(`/pos/tickets/${id}/park`, {});
      await this.show(null);
      toast(t('pos.parkedDone'), 'success');
    });
    this.focusScan();
  }

  private async openParked(): Promise<void> {
    await this.run(async () => {
      const answer = await this.api.get<Ticket[] | { items: Ticket[] }>('/pos/tickets', { status: 'parked' });
      this.parked = Array.isArray(answer) ? answer : answer.items;
      this.parkedOpen = true;
    });
  }

  private async resume(ticket: Ticket): Promise<void> {
    this.parkedOpen = false;
    await this.run(async () => {
      // The ticket on screen waits in its turn, so nothing is lost.
      if (this.ticket?.lines.length) await this.api.post(`/pos/tickets/${this.ticket.id}/park`, {});
      await this.show(await this.api.post<Ticket>(`/pos/tickets/${ticket.id}/resume`, {}));
      toast(t('pos.resumed'), 'success');
    });
    this.focusScan();
  }

  // Payment

  private get cashStep(): number | null {
    const cash = this.methods.find((m) => m.isCash) as (Method & { cashStep?: number | null }) | undefined;
    return cash?.cashStep !== undefined ? cash.cashStep : cashStepOf(this.session?.shop?.country);
  }

  private get tendered(): number {
    return this.tenders.reduce((s, x) => s + x.amount, 0);
  }

  /** What the non-cash tenders leave, and cash handed over: remaining (≥ 0) and change, as the server settles. */
  private get settlement(): { remaining: number; change: number; cashDue: number } {
    const total = this.ticket?.total ?? 0;
    const other = this.tenders.filter((x) => !this.isCash(x.method)).reduce((s, x) => s + x.amount, 0);
    const cash = this.tenders.filter((x) => this.isCash(x.method)).reduce((s, x) => s + x.amount, 0);
    const cashPart = Math.max(0, total - other);
    const cashDue = cashRounded(cashPart, this.cashStep);
    if (cash === 0) return { remaining: Math.max(0, total - other), change: 0, cashDue };
    return { remaining: Math.max(0, cashDue - cash), change: Math.max(0, cash - cashDue), cashDue };
  }

  private isCash(method: string): boolean {
    return this.methods.find((m) => m.code === method)?.isCash ?? method === 'cash';
  }

  private openPay(): void {
    if (!this.ticket?.lines.length || this.payOpen) return;
    this.tenders = [];
    this.amountText = '';
    this.payError = '';
    this.checkoutKey = null;
    this.payOpen = true;
    void this.api.patch(`/pos/tickets/${this.ticket.id}`, { displayed: true }).then(
      (tk) => void this.show(tk as Ticket),
      () => undefined,
    );
  }

  /** Cents typed in the amount field, or null. */
  private get typedAmount(): number | null {
    const text = this.amountText.trim().replace(/\s/g, '').replace(',', '.');
    if (!/^\d+(\.\d{1,2})?$/.test(text)) return null;
    return Math.round(Number(text) * 100);
  }

  private addTender(method: string, amount?: number): void {
    const { remaining, cashDue } = this.settlement;
    const left = this.isCash(method) && remaining > 0 ? Math.max(remaining, this.tenders.some((x) => this.isCash(x.method)) ? remaining : cashDue) : remaining;
    const value = amount ?? this.typedAmount ?? left;
    if (!value || value <= 0) return;
    this.tenders = [...this.tenders, { method, amount: value }];
    this.amountText = '';
    this.checkoutKey = null;
    this.payError = '';
  }

  private removeTender(i: number): void {
    this.tenders = this.tenders.filter((_, j) => j !== i);
    this.checkoutKey = null;
  }

  private async checkout(): Promise<void> {
    if (!this.ticket || this.paying) return;
    if (this.typedAmount && this.settlement.remaining > 0) this.addTender('cash');
    if (this.settlement.remaining > 0 || !this.tenders.length) return;
    // One key per attempt: a retry after a lost answer sends the same key, and the server answers the same sale.
    this.checkoutKey ??= crypto.randomUUID();
    this.paying = true;
    this.payError = '';
    try {
      const result = await this.api.post<CheckoutResult>(`/pos/tickets/${this.ticket.id}/checkout`, { tenders: this.tenders }, { headers: { 'Idempotency-Key': this.checkoutKey } });
      this.checkoutKey = null;
      this.payOpen = false;
      this.paid = result.ticket;
      this.receiptHtml = '';
      void this.loadReceipt(result.ticket);
      this.ticket = null;
      toast(t('pos.pay.done', { number: result.ticket.number ?? '' }), 'success');
    } catch (err) {
      // An answer (a refusal) ends the attempt; no answer keeps the key for the retry.
      if (isApiError(err)) this.checkoutKey = null;
      this.payError = errorMessage(err);
    } finally {
      this.paying = false;
    }
  }

  /** The receipt through the shop's print template, as HTML the preview shows and the browser prints. */
  private async loadReceipt(ticket: Ticket): Promise<void> {
    try {
      const page = await this.api.get<string>(`/pos/tickets/${ticket.id}/receipt/print`, { format: 'html' });
      if (this.paid?.id === ticket.id) this.receiptHtml = page;
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  private newSale(): void {
    this.paid = null;
    void this.updateComplete.then(() => this.focusScan());
  }

  private printReceipt(): void {
    const frame = this.renderRoot.querySelector<HTMLIFrameElement>('[data-testid="pos-receipt-frame"]');
    frame?.contentWindow?.print();
  }

  // Rendering

  private methodLabel(code: string): string {
    const m = this.methods.find((x) => x.code === code);
    return m ? (m.label[i18n.language as 'fr' | 'nl' | 'en'] ?? m.label.fr) : code;
  }

  override render() {
    if (!this.loading && !this.hasStation) {
      return html`<div class="page"><div class="card" data-testid="pos-no-station">
        <h2>${t('pos.noStation')}</h2>
        ${hasPermission(this.session, 'kernel.stations')
          ? html`<p class="muted">${t('pos.register.help')}</p>
              <form class="register" @submit=${(e: Event) => void this.registerStation(e)}>
                <label>${t('pos.register.name')} <input data-testid="pos-register-name" required maxlength="80" .value=${this.stationName || t('pos.register.default')}
                  @input=${(e: Event) => (this.stationName = (e.target as HTMLInputElement).value)} /></label>
                <cpt-button type="submit" variant="primary" icon="plus" data-testid="pos-register-station" ?busy=${this.busy}>${t('pos.register.ok')}</cpt-button>
              </form>
              ${this.error ? html`<div class="alert error" role="alert" data-testid="pos-error">${this.error}</div>` : nothing}`
          : html`<p class="muted">${t('pos.noStationHelp')}</p>`}</div></div>`;
    }
    const ticket = this.ticket;
    const lines = ticket?.lines ?? [];
    const count = lines.filter((l) => l.parentLineId === null).reduce((s, l) => s + (l.quantity % 1000 === 0 ? l.quantity / 1000 : 1), 0);
    const station = this.session.station;
    const shows = (b: SaleButton) => !this.layout || this.layout.buttons.includes(b);
    return html`<div class="till">
        <section class="ticket">
          <div class="scan">
            ${icon('barcode')}
            <input data-testid="pos-scan" autofocus autocomplete="off" enterkeyhint="enter" aria-label=${t('pos.scan')}
              placeholder=${t('pos.scan')} title=${t('pos.scanHint')} .value=${this.scanText}
              @input=${this.onScanInput} @keydown=${this.onScanKey} />
            ${this.pendingQty ? html`<span class="pending" data-testid="pos-pending-qty">${quantityText(this.pendingQty, i18n.locale)} ×</span>` : nothing}
          </div>
          ${this.error ? html`<div class="alert error" role="alert" data-testid="pos-error" style="margin:8px">${this.error}</div>` : nothing}
          ${this.picks.length
            ? html`<div style="padding:8px 10px"><strong>${t('pos.pick')}</strong></div>
                <ul class="list">${this.picks.map((a) => html`<li><button data-testid="pos-pick-row" @click=${() => void this.addArticle(a)}>
                  <span><span class="mono">${a.code}</span> ${a.name}</span>${a.price !== undefined ? html`<span>${formatMoney(a.price)}</span>` : nothing}</button></li>`)}</ul>`
            : nothing}
          ${lines.length
            ? html`<ul class="lines" aria-label=${t('pos.sale.title')}>
                ${repeat(lines, (l) => l.id, (l) => this.renderLine(l))}
              </ul>`
            : html`<div class="empty">${this.loading ? '…' : t('pos.empty')}</div>`}
          ${ticket?.note ? html`<button class="ticket-note" data-testid="pos-ticket-note" @click=${() => this.askTicketNote()}>${icon('edit', 18)} ${ticket.note}</button>` : nothing}
          <cpt-pos-quick-keys .api=${this.api} .layout=${this.layout}
            @quick-article=${(e: CustomEvent<{ article: QuickArticle }>) => void this.addArticle(e.detail.article)}></cpt-pos-quick-keys>
        </section>
        <aside class="side">
          <div class="total-box">
            <div class="label"><span>${station?.name ?? ''}</span><span>${t('pos.articles', { count })}</span></div>
            ${ticket?.discount
              ? html`<div class="label" data-testid="pos-ticket-discount"><span>${t('pos.discount.onTicket')}${ticket.discountRate !== null ? ` ${ticket.discountRate / 100} %` : ''}</span><span>−${formatMoney(ticket.discount)}</span></div>`
              : nothing}
            <div class="amount" data-testid="pos-total">${formatMoney(ticket?.total ?? 0)}</div>
          </div>
          ${shows('customer')
            ? html`<button class="customer" data-testid="pos-customer" @click=${() => this.openCustomer()} title="F4">
                ${icon('user')}<span>${this.customerName || t('pos.noCustomer')}</span>${icon('chevron-right')}
              </button>`
            : nothing}
          <div class="actions">
            ${shows('quantity') ? this.action('calculator', 'pos-quantity', '*', 'pos.button.quantity', !this.line(this.selectedId), () => this.askQuantity()) : nothing}
            ${shows('discount') ? this.action('tag', 'pos-discount', 'F3', 'pos.button.discount', !lines.length, () => this.askDiscount()) : nothing}
            ${shows('note') ? this.action('edit', 'pos-note', 'Alt+N', 'pos.button.note', !lines.length, () => this.askNote()) : nothing}
            ${shows('search') ? this.action('search', 'pos-search', 'F2', 'pos.button.search', false, () => this.focusScan()) : nothing}
            ${shows('park') ? this.action('back', 'pos-park', 'F8', 'pos.park', !lines.length, () => void this.park()) : nothing}
            ${shows('parked') ? this.action('menu', 'pos-parked', 'F9', 'pos.parked', false, () => void this.openParked()) : nothing}
            ${hasPermission(this.session, 'pos.layout') ? this.action('keyboard', 'pos-arrange', '', 'pos.quickKeys.arrange', false, () => navigate('pos/quick-keys')) : nothing}
          </div>
          <cpt-zone name="pos.ticket.actions" layout="inline" .context=${{ ticket }}></cpt-zone>
          <div class="pay">
            <cpt-button variant="primary" size="large" icon="cart" data-testid="pos-pay" ?disabled=${!lines.length || this.busy} @click=${() => this.openPay()}>
              ${t('pos.pay')} · ${formatMoney(ticket?.total ?? 0)}
            </cpt-button>
          </div>
        </aside>
      </div>
      <cpt-pos-customer-picker .api=${this.api} .open=${this.customerOpen} .hasCustomer=${Boolean(ticket?.customerId)}
        @customer-picked=${(e: CustomEvent<{ id: number | null }>) => void this.setCustomer(e.detail.id)}
        @close=${() => { this.customerOpen = false; this.focusScan(); }}></cpt-pos-customer-picker>
      <cpt-pos-sale-dialog .question=${this.question} @answer=${(e: CustomEvent<SaleAnswer>) => void this.onAnswer(e.detail)}
        @close=${() => this.closeQuestion()}></cpt-pos-sale-dialog>
      ${this.renderParkedDialog()} ${this.renderPayDialog()} ${this.renderReceipt()}`;
  }

  /** A tile of the side panel: an icon and a label that may wrap, its shortcut in the tooltip. */
  private action(name: string, testid: string, key: string, label: string, disabled: boolean, run: () => void) {
    return html`<button class="act" data-testid=${testid} title=${key} ?disabled=${disabled || this.busy} @click=${run}>${icon(name, 20)}<span>${t(label)}</span></button>`;
  }

  private renderLine(l: Line) {
    const child = l.parentLineId !== null;
    const whole = l.quantity % 1000 === 0;
    return html`<li class="line ${this.selectedId === l.id ? 'selected' : ''} ${child ? 'child' : ''}" data-testid=${child ? 'pos-line-sub' : 'pos-line'}
      @click=${() => (this.selectedId = l.id)}>
      <div class="name">${l.name}<small><span class="mono">${l.code}</span> · <span class="unit">${formatMoney(l.unitPrice)}</span>${l.discountRate !== null || l.discountAmount !== null
        ? html` · <span class="line-discount" data-testid="pos-line-discount">${t('pos.discount.onLine', { value: l.discountRate !== null ? `${l.discountRate / 100} %` : formatMoney(l.discountAmount ?? 0) })}</span>` : nothing}</small>${l.note
        ? html`<small class="line-note" data-testid="pos-line-note">${l.note}</small>` : nothing}</div>
      <div class="qty">
        ${!child && whole ? html`<button class="round" data-testid="pos-line-less" aria-label=${t('pos.less')} @click=${(e: Event) => { e.stopPropagation(); void this.setQuantity(l, l.quantity - 1000); }}>−</button>` : nothing}
        <span data-testid="pos-line-qty">${quantityText(l.quantity, i18n.locale)}</span>
        ${!child && whole ? html`<button class="round" data-testid="pos-line-more" aria-label=${t('pos.more')} @click=${(e: Event) => { e.stopPropagation(); void this.setQuantity(l, l.quantity + 1000); }}>+</button>` : nothing}
      </div>
      <div class="num line-total" data-testid="pos-line-total">${formatMoney(l.total)}</div>
      <div class="void">${!child ? html`<button class="round danger" data-testid="pos-line-void" aria-label=${t('pos.void')} title=${t('pos.void')}
        @click=${(e: Event) => { e.stopPropagation(); void this.voidLine(l); }}>${icon('trash', 20)}</button>` : nothing}</div>
    </li>`;
  }

  private renderParkedDialog() {
    return html`<cpt-dialog .open=${this.parkedOpen} heading=${t('pos.parked')} testid="pos-parked-dialog"
      @close=${() => { this.parkedOpen = false; this.focusScan(); }}>
      ${this.parked.length
        ? html`<ul class="list">${this.parked.map((p) => html`<li><button data-testid="pos-parked-row" @click=${() => void this.resume(p)}>
            <span>${t('pos.parkedAt', { time: formatDateTime(p.parkedAt ?? p.openedAt) })}<br /><small class="muted">${p.lines.slice(0, 3).map((l) => l.name).join(', ')}</small></span>
            <strong>${formatMoney(p.total)}</strong></button></li>`)}</ul>`
        : html`<p class="muted">${t('pos.noParked')}</p>`}
    </cpt-dialog>`;
  }

  private renderPayDialog() {
    const total = this.ticket?.total ?? 0;
    const { remaining, change, cashDue } = this.settlement;
    const done = remaining === 0 && this.tenders.length > 0;
    return html`<cpt-dialog .open=${this.payOpen} heading=${t('pos.pay.title')} size="large" testid="pos-pay-dialog" .dismissible=${!this.paying}
      @close=${() => { this.payOpen = false; this.focusScan(); }}>
      <div class="pay-grid">
        <div>
          <div class="muted">${t('pos.pay.due')}</div>
          <div class="big">${formatMoney(total)}</div>
          ${this.cashStep && cashDue !== Math.max(0, total - this.tenders.filter((x) => !this.isCash(x.method)).reduce((s, x) => s + x.amount, 0))
            ? html`<div class="muted" data-testid="pos-pay-cash-due">${t('pos.pay.cashDue', { amount: formatMoney(cashDue) })}</div>`
            : nothing}
          ${done
            ? html`<div class="muted" style="margin-top:12px">${t('pos.pay.change')}</div>
                <div class="big change" data-testid="pos-pay-change">${formatMoney(change)}</div>`
            : html`<div class="muted" style="margin-top:12px">${t('pos.pay.remaining')}</div>
                <div class="big" data-testid="pos-pay-remaining">${formatMoney(remaining)}</div>`}
          ${this.tenders.length
            ? html`<h3 style="margin:14px 0 4px">${t('pos.pay.tenders')}</h3>
                ${this.tenders.map((x, i) => html`<div class="tender" data-testid="pos-pay-tender"><span>${this.methodLabel(x.method)}</span>
                  <span>${formatMoney(x.amount)} <button class="round danger" aria-label=${t('pos.pay.removeTender')} @click=${() => this.removeTender(i)}>${icon('close', 18)}</button></span></div>`)}`
            : nothing}
        </div>
        <div>
          <label class="muted" for="amount">${t('pos.pay.amount')}</label>
          <input id="amount" class="amount-input" data-testid="pos-pay-amount" inputmode="decimal" autocomplete="off" autofocus
            placeholder=${formatMoney(remaining)} .value=${this.amountText}
            @input=${(e: Event) => (this.amountText = (e.target as HTMLInputElement).value)}
            @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') { e.preventDefault(); if (this.typedAmount) this.addTender('cash'); else void this.checkout(); } }} />
          <div class="notes">
            ${BANKNOTES.map((n) => html`<cpt-button data-testid="pos-pay-note-${n}" @click=${() => this.addTender('cash', n)}>${formatMoney(n)}</cpt-button>`)}
            <cpt-button data-testid="pos-pay-exact" ?disabled=${remaining === 0} @click=${() => this.addTender('cash')}>${t('pos.pay.exact')}</cpt-button>
          </div>
          <div class="methods">
            ${this.methods.filter((m) => !m.isCash).map((m) => html`<cpt-button data-testid="pos-pay-method-${m.code}" ?disabled=${remaining === 0}
              @click=${() => this.addTender(m.code)}>${this.methodLabel(m.code)}</cpt-button>`)}
          </div>
        </div>
      </div>
      ${this.payError ? html`<div class="alert error" role="alert" data-testid="pos-pay-error" style="margin-top:12px">${this.payError}</div>` : nothing}
      <div slot="footer">
        <cpt-button variant="primary" size="large" icon="check" data-testid="pos-pay-confirm" ?busy=${this.paying} ?disabled=${!done}
          @click=${() => void this.checkout()}>${this.checkoutKey && this.payError ? t('pos.pay.retry') : t('pos.pay.confirm')}</cpt-button>
      </div>
    </cpt-dialog>`;
  }

  private renderReceipt() {
    const paid = this.paid;
    return html`<cpt-dialog .open=${Boolean(paid)} heading=${t('pos.receipt.title', { number: paid?.number ?? '' })} testid="pos-receipt"
      @close=${() => this.newSale()}>
      ${paid
        ? html`${paid.change ? html`<div class="big change" data-testid="pos-receipt-change">${t('pos.receipt.change', { amount: formatMoney(paid.change) })}</div>` : nothing}
            <iframe data-testid="pos-receipt-frame" title=${t('pos.receipt.title', { number: paid.number ?? '' })}
              sandbox="allow-modals allow-same-origin" .srcdoc=${this.receiptHtml}></iframe>`
        : nothing}
      <div slot="footer">
        <cpt-button icon="file" data-testid="pos-receipt-print" @click=${() => this.printReceipt()}>${t('pos.receipt.print')}</cpt-button>
        <cpt-button variant="primary" icon="plus" data-testid="pos-receipt-new" autofocus @click=${() => this.newSale()}>${t('pos.receipt.new')}</cpt-button>
      </div>
    </cpt-dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-pos-sale': PosSaleScreen;
  }
}
