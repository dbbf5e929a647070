// Password rules and scrypt storage: length, common passwords (also with digits and symbols on
// the ends), patterns, the person's own name or email; hashing that verifies and salts.
import { describe, expect, it } from 'vitest';
import { hashPassword, MIN_PASSWORD_LENGTH, passwordProblem, verifyPassword } from '../../src/lib/accounts/passwords';

describe('password rules', () => {
  it('needs at least 12 characters, counting exactly', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(passwordProblem('tulip meadow')).toBeNull(); // 12
    expect(passwordProblem('tulip meado')).toMatch(/at least 12 characters\. It has 11/);
    expect(passwordProblem('')).toMatch(/It has 0/);
  });

  it('refuses common passwords, also with numbers and symbols added', () => {
    for (const common of ['password1234', 'Password1234!', 'qwertyuiop123', 'iloveyou2026', '!!Liverpool2026', 'letmein123456', 'Summer2026!!!!']) {
      expect(passwordProblem(common), common).toMatch(/most common/);
    }
  });

  it('refuses patterns: one character again and again, runs along the keyboard, all digits', () => {
    expect(passwordProblem('aaaaaaaaaaaa')).toMatch(/pattern|common/);
    expect(passwordProblem('abcabcabcabc')).toMatch(/pattern|common/);
    expect(passwordProblem('asdfghjkl;12')).toMatch(/pattern|common/);
    expect(passwordProblem('738204619375')).toMatch(/pattern/);
  });

  it("refuses the person's own email or name", () => {
    expect(passwordProblem('margaret.oliphant', { email: 'margaret.oliphant@example.org' })).toMatch(/name or email/);
    expect(passwordProblem('MargaretOliphant1', { name: 'Margaret Oliphant' })).toMatch(/name or email/);
    expect(passwordProblem('margaret.oliphant@example.org', { email: 'margaret.oliphant@example.org' })).toMatch(/name or email/);
    expect(passwordProblem('margaret walks by the river', { name: 'Margaret Oliphant' })).toBeNull();
  });

  it('accepts a passphrase', () => {
    expect(passwordProblem('correct horse battery staple')).toBeNull();
    expect(passwordProblem('Gateshead allotment 1987 tomatoes')).toBeNull();
  });
});

describe('password storage', () => {
  it('stores scrypt with a random salt, and verifies only the right password', async () => {
    const first = await hashPassword('correct horse battery staple');
    const second = await hashPassword('correct horse battery staple');
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('horse');
    expect(await verifyPassword('correct horse battery staple', first)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', first)).toBe(false);
    expect(await verifyPassword('', first)).toBe(false);
    expect(await verifyPassword('anything', null)).toBe(false);
    expect(await verifyPassword('anything', 'plain-text')).toBe(false);
  });
});
