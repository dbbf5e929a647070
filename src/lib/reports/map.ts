// The choropleth map's data: one shape per area of the chosen level, its value for the chosen
// measure, and the colour band it falls in; the same numbers as the table beside the map.
import { getAreas, type Area } from '../geo/areas';
import type { ReportTable } from './reports';

export interface MapBand {
  from: number;
  to: number;
  colour: string;
  label: string;
}
export interface ReportsMapArea {
  id: string;
  name: string;
  value: number | null;
  text: string;
  band: number;
  outline: NonNullable<Area['outline']>;
}
export interface ReportsMapData {
  measure: string;
  areas: ReportsMapArea[];
  bands: MapBand[];
  tiles: { url: string; attribution: { text: string; url: string | null } | null } | null;
}

/** White for nothing, then four blues from light to dark (dark text stays readable on the light ones). */
export const BAND_COLOURS = ['#f3f6f9', '#c6dbef', '#6baed6', '#2171b5', '#08306b'];
export const NO_VALUE_COLOUR = '#bdbdbd';

const fmt = (value: number, decimals: number) => value.toLocaleString('en-GB', { maximumFractionDigits: decimals, minimumFractionDigits: 0 });

/** Bands for these values: "0", then up to four equal ranges up to the largest value. */
export function bandsFor(values: number[], decimals = 0): MapBand[] {
  const max = Math.max(0, ...values);
  const bands: MapBand[] = [{ from: 0, to: 0, colour: BAND_COLOURS[0]!, label: '0' }];
  if (max === 0) return bands;
  const step = 10 ** -decimals;
  const count = decimals === 0 ? Math.min(4, max) : 4;
  let from = step;
  for (let i = 1; i <= count; i++) {
    const to = i === count ? max : Math.round((max * i) / count / step) * step;
    if (to < from) continue;
    bands.push({ from, to, colour: BAND_COLOURS[bands.length]!, label: from === to ? fmt(from, decimals) : `${fmt(from, decimals)} to ${fmt(to, decimals)}` });
    from = Math.round((to + step) / step) * step;
  }
  return bands;
}

export function bandOf(value: number | null, bands: MapBand[]): number {
  if (value === null) return -1;
  const index = bands.findIndex((band) => value >= band.from && value <= band.to);
  return index >= 0 ? index : bands.length - 1;
}

/** The map's data for one column of the area overview table. */
export function reportsMapData(table: ReportTable, column: number, tiles: ReportsMapData['tiles'], areas: readonly Area[] = getAreas()): ReportsMapData {
  const isRate = table.columns[column]?.kind === 'rate';
  const values = table.rows.map((row) => row.cells[column]).filter((value): value is number => typeof value === 'number');
  const bands = bandsFor(values, isRate ? 1 : 0);
  const shapes: ReportsMapArea[] = [];
  for (const row of table.rows) {
    const area = areas.find((each) => each.id === row.key);
    if (!area?.outline) continue;
    const value = row.cells[column];
    const number = typeof value === 'number' ? value : null;
    shapes.push({
      id: area.id,
      name: area.name,
      value: number,
      text: number === null ? 'no figure' : number.toLocaleString('en-GB'),
      band: bandOf(number, bands),
      outline: area.outline,
    });
  }
  return { measure: table.columns[column]?.label ?? '', areas: shapes, bands, tiles };
}
