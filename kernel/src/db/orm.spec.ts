import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseConfig, describeDatabase } from './orm.js';

describe('choosing the database', () => {
  it('uses an SQLite file in the data folder by default', () => {
    expect(databaseConfig({ dataDir: '/srv/comptoir/data' })).toEqual({ dialect: 'sqlite', file: '/srv/comptoir/data/comptoir.sqlite' });
  });

  it.each(['postgres://caisse@db.local:5432/epicerie', 'postgresql://caisse@db.local/epicerie', '  postgres://caisse@db.local/epicerie  '])('uses PostgreSQL for %s', (url) => {
    expect(databaseConfig({ databaseUrl: url, dataDir: 'data' })).toEqual({ dialect: 'postgresql', url: url.trim() });
  });

  it('uses the SQLite file an sqlite: URL names', () => {
    expect(databaseConfig({ databaseUrl: 'sqlite:///var/lib/comptoir/shop.sqlite', dataDir: 'data' })).toEqual({ dialect: 'sqlite', file: '/var/lib/comptoir/shop.sqlite' });
    expect(databaseConfig({ databaseUrl: 'sqlite:shop.sqlite', dataDir: 'data' }).file).toBe(resolve('shop.sqlite'));
  });

  it('refuses a URL it does not understand, and says what it accepts', () => {
    expect(() => databaseConfig({ databaseUrl: 'mysql://root@localhost/shop', dataDir: 'data' }))
      .toThrow("Database URL 'mysql://root@localhost/shop' is not understood: use postgres://user@host:5432/db or sqlite:/path/to/file.sqlite");
  });

  it('describes a database for people without showing its password', () => {
    expect(describeDatabase({ dialect: 'postgresql', url: 'postgres://caisse:s3cret@db.local:5432/epicerie' })).toBe('PostgreSQL postgres://caisse:***@db.local:5432/epicerie');
    expect(describeDatabase({ dialect: 'sqlite', file: '/srv/data/comptoir.sqlite' })).toBe('SQLite /srv/data/comptoir.sqlite');
  });
});
