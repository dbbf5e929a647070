// Signing in: email and password, each outcome logged, throttled as OWASP ASVS 4 V2.2 asks
// without letting a stranger keep a person out (docs/accounts.md, "Signing in"):
// - one address guessing at one account: after SIGN_IN_LIMITS.perPair failures that pair is
//   refused until the window ends; the same account from any other address is not;
// - one address guessing at many accounts: after perAddress failures that address is refused;
// - many addresses guessing at one account: never refused (that would let anyone lock a person
//   out), but each try waits longer first (accountDelayMs), so guessing is slow.
// Each attempt is counted BEFORE its password is checked (and given back if it was right), so
// many tries sent at once cannot all be checked before the first failure is counted.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/types';
import { checkRateLimit, rateLimitKey, releaseRateLimit } from '../http/rate-limit';
import { audit } from './audit';
import { verifyPassword } from './passwords';
import { createSession } from './sessions';
import { findUserByEmail, normaliseEmail } from './users';

/** Failed attempts allowed per address and account together, and per address, in each window. */
export const SIGN_IN_LIMITS = { perPair: 5, perAddress: 20, windowSeconds: 15 * 60 } as const;
/** Failures at one account (from anywhere) in a window before its tries start to wait. */
export const FREE_ACCOUNT_FAILURES = 5;
/** The longest a try waits, however many failures: long enough to slow guessing, short enough for a person. */
export const MAX_ACCOUNT_DELAY_MS = 8_000;

/**
 * How long a try waits before its password is checked, when the account has had `failures`
 * failed tries (this one included) in the window: none for the first few, then 0.5 s, 1 s, 2 s,
 * 4 s, and at most 8 s. Not a lock: the right password is accepted after the wait.
 */
export function accountDelayMs(failures: number): number {
  if (failures <= FREE_ACCOUNT_FAILURES) return 0;
  return Math.min(MAX_ACCOUNT_DELAY_MS, 500 * 2 ** (failures - FREE_ACCOUNT_FAILURES - 1));
}

export type SignInResult =
  { ok: true; sessionValue: string; userId: string } | { ok: false; reason: 'wrong' } | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function signIn(
  db: Kysely<DatabaseSchema>,
  attempt: {
    email: string;
    password: string;
    address: string;
    replacingSession?: string | undefined;
    now?: Date;
    /** How a try waits (tests pass one that notes the wait instead of sleeping). */
    wait?: (ms: number) => Promise<void>;
  },
): Promise<SignInResult> {
  const now = attempt.now ?? new Date();
  const email = normaliseEmail(attempt.email).slice(0, 320);
  const windowSeconds = SIGN_IN_LIMITS.windowSeconds;
  // Refusing limits: never on the account alone, so nobody elsewhere can use them against its owner.
  const limits = [
    { key: rateLimitKey('sign-in-address', attempt.address), limit: SIGN_IN_LIMITS.perAddress },
    { key: rateLimitKey('sign-in-pair', `${email}\n${attempt.address}`), limit: SIGN_IN_LIMITS.perPair },
  ];
  const accountKey = rateLimitKey('sign-in-account', email);
  let retryAfterSeconds = 0;
  // The first refusal in a window: every limit that refuses does so for the first time.
  let firstRefusal = true;
  for (const { key, limit } of limits) {
    const verdict = await checkRateLimit(db, { key, limit, windowSeconds, now });
    if (!verdict.allowed) {
      retryAfterSeconds = Math.max(retryAfterSeconds, verdict.retryAfterSeconds);
      if (verdict.count !== limit + 1) firstRefusal = false;
    }
  }
  const giveBack = async () => {
    for (const { key } of [...limits, { key: accountKey }]) await releaseRateLimit(db, { key, windowSeconds, now });
  };
  if (retryAfterSeconds) {
    // A refused try checks no password, so it is not counted against the account (its owner is not slowed).
    // Logged once per window, not for every refused try, so the log cannot be flooded.
    if (firstRefusal) await audit(db, 'sign_in_throttled', { subject: loggedEmail(email), now });
    return { ok: false, reason: 'throttled', retryAfterSeconds };
  }
  const failures = (await checkRateLimit(db, { key: accountKey, limit: Infinity, windowSeconds, now })).count ?? 0;
  const delay = accountDelayMs(failures);
  if (delay) await (attempt.wait ?? sleep)(delay);
  const user = await findUserByEmail(db, email);
  // verifyPassword does the same work with no stored hash, so timing does not say who has an account.
  const matches = await verifyPassword(attempt.password, user?.password_hash ?? null);
  if (!user || !matches || user.disabled_at) {
    await audit(db, 'sign_in_failed', {
      actorId: user?.id ?? null,
      subject: user ? email : loggedEmail(email),
      detail: user?.disabled_at ? 'account disabled' : null,
      now,
    });
    return { ok: false, reason: 'wrong' };
  }
  await giveBack();
  const sessionValue = await createSession(db, user.id, now, attempt.replacingSession);
  await audit(db, 'sign_in', { actorId: user.id, subject: email, now });
  return { ok: true, sessionValue, userId: user.id };
}

/**
 * What the log keeps of an email typed for an account that does not exist: the address if it looks
 * like one, otherwise not the text (people sometimes type their password in the email box).
 */
function loggedEmail(typed: string): string {
  return /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,63}$/.test(typed) ? typed : '(not an email address)';
}
