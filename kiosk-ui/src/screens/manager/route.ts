/**
 * The manager screen's address: which page and its filters live in the URL, so a link can be
 * shared and Back works. Pure parsing and formatting, plus a tiny store of the current URL.
 */

import { createStore, type Readable } from '../../store';

/** A manager page. */
export type ManagerRoute =
  | { page: 'lanes' }
  | { page: 'signatures'; filters: Record<string, string> }
  | { page: 'signature'; id: string }
  | { page: 'verify' }
  | { page: 'kiosks' }
  | { page: 'staff' }
  | { page: 'agreements' }
  | { page: 'audit'; filters: Record<string, string> }
  | { page: 'reports'; filters: Record<string, string> };

/** Filters the signature list keeps in the query string. */
export const SIGNATURE_FILTERS = ['from', 'to', 'customer', 'lane', 'language', 'agreement_version', 'cursor'] as const;

/** The range the reports keep in the query string (club-local days). */
export const REPORT_FILTERS = ['from', 'to'] as const;

/** Filters the audit log keeps in the query string. */
export const AUDIT_FILTERS = ['actor', 'action', 'lane', 'entity_type', 'entity_id', 'from', 'to', 'cursor'] as const;

function pick(search: string, names: readonly string[]): Record<string, string> {
  const params = new URLSearchParams(search);
  const filters: Record<string, string> = {};
  for (const name of names) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return filters;
}

function withQuery(path: string, names: readonly string[], filters: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const name of names) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Reads a route from a path and query string. */
export function parseRoute(pathname: string, search: string): ManagerRoute {
  const parts = pathname.replace(/\/+$/, '').split('/').filter(Boolean);
  if (parts[1] === 'signatures' && parts[2]) return { page: 'signature', id: decodeURIComponent(parts[2]) };
  if (parts[1] === 'signatures') {
    const params = new URLSearchParams(search);
    const filters: Record<string, string> = {};
    for (const name of SIGNATURE_FILTERS) {
      const value = params.get(name);
      if (value) filters[name] = value;
    }
    return { page: 'signatures', filters };
  }
  if (parts[1] === 'verify') return { page: 'verify' };
  if (parts[1] === 'kiosks') return { page: 'kiosks' };
  if (parts[1] === 'staff') return { page: 'staff' };
  if (parts[1] === 'agreements') return { page: 'agreements' };
  if (parts[1] === 'audit') return { page: 'audit', filters: pick(search, AUDIT_FILTERS) };
  if (parts[1] === 'reports') return { page: 'reports', filters: pick(search, REPORT_FILTERS) };
  return { page: 'lanes' };
}

/** The URL of a route. */
export function routeUrl(route: ManagerRoute): string {
  switch (route.page) {
    case 'lanes':
      return '/manager';
    case 'verify':
      return '/manager/verify';
    case 'kiosks':
      return '/manager/kiosks';
    case 'staff':
      return '/manager/staff';
    case 'agreements':
      return '/manager/agreements';
    case 'audit':
      return withQuery('/manager/audit', AUDIT_FILTERS, route.filters);
    case 'reports':
      return withQuery('/manager/reports', REPORT_FILTERS, route.filters);
    case 'signature':
      return `/manager/signatures/${encodeURIComponent(route.id)}`;
    case 'signatures': {
      const params = new URLSearchParams();
      for (const name of SIGNATURE_FILTERS) {
        const value = route.filters[name];
        if (value) params.set(name, value);
      }
      const text = params.toString();
      return text ? `/manager/signatures?${text}` : '/manager/signatures';
    }
  }
}

const current = createStore<ManagerRoute>({ page: 'lanes' });

/** The current route (call `watchLocation` once). */
export const route: Readable<ManagerRoute> = current;

/** Goes to a route, adding a history entry. */
export function navigate(next: ManagerRoute): void {
  history.pushState(null, '', routeUrl(next));
  current.set(next);
}

/** Follows the address bar (initial load and Back/Forward). */
export function watchLocation(): () => void {
  const read = () => current.set(parseRoute(location.pathname, location.search));
  read();
  window.addEventListener('popstate', read);
  return () => window.removeEventListener('popstate', read);
}
