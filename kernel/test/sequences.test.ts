import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineMigration, definePlugin, DomainError, EntitySchema, type Sequences } from '@comptoir/kernel';
import { startTestKernel, testDialects, type TestClient, type TestKernel } from '@comptoir/kernel/testing';
import { sqlRows } from './support/db.js';

// A plugin that issues numbered documents the way invoicing does: the number is taken inside the
// transaction that stores the document, and a refused document gives its number back.

class IssuedDocument {
  id!: number;
  series!: string;
  year!: number;
  number!: number;
  label!: string;
}

const IssuedDocumentSchema = new EntitySchema<IssuedDocument>({
  class: IssuedDocument,
  tableName: 'factures_document',
  properties: {
    id: { type: 'integer', primary: true },
    series: { type: 'string', length: 16 },
    year: { type: 'integer' },
    number: { type: 'integer' },
    label: { type: 'string', length: 100 },
  },
});

const factures = definePlugin({
  name: 'factures',
  version: '1.0.0',
  kernel: '^0.1.0',
  entities: [IssuedDocumentSchema],
  migrations: {
    sqlite: [defineMigration('0001-init', [
      'create table `factures_document` (`id` integer not null primary key autoincrement, `series` text not null, `year` integer not null, `number` integer not null, `label` text not null)',
      'create unique index `factures_document_number_unique` on `factures_document` (`series`, `year`, `number`)',
    ])],
    postgresql: [defineMigration('0001-init', [
      'create table "factures_document" ("id" serial primary key, "series" varchar(16) not null, "year" int not null, "number" int not null, "label" varchar(100) not null)',
      'create unique index "factures_document_number_unique" on "factures_document" ("series", "year", "number")',
    ])],
  },
  permissions: { 'factures.issue': { label: 'Émettre des documents', roles: ['cashier'] } },
  routes(r, { container }) {
    r.post<{ Body: { label: string; series: string; year: number; refuse: boolean } }>('/documents', {
      permission: 'factures.issue', summary: 'Issue a numbered document', status: 201,
      schema: { body: { type: 'object', required: ['label'], additionalProperties: false, properties: {
        label: { type: 'string', minLength: 1 }, series: { type: 'string', default: 'F' }, year: { type: 'integer', default: 2026 }, refuse: { type: 'boolean', default: false } } } },
      handler: async (req, ctx) => ctx.transactional(async (em) => {
        const { label, series, year, refuse } = req.body;
        const number = await container.resolve<Sequences>('sequences').next(em, series, year);
        em.create(IssuedDocument, { series, year, number: number.value, label });
        await em.flush();
        if (refuse) {
          throw new DomainError('DOCUMENT_REFUSED', { fr: `Document « ${label} » refusé : rien n’est enregistré.`, en: `Document '${label}' refused: nothing is saved.` }, { status: 422 });
        }
        return { number: number.value, formatted: number.formatted };
      }),
    });
  },
});

