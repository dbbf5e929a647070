// The reports' choropleth map (src/components/reports/AreaMap.astro writes its data as JSON):
// each area's outline coloured by its band, keyboard reachable (Tab to each area, its name and
// number shown and read out), tiles under it when MAP_TILE_URL allows, outlines only otherwise.
// The table beside the map holds the same numbers, whatever happens here.
import L from 'leaflet';
import type { ReportsMapData } from '../lib/reports/map';

const NO_VALUE_COLOUR = '#bdbdbd';
const NO_TILES_MESSAGE = 'This map shows only area outlines, without streets.';
const TILE_FAILURE_MESSAGE = 'Map pictures could not be loaded, so the map shows only area outlines.';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function showMessage(section: HTMLElement, text: string): void {
  if (section.querySelector('[data-outlines-only]')?.textContent === text) return;
  const status = section.querySelector('.reports-map__status');
  if (!status || status.textContent === text) return;
  const p = document.createElement('p');
  p.className = 'notice';
  p.textContent = text;
  status.replaceChildren(p);
}

function buildMap(section: HTMLElement, data: ReportsMapData): void {
  const canvas = section.querySelector<HTMLElement>('.reports-map__canvas');
  if (!canvas) return;
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  canvas.hidden = false;
  section.querySelector('.reports-map__fallback')?.setAttribute('hidden', '');
  section.querySelector('.reports-map__skip')?.removeAttribute('hidden');

  const map = L.map(canvas, {
    maxZoom: 16,
    minZoom: 7,
    zoomSnap: 0.5,
    keyboard: true,
    scrollWheelZoom: false,
    zoomAnimation: !reduceMotion,
    fadeAnimation: !reduceMotion,
    inertia: !reduceMotion,
  });
  canvas.setAttribute('role', 'group');
  canvas.setAttribute('aria-label', `Map of ${data.measure}. Arrow keys move it, plus and minus zoom, Tab goes to each area.`);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');

  if (data.tiles) {
    const { attribution } = data.tiles;
    const credit = attribution
      ? attribution.url
        ? `<a href="${escapeHtml(attribution.url)}">${escapeHtml(attribution.text)}</a>`
        : escapeHtml(attribution.text)
      : '';
    const tiles = L.tileLayer(data.tiles.url, { attribution: credit, maxZoom: 19, referrerPolicy: 'strict-origin' });
    let errors = 0;
    let loaded = 0;
    tiles.on('tileload', () => {
      loaded += 1;
    });
    tiles.on('tileerror', () => {
      errors += 1;
      if (errors < 3 || loaded >= errors) return;
      tiles.off();
      map.removeLayer(tiles);
      showMessage(section, TILE_FAILURE_MESSAGE);
    });
    tiles.addTo(map);
  } else {
    showMessage(section, NO_TILES_MESSAGE);
  }

  // Shapes are drawn once the map has a view, so the view is set from their bounds first.
  const group = L.featureGroup();
  const shapes: { area: ReportsMapData['areas'][number]; layer: L.GeoJSON; label: string }[] = [];
  for (const area of data.areas) {
    const colour = area.band < 0 ? NO_VALUE_COLOUR : (data.bands[area.band]?.colour ?? NO_VALUE_COLOUR);
    const layer = L.geoJSON({ type: 'Feature', properties: {}, geometry: area.outline } as GeoJSON.Feature, {
      style: { color: '#0b3d63', weight: 1.5, opacity: 1, fillColor: colour, fillOpacity: data.tiles ? 0.75 : 1 },
    });
    const label = `${area.name}: ${area.text}`;
    layer.bindTooltip(label, { sticky: true, className: 'reports-map__tooltip' });
    layer.addTo(group);
    shapes.push({ area, layer, label });
  }
  if (data.areas.length) map.fitBounds(group.getBounds(), { padding: [16, 16], animate: false });
  else map.setView([54.96, -1.6], 11, { animate: false });
  group.addTo(map);
  // Each shape: reachable with Tab, named with its number, its tooltip shown while focused.
  for (const { area, layer, label } of shapes) {
    layer.eachLayer((shape) => {
      const element = (shape as L.Path).getElement();
      if (!element) return;
      element.setAttribute('tabindex', '0');
      element.setAttribute('role', 'img');
      element.setAttribute('aria-label', label);
      element.setAttribute('data-area', area.id);
      element.setAttribute('data-value', area.value === null ? '' : String(area.value));
      element.addEventListener('focus', () => layer.openTooltip((shape as L.Polygon).getBounds().getCenter()));
      element.addEventListener('blur', () => layer.closeTooltip());
    });
  }
  section.dataset.mapReady = 'true';
}

function start(): void {
  const section = document.querySelector<HTMLElement>('[data-reports-map]');
  const source = document.getElementById('reports-map-data');
  if (!section || !source?.textContent) return;
  try {
    buildMap(section, JSON.parse(source.textContent) as ReportsMapData);
  } catch (error) {
    section.querySelector('.reports-map__canvas')?.setAttribute('hidden', '');
    section.querySelector('.reports-map__fallback')?.removeAttribute('hidden');
    console.error('The reports map could not be shown:', error);
  }
}

start();
