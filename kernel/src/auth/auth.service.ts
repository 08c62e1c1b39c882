import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { DomainError, ValidationError, type FieldError } from '../errors.js';
import { User, Role, Session, Station } from '../entities/index.js';
import type { Journal } from '../journal/journal.js';
import { hashSecret, verifySecret } from './password.js';
import { FailureLimiter } from './rate-limit.js';
import { afterCommit } from '../db/after-commit.js';
import { SignInRecords } from './sign-in-records.js';
import { FailedSignIns } from './failed-sign-ins.js';
import { approvalDenied, type Approval } from './approval.js';

export const SESSION_HOURS = 12;
/** A session's expiry is moved forward at most once a minute (one write a minute, not one a request). */
export const SESSION_TOUCH_MS = 60_000;
export const PIN_MAX_FAILURES = 5;
export const PIN_LOCK_MINUTES = 15;
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MINUTES = 15;
/** Failed sign-ins from one address in the window, whatever the usernames (a shop behind one router included). */
export const LOGIN_MAX_FAILURES_PER_ADDRESS = 20;

/** Who is signed in, where, and with which rights. */
export interface AuthContext {
  session: Session;
  user: User;
  station: Station | null;
  permissions: Set<string>;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** The key under which a station or session secret is stored. */
export const tokenHash = sha256;
export const newToken = () => randomBytes(32).toString('base64url');

const INVALID = {
  fr: 'Identifiant ou mot de passe incorrect.',
  nl: 'Gebruikersnaam of wachtwoord onjuist.',
  en: 'Wrong username or password.',
};

function rateLimited(waitMs: number): DomainError {
  const minutes = Math.ceil(waitMs / 60_000);
  return new DomainError('AUTH_RATE_LIMITED', {
    fr: `Trop de tentatives. Réessayez dans ${minutes} min.`,
    nl: `Te veel pogingen. Probeer opnieuw over ${minutes} min.`,
    en: `Too many attempts. Try again in ${minutes} min.`,
  }, { status: 429, extra: { retryAfterSeconds: Math.ceil(waitMs / 1000) } });
}

/** Users, roles, sessions and sign-in (password, or PIN at a station), with lockout and rate limiting. */
export class AuthService {
  private readonly journal: Journal;
  private readonly clock: { now(): Date };
  readonly loginLimiter: FailureLimiter;
  /** Failures from one address, whatever the usernames tried. */
  readonly addressLimiter: FailureLimiter;
  private readonly signIns = new SignInRecords(PIN_MAX_FAILURES, PIN_LOCK_MINUTES * 60_000);
  private readonly failedSignIns: FailedSignIns | null;
  private readonly invalidationListeners = new Set<(userId?: number) => void>();

  constructor({ journal, clock, freshEm }: { journal: Journal; clock: { now(): Date }; freshEm?: () => EntityManager }) {
    this.journal = journal;
    this.clock = clock;
    this.loginLimiter = new FailureLimiter(LOGIN_MAX_FAILURES, LOGIN_WINDOW_MINUTES * 60_000, clock);
    this.addressLimiter = new FailureLimiter(LOGIN_MAX_FAILURES_PER_ADDRESS, LOGIN_WINDOW_MINUTES * 60_000, clock);
    this.failedSignIns = freshEm ? new FailedSignIns(journal, clock, LOGIN_WINDOW_MINUTES * 60_000, freshEm) : null;
  }

  /**
   * Permissions a user holds through their roles ('*' on a role grants everything), among those declared now:
   * a role keeps the permissions of a disabled plugin, but they are not in effect until it is enabled again.
   */
  async permissionsOf(em: EntityManager, user: User, allPermissions: readonly string[]): Promise<Set<string>> {
    const roles = await em.find(Role, { name: { $in: user.roles } });
    const declared = new Set(allPermissions);
    const out = new Set<string>();
    for (const r of roles) {
      if (r.permissions.includes('*')) allPermissions.forEach((p) => out.add(p));
      r.permissions.forEach((p) => declared.has(p) && out.add(p));
    }
    return out;
  }

