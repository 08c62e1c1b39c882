import { AsyncLocalStorage } from 'node:async_hooks';
import { DomainError } from '../errors.js';

/**
 * A manager's approval of one action at someone else's screen: the request carries
 * `X-Comptoir-Approval: <user id>:<PIN>` and the route's permission guard checks that PIN (with the PIN sign-in's
 * lockout) and that its user holds the route's permission. A permission a service checks itself (a discount above
 * the limit) is named after the PIN: `<user id>:<PIN>:<permission>`. No session opens; the approval lasts for that request
 * only, and every journal entry the action appends names the approver under `approvedBy`.
 */
export const APPROVAL_HEADER = 'x-comptoir-approval';

/** Who approved, and for which permission. */
export interface Approval {
  userId: number;
  username: string;
  displayName: string;
  permission: string;
}

const current = new AsyncLocalStorage<Approval>();

/** The approval the request being served runs under, if any. */
export function currentApproval(): Approval | undefined {
  return current.getStore();
}

/** Runs `fn` (a route's handler) under an approval. */
export function runApproved<T>(approval: Approval | undefined, fn: () => T): T {
  return approval ? current.run(approval, fn) : fn();
}

/** The approver and PIN an approval header carries, or APPROVAL_INVALID. */
export function parseApproval(header: string | string[] | undefined): { userId: number; pin: string; permission: string | null } {
  const m = typeof header === 'string' ? /^([1-9]\d{0,9}):(\d{4,8})(?::([a-z][a-z0-9.-]{0,63}))?$/.exec(header.trim()) : null;
  if (!m) {
    throw new DomainError('APPROVAL_INVALID', {
      fr: 'Autorisation illisible : choisissez le responsable et tapez son code PIN.',
      nl: 'Toestemming onleesbaar: kies de verantwoordelijke en typ zijn pincode.',
      en: 'Unreadable approval: choose the manager and type their PIN.',
    }, { status: 400 });
  }
  return { userId: Number(m[1]), pin: m[2], permission: m[3] ?? null };
}

/** The approver's PIN is right but they do not hold the permission either. */
export function approvalDenied(permission: string, displayName: string): DomainError {
  return new DomainError('APPROVAL_DENIED', {
    fr: `${displayName} n’a pas le droit « ${permission} » : demandez à un responsable qui l’a.`,
    nl: `${displayName} heeft het recht '${permission}' niet: vraag een verantwoordelijke die het heeft.`,
    en: `${displayName} lacks the permission '${permission}' too: ask a manager who has it.`,
  }, { status: 403, extra: { permission } });
}

/** A journal entry's payload, naming the approver when the action runs under an approval. */
export function withApprover<T>(payload: T): T | (T & { approvedBy: { userId: number; username: string; permission: string } }) {
  const a = current.getStore();
  if (!a || typeof payload !== 'object' || payload === null || Array.isArray(payload)) return payload;
  return { ...payload, approvedBy: { userId: a.userId, username: a.username, permission: a.permission } };
}
