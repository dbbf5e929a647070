// Passwords: at least 12 characters, not a common one (content/security/common-passwords.txt,
// also with digits and symbols taken off the ends), not the person's own email or name; stored
// with scrypt and a random salt, compared in constant time.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const MIN_PASSWORD_LENGTH = 12;
/** Long enough for any passphrase; much longer is a mistake or an attack on scrypt's time. */
export const MAX_PASSWORD_LENGTH = 200;

// scrypt cost: N = 2^15 with r = 8 uses 32 MiB and about 50-100 ms here (OWASP's minimum is 2^17 with r = 8 at 128 MiB;
// we stay at 2^15 for small servers and because sign-in is rate limited).
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFKC'), salt, keyLength, { ...options, maxmem: 128 * options.N! * options.r! * 2 }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/** "scrypt$N$r$p$salt$hash" (salt and hash base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = stored?.split('$') ?? [];
  if (parts.length !== 6 || parts[0] !== 'scrypt' || password.length > MAX_PASSWORD_LENGTH) {
    // Same work as a real check, so timing does not say whether the account has a password.
    await scrypt(password.slice(0, MAX_PASSWORD_LENGTH), Buffer.alloc(16), KEY_LENGTH, COST);
    return false;
  }
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

const COMMON_PATH = fileURLToPath(new URL('../../../content/security/common-passwords.txt', import.meta.url));
let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(COMMON_PATH, 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line && !line.startsWith('#')),
  );
  return common;
}

const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'abcdefghijklmnopqrstuvwxyz'];

/** Made of one short piece said again and again ("aaaaaaaaaaaa", "abcabcabcabc"). */
function isRepeated(text: string): boolean {
  for (let size = 1; size <= 4; size++) {
    const piece = text.slice(0, size);
    if (piece.repeat(Math.ceil(text.length / size)).slice(0, text.length) === text) return true;
  }
  return false;
}

/** A run along a keyboard row or the alphabet, either way ("qwertyuiop12" counts, its end trimmed). */
function isSequence(text: string): boolean {
  return text.length >= 6 && KEYBOARD_ROWS.some((row) => row.includes(text) || [...row].reverse().join('').includes(text));
}

export interface PasswordContext {
  email?: string | null;
  name?: string | null;
}

/** Why this password will not do, in plain words; null when it is fine. */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Your password needs at least ${MIN_PASSWORD_LENGTH} characters. It has ${password.length}. A few words you will remember, with spaces, work well.`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) return `Your password can have at most ${MAX_PASSWORD_LENGTH} characters.`;
  const lower = password.toLowerCase();
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  const squashed = lower.replace(/[^a-z0-9]/g, '');
  const list = commonPasswords();
  if (list.has(lower) || list.has(squashed) || (core.length >= 4 && list.has(core))) {
    return 'That password is one of the most common ones, so it is easy to guess. Please choose another.';
  }
  if (isRepeated(lower) || isSequence(squashed) || isSequence(core) || /^\d+$/.test(squashed)) {
    return 'That password is a pattern that is easy to guess. Please choose another, such as a few words you will remember.';
  }
  const local =
    context.email
      ?.toLowerCase()
      .split('@')[0]
      ?.replace(/[^a-z0-9]/g, '') ?? '';
  const whole = context.email?.toLowerCase().replace(/[^a-z0-9]/g, '') ?? '';
  const name = context.name?.toLowerCase().replace(/[^a-z0-9]/g, '') ?? '';
  for (const own of [local, whole, name]) {
    if (own.length >= 4 && (squashed === own || core.replace(/[^a-z0-9]/g, '') === own)) {
      return 'Your password should not be your name or email address. Please choose another.';
    }
  }
  return null;
}
