/** Types of the kernel's HTTP API as used by the shell (see the API contract in docs). */
import type { UiPlugin, UiScreen, UiWidget } from '@comptoir/kernel';

/** GET /api/ui: the enabled plugins' browser UIs (declared in their definitions, served by the kernel). */
export type { UiPlugin, UiScreen, UiWidget };

export type Language = 'fr' | 'nl' | 'en';
export const LANGUAGES: readonly Language[] = ['fr', 'nl', 'en'];
export type Country = 'BE' | 'FR';

export interface SessionUser {
  id: number | string;
  username: string;
  displayName: string;
  roles: string[];
  permissions: string[];
  language: Language;
}

export interface StationInfo {
  id: number | string;
  number: number;
  name: string;
}

export interface ShopInfo {
  name: string;
  country: Country;
  currency: string;
  language: Language;
  locale: string;
  configured: boolean;
  [extra: string]: unknown;
}

export interface Session {
  user: SessionUser;
  station: StationInfo | null;
  shop: ShopInfo;
  plugins: { name: string; version: string }[];
  csrfToken: string;
}

/** Body of the 401 answer of GET /api/session. */
export interface SignedOutInfo {
  code?: string;
  station: StationInfo | null;
  shop: { name: string; locale?: string; language?: Language; country?: Country };
}

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

export interface Page<T> {
  items: T[];
  /** How many match; with `totalCapped`, the count stopped there (more match). */
  total: number;
  totalCapped?: boolean;
  /** A next page exists (given by searches whose count is capped). */
  hasMore?: boolean;
  page: number;
  pageSize: number;
}

export interface ShopSettings {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  country: Country;
  vatNumber: string;
  email: string;
  phone: string;
  currency: string;
  language: Language;
  logo?: string | null;
  configured?: boolean;
}

export interface Station {
  id: number | string;
  number: number;
  name: string;
  current: boolean;
}

export interface UserRecord {
  id: number | string;
  username: string;
  displayName: string;
  roles: string[];
  language: Language;
  active?: boolean;
  hasPin?: boolean;
}

export interface Role {
  name: string;
  permissions: string[];
}

export interface PluginRecord {
  name: string;
  version: string;
  enabled: boolean;
  requires?: string[] | Record<string, string>;
  description?: string;
}

export interface NotificationEvent {
  level: 'info' | 'success' | 'warning' | 'error';
  message: string;
}

/** True when the session's user holds `permission` ('*' and 'plugin.*' wildcards are honoured). */
export function hasPermission(session: Pick<Session, 'user'> | null | undefined, permission: string | undefined): boolean {
  if (!permission) return true;
  if (permission === 'authenticated') return !!session?.user;
  const perms = session?.user?.permissions ?? [];
  if (perms.includes(permission) || perms.includes('*')) return true;
  const dot = permission.indexOf('.');
  return dot > 0 && perms.includes(permission.slice(0, dot) + '.*');
}
