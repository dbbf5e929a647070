// /panel/reports/closed.csv: the "closed" report as CSV (?table=<id> for one of its other tables), with
// small-number suppression. Panel and admins only.
import { reportCsvRoute } from '../../../lib/reports/csv-route';

export const GET = reportCsvRoute('closed');
