// The map view of search results (view=map), built from the JSON that ResultsMap.astro writes into
// the page. Loaded only by that component, so only the map view runs any JavaScript; the list of
// the same services is always on the page below the map, whatever happens here.
import L from 'leaflet';
import 'leaflet.markercluster';
// The map's styles (Leaflet's among them) are linked by ResultsMap.astro, not imported here:
// Astro would add a script's CSS to every view of the search page.

/** One place of one service: a marker. */
export interface ResultsMapMarker {
  /** The service's number in the list below the map, shown on its pin. */
  number: number;
  name: string;
  url: string;
  organisation: string;
  cost: string;
  when: string;
  where: string;
  /** From the searched place, in words ("0.8 km, about a 10 minute walk"), or null. */
  distance: string | null;
  latitude: number;
  longitude: number;
}

/** Everything the map needs, written into the page as JSON (never run as script). */
export interface ResultsMapData {
  markers: ResultsMapMarker[];
  /** Services in the list with no place to show (by phone, online, or area-wide). */
  withoutPlace: { name: string; url: string }[];
  origin: { latitude: number; longitude: number; label: string } | null;
  tiles: { url: string; attribution: { text: string; url: string | null } | null } | null;
  /** District outlines: the background when there are no tiles, and a guide when there are. */
  areas: { name: string; outline: GeoJSON.Polygon | GeoJSON.MultiPolygon }[];
}

export const TILE_FAILURE_MESSAGE = 'Map pictures could not be loaded, so the map shows only area outlines.';
export const NO_TILES_MESSAGE = 'This map shows only area outlines, without streets.';
/** After this many tiles fail (with fewer loaded), stop asking for more. */
const TILE_ERRORS_BEFORE_GIVING_UP = 3;
const FIT_PADDING: L.PointExpression = [24, 24];
// Newcastle upon Tyne, for a map with nothing on it at all.
const FALLBACK_CENTRE: L.LatLngExpression = [54.97, -1.61];

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A service's popup: its name as a link, who runs it, cost, when, where and how far. */
function popupContent(marker: ResultsMapMarker): HTMLElement {
  const box = element('div', 'results-map__popup');
  const name = element('p', 'results-map__popup-name');
  const link = element('a', undefined, marker.name);
  link.href = marker.url;
  name.append(link);
  box.append(name);
  if (marker.organisation) box.append(element('p', 'results-map__popup-organisation', `Run by ${marker.organisation}`));
  const facts = element('dl', 'results-map__popup-facts');
  const rows: [string, string | null][] = [
    ['Cost', marker.cost],
    ['When', marker.when],
    ['Where', marker.where],
    ['Distance', marker.distance],
  ];
  for (const [term, value] of rows) {
    if (!value) continue;
    facts.append(element('dt', undefined, term), element('dd', undefined, value));
  }
  box.append(facts);
  return box;
}

function serviceIcon(number: number, name: string): L.DivIcon {
  return L.divIcon({
    className: 'results-map__marker',
    html: `<span class="results-map__number" aria-hidden="true">${number}</span><span class="visually-hidden">${number}. ${escapeHtml(name)}</span>`,
    iconSize: [28, 28],
    iconAnchor: [14, 14],
    popupAnchor: [0, -14],
  });
}

function originIcon(label: string): L.DivIcon {
  return L.divIcon({
    className: 'results-map__origin',
    html: `<span class="visually-hidden">You searched near ${escapeHtml(label)}</span>`,
    iconSize: [30, 30],
    iconAnchor: [15, 15],
    popupAnchor: [0, -15],
  });
}

/** A cluster's icon says how many services it holds, and what Enter does. */
function clusterIcon(cluster: L.MarkerCluster): L.DivIcon {
  const services = new Set(cluster.getAllChildMarkers().map((marker) => (marker.options as { serviceUrl?: string }).serviceUrl)).size;
  const size = services < 10 ? 'small' : services < 50 ? 'medium' : 'large';
  const pixels = size === 'small' ? 36 : size === 'medium' ? 42 : 48;
  return L.divIcon({
    className: `marker-cluster results-map__cluster results-map__cluster--${size}`,
    html: `<span><span class="visually-hidden">Group of </span>${services}<span class="visually-hidden"> ${services === 1 ? 'service' : 'services'}: press Enter to zoom in</span></span>`,
    iconSize: [pixels, pixels],
  });
}

