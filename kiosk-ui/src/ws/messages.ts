/**
 * Decoding server frames and encoding client frames. The server is trusted for the shape of a
 * view's `data`; only the envelope is checked here, so a malformed or unknown frame is dropped
 * instead of breaking a screen. Unknown message types decode to `null`. `inventory.changed`
 * (club-wide: `lane` null) needs its three count maps; `waitlist.changed` (club-wide) its ids.
 */

import type { ClientMessage, LaneView, ServerMessage } from '../wire';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether the value has the envelope's fields with the right types. */
function isEnvelope(value: unknown): value is Record<string, unknown> & { type: string; rev: number; data: Record<string, unknown> } {
  return (
    isRecord(value) &&
    typeof value.type === 'string' &&
    typeof value.rev === 'number' &&
    Number.isFinite(value.rev) &&
    (value.lane === null || typeof value.lane === 'string') &&
    typeof value.at === 'string' &&
    isRecord(value.data)
  );
}

/**
 * Decodes one text frame. `V` is the socket's view type (kiosk or register): the server decides
 * it from the credentials, so the caller states it. Returns `null` for anything the client
 * does not understand.
 */
export function decodeServerMessage<V extends LaneView>(text: unknown): ServerMessage<V> | null {
  if (typeof text !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isEnvelope(value)) return null;
  switch (value.type) {
    case 'lane.view':
    case 'lane.highlight':
    case 'register.ended':
      return typeof value.lane === 'string' ? (value as unknown as ServerMessage<V>) : null;
    case 'inventory.changed':
      return value.lane === null && isRecord(value.data.available) && isRecord(value.data.rooms) && isRecord(value.data.lockers)
        ? (value as unknown as ServerMessage<V>)
        : null;
    case 'waitlist.changed':
      return value.lane === null && Array.isArray(value.data.changed) ? (value as unknown as ServerMessage<V>) : null;
    case 'pong':
      return value as unknown as ServerMessage<V>;
    case 'error':
      return typeof value.data.code === 'string' ? (value as unknown as ServerMessage<V>) : null;
    default:
      return null;
  }
}

/** The text of a client message. */
export function encodeClientMessage(message: ClientMessage): string {
  return JSON.stringify(message);
}