  /**
   * Signs in with a password; throws AUTH_RATE_LIMITED after repeated failures on one username from one address,
   * or many failures from one address whatever the usernames. The attempt is counted before the password is
   * checked (and given back when it succeeds), so simultaneous attempts cannot all pass the limit.
   */
  async login(em: EntityManager, input: { username: string; password: string; ip: string; station: Station | null }) {
    const username = input.username.trim().toLowerCase();
    // The same normalisation as the lookup below, or ' anna' and 'anna ' would each get their own tries.
    const key = `${input.ip}|${username}`;
    const addressKey = `${input.ip}|*`;
    const wait = Math.max(this.loginLimiter.retryAfter(key), this.addressLimiter.retryAfter(addressKey));
    if (wait > 0) throw rateLimited(wait);
    // No await between the check above and these: the attempt is reserved atomically (one event loop turn).
    this.loginLimiter.fail(key);
    this.addressLimiter.fail(addressKey);
    // Not kept in the identity map: signing in must never flush (and so version) the user row.
    const user = await em.findOne(User, { username }, { disableIdentityMap: true });
    // Unknown, inactive and PIN-only accounts cost one full hash too: the answer's timing tells nothing.
    const stored = user?.active && user.passwordHash ? user.passwordHash : DUMMY_HASH;
    const ok = (await verifySecret(input.password, stored)) && stored !== DUMMY_HASH;
    if (!user || !ok) {
      await this.failedSignIns?.record(em, { username: input.username.slice(0, 64), method: 'password', ip: input.ip, stationId: input.station?.id });
      throw new DomainError('AUTH_INVALID', INVALID, { status: 401 });
    }
    this.loginLimiter.reset(key);
    this.addressLimiter.release(addressKey);
    const now = this.clock.now();
    return em.transactional(async (tem) => {
      await this.signIns.signedIn(tem, user.id, 'password', now.getTime());
      return this.openSession(tem, user, input.station, 'password');
    });
  }

  /**
   * Signs in with a PIN at a registered station; locks the PIN after repeated failures. Each attempt is reserved
   * in the database before the PIN is checked, so a burst checks at most PIN_MAX_FAILURES PINs.
   */
  async loginPin(em: EntityManager, input: { userId: number; pin: string; station: Station }) {
    const { user, now } = await this.checkPin(em, input.userId, input.pin, input.station.id, 'pin');
    return em.transactional(async (tem) => {
      await this.signIns.signedIn(tem, user.id, 'pin', now);
      return this.openSession(tem, user, input.station, 'pin');
    });
  }

  /**
   * A manager's approval of one action at another user's screen: the same PIN check, lockout and rate limit as a
   * PIN sign-in, then the approver must hold `permission`. Opens no session; a right PIN forgets past failures.
   */
  async approve(em: EntityManager, input: { userId: number; pin: string; permission: string; stationId: number | null; allPermissions: readonly string[] }): Promise<Approval> {
    const { user } = await this.checkPin(em, input.userId, input.pin, input.stationId, 'approval').catch((e: unknown) => {
      // The asker is signed in: a wrong PIN refuses the approval (403), it does not end their session (401).
      throw e instanceof DomainError && e.code === 'AUTH_INVALID' ? new DomainError('APPROVAL_PIN_INVALID', e.text, { status: 403, extra: e.extra }) : e;
    });
    await this.signIns.unlockPin(em.fork(), user.id);
    if (!(await this.permissionsOf(em, user, input.allPermissions)).has(input.permission)) {
      await this.journal.append(em.fork(), { chain: 'events', type: 'auth.approval-denied', payload: { userId: user.id, permission: input.permission }, stationId: input.stationId });
      throw approvalDenied(input.permission, user.displayName);
    }
    return { userId: user.id, username: user.username, displayName: user.displayName, permission: input.permission };
  }

