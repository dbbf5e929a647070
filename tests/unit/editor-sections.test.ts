// The service editor's folded sections: where each field lives, which parts open, and what the
// summary at the top says is missing.
import { describe, expect, it } from 'vitest';
import { EDITOR_SECTIONS, missingParts, openSections, rowCounts, sectionOf } from '../../src/lib/editing/editor-sections';
import { blankRecord } from '../../src/lib/editing/form';
import { recordToValues, withBlankRows } from '../../src/lib/editing/form-values';
import { RECORD_FIELDS } from '../../src/lib/editing/publish';
import { service } from '../fixtures/services';
import { validateRecord } from '../../src/lib/openreferral/import';
import type { ServiceRecord } from '../../src/lib/openreferral-schema/schemas';

/** A fixture as the editor gets it: validated as every import is. */
function record(fixture: unknown): ServiceRecord {
  const valid = validateRecord(fixture, 0);
  if ('errors' in valid) throw new Error(JSON.stringify(valid.errors));
  return valid.record;
}

const ORGANISATION = { id: 'org-1', name: 'Org' } as ServiceRecord['organization'];

describe('editor sections', () => {
  it('places every form field and every record field in a section', () => {
    expect(sectionOf('schedules.0.closes_at')).toBe('section-times');
    expect(sectionOf('places.1.stops.0.name')).toBe('section-places');
    expect(sectionOf('email')).toBe('section-contact');
    expect(sectionOf('service_at_locations')).toBe('section-places');
    expect(sectionOf('attributes')).toBe('section-categories');
    const recordFields = new Set(EDITOR_SECTIONS.flatMap((section) => section.recordFields));
    const unplaced = RECORD_FIELDS.filter((field) => !recordFields.has(field));
    expect(unplaced).toEqual([]);
  });

  it('opens the parts with errors (only those), else the changed parts and the first, else the first', () => {
    expect([...openSections(['schedules.0.closes_at', 'email'])].sort()).toEqual(['section-contact', 'section-times']);
    expect([...openSections([], ['cost_options'])].sort()).toEqual(['section-about', 'section-costs']);
    expect([...openSections([])]).toEqual(['section-about']);
  });

  it('counts filled rows, not the blank ones added for typing in', () => {
    const values = withBlankRows(
      recordToValues(record(service({ code: 'sections-a', name: 'A', schedules: [{ byday: 'MO', opens_at: '10:00', closes_at: '12:00' }] }))),
    );
    expect(values.schedules.length).toBeGreaterThan(1);
    expect(rowCounts(values).schedules).toBe(1);
    expect(rowCounts(values).places).toBe(1);
    expect(rowCounts(values).phones).toBe(0);
  });

  it('says what a bare new listing is missing, and nothing once it is all there', () => {
    const bare = missingParts(withBlankRows(recordToValues(blankRecord('new-1', ORGANISATION))), null).map((part) => part.section);
    expect(bare).toEqual([
      'section-about',
      'section-contact',
      'section-places',
      'section-times',
      'section-costs',
      'section-access',
      'section-capacity',
      'section-categories',
      'section-checks',
    ]);
    const full = recordToValues(
      record(
        service({
          code: 'sections-full',
          name: 'Full',
          categories: ['befriending'],
          routes: ['drop_in'],
          capacity: 'accepting',
          schedules: [{ byday: 'MO', opens_at: '10:00', closes_at: '12:00' }],
          costs: [{ option: 'Entry', amount: 0 }],
          extra: { phones: [{ id: 'p1', number: '0191 000 0000' }] },
        }),
      ),
    );
    expect(missingParts(full, '2026-11-01')).toEqual([]);
    // Online or by phone needs no place.
    const online = { ...full, places: [], delivery_modes: ['online'] };
    expect(missingParts(online, '2026-11-01')).toEqual([]);
    expect(missingParts({ ...full, places: [] }, '2026-11-01').map((part) => part.text)).toEqual([
      'Where it happens (a place), or that it is online or by phone',
    ]);
  });
});
