/**
 * Wire types of the manager's own calls (devices with last seen, open registers, staff
 * accounts, the audit log and its chain), mirroring `src/http/{devices,registers,staff,audit}.rs`.
 * Types only: nothing here runs.
 */

import type { IsoDateTime, Uuid } from './wire';
import type { DeviceView, StaffRole } from './wire-staff';

/** `DeviceView` with the server's last-seen time (written at most once a minute). */
export interface ManagedDevice extends DeviceView {
  last_seen_at?: IsoDateTime | null;
}

/** `OpenRegister`: a register session that is open. */
export interface OpenRegister {
  id: Uuid;
  lane_id: string;
  staff_id: Uuid;
  started_at: IsoDateTime;
}

/** `CreateStaff`. */
export interface NewStaff {
  login: string;
  display_name: string;
  role: StaffRole;
  pin: string;
}

/** `EventView`: one audit event. */
export interface AuditEvent {
  seq: number;
  at: IsoDateTime;
  actor_type: string;
  actor_id: Uuid | null;
  lane_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  summary: unknown;
  reason: string | null;
  hash: string;
}

/** `EventsPage`. */
export interface AuditPage {
  events: AuditEvent[];
  next_cursor: string | null;
}

/** `VerifyResponse`: the chain's state. */
export interface ChainVerdict {
  status: 'intact' | 'broken';
  events: number | null;
  seq: number | null;
  problem: string | null;
}