  /** Checks a user's PIN, one reserved attempt at a time; throws AUTH_INVALID (attempts left) or PIN_LOCKED. */
  private async checkPin(em: EntityManager, userId: number, pin: string, stationId: number | null, method: 'pin' | 'approval'): Promise<{ user: User; now: number }> {
    const user = await em.findOne(User, { id: userId }, { disableIdentityMap: true });
    if (!user || !user.active || !user.pinHash) {
      throw new DomainError('AUTH_INVALID', { fr: 'Code PIN incorrect.', nl: 'Pincode onjuist.', en: 'Wrong PIN.' }, { status: 401 });
    }
    const now = this.clock.now().getTime();
    // Outside any transaction: the reservation is committed, and seen by every other attempt, at once.
    const outside = em.fork();
    const reserved = await this.signIns.reservePin(outside, user.id, now);
    if ('lockedUntil' in reserved) {
      const minutes = Math.max(1, Math.ceil((reserved.lockedUntil - now) / 60_000));
      throw new DomainError('PIN_LOCKED', {
        fr: `Code PIN bloqué après trop d'erreurs. Réessayez dans ${minutes} min ou demandez à un responsable.`,
        nl: `Pincode geblokkeerd na te veel fouten. Probeer opnieuw over ${minutes} min of vraag een verantwoordelijke.`,
        en: `PIN locked after too many failures. Try again in ${minutes} min or ask a manager.`,
      }, { status: 423 });
    }
    if (!(await verifySecret(pin, user.pinHash))) {
      const locked = await this.signIns.pinFailed(outside, user.id, reserved.failures, now);
      await this.journal.append(outside, { chain: 'events', type: locked ? 'auth.pin-locked' : 'auth.failed', payload: { userId: user.id, method }, stationId });
      const left = PIN_MAX_FAILURES - reserved.failures;
      throw locked
        ? new DomainError('PIN_LOCKED', {
          fr: `Code PIN bloqué pour ${PIN_LOCK_MINUTES} min après ${PIN_MAX_FAILURES} erreurs.`,
          nl: `Pincode ${PIN_LOCK_MINUTES} min geblokkeerd na ${PIN_MAX_FAILURES} fouten.`,
          en: `PIN locked for ${PIN_LOCK_MINUTES} min after ${PIN_MAX_FAILURES} failures.`,
        }, { status: 423 })
        : new DomainError('AUTH_INVALID', {
          fr: left === 1 ? 'Code PIN incorrect. Encore 1 essai avant blocage.' : `Code PIN incorrect. Encore ${left} essais avant blocage.`,
          nl: left === 1 ? 'Pincode onjuist. Nog 1 poging voor blokkering.' : `Pincode onjuist. Nog ${left} pogingen voor blokkering.`,
          en: left === 1 ? 'Wrong PIN. 1 attempt left before lockout.' : `Wrong PIN. ${left} attempts left before lockout.`,
        }, { status: 401, extra: { attemptsLeft: left } });
    }
    return { user, now };
  }

  /**
   * Changes the signed-in user's own password after checking the current one; ends the user's other sessions
   * and keeps this one. Wrong current passwords count like failed sign-ins.
   */
  async changeOwnPassword(em: EntityManager, input: { user: User; session: Session; currentPassword: string; newPassword: string; ip: string }): Promise<{ sessionsEnded: number }> {
    const key = `${input.ip}|${input.user.username}`;
    const wait = this.loginLimiter.retryAfter(key);
    if (wait > 0) throw rateLimited(wait);
    this.loginLimiter.fail(key);
    const user = await em.findOne(User, { id: input.user.id });
    if (!user || !(await verifySecret(input.currentPassword, user.passwordHash ?? DUMMY_HASH)) || !user.passwordHash) {
      throw new ValidationError([{ field: 'currentPassword', code: 'PASSWORD_WRONG', message: {
        fr: 'Le mot de passe actuel est incorrect.', nl: 'Het huidige wachtwoord is onjuist.', en: 'The current password is wrong.' } }]);
    }
    this.loginLimiter.reset(key);
    let ended = 0;
    await this.saveUser(em, { password: input.newPassword }, {
      existing: user, actor: user, knownRoles: [], keepSessionId: input.session.id, onSessionsEnded: (n) => { ended = n; },
    });
    return { sessionsEnded: ended };
  }

  /** Per user: whether the PIN is locked now, and when they last signed in. */
  signInStates(em: EntityManager, userIds: number[]) {
    return this.signIns.states(em, userIds, this.clock.now().getTime());
  }

  /** Writes out the failed-sign-in summaries whose window is over (all of them with `all`). */
  flushFailedSignIns(all = false): Promise<void> {
    return this.failedSignIns?.flush(all) ?? Promise.resolve();
  }

  private async openSession(em: EntityManager, user: User, station: Station | null, method: 'password' | 'pin') {
    const token = newToken();
    const now = this.clock.now();
    const session = em.create(Session, {
      id: sha256(token), userId: user.id, stationId: station?.id ?? null, csrfToken: newToken(), method,
      createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000),
    });
    await this.journal.append(em, { chain: 'events', type: 'auth.signed-in', payload: { userId: user.id, username: user.username, method }, userId: user.id, stationId: station?.id });
    await em.flush();
    return { token, session, user };
  }

