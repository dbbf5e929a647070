// How to start, for result cards: from the referral routes, the instructions and the description,
// with the sample directory's own wordings.
import { describe, expect, it } from 'vitest';
import { howToStart, howToStartText } from '../../src/lib/directory/how-to-start';

const start = (routes: string[], instructions: string | null, description: string | null = null) => {
  const result = howToStart({ referral_routes: routes, referral_instructions: instructions, description });
  return result ? howToStartText(result) : null;
};

describe('how to start', () => {
  it('says a voucher is needed, and where to get one, from the description', () => {
    expect(
      start(
        ['professional'],
        'Referrals are taken from support workers, link workers, social workers and advice agencies.',
        'You need a food voucher, which you can get from an advice centre, your GP surgery, a link worker, a school or a housing officer.',
      ),
    ).toBe('Voucher needed from an advice centre, your GP surgery, a link worker, a school or a housing officer');
  });

  it('does not ask for a voucher where the listing says none is needed', () => {
    expect(start(['self', 'professional'], 'Phone us yourself.', 'If you do not have a voucher, come anyway and we will help you get one on the day.')).toBe(
      'Contact them yourself',
    );
    expect(start(['self'], 'Ring us; there is no need to be referred.', 'You do not need a voucher to call the line.')).toBe('Contact them yourself');
    expect(start(['professional'], null, 'Grants are paid as vouchers, energy top-ups or items delivered to your home.')).toBe(
      'Referral needed from a support worker or link worker',
    );
  });

  it('says just turn up for a drop-in, even where a worker can refer too', () => {
    expect(start(['self', 'drop_in'], 'Just turn up. No need to book.')).toBe('Just turn up');
    expect(start(['professional', 'drop_in'], 'Outreach workers can refer you. You can also turn up and ask about a bed from 8pm.')).toBe('Just turn up');
  });

  it('says book first when the instructions ask for booking', () => {
    expect(start(['self'], 'Phone or email us to book a place.')).toBe('Book first');
    expect(start(['self', 'professional'], 'Book a place using the form on our website.')).toBe('Book first');
  });

  it('says who refers, from the instructions or else the routes', () => {
    expect(start(['professional', 'gp'], 'You need a referral from your GP, practice nurse or link worker. Ask them to send us a referral form.')).toBe(
      'Referral needed from your GP, practice nurse or link worker',
    );
    expect(start(['professional'], 'You need to be referred by a professional, such as a link worker or support worker.')).toBe(
      'Referral needed from a professional, such as a link worker or support worker',
    );
    expect(start(['professional'], 'A support worker, link worker or advice agency needs to call us on your behalf.')).toBe(
      'Referral needed from a support worker or link worker',
    );
    expect(start(['gp'], null)).toBe('Referral needed from your GP');
  });

  it('says nothing when the listing says nothing', () => {
    expect(start([], null)).toBeNull();
  });
});