describe.each(testDialects())('gapless document numbers (%s)', (dialect) => {
  let tk: TestKernel;
  let cashier: TestClient;

  beforeAll(async () => {
    tk = await startTestKernel(dialect, { plugins: [factures] });
    cashier = await tk.userWith(['cashier']);
  });
  afterAll(async () => {
    await tk?.close();
  });

  const committed = async (series: string, year: number) => (await sqlRows<{ number: number }>(tk,
    'select number from factures_document where series = ? and year = ? order by number', [series, year])).map((r) => Number(r.number));

  it('numbers the first document of a series 1, printed with its series and year', async () => {
    const res = await cashier.post('/api/factures/documents', { label: 'Facture Brasserie Lupulus', series: 'P', year: 2026 });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ number: 1, formatted: 'P-2026-000001' });
  });

  it('gives a refused document’s number back: the next document takes it', async () => {
    const refused = await cashier.post('/api/factures/documents', { label: 'Facture annulée', series: 'P', year: 2026, refuse: true });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'DOCUMENT_REFUSED', detail: 'Document « Facture annulée » refusé : rien n’est enregistré.' });
    const next = await cashier.post('/api/factures/documents', { label: 'Facture Épicerie Lejeune', series: 'P', year: 2026 });
    expect(next.body.number).toBe(2);
    expect(await committed('P', 2026)).toEqual([1, 2]);
  });

  it('numbers 60 documents issued at the same time from 1 to N, without gap or duplicate, when a third of them fail', async () => {
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) =>
      cashier.post('/api/factures/documents', { label: `Ticket ${i}`, refuse: i % 3 === 0 })));

    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 422)).toHaveLength(20);
    expect(statuses.filter((s) => s === 201)).toHaveLength(40);
    const expected = Array.from({ length: 40 }, (_, i) => i + 1);
    // What the cashiers were told, and what the database holds, are both exactly 1..40.
    expect(results.filter((r) => r.status === 201).map((r) => r.body.number).sort((a, b) => a - b)).toEqual(expected);
    expect(await committed('F', 2026)).toEqual(expected);
    expect(Number((await sqlRows<{ n: number }>(tk, "select count(*) as n from factures_document where series = 'F'"))[0].n)).toBe(40);
    // Every refused document left nothing behind.
    const labels = (await sqlRows<{ label: string }>(tk, "select label from factures_document where series = 'F'")).map((r) => r.label);
    expect(labels.filter((l) => Number(l.split(' ')[1]) % 3 === 0)).toEqual([]);
  });

  it('keeps counting where it stopped', async () => {
    const res = await cashier.post('/api/factures/documents', { label: 'Ticket suivant' });
    expect(res.body).toEqual({ number: 41, formatted: 'F-2026-000041' });
    const em = tk.kernel.em();
    expect(await tk.kernel.sequences.current(em, 'F', 2026)).toBe(41);
  });

  it('counts each series and each fiscal year on its own', async () => {
    const nextYear = await cashier.post('/api/factures/documents', { label: 'Première facture de 2027', series: 'F', year: 2027 });
    const creditNote = await cashier.post('/api/factures/documents', { label: 'Première note de crédit', series: 'NC', year: 2026 });
    expect(nextYear.body.formatted).toBe('F-2027-000001');
    expect(creditNote.body.formatted).toBe('NC-2026-000001');
    expect((await cashier.post('/api/factures/documents', { label: 'Ticket encore' })).body.number).toBe(42);
    const em = tk.kernel.em();
    expect(await tk.kernel.sequences.current(em, 'F', 2027)).toBe(1);
    expect(await tk.kernel.sequences.current(em, 'X', 2026)).toBe(0);
  });

  it('refuses to hand out a number outside a transaction, and hands none out', async () => {
    const em = tk.kernel.em();
    await expect(tk.kernel.sequences.next(em, 'F', 2026)).rejects.toMatchObject({ code: 'SEQUENCE_OUTSIDE_TRANSACTION' });
    expect(await tk.kernel.sequences.current(em, 'F', 2026)).toBe(42);
  });

  it('refuses a series or a year that cannot be printed on a document, and says why', async () => {
    const refusal = (series: string, year: number) => tk.kernel.em().transactional((em) => tk.kernel.sequences.next(em, series, year))
      .then(() => null, (e) => ({ code: e.code, message: e.message }));
    const badSeries = (series: string) => ({ code: 'SEQUENCE_SERIES_INVALID', message: `Series '${series}' must be 1-64 letters, digits, '-', '_' or '.'` });
    const badYear = (year: number) => ({ code: 'SEQUENCE_YEAR_INVALID', message: `Year ${year} is not a valid fiscal year` });
    expect(await refusal('F 1', 2026)).toEqual(badSeries('F 1'));
    expect(await refusal('', 2026)).toEqual(badSeries(''));
    expect(await refusal('x'.repeat(65), 2026)).toEqual(badSeries('x'.repeat(65)));
    expect(await refusal('NC\n', 2026)).toEqual(badSeries('NC\n'));
    for (const year of [26, 1969, 10000, 2026.5, Number.NaN]) expect(await refusal('Y', year)).toEqual(badYear(year));
    expect(await tk.kernel.sequences.current(tk.kernel.em(), 'Y', 1969)).toBe(0);
  });

  it('numbers the first and the last fiscal years it accepts, and the longest series', async () => {
    const issued = async (series: string, year: number) => (await tk.kernel.em().transactional((em) => tk.kernel.sequences.next(em, series, year))).formatted;
    expect(await issued('Y', 1970)).toBe('Y-1970-000001');
    expect(await issued('Y', 9999)).toBe('Y-9999-000001');
    expect(await issued(`A.b_C-${'9'.repeat(58)}`, 2026)).toBe(`A.b_C-${'9'.repeat(58)}-2026-000001`);
  });
});
