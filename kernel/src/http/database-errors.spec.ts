import { describe, expect, it } from 'vitest';
import { fromDatabaseError, uniqueViolationFields } from './database-errors.js';

describe('database refusals caused by concurrent writes', () => {
  it('names the fields of a unique violation on SQLite and on PostgreSQL', () => {
    expect(uniqueViolationFields('insert into `catalog_article` … - UNIQUE constraint failed: catalog_article.code')).toEqual(['code']);
    expect(uniqueViolationFields('x - UNIQUE constraint failed: pricing_list_price.price_list_id, pricing_list_price.min_quantity')).toEqual(['priceList', 'minQuantity']);
    expect(uniqueViolationFields('duplicate key value violates unique constraint "catalog_barcode_code_unique"', 'Key (code)=(5412345000013) already exists.')).toEqual(['code']);
    expect(uniqueViolationFields('duplicate key value violates unique constraint "pricing_price_list_one_default"', 'Key (is_default)=(t) already exists.')).toEqual(['isDefault']);
  });

  it('turns them into 409s, and leaves other errors alone', () => {
    const unique = Object.assign(new Error('UNIQUE constraint failed: catalog_customer.code'), { name: 'UniqueConstraintViolationException' });
    expect(fromDatabaseError(unique)).toMatchObject({ status: 409, code: 'ALREADY_EXISTS', errors: [{ field: 'code', code: 'ALREADY_EXISTS' }] });
    expect(fromDatabaseError(Object.assign(new Error('stale'), { name: 'OptimisticLockError' }))).toMatchObject({ status: 409, code: 'VERSION_CONFLICT' });
    expect(fromDatabaseError(new Error('boom'))).toBeNull();
  });
});