/** Keeps Enter and Escape working, and focus where a keyboard user expects it. */
function makeKeyboardFriendly(marker: L.Marker, map: L.Map): void {
  marker.on('keypress', (event: L.LeafletKeyboardEvent) => {
    if (event.originalEvent.key !== 'Enter') return;
    // The popup is opened by Leaflet's own Enter handler; take focus into it, to its link.
    const link = marker.getPopup()?.getElement()?.querySelector('a:not(.leaflet-popup-close-button)');
    if (link instanceof HTMLElement) link.focus({ preventScroll: true });
  });
  marker.on('popupclose', () => {
    const popup = marker.getPopup()?.getElement();
    const active = document.activeElement;
    // Back to the marker, unless the person has already moved on elsewhere.
    if (active === document.body || active === null || (popup && popup.contains(active)) || active === map.getContainer()) {
      marker.getElement()?.focus({ preventScroll: true });
    }
  });
}

/** Clicks and wheel turns scroll the page until the map is chosen (focused or clicked). */
function wheelZoomOnlyWhenChosen(map: L.Map): void {
  const container = map.getContainer();
  map.scrollWheelZoom.disable();
  container.addEventListener('focusin', () => map.scrollWheelZoom.enable());
  container.addEventListener('mousedown', () => map.scrollWheelZoom.enable());
  container.addEventListener('focusout', (event) => {
    if (!container.contains(event.relatedTarget as Node | null)) map.scrollWheelZoom.disable();
  });
  container.addEventListener('mouseleave', () => {
    if (!container.contains(document.activeElement)) map.scrollWheelZoom.disable();
  });
}

function showMessage(section: HTMLElement, text: string): void {
  const status = section.querySelector('.results-map__status');
  if (!status || status.textContent === text) return;
  status.replaceChildren(element('p', 'notice results-map__message', text));
}

