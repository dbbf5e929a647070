// Signing in: email and password, rate limited per address and per account (so neither many
// guesses at one account nor one guess at many accounts gets far), each outcome logged. The limits
// count failed attempts: once either is used up, even the right password is refused until the
// window ends, so guessing gains nothing, while a person signing in often is never held up. Each
// attempt is counted BEFORE its password is checked (and given back if it was right), so many
// tries sent at once cannot all be checked before the first failure is counted.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/types';
import { checkRateLimit, rateLimitKey, releaseRateLimit } from '../http/rate-limit';
import { audit } from './audit';
import { verifyPassword } from './passwords';
import { createSession } from './sessions';
import { findUserByEmail, normaliseEmail } from './users';

/** Failed attempts allowed per address, and per account, in each window. */
export const SIGN_IN_LIMITS = { perAddress: 20, perAccount: 8, windowSeconds: 15 * 60 } as const;

export type SignInResult =
  | { ok: true; sessionValue: string; userId: string }
  | { ok: false; reason: 'wrong' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export async function signIn(
  db: Kysely<DatabaseSchema>,
  attempt: { email: string; password: string; address: string; replacingSession?: string | undefined; now?: Date },
): Promise<SignInResult> {
  const now = attempt.now ?? new Date();
  const email = normaliseEmail(attempt.email).slice(0, 320);
  const limits = [
    { key: rateLimitKey('sign-in-address', attempt.address), limit: SIGN_IN_LIMITS.perAddress },
    { key: rateLimitKey('sign-in-account', email), limit: SIGN_IN_LIMITS.perAccount },
  ];
  let retryAfterSeconds = 0;
  let firstRefusal = false;
  const windowSeconds = SIGN_IN_LIMITS.windowSeconds;
  for (const { key, limit } of limits) {
    const verdict = await checkRateLimit(db, { key, limit, windowSeconds, now });
    if (!verdict.allowed) {
      retryAfterSeconds = Math.max(retryAfterSeconds, verdict.retryAfterSeconds);
      if (verdict.count === limit + 1) firstRefusal = true;
    }
  }
  const giveBack = async () => {
    for (const { key } of limits) await releaseRateLimit(db, { key, windowSeconds, now });
  };
  if (retryAfterSeconds) {
    // Logged once per window, not for every refused try, so the log cannot be flooded.
    if (firstRefusal) await audit(db, 'sign_in_throttled', { subject: loggedEmail(email), now });
    return { ok: false, reason: 'throttled', retryAfterSeconds };
  }
  const user = await findUserByEmail(db, email);
  // verifyPassword does the same work with no stored hash, so timing does not say who has an account.
  const matches = await verifyPassword(attempt.password, user?.password_hash ?? null);
  if (!user || !matches || user.disabled_at) {
    await audit(db, 'sign_in_failed', { actorId: user?.id ?? null, subject: user ? email : loggedEmail(email), detail: user?.disabled_at ? 'account disabled' : null, now });
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
