// The "Report a problem" form's rules at their edges: kinds, details, message length and when a
// message is needed, the optional email, and one message per field written for the person.
import { describe, expect, it } from 'vitest';
import {
  EMAIL_MAX_LENGTH,
  EMPTY_FORM_VALUES,
  MESSAGE_MAX_LENGTH,
  PROBLEM_KINDS,
  WRONG_DETAILS,
  formValuesFrom,
  parseProblemReport,
  problemReportFormSchema,
  type ProblemReportFormValues,
} from '../../src/lib/freshness/problem-reports';

const form = (values: Partial<ProblemReportFormValues>): ProblemReportFormValues => ({ ...EMPTY_FORM_VALUES, ...values });

function errorsOf(values: Partial<ProblemReportFormValues>) {
  const parsed = parseProblemReport(form(values));
  if (parsed.ok) throw new Error(`expected errors for ${JSON.stringify(values)}`);
  return parsed.errors;
}

function reportOf(values: Partial<ProblemReportFormValues>) {
  const parsed = parseProblemReport(form(values));
  if (!parsed.ok) throw new Error(`expected no errors for ${JSON.stringify(values)}: ${JSON.stringify(parsed.errors)}`);
  return parsed.report;
}

describe('kind', () => {
  it.each(PROBLEM_KINDS.filter((kind) => kind !== 'other' && kind !== 'moved'))('accepts %s without a message', (kind) => {
    expect(reportOf({ kind })).toMatchObject({ kind, details: [], message: undefined, contact_email: undefined });
  });

  it.each(['', 'Closed', 'closed ', 'nonsense', 'details-wrong'])('refuses %j with a message beside the field', (kind) => {
    expect(errorsOf({ kind }).kind).toBe('Choose what is wrong with this information.');
  });
});

describe('details', () => {
  it('keeps the ticked details, once each, for "some of the details are wrong"', () => {
    expect(reportOf({ kind: 'details_wrong', details: ['times', 'cost', 'times'] }).details).toEqual(['times', 'cost']);
    expect(reportOf({ kind: 'details_wrong', details: [...WRONG_DETAILS] }).details).toEqual([...WRONG_DETAILS]);
  });

  it('needs no detail ticked', () => {
    expect(reportOf({ kind: 'details_wrong' }).details).toEqual([]);
  });

  it('drops details for other kinds of problem, since they mean nothing there', () => {
    expect(reportOf({ kind: 'closed', details: ['times'] }).details).toEqual([]);
  });

  it('refuses a detail that is not on the form', () => {
    expect(errorsOf({ kind: 'details_wrong', details: ['times', 'phone'] }).details).toBe('Choose from the details listed.');
  });
});

describe('message', () => {
  it('is optional for most kinds, and blank counts as none', () => {
    expect(reportOf({ kind: 'closed', message: '   \r\n ' }).message).toBeUndefined();
  });

  it('is needed for "something else"', () => {
    expect(errorsOf({ kind: 'other' }).message).toBe('Tell us what is wrong.');
    expect(errorsOf({ kind: 'other', message: '  ' }).message).toBe('Tell us what is wrong.');
  });

  it('is needed for "it has moved" (where to)', () => {
    expect(errorsOf({ kind: 'moved' }).message).toMatch(/^Tell us where it has moved to\./);
    expect(reportOf({ kind: 'moved', message: 'To the library on Front Street' }).message).toBe('To the library on Front Street');
  });

  it(`takes exactly ${MESSAGE_MAX_LENGTH} characters, and not one more`, () => {
    expect(reportOf({ kind: 'other', message: 'a'.repeat(MESSAGE_MAX_LENGTH) }).message).toHaveLength(MESSAGE_MAX_LENGTH);
    expect(errorsOf({ kind: 'other', message: 'a'.repeat(MESSAGE_MAX_LENGTH + 1) }).message).toBe(
      'Your message has 1,001 characters. Please shorten it to 1,000 characters or fewer.',
    );
  });

  it('counts a line break as one character, as the person typed it (browsers send CR LF)', () => {
    const typed = `${'a'.repeat(499)}\r\n${'b'.repeat(500)}`; // 1,000 characters on screen, 1,001 sent
    expect(reportOf({ kind: 'other', message: typed }).message).toBe(`${'a'.repeat(499)}\n${'b'.repeat(500)}`);
  });

  it('is kept as typed: spaces, punctuation and all', () => {
    const typed = '  Now meets at St Mary’s <hall>, 2pm & later.  ';
    expect(reportOf({ kind: 'other', message: typed }).message).toBe(typed);
  });
});

