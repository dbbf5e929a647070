// Command-line jobs that run beside the site (imports) lower their own CPU priority, so that on a
// small machine the site's requests are served first; the job still gets all the idle time.
import { getPriority, setPriority } from 'node:os';

/** The niceness a background job runs at (0 is normal, 19 the lowest priority). */
export const BACKGROUND_NICENESS = 10;

/** Lowers this process's CPU priority to BACKGROUND_NICENESS (never raises it); says nothing if it cannot. */
export function lowerPriority(niceness = BACKGROUND_NICENESS): number {
  try {
    if (getPriority() < niceness) setPriority(niceness);
    return getPriority();
  } catch {
    return Number.NaN; // not allowed here: run at the priority given
  }
}
