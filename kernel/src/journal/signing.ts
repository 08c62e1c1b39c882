import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { KernelError } from '../errors.js';

/** Where the installation's private key lives when the configuration names no other file. */
export const DEFAULT_SIGNING_KEY_FILE = 'keys/comptoir-signing-key.pem';

/**
 * The SHA-256 of a public key's DER (SubjectPublicKeyInfo), in hexadecimal: what the Z prints and what
 * `journal verify --archive --fingerprint` compares. Spaces, colons and case are ignored when comparing.
 */
export function fingerprintOf(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex');
}

/** A fingerprint in groups of four for printing: `3f2a 9c01 …`. */
export function printableFingerprint(fingerprint: string): string {
  return fingerprint.replace(/(.{4})(?=.)/g, '$1 ');
}

/** A fingerprint as typed by a person (groups, colons, upper case) reduced to 64 hexadecimal digits. */
export function normalizeFingerprint(input: string): string {
  return input.replace(/[\s:]/g, '').toLowerCase();
}

/** True when `signature` (base64) is the Ed25519 signature of `data` by the key `publicKeyPem`. */
export function verifySignature(publicKeyPem: string, data: string | Buffer, signature: string): boolean {
  try {
    return verify(null, typeof data === 'string' ? Buffer.from(data) : data, createPublicKey(publicKeyPem), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** What an entry's signature covers: its chain, number and hash (the hash covers everything else). */
export function entrySigningText(chain: string, seq: number, hash: string): string {
  return `comptoir-journal-entry\n${chain}\n${seq}\n${hash}`;
}

/**
 * The installation's Ed25519 key pair. The private key is a PEM file outside the database (mode 0600), created
 * at the first start; whoever copies the database alone cannot sign. Ed25519 signatures are deterministic: the
 * same bytes signed twice give the same signature, so an archive produced again is identical.
 */
export class InstallationKey {
  readonly publicKeyPem: string;
  readonly fingerprint: string;

  private constructor(private readonly privateKey: KeyObject, readonly file: string | null) {
    this.publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
    this.fingerprint = fingerprintOf(this.publicKeyPem);
  }

  /** Reads the key file, or creates it (folder 0700, file 0600) when it does not exist yet. */
  static loadOrCreate(file: string): { key: InstallationKey; created: boolean } {
    if (existsSync(file)) return { key: InstallationKey.load(file), created: false };
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
    return { key: new InstallationKey(privateKey, file), created: true };
  }

  /** Reads an existing key file; a clear error names the file when it is missing or not an Ed25519 key. */
  static load(file: string): InstallationKey {
    if (!existsSync(file)) {
      throw new KernelError('SIGNING_KEY_MISSING', `No signing key at ${file}. Start Comptoir once to create it, or give --signing-key <file> (COMPTOIR_SIGNING_KEY).`);
    }
    let key: KeyObject;
    try {
      key = createPrivateKey(readFileSync(file));
    } catch (e) {
      throw new KernelError('SIGNING_KEY_INVALID', `${file} is not a private key: ${(e as Error).message}`);
    }
    if (key.asymmetricKeyType !== 'ed25519') throw new KernelError('SIGNING_KEY_INVALID', `${file} is a ${key.asymmetricKeyType} key; Comptoir signs with Ed25519.`);
    return new InstallationKey(key, file);
  }

  /** A key held in memory only (tests, and the re-signing a forger would try). */
  static generate(): InstallationKey {
    return new InstallationKey(generateKeyPairSync('ed25519').privateKey, null);
  }

  /** True when others than the owner may read the key file (its mode is wider than 0600). */
  static tooOpen(file: string): boolean {
    return process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0;
  }

  /** The Ed25519 signature of `data`, in base64. */
  sign(data: string | Buffer): string {
    return sign(null, typeof data === 'string' ? Buffer.from(data) : data, this.privateKey).toString('base64');
  }
}
