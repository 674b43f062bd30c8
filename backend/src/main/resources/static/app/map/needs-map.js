// The coordinators' map of needs (#/map): the open needs of their communities at their exact
// locations, coloured and sized by priority, grouped into clusters where they are dense (Leaflet
// from its WebJar; the clusters are this file's: needs closer than CLUSTER_PX on screen are one). The tiles come from the server named by the
// installation (config.json mapTiles; OpenStreetMap's by default). A table below the map lists
// the same needs, for keyboards and screen readers.
import '../aid/console-texts.js';
import './map-texts.js';
import { loadConfig } from '../core/config.js';
import { NetworkError } from '../core/errors.js';
import { gql } from '../core/graphql.js';
import { label, localized, t } from '../core/i18n.js';
import { html, nothing, update } from '../core/view.js';

// The open statuses are written out in NEEDS: the client sends only literal documents.
const PRIORITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];
const RADIUS = { CRITICAL: 11, HIGH: 9, MEDIUM: 7, LOW: 6 };
const COLOUR = { CRITICAL: '#a4161a', HIGH: '#c25e00', MEDIUM: '#8a6d00', LOW: '#0b4f8a' };
const PAGES = 5;
const CLUSTER_PX = 40;

const NEEDS = `query MapNeeds($after: String) {
  aidRequests(filter: { statuses: [NEW, TRIAGED, ASSIGNED, IN_PROGRESS] }, orderBy: PRIORITY, first: 100, after: $after) {
    edges { node { id title priority status location { latitude longitude } community { name { uk en } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const view = { needs: null, problem: null };
let leaflet;
let map;
let layer;

function stylesheet(href) {
  if (!document.querySelector(`link[href="${href}"]`)) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    document.head.append(link);
  }
}

function script(src) {
  return new Promise((resolve, reject) => {
    const element = document.createElement('script');
    element.src = src;
    element.onload = resolve;
    element.onerror = () => reject(new Error(`${src} did not load`));
    document.head.append(element);
  });
}

/** Leaflet is a classic script (a global L): loaded once, on first use. */
function loadLeaflet() {
  leaflet ??= (async () => {
    stylesheet('/webjars/leaflet/dist/leaflet.css');
    await script('/webjars/leaflet/dist/leaflet.js');
    return window.L;
  })();
  return leaflet;
}

async function readNeeds() {
  const needs = [];
  let after = null;
  for (let page = 0; page < PAGES; page += 1) {
    const data = await gql(NEEDS, { after });
    needs.push(...data.aidRequests.edges.map((edge) => edge.node));
    if (!data.aidRequests.pageInfo.hasNextPage) {
      break;
    }
    after = data.aidRequests.pageInfo.endCursor;
  }
  return needs.filter((need) => need.location);
}

function popup(need) {
  // Built as elements, never as HTML text: a title is whatever someone typed.
  const box = document.createElement('div');
  const link = document.createElement('a');
  link.href = `#/need/${encodeURIComponent(need.id)}`;
  link.textContent = need.title;
  const meta = document.createElement('p');
  meta.textContent = `${label('Priority', need.priority)} · ${label('AidRequestStatus', need.status)}`;
  box.append(link, meta);
  return box;
}

/** Needs closer than CLUSTER_PX to each other at the map's zoom, greedily, most pressing first. */
function clusters(L) {
  const groups = [];
  for (const need of view.needs) {
    const point = map.latLngToLayerPoint([need.location.latitude, need.location.longitude]);
    const near = groups.find((group) => group.point.distanceTo(point) < CLUSTER_PX);
    if (near) {
      near.needs.push(need);
    } else {
      groups.push({ point, needs: [need] });
    }
  }
  return groups.map((group) => ({ needs: group.needs,
    bounds: L.latLngBounds(group.needs.map((need) => [need.location.latitude, need.location.longitude])) }));
}

/** A cluster shows how many needs it holds, in the colour of the most pressing of them; a click zooms in. */
function clusterMarker(L, cluster) {
  const top = cluster.needs[0].priority;
  const icon = L.divIcon({ html: `<span>${cluster.needs.length}</span>`, className: `need-cluster priority-${top.toLowerCase()}`,
    iconSize: L.point(40, 40) });
  return L.marker(cluster.bounds.getCenter(), { icon, title: t('map.cluster', { count: cluster.needs.length }), alt: '' })
    .on('click', () => map.fitBounds(cluster.bounds, { padding: [40, 40], maxZoom: map.getZoom() + 3 }));
}

function needMarker(L, need) {
  return L.circleMarker([need.location.latitude, need.location.longitude], {
    radius: RADIUS[need.priority], color: '#fff', weight: 2, fillColor: COLOUR[need.priority], fillOpacity: 0.9,
  }).bindPopup(() => popup(need));
}

function plot(L) {
  layer?.remove();
  layer = L.layerGroup(clusters(L).map((cluster) => (cluster.needs.length > 1 ? clusterMarker(L, cluster)
    : needMarker(L, cluster.needs[0]))));
  layer.addTo(map);
}

async function draw() {
  const element = document.getElementById('needs-map');
  if (!element || !view.needs) {
    return;
  }
  const L = await loadLeaflet();
  if (!map || map.getContainer() !== element) {
    map?.remove();
    const { mapTiles } = await loadConfig();
    map = L.map(element).setView([49.0, 31.3], 6);
    L.tileLayer(mapTiles, { maxZoom: 19, attribution: '© OpenStreetMap contributors' }).addTo(map);
    map.on('zoomend', () => plot(L));
  }
  if (view.needs.length) {
    map.fitBounds(L.latLngBounds(view.needs.map((need) => [need.location.latitude, need.location.longitude])), { maxZoom: 14, padding: [30, 30] });
  }
  plot(L);
}

export async function load() {
  try {
    view.needs = await readNeeds();
    view.problem = null;
  } catch (failure) {
    view.problem = failure instanceof NetworkError ? t('error.network') : t('error.api', { message: failure.message });
  }
  update();
  // The map's element exists once the screen is on display.
  await new Promise((resolve) => { requestAnimationFrame(resolve); });
  try {
    await draw();
  } catch (failure) {
    view.problem = t('map.failed');
    update();
  }
}

export function render() {
  return html`<div class="console">
    <h1 tabindex="-1">${t('map.title')}</h1>
    ${view.problem ? html`<p class="notice error" role="alert">${view.problem}</p>` : nothing}
    <ul class="map-legend" aria-label=${t('map.legend')}>${PRIORITIES.map((priority) => html`<li>
      <span class="swatch priority-${priority.toLowerCase()}" aria-hidden="true"></span>${label('Priority', priority)}</li>`)}</ul>
    <div id="needs-map" class="needs-map" role="region" aria-label=${t('map.region')}></div>
    ${view.needs ? html`<table class="queue map-list">
      <caption>${t('map.listed', { count: view.needs.length })}</caption>
      <thead><tr><th scope="col">${t('queue.priority')}</th><th scope="col">${t('queue.need')}</th><th scope="col">${t('need.community')}</th></tr></thead>
      <tbody>${view.needs.map((need) => html`<tr data-need-id=${need.id}>
        <td><span class="badge priority-${need.priority.toLowerCase()}">${label('Priority', need.priority)}</span></td>
        <td><a href=${`#/need/${encodeURIComponent(need.id)}`}>${need.title}</a></td>
        <td>${localized(need.community.name)}</td></tr>`)}</tbody>
    </table>` : nothing}
  </div>`;
}