  /** The session behind a cookie secret, if it exists and has not expired; slides its expiry. */
  async resolveSession(em: EntityManager, token: string | undefined): Promise<{ session: Session; user: User } | null> {
    if (!token || token.length > 100) return null;
    // Not kept in the request's identity map: the signed-in context outlives the request (auth/signed-in.ts).
    const session = await em.findOne(Session, { id: sha256(token) }, { disableIdentityMap: true });
    if (!session) return null;
    const now = this.clock.now();
    if (session.expiresAt <= now) {
      await em.nativeDelete(Session, { id: session.id });
      return null;
    }
    const user = await em.findOne(User, { id: session.userId }, { disableIdentityMap: true });
    if (!user || !user.active) return null;
    if (!(await this.touchSession(em, session))) return null;
    return { session, user };
  }

  /** Whether a session was last seen long enough ago for `touchSession` to write. */
  needsTouch(session: Session): boolean {
    return this.clock.now().getTime() - session.lastSeenAt.getTime() > SESSION_TOUCH_MS;
  }

  /**
   * Moves a session's expiry forward when it was last seen over a minute ago; false when the session no longer
   * exists (signed out elsewhere, ended by an administrator).
   */
  async touchSession(em: EntityManager, session: Session): Promise<boolean> {
    if (!this.needsTouch(session)) return true;
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
    const changed = await em.nativeUpdate(Session, { id: session.id }, { lastSeenAt: now, expiresAt });
    if (!changed) return false;
    session.lastSeenAt = now;
    session.expiresAt = expiresAt;
    return true;
  }

  /**
   * Forgets the cached signed-in context of one user's sessions, or (without a user) of every session along
   * with the cached stations and shop. Call it from anything that changes users, roles, stations or the shop,
   * or deletes sessions; inside a transaction it takes effect when that transaction commits.
   */
  invalidateSessions(userId?: number | null, em?: EntityManager | null): void {
    afterCommit(em, () => {
      for (const fn of this.invalidationListeners) fn(userId ?? undefined);
    });
  }

  /** Calls `fn` on each invalidation (the request context's cache listens); returns the function that stops it. */
  onSessionsInvalidated(fn: (userId?: number) => void): () => void {
    this.invalidationListeners.add(fn);
    return () => this.invalidationListeners.delete(fn);
  }

  async logout(em: EntityManager, session: Session, user: User): Promise<void> {
    await em.transactional(async (tem) => {
      await tem.nativeDelete(Session, { id: session.id });
      await this.journal.append(tem, { chain: 'events', type: 'auth.signed-out', payload: { userId: user.id }, userId: user.id, stationId: session.stationId });
      this.invalidateSessions(user.id, tem);
    });
  }

