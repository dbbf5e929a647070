// Days you can go and time of day, one filter ("when"): a Tuesday-evening search needs a
// Tuesday evening session, not a Tuesday morning and a Friday evening.
// Its meaning (kind "schedule"): with times chosen, a session on one of the days chosen (any day
// when none is) in one of the parts of the day chosen; with days only, runs on one of them.
// Facets: for each day, how many would have a session that day (at a time chosen, if any);
// for each time, how many would have a session then (on a day chosen, if any).
import { DAYS, TIMES_OF_DAY, type Day, type Session, type TimeOfDay } from '../../directory/schedule-text';
import { parameter, zeros, type FilterDefinition } from './definition';
import { enumParam } from './parameter-schemas';

export { DAYS, TIMES_OF_DAY, type Day, type Session, type TimeOfDay };

export interface WhenFields {
  /** The days it runs (schedules in force on the day the document was built). */
  days: Day[];
  /** The parts of those days it runs in: "tue morning". */
  sessions: Session[];
}

export interface WhenFacets {
  day: Record<Day, number>;
  time: Record<TimeOfDay, number>;
}

export const whenParameters = {
  day: parameter({ schema: enumParam(DAYS, 'a day'), empty: [], label: 'Days you can go', role: 'filter' }),
  time: parameter({ schema: enumParam(TIMES_OF_DAY, 'a time of day'), empty: [], label: 'Time of day', role: 'filter' }),
};

/** Does a document with these days and sessions meet days D and times T (either empty: any)? */
export function runsWhen(fields: WhenFields, days: readonly Day[], times: readonly TimeOfDay[]): boolean {
  if (!times.length) return days.length === 0 || fields.days.some((day) => days.includes(day));
  return fields.sessions.some((session) => {
    const [day, time] = session.split(' ') as [Day, TimeOfDay];
    return (days.length === 0 || days.includes(day)) && times.includes(time);
  });
}

export const whenFilter: FilterDefinition = {
  name: 'when',
  parameters: ['day', 'time'],
  meaning: { kind: 'schedule', emptyFacets: () => ({ day: zeros(DAYS), time: zeros(TIMES_OF_DAY) }) },
};
