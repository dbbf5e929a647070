// The fictional sample directory in content/sample: its dates are moved forward to today on
// load, so "funding ends within 60 days" and "checked last month" stay true whenever it is run.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { dayNumber } from '../dates';

/** Found from this file, so `npm start` works from any folder. */
export const SAMPLE_PATH = fileURLToPath(new URL('../../../content/sample/directory.json', import.meta.url));

const sampleFileSchema = z.object({
  anchor_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  contents: z.array(z.unknown()),
});

const DATE_FIELDS = new Set(['assured_date', 'capacity_updated', 'valid_from', 'valid_to', 'dtstart', 'until', 'start_date', 'end_date', 'last_modified']);

function shiftDate(value: string, days: number): string {
  const date = new Date(Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value) + days * 86_400_000);
  return value.length === 10 ? date.toISOString().slice(0, 10) : date.toISOString();
}

/** A deep copy of a record with every date field moved by the given number of days. */
export function shiftRecordDates(value: unknown, days: number): unknown {
  if (Array.isArray(value)) return value.map((item) => shiftRecordDates(item, days));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        DATE_FIELDS.has(key) && typeof item === 'string' && !Number.isNaN(Date.parse(item)) ? shiftDate(item, days) : shiftRecordDates(item, days),
      ]),
    );
  }
  return value;
}

/** The sample records with dates moved so that the sample's anchor date falls on `today`. */
export function loadSampleRecords(today: string, path = SAMPLE_PATH): unknown[] {
  const file = sampleFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const days = dayNumber(today) - dayNumber(file.anchor_date);
  return file.contents.map((record) => shiftRecordDates(record, days));
}
