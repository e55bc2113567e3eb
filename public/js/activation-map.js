/*
 * «Пункты активации»: progressive enhancement of /activation-points.
 * Plain ES module, no build step. Without it the page is a form and a list.
 *
 * 1. «Определить моё местоположение»: a button (created here, so it exists only
 *    with JavaScript) that fills the hidden lat/lon fields, clears the
 *    settlement field and submits the filter form.
 * 2. The map: Leaflet (served from our own origin under /static/vendor/leaflet/)
 *    with a marker per point from the container's data-points; each popup
 *    links to the point's page. The container is hidden until the map is
 *    built, and a skip link before it leads to the list.
 *
 * Every text comes from data-* attributes written by the server (in the
 * page's language); every point field is put in the DOM as text, never HTML.
 */

setUpLocationButton();
setUpMap().catch(() => {
  // No map (Leaflet failed to load, old browser…): the list below is the whole answer.
  const section = document.getElementById('ap-map-section');
  if (section) section.hidden = true;
});

function setUpLocationButton() {
  const form = document.getElementById('ap-filter-form');
  const nearField = document.getElementById('ap-near');
  const lat = document.getElementById('ap-lat');
  const lon = document.getElementById('ap-lon');
  const nearInput = document.getElementById('field-near');
  if (!form || !nearField || !lat || !lon || !nearInput || !('geolocation' in navigator)) return;

  const wrap = document.createElement('div');
  wrap.className = 'ap-geo';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'u-button u-button--secondary ap-geo__button';
  button.textContent = form.dataset.geoLabel || '';
  const status = document.createElement('p');
  status.className = 'u-hint ap-geo__status';
  status.setAttribute('role', 'status');
  wrap.append(button, status);
  nearField.after(wrap);

  button.addEventListener('click', () => {
    button.disabled = true;
    status.textContent = form.dataset.geoPending || '';
    navigator.geolocation.getCurrentPosition(
      (position) => {
        // Three decimals (about 100 m) are enough to sort by distance.
        lat.value = position.coords.latitude.toFixed(3);
        lon.value = position.coords.longitude.toFixed(3);
        nearInput.value = '';
        form.submit();
      },
      () => {
        button.disabled = false;
        status.textContent = form.dataset.geoError || '';
      },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 },
    );
  });
}

function loadStylesheet(href) {
  return new Promise((resolve, reject) => {
    if (document.querySelector(`link[href="${href}"]`)) return resolve();
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => reject(new Error(`stylesheet ${href}`)));
    document.head.append(link);
  });
}

function escapeHtml(text) {
  const div = document.createElement('div');
  div.textContent = text;
  return div.innerHTML;
}

function popupContent(point, labels, openLabel) {
  const box = document.createElement('div');
  box.className = 'ap-popup';
  const title = document.createElement('p');
  title.className = 'ap-popup__title';
  const link = document.createElement('a');
  link.href = `/activation-points/${encodeURIComponent(point.key)}`;
  link.textContent = point.name;
  title.append(link);
  const address = document.createElement('p');
  address.className = 'ap-popup__text';
  address.textContent = point.address;
  box.append(title, address);
  const caps = point.capabilities.map((c) => labels[c] || c).join(', ');
  if (caps) {
    const what = document.createElement('p');
    what.className = 'ap-popup__text';
    what.textContent = caps;
    box.append(what);
  }
  const more = document.createElement('a');
  more.className = 'ap-popup__more';
  more.href = link.href;
  more.textContent = openLabel;
  box.append(more);
  return box;
}

async function setUpMap() {
  const container = document.getElementById('ap-map');
  const section = document.getElementById('ap-map-section');
  if (!container || !section) return;
  const data = container.dataset;
  const points = JSON.parse(data.points || '[]');
  if (points.length === 0) return;
  const base = data.leafletBase || '/static/vendor/leaflet/';

  const [L] = await Promise.all([import(`${base}leaflet-src.esm.js`), loadStylesheet(`${base}leaflet.css`)]);
  section.hidden = false;

  L.Icon.Default.imagePath = `${base}images/`;
  const map = L.map(container, { zoomControl: false, scrollWheelZoom: false, keyboard: true });
  L.control.zoom({ zoomInTitle: data.zoomIn || '+', zoomOutTitle: data.zoomOut || '−' }).addTo(map);
  // Plain-text credits only: the attribution control renders HTML.
  map.attributionControl.setPrefix('Leaflet');
  L.tileLayer(data.tileUrl, { attribution: escapeHtml(data.attribution || ''), maxZoom: 18 }).addTo(map);

  const labels = JSON.parse(data.capabilityLabels || '{}');
  const latLngs = [];
  for (const point of points) {
    const at = [point.lat, point.lon];
    latLngs.push(at);
    L.marker(at, { title: point.name, alt: point.name, keyboard: true, riseOnHover: true })
      .bindPopup(popupContent(point, labels, data.openLabel || ''))
      .addTo(map);
  }

  const reference = data.reference ? JSON.parse(data.reference) : null;
  if (reference) {
    const here = [reference.lat, reference.lon];
    const label = document.createElement('p');
    label.className = 'ap-popup__text';
    label.textContent = `${data.referenceLabel || ''}: ${reference.name}`;
    L.circleMarker(here, { radius: 9, color: '#0b1f33', weight: 3, fillColor: '#ffd43b', fillOpacity: 1 }).bindPopup(label).addTo(map);
    // The reference and the nearest points (the list is sorted by distance).
    map.fitBounds(L.latLngBounds([here, ...latLngs.slice(0, 5)]), { paddingTopLeft: [32, 56], paddingBottomRight: [32, 24], maxZoom: 14 });
  } else if (latLngs.length === 1) {
    map.setView(latLngs[0], 14);
  } else {
    map.fitBounds(L.latLngBounds(latLngs), { paddingTopLeft: [24, 48], paddingBottomRight: [24, 24], maxZoom: 14 });
  }
}
