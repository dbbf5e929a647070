// The shortlist's text-message version: built to a length budget of three message parts, it drops
// detail (times, then phones, then long names are cut) before it leaves out a service, keeps only
// characters a phone sends as ordinary text, and always ends with the short link. Also the list id.
import { describe, expect, it } from 'vitest';
import { gsmLength, shortlistText, smsBudget, smsSegments, toGsm, type TextMessageService } from '../../src/lib/shortlists/text-message';
import { newShortlistId, parseShortlistId, SHORTLIST_ID_ALPHABET } from '../../src/lib/shortlists/shortlist-id';

const LINK = 'https://findlocalhelp.example.org/l/ab3dkm9x2pqr';
const LONG_NAME = 'The Very Long Named Community Wellbeing and Friendship Lunch Club for Older Residents of Benwell and Scotswood';

function services(count: number, name = LONG_NAME): TextMessageService[] {
  return Array.from({ length: count }, (_, index) => ({
    name: `${name} ${index + 1}`,
    when: 'Second Thursday of the month, 2pm to 4pm; every Tuesday, 10am to 12 noon (until 31 December 2026)',
    phone: `0191 498 000${index}`,
  }));
}

describe('shortlistText', () => {
  it('gives one short service in full: name, when, phone, then the link', () => {
    const text = shortlistText([{ name: 'Benwell Lunch Club', when: 'Tuesdays, 12 noon to 2pm', phone: '0191 498 0000' }], LINK);
    expect(text).toBe(`Your list, 1 service:\n1. Benwell Lunch Club, Tuesdays, 12 noon to 2pm, 0191 498 0000\nAll details: ${LINK}`);
    expect(smsSegments(text)).toBe(1);
  });

  it.each([1, 3, 5])('fits %i services with long names in at most 3 message parts, every service named, link last', (count) => {
    const list = services(count);
    const text = shortlistText(list, LINK);
    expect(gsmLength(text)).toBeLessThanOrEqual(3 * 153);
    expect(smsSegments(text)).toBeLessThanOrEqual(3);
    expect(text.endsWith(`All details: ${LINK}`)).toBe(true);
    const lines = text.split('\n');
    expect(lines[0]).toBe(count === 1 ? 'Your list, 1 service:' : `Your list, ${count} services:`);
    for (let i = 1; i <= count; i++) expect(lines[i]).toMatch(new RegExp(`^${i}\\. The Very Long`));
    expect(text).not.toContain('more');
  });

  it('drops detail before services: times go first, phones stay while there is room', () => {
    const three = shortlistText(services(3), LINK);
    expect(three).toContain('0191 498 0000');
    expect(three).toContain('0191 498 0002');
    // The full schedule never fits three long-named services.
    expect(three).not.toContain('until 31 December 2026');
    const one = shortlistText(services(1), LINK);
    expect(one).toContain('Second Thursday of the month');
    expect(one).toContain('0191 498 0000');
  });

  it('cuts long names at a word with "..."', () => {
    const text = shortlistText(services(5), LINK);
    const line = text.split('\n')[1]!;
    expect(line).toMatch(/^1\. The Very Long[\w ]*\.\.\./);
    expect(line.length).toBeLessThan(LONG_NAME.length);
  });

  it('leaves services out only when even the barest list cannot fit, and says how many', () => {
    const text = shortlistText(services(20), LINK);
    expect(smsSegments(text)).toBeLessThanOrEqual(3);
    expect(text).toMatch(/\nand \d+ more\nAll details: /);
    expect(text.endsWith(LINK)).toBe(true);
  });

  it('uses only characters a phone sends as ordinary text (no 70-character parts)', () => {
    const text = shortlistText([{ name: 'Café “Together” – Men’s Shed 🙂', when: 'Mondays, 10am–12 noon…', phone: '0191 000 0000' }], LINK);
    expect(text).toContain('Café "Together" - Men\'s Shed');
    expect(text).toContain('Mondays, 10am-12 noon...');
    expect(text).not.toContain('🙂');
    expect(toGsm('€')).toBe('€');
    expect(gsmLength('€[]')).toBe(6);
  });

  it('counts message parts as phones do: 160 alone, 153 each when split', () => {
    expect(smsSegments('x'.repeat(160))).toBe(1);
    expect(smsSegments('x'.repeat(161))).toBe(2);
    expect(smsSegments('x'.repeat(459))).toBe(3);
    expect(smsSegments('x'.repeat(460))).toBe(4);
    expect(smsBudget(3)).toBe(459);
  });
});

describe('shortlist ids', () => {
  it('are 12 characters from 32 symbols with no look-alikes: 60 random bits', () => {
    expect(SHORTLIST_ID_ALPHABET).toHaveLength(32);
    expect(new Set(SHORTLIST_ID_ALPHABET).size).toBe(32);
    for (const lookAlike of ['0', '1', 'i', 'l', 'I', 'O', 'L']) expect(SHORTLIST_ID_ALPHABET).not.toContain(lookAlike);
    expect(Math.log2(32) * 12).toBeGreaterThanOrEqual(60);
    const ids = new Set(Array.from({ length: 2000 }, () => newShortlistId()));
    expect(ids.size).toBe(2000);
    for (const id of ids) expect(id).toMatch(/^[2-9a-hjkm-z]{12}$/);
  });

  it('are read as typed from paper: capitals and a zero for "o" accepted, anything else refused', () => {
    expect(parseShortlistId('AB3DKM9X2PQR')).toBe('ab3dkm9x2pqr');
    expect(parseShortlistId(' ab3dkm9x2p0r ')).toBe('ab3dkm9x2por');
    expect(parseShortlistId('ab3dkm9x2pq')).toBeNull(); // 11
    expect(parseShortlistId('ab3dkm9x2pql')).toBeNull(); // l
    expect(parseShortlistId('ab3dkm9x2pq1')).toBeNull(); // 1
    expect(parseShortlistId('../etc/passw')).toBeNull();
    expect(parseShortlistId(undefined)).toBeNull();
  });
});
