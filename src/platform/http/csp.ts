/** Content-Security-Policy helpers. */

/**
 * The Content-Security-Policy source that lets the map load its tiles, from
 * MAP_TILE_URL: https://tile.openstreetmap.org/{z}/{x}/{y}.png → https://tile.openstreetmap.org;
 * a {s} subdomain placeholder becomes a wildcard (https://*.tile.example.org).
 * null for a tile URL on our own origin (a path), which 'self' already covers.
 */
export function tileImgSrc(tileUrl: string): string | null {
  if (tileUrl.startsWith('/') && !tileUrl.startsWith('//')) return null;
  const m = /^(https?:)?\/\/([^/?#]+)/i.exec(tileUrl);
  if (!m) return null;
  const scheme = (m[1] ?? 'https:').toLowerCase();
  const host = m[2]!.replace(/\{s\}/g, '*').replace(/\{[^}]*\}/g, '*').toLowerCase();
  return `${scheme}//${host}`;
}