describe('contact email', () => {
  it('is optional', () => {
    expect(reportOf({ kind: 'full', contact_email: '  ' }).contact_email).toBeUndefined();
  });

  it('is kept without the spaces around it', () => {
    expect(reportOf({ kind: 'full', contact_email: ' sam@example.org ' }).contact_email).toBe('sam@example.org');
  });

  it.each(['sam', 'sam@', '@example.org', 'sam example@example.org', 'sam@example'])('refuses %j', (email) => {
    expect(errorsOf({ kind: 'full', contact_email: email }).contact_email).toBe('Enter an email address like name@example.com, or leave this empty.');
  });

  it(`takes ${EMAIL_MAX_LENGTH} characters and not one more`, () => {
    const at = (length: number) => `${'a'.repeat(length - '@example.org'.length)}@example.org`;
    // A local part of over 64 characters is not a valid address, so the long ones use dotted parts.
    const dotted = (length: number) => {
      const domain = `${'d'.repeat(60)}.${'e'.repeat(60)}.org`;
      return `${'a'.repeat(length - domain.length - 1)}@${domain}`;
    };
    expect(reportOf({ kind: 'full', contact_email: at(40) }).contact_email).toHaveLength(40);
    expect(reportOf({ kind: 'full', contact_email: dotted(EMAIL_MAX_LENGTH) }).contact_email).toHaveLength(EMAIL_MAX_LENGTH);
    expect(errorsOf({ kind: 'full', contact_email: dotted(EMAIL_MAX_LENGTH + 1) }).contact_email).toBe('Your email address must be 200 characters or fewer.');
  });
});

describe('the whole form', () => {
  it('says every problem at once, one message per field', () => {
    const errors = errorsOf({ kind: 'other', details: ['nope'], contact_email: 'nope' });
    expect(Object.keys(errors).sort()).toEqual(['contact_email', 'details', 'message']);
    const all = errorsOf({ kind: 'nope', details: ['nope'], message: 'x'.repeat(2000), contact_email: 'nope' });
    expect(Object.keys(all).sort()).toEqual(['contact_email', 'details', 'kind', 'message']);
  });

  it('still asks for a message for "something else" when another field is wrong too', () => {
    expect(errorsOf({ kind: 'other', contact_email: 'nope' })).toEqual({
      message: 'Tell us what is wrong.',
      contact_email: 'Enter an email address like name@example.com, or leave this empty.',
    });
  });

  it('gives back what was typed, to show again', () => {
    const values = form({ kind: 'other', message: 'x'.repeat(1001), contact_email: 'nope' });
    expect(parseProblemReport(values).values).toEqual(values);
  });

  it('reads a posted body: one kind, every detail, and files count as nothing', () => {
    const body = new FormData();
    body.append('kind', 'details_wrong');
    body.append('kind', 'closed');
    body.append('details', 'times');
    body.append('details', 'cost');
    body.append('message', new Blob(['a file']), 'file.txt');
    expect(formValuesFrom(body)).toEqual({ kind: 'details_wrong', details: ['times', 'cost'], message: '', contact_email: '' });
    expect(formValuesFrom(new URLSearchParams(''))).toEqual(EMPTY_FORM_VALUES);
  });

  it('the schema itself refuses the same things', () => {
    expect(problemReportFormSchema.safeParse({ kind: 'other' }).success).toBe(false);
    expect(problemReportFormSchema.safeParse({ kind: 'moved', message: 'Next door' }).success).toBe(true);
  });
});