function buildMap(section: HTMLElement, data: ResultsMapData): void {
  const canvas = section.querySelector<HTMLElement>('.results-map__canvas');
  if (!canvas) return;
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  // On a touch screen one finger scrolls the page; two fingers move and zoom the map.
  const coarsePointer = window.matchMedia('(pointer: coarse)').matches;

  canvas.hidden = false;
  section.querySelector('.results-map__fallback')?.setAttribute('hidden', '');
  section.querySelector('.results-map__skip')?.removeAttribute('hidden');
  section.classList.add('results-map--ready');

  const map = L.map(canvas, {
    maxZoom: 18,
    minZoom: 5,
    zoomSnap: 0.5,
    keyboard: true,
    dragging: !coarsePointer,
    tapHold: false,
    zoomAnimation: !reduceMotion,
    fadeAnimation: !reduceMotion,
    markerZoomAnimation: !reduceMotion,
    inertia: !reduceMotion,
    attributionControl: true,
  });
  if (reduceMotion) {
    // Leaflet animates pans (popups moving into view, arrow keys) whatever the options say.
    const panBy = map.panBy.bind(map);
    map.panBy = (offset, options) => panBy(offset, { ...options, animate: false });
  }
  canvas.setAttribute('role', 'group');
  canvas.setAttribute('aria-label', 'Map. Arrow keys move it, plus and minus zoom in and out, Tab goes to each service.');
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  wheelZoomOnlyWhenChosen(map);

  // Escape closes a popup from anywhere in the map (Leaflet listens only on the map itself).
  canvas.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') map.closePopup();
  });

  const districts = L.geoJSON(
    {
      type: 'FeatureCollection',
      features: data.areas.map((area) => ({ type: 'Feature', properties: { name: area.name }, geometry: area.outline })),
    } as GeoJSON.FeatureCollection,
    { interactive: false, style: { color: '#0b3d63', weight: 2, opacity: 0.8, fillColor: '#ffffff', fillOpacity: 0.0 } },
  ).addTo(map);

  /** Without pictures: white districts with their names on the plain background. */
  const showOutlinesOnly = (message: string) => {
    section.classList.add('results-map--outlines-only');
    districts.setStyle({ fillOpacity: 1 });
    districts.eachLayer((layer) => {
      const name = (layer as L.GeoJSON & { feature?: GeoJSON.Feature }).feature?.properties?.name;
      if (name && !layer.getTooltip()) layer.bindTooltip(name, { permanent: true, direction: 'center', className: 'results-map__area-name' }).openTooltip();
    });
    showMessage(section, message);
  };

  if (data.tiles) {
    const { attribution } = data.tiles;
    const credit = attribution
      ? attribution.url
        ? `<a href="${escapeHtml(attribution.url)}">${escapeHtml(attribution.text)}</a>`
        : escapeHtml(attribution.text)
      : '';
    // The credit is for the pictures: shown once one has loaded, taken away if they stop.
    const tiles = L.tileLayer(data.tiles.url, {
      maxZoom: 19,
      // The page sends no referrer elsewhere; a tile server may need to know which site asks, but
      // not which search: the origin only.
      referrerPolicy: 'strict-origin',
    });
    let errors = 0;
    let loaded = 0;
    let credited = false;
    tiles.on('tileload', () => {
      loaded += 1;
      if (!credited && credit) {
        map.attributionControl.addAttribution(credit);
        credited = true;
      }
    });
    tiles.on('tileerror', () => {
      errors += 1;
      if (errors < TILE_ERRORS_BEFORE_GIVING_UP || loaded >= errors) return;
      // Stop asking: a blocked or broken tile server would otherwise be asked again at every move.
      tiles.off();
      map.removeLayer(tiles);
      if (credited) map.attributionControl.removeAttribution(credit);
      showOutlinesOnly(TILE_FAILURE_MESSAGE);
    });
    tiles.addTo(map);
  } else {
    showOutlinesOnly(NO_TILES_MESSAGE);
  }

  const clusters = L.markerClusterGroup({
    iconCreateFunction: clusterIcon,
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: true,
    zoomToBoundsOnClick: true,
    animate: !reduceMotion,
    animateAddingMarkers: false,
    // Wide enough that no two clusters overlap: each must stay a 24px target (WCAG 2.5.8).
    maxClusterRadius: 80,
  });
  const bounds = L.latLngBounds([]);
  for (const item of data.markers) {
    const latLng = L.latLng(item.latitude, item.longitude);
    bounds.extend(latLng);
    const marker = L.marker(latLng, {
      icon: serviceIcon(item.number, item.name),
      title: `${item.number}. ${item.name}`,
      alt: `${item.number}. ${item.name}`,
      keyboard: true,
      riseOnHover: true,
      serviceUrl: item.url,
    } as L.MarkerOptions);
    // Clear of the zoom buttons, which sit above popups.
    marker.bindPopup(() => popupContent(item), { maxWidth: 280, autoPanPadding: [16, 16], autoPanPaddingTopLeft: [56, 16] });
    makeKeyboardFriendly(marker, map);
    clusters.addLayer(marker);
  }
  map.addLayer(clusters);

  if (data.origin) {
    const label = `You searched near ${data.origin.label}`;
    const latLng = L.latLng(data.origin.latitude, data.origin.longitude);
    bounds.extend(latLng);
    const origin = L.marker(latLng, { icon: originIcon(data.origin.label), title: label, alt: label, keyboard: true, zIndexOffset: 1000 })
      .bindPopup(() => element('p', 'results-map__popup-name', label))
      .addTo(map);
    makeKeyboardFriendly(origin, map);
  }

  if (bounds.isValid()) map.fitBounds(bounds, { padding: FIT_PADDING, maxZoom: 15, animate: false });
  else if (data.areas.length) map.fitBounds(districts.getBounds(), { padding: FIT_PADDING, animate: false });
  else map.setView(FALLBACK_CENTRE, 11, { animate: false });
  section.dataset.mapReady = 'true';
}

function start(): void {
  const section = document.querySelector<HTMLElement>('[data-results-map]');
  const source = document.getElementById('results-map-data');
  if (!section || !source?.textContent) return;
  try {
    buildMap(section, JSON.parse(source.textContent) as ResultsMapData);
  } catch (error) {
    // The list below is the same services: say so, rather than leave a blank box.
    section.querySelector('.results-map__canvas')?.setAttribute('hidden', '');
    section.querySelector('.results-map__fallback')?.removeAttribute('hidden');
    const fallback = section.querySelector('.results-map__fallback');
    if (fallback) fallback.textContent = 'The map could not be shown. The same services are listed below.';
    console.error('The results map could not be shown:', error);
  }
}

start();
