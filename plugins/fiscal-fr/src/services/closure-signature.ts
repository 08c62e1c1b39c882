import { afterCommit, DomainError, printableFingerprint, type EntityManager, type Kernel } from '@comptoir/kernel';
import { getPosHooks, type ClosureReport, type ClosureService } from '@comptoir/pos';
import { FiscalErrors } from '../messages.js';

/** What the Z prints to prove it: the closure's journal entry, its Ed25519 signature and the key's fingerprint. */
export interface ClosureSignature {
  number: string;
  entryHash: string;
  signature: string;
  fingerprint: string;
  printable: string;
}

/**
 * At each monthly and yearly Z, once it committed, the archive of that month or year (the kernel's journal
 * archives): produced at once when the period is over, else by the kernel's hourly pass once it ends.
 */
export function archiveAtClosures(kernel: Kernel): void {
  getPosHooks(kernel).closing.tap('fiscal-fr', ({ em, report }) => {
    const period = (report as ClosureReport).period;
    if (period.kind !== 'month' && period.kind !== 'year') return;
    const label = period.kind === 'month' ? period.from.slice(0, 7) : period.from.slice(0, 4);
    afterCommit(em, () => kernel.archives.produce(kernel.em(), label).catch((err: unknown) => {
      if (err instanceof DomainError && err.code === 'ARCHIVE_PERIOD_OPEN') return;
      kernel.log.error({ err, period: label }, 'the archive of a closed period could not be produced');
    }));
  });
}

/** The signature of a Z, for printing and checking (`journal verify --archive --fingerprint`). */
export async function closureSignature(em: EntityManager, kernel: Kernel, closures: ClosureService, id: number): Promise<ClosureSignature> {
  const z = await closures.get(em, id);
  const sig = z.signature ? await kernel.journal.signatureOf(em, 'closures', z.signature) : null;
  if (!sig) throw FiscalErrors.closureUnsigned(z.number);
  return { number: z.number, entryHash: z.signature, signature: sig.signature, fingerprint: sig.fingerprint, printable: printableFingerprint(sig.fingerprint) };
}
