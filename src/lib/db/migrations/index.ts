// Every migration, in order. Imported statically so the built server carries them with it.
import type { Migration } from 'kysely';
import * as directory from './0001-directory';
import * as searchIndex from './0002-search-index';
import * as serviceNotFor from './0003-service-not-for';
import * as placesAndTransport from './0004-places-and-transport';
import * as freshness from './0005-freshness';
import * as confirmations from './0006-confirmations';
import * as reminders from './0007-reminders';
import * as reminderAttempts from './0008-reminder-attempts';
import * as accounts from './0009-accounts';
import * as shortlistsAndCounts from './0010-shortlists-and-counts';
import * as postcodeCouncilsAndCentres from './0011-postcode-councils-and-centres';
import * as openReferralKept from './0012-open-referral-kept';
import * as taxonomyCrosswalk from './0013-taxonomy-crosswalk';
import * as locationPositionIndex from './0014-location-position-index';
import * as postgresSearch from './0015-postgres-search';
import * as rateLimitWindowBigint from './0016-rate-limit-window-bigint';
import * as searchOutbox from './0017-search-outbox';

export const migrations: Record<string, Migration> = {
  '0001-directory': directory,
  '0002-search-index': searchIndex,
  '0003-service-not-for': serviceNotFor,
  '0004-places-and-transport': placesAndTransport,
  '0005-freshness': freshness,
  '0006-confirmations': confirmations,
  '0007-reminders': reminders,
  '0008-reminder-attempts': reminderAttempts,
  '0009-accounts': accounts,
  '0010-shortlists-and-counts': shortlistsAndCounts,
  '0011-postcode-councils-and-centres': postcodeCouncilsAndCentres,
  '0012-open-referral-kept': openReferralKept,
  '0013-taxonomy-crosswalk': taxonomyCrosswalk,
  '0014-location-position-index': locationPositionIndex,
  '0015-postgres-search': postgresSearch,
  '0016-rate-limit-window-bigint': rateLimitWindowBigint,
  '0017-search-outbox': searchOutbox,
};
