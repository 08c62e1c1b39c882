import type { EntityManager } from '@mikro-orm/core';
import { Setting } from './entities/index.js';

/** Installation and plugin settings, stored as JSON under `<plugin>.<key>`. */
export class Settings {
  async get<T>(em: EntityManager, key: string, fallback: T): Promise<T> {
    const row = await em.findOne(Setting, { key });
    return row ? (row.value as T) : fallback;
  }

  async set(em: EntityManager, key: string, value: unknown): Promise<void> {
    await em.upsert(Setting, { key, value });
  }
}