  /** Checks and applies a user's fields; throws a ValidationError naming each bad field. */
  async saveUser(em: EntityManager, input: UserInput, opts: {
    existing?: User; actor?: User | null; knownRoles: string[];
    /** The session that asked for the change: kept when the others are ended. */
    keepSessionId?: string | null;
    onSessionsEnded?: (count: number) => void;
  }): Promise<User> {
    const errors: FieldError[] = [];
    const existing = opts.existing;
    const username = input.username?.trim().toLowerCase();
    if (!existing || input.username !== undefined) {
      if (!username || !/^[a-z0-9._-]{2,64}$/.test(username)) {
        errors.push({ field: 'username', code: 'USERNAME_INVALID', message: {
          fr: "L'identifiant doit compter 2 à 64 lettres minuscules, chiffres, '.', '_' ou '-'.",
          nl: "De gebruikersnaam moet 2 tot 64 kleine letters, cijfers, '.', '_' of '-' tellen.",
          en: "Username must be 2 to 64 lower-case letters, digits, '.', '_' or '-'." } });
      } else if (await em.count(User, { username, ...(existing ? { id: { $ne: existing.id } } : {}) })) {
        errors.push({ field: 'username', code: 'USERNAME_TAKEN', message: {
          fr: `L'identifiant « ${username} » est déjà utilisé.`, nl: `Gebruikersnaam '${username}' is al in gebruik.`, en: `Username '${username}' is already taken.` } });
      }
    }
    if ((!existing || input.displayName !== undefined) && !input.displayName?.trim()) {
      errors.push({ field: 'displayName', code: 'REQUIRED', message: { fr: 'Le nom est obligatoire.', nl: 'De naam is verplicht.', en: 'Name is required.' } });
    }
    if (input.password != null && input.password !== '' && input.password.length < 8) {
      errors.push({ field: 'password', code: 'PASSWORD_TOO_SHORT', message: {
        fr: 'Le mot de passe doit compter au moins 8 caractères.', nl: 'Het wachtwoord moet minstens 8 tekens tellen.', en: 'Password must be at least 8 characters.' } });
    }
    if (input.pin != null && input.pin !== '' && !/^\d{4,8}$/.test(input.pin)) {
      errors.push({ field: 'pin', code: 'PIN_INVALID', message: {
        fr: 'Le code PIN doit compter 4 à 8 chiffres.', nl: 'De pincode moet 4 tot 8 cijfers tellen.', en: 'PIN must be 4 to 8 digits.' } });
    }
    if (input.roles !== undefined) {
      const unknown = input.roles.filter((r) => !opts.knownRoles.includes(r));
      if (unknown.length) errors.push({ field: 'roles', code: 'ROLE_UNKNOWN', message: {
        fr: `Rôle inconnu : ${unknown.join(', ')}.`, nl: `Onbekende rol: ${unknown.join(', ')}.`, en: `Unknown role: ${unknown.join(', ')}.` } });
    }
    if (input.language !== undefined && !['fr', 'nl', 'en'].includes(input.language)) {
      errors.push({ field: 'language', code: 'LANGUAGE_INVALID', message: 'fr, nl, en' });
    }
    if (!existing && !input.password && !input.pin) {
      errors.push({ field: 'password', code: 'CREDENTIAL_REQUIRED', message: {
        fr: 'Donnez un mot de passe ou un code PIN.', nl: 'Geef een wachtwoord of een pincode.', en: 'Give a password or a PIN.' } });
    }
    if (errors.length) throw new ValidationError(errors);

    const user = existing ?? new User();
    const before = existing ? { roles: [...existing.roles], active: existing.active } : null;
    if (username) user.username = username;
    if (input.displayName !== undefined) user.displayName = input.displayName.trim();
    if (input.password) user.passwordHash = await hashSecret(input.password);
    if (input.pin) user.pinHash = await hashSecret(input.pin);
    if (input.pin === '') user.pinHash = null;
    if (input.roles !== undefined) user.roles = [...new Set(input.roles)];
    if (input.language !== undefined) user.language = input.language;
    if (input.active !== undefined) user.active = input.active;
    await em.transactional(async (tem) => {
      if (!existing) tem.persist(user);
      await tem.flush();
      const actorId = opts.actor?.id ?? null;
      if (!before) {
        await this.journal.append(tem, { chain: 'events', type: 'user.created', payload: { userId: user.id, username: user.username, roles: user.roles }, userId: actorId });
      } else if (before.roles.join() !== user.roles.join() || before.active !== user.active) {
        await this.journal.append(tem, { chain: 'events', type: 'user.rights-changed', payload: { userId: user.id, username: user.username, rolesBefore: before.roles, roles: user.roles, active: user.active }, userId: actorId });
      }
      if ((input.pin || input.unlockPin) && before) await this.signIns.unlockPin(tem, user.id);
      // A new password, a role taken away or a deactivation ends the user's other sessions (not the one asking).
      const rolesRemoved = !!before && before.roles.some((r) => !user.roles.includes(r));
      const deactivated = !!before && before.active && !user.active;
      let ended = 0;
      if (before && (input.password || rolesRemoved || deactivated)) {
        ended = await tem.nativeDelete(Session, { userId: user.id, ...(opts.keepSessionId ? { id: { $ne: opts.keepSessionId } } : {}) });
        opts.onSessionsEnded?.(ended);
      }
      if (input.password && before) {
        await this.journal.append(tem, { chain: 'events', type: 'user.password-changed', payload: { userId: user.id, sessionsEnded: ended }, userId: actorId });
      }
      // Rights, activity, language or name may have changed: the user's next request reads them again.
      if (existing) this.invalidateSessions(user.id, tem);
    });
    return user;
  }
}

/** Fields of a user as an administrator edits them. */
export interface UserInput {
  username?: string;
  displayName?: string;
  password?: string | null;
  pin?: string | null;
  roles?: string[];
  language?: string;
  active?: boolean;
  unlockPin?: boolean;
}

// Verifying against a dummy hash when the user does not exist keeps timing the same for both cases.
const DUMMY_HASH = 'scrypt$32768$8$1$c29tZXNhbHRzb21lc2FsdA$2mT0NJ0bY3O1R3m7ZJp3bd7x8jv2gTn6Ww1cF4xqvLQ';
