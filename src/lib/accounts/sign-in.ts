// Signing in: email and password, rate limited per address and per account (so neither many
// guesses at one account nor one guess at many accounts gets far), each outcome logged. The limits
// count failed attempts: once either is used up, even the right password is refused until the
// window ends, so guessing gains nothing, while a person signing in often is never held up.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/types';
import { checkRateLimit, peekRateLimit, rateLimitKey } from '../http/rate-limit';
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
  for (const { key, limit } of limits) {
    const verdict = await peekRateLimit(db, { key, limit, windowSeconds: SIGN_IN_LIMITS.windowSeconds, now });
    if (!verdict.allowed) retryAfterSeconds = Math.max(retryAfterSeconds, verdict.retryAfterSeconds);
  }
  if (retryAfterSeconds) {
    await audit(db, 'sign_in_throttled', { subject: email, now });
    return { ok: false, reason: 'throttled', retryAfterSeconds };
  }
  const user = await findUserByEmail(db, email);
  // verifyPassword does the same work with no stored hash, so timing does not say who has an account.
  const matches = await verifyPassword(attempt.password, user?.password_hash ?? null);
  if (!user || !matches || user.disabled_at) {
    for (const { key, limit } of limits) await checkRateLimit(db, { key, limit, windowSeconds: SIGN_IN_LIMITS.windowSeconds, now });
    await audit(db, 'sign_in_failed', { actorId: user?.id ?? null, subject: email, detail: user?.disabled_at ? 'account disabled' : null, now });
    return { ok: false, reason: 'wrong' };
  }
  const sessionValue = await createSession(db, user.id, now, attempt.replacingSession);
  await audit(db, 'sign_in', { actorId: user.id, subject: email, now });
  return { ok: true, sessionValue, userId: user.id };
}
