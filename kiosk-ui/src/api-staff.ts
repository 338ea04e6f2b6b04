/**
 * The HTTP calls around the lane commands: staff sign-in and step-up, kiosk pairing, lanes and
 * registers, the inventory board and the manager's signature list. Same rules as `api.ts`:
 * every call resolves to `{ok, value}` or `{ok: false, error}`; nothing is sent on import.
 */

import { lanePath, type ApiResult, type Requester } from './api';
import type {
  ClubInfo,
  DeviceView,
  InventoryBoard,
  LaneSummary,
  LoginAnswer,
  MeAnswer,
  PairingCode,
  RegisterSummary,
  SignatureDetail,
  SignaturePage,
  StepUpAnswer,
} from './wire-staff';

/** Filters of the signature list (every one optional), as sent in the query string. */
export interface SignatureQuery {
  limit?: number;
  cursor?: string;
  from?: string;
  to?: string;
  customer?: string;
  lane?: string;
  language?: string;
  agreement_version?: string;
}

/** `?a=1&b=2` of the defined, non-empty entries (or `''`). */
export function queryString(params: Readonly<Record<string, string | number | undefined>>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/** The calls, bound to one requester. */
export function staffCommands(request: Requester) {
  const get = <T>(path: string): Promise<ApiResult<T>> => request<T>('GET', path);
  const post = <T>(path: string, body: unknown): Promise<ApiResult<T>> => request<T>('POST', path, body);
  return {
    club: () => get<ClubInfo>('/api/club'),
    login: (login: string, pin: string) => post<LoginAnswer>('/api/auth/login', { login, pin }),
    me: () => get<MeAnswer>('/api/auth/me'),
    stepUp: (pin: string) => post<StepUpAnswer>('/api/auth/step-up', { pin }),
    logout: () => post<null>('/api/auth/logout', {}),

    pair: (code: string, name: string) => post<{ device: DeviceView }>('/api/devices/pair', { code, name }),
    device: () => get<DeviceView>('/api/device'),
    /** every paired device, revoked ones too (manager) */
    devices: () => get<DeviceView[]>('/api/devices'),
    issuePairingCode: (laneId: string) => post<PairingCode>(lanePath(laneId, '/pairing-codes'), {}),

    lanes: () => get<LaneSummary[]>('/api/lanes'),
    registerSignIn: (laneId: string, deviceKey: string) => post<RegisterSummary>(lanePath(laneId, '/register/sign-in'), { device_key: deviceKey }),
    registerSignOut: (laneId: string) => post<null>(lanePath(laneId, '/register/sign-out'), {}),

    inventory: (q?: string) => get<InventoryBoard>(`/api/inventory${queryString({ q })}`),
    signatures: (query: SignatureQuery) => get<SignaturePage>(`/api/signatures${queryString({ ...query })}`),
    signature: (id: string) => get<SignatureDetail>(`/api/signatures/${encodeURIComponent(id)}`),
  };
}
