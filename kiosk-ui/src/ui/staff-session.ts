/**
 * Who is signed in on a staff screen (register or manager): read once from `/api/auth/me`,
 * then kept in a store. The session itself lives in the HttpOnly cookie; nothing is kept in
 * the page's storage.
 */

import { createStore, type Readable } from '../store';
import type { MeAnswer } from '../wire-staff';
import { api } from './client';

/** `undefined` while loading, `null` when nobody is signed in. */
export type StaffState = MeAnswer | null | undefined;

const state = createStore<StaffState>(undefined);

/** The signed-in staff member. */
export const staffSession: Readable<StaffState> = state;

/** Reads the session from the server. */
export async function refreshStaff(): Promise<void> {
  const me = await api.me();
  state.set(me.ok ? me.value : null);
}

/** Signs out (the server drops the cookie and any register opened through it). */
export async function signOut(): Promise<void> {
  await api.logout();
  state.set(null);
}
