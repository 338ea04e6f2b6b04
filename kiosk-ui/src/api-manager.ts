/**
 * The manager's HTTP calls: paired tablets and revoking them, open registers and ending one,
 * staff accounts, and the audit log with its chain check. Same rules as `api.ts`: every call
 * resolves to `{ok, value}` or `{ok: false, error}`; nothing is sent on import.
 */

import { lanePath, type ApiResult, type Requester } from './api';
import { queryString } from './api-staff';
import type { AuditPage, ChainVerdict, ManagedDevice, NewStaff, OpenRegister } from './wire-manager';
import type { StaffView } from './wire-staff';

/** Filters of the audit log (every one optional), as sent in the query string. */
export interface AuditQuery {
  limit?: number;
  cursor?: string;
  actor?: string;
  action?: string;
  lane?: string;
  entity_type?: string;
  entity_id?: string;
  from?: string;
  to?: string;
}

/** The calls, bound to one requester. */
export function managerCommands(request: Requester) {
  const get = <T>(path: string): Promise<ApiResult<T>> => request<T>('GET', path);
  const post = <T>(path: string, body: unknown): Promise<ApiResult<T>> => request<T>('POST', path, body);
  const id = (value: string) => encodeURIComponent(value);
  return {
    managedDevices: () => get<ManagedDevice[]>('/api/devices'),
    revokeDevice: (device: string) => post<ManagedDevice>(`/api/devices/${id(device)}/revoke`, {}),
    openRegisters: () => get<OpenRegister[]>('/api/registers'),
    forceSignOut: (laneId: string, reason: string) => post<null>(lanePath(laneId, '/register/force-sign-out'), { reason }),
    staffList: () => get<StaffView[]>('/api/staff'),
    createStaff: (staff: NewStaff) => post<StaffView>('/api/staff', staff),
    deactivateStaff: (staff: string) => post<StaffView>(`/api/staff/${id(staff)}/deactivate`, {}),
    resetPin: (staff: string, pin: string) => post<null>(`/api/staff/${id(staff)}/pin`, { pin }),
    unlockStaff: (staff: string) => post<{ locks_cleared: number }>(`/api/staff/${id(staff)}/unlock`, {}),
    auditEvents: (query: AuditQuery) => get<AuditPage>(`/api/audit/events${queryString({ ...query })}`),
    auditVerify: () => get<ChainVerdict>('/api/audit/verify'),
  };
}
