/** The latest view per lane, fed by a connection and by HTTP answers. */

import { describe, expect, it } from 'vitest';
import { createLaneStore, type ViewSource } from '../src/lane-store';
import { Connection, lanePath } from '../src/ws/connection';
import type { KioskView, LaneViewMessage, RegisterView } from '../src/wire';
import { ACTIVE_REGISTER, CHOOSING_KIOSK, IDLE_KIOSK, laneView } from './fixtures/views';
import { FakeTimers } from './helpers/fake-timers';
import { FakeWebSocket } from './helpers/fake-websocket';

/** A source the test pushes views through. */
function manualSource<V extends KioskView | RegisterView>() {
  const listeners = new Set<(m: LaneViewMessage<V>) => void>();
  const source: ViewSource<V> = {
    onView(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { source, push: (m: LaneViewMessage<V>) => listeners.forEach((l) => l(m)), count: () => listeners.size };
}

describe('createLaneStore', () => {
  it('keeps the newest view of each lane', () => {
    const { source, push } = manualSource<KioskView>();
    const lanes = createLaneStore(source);
    push(laneView('lane-1', 5, IDLE_KIOSK));
    push(laneView('lane-1', 6, CHOOSING_KIOSK));
    push(laneView('lane-2', 1, IDLE_KIOSK));
    expect(lanes.lane('lane-1')).toEqual({ lane: 'lane-1', rev: 6, at: '2026-11-20T18:03:07.512Z', view: CHOOSING_KIOSK });
    expect([...lanes.get().keys()]).toEqual(['lane-1', 'lane-2']);
  });

  it('drops a view that is not newer, from any source', () => {
    const lanes = createLaneStore<RegisterView>();
    expect(lanes.applyMessage(laneView('lane-1', 7, ACTIVE_REGISTER))).toBe(true);
    const before = lanes.get();
    // e.g. the view inside a 409 STALE_VERSION that the socket already delivered
    expect(lanes.apply('lane-1', 7, ACTIVE_REGISTER)).toBe(false);
    expect(lanes.apply('lane-1', 3, ACTIVE_REGISTER)).toBe(false);
    expect(lanes.get()).toBe(before);
    expect(lanes.apply('lane-1', 8, { ...ACTIVE_REGISTER, status: 'CANCELLED' })).toBe(true);
    expect(lanes.lane('lane-1')?.view.status).toBe('CANCELLED');
    expect(lanes.lane('lane-1')?.at).toBeNull();
  });

  it('notifies whole-store subscribers once per applied view', () => {
    const lanes = createLaneStore<KioskView>();
    let calls = 0;
    lanes.subscribe(() => {
      calls += 1;
    });
    lanes.apply('lane-1', 1, IDLE_KIOSK);
    lanes.apply('lane-1', 1, IDLE_KIOSK);
    lanes.apply('lane-2', 1, IDLE_KIOSK);
    expect(calls).toBe(2);
  });

  it('select() notifies only for its own lane', () => {
    const lanes = createLaneStore<KioskView>();
    const one = lanes.select('lane-1');
    const seen: Array<number | undefined> = [];
    const stop = one.subscribe((entry) => seen.push(entry?.rev));
    lanes.apply('lane-2', 1, IDLE_KIOSK);
    lanes.apply('lane-1', 1, IDLE_KIOSK);
    lanes.apply('lane-2', 2, IDLE_KIOSK);
    lanes.apply('lane-1', 2, CHOOSING_KIOSK);
    expect(seen).toEqual([1, 2]);
    expect(one.get()?.view).toEqual(CHOOSING_KIOSK);
    stop();
    lanes.apply('lane-1', 3, IDLE_KIOSK);
    expect(seen).toEqual([1, 2]);
  });

  it('detach() stops listening to the source', () => {
    const { source, push, count } = manualSource<KioskView>();
    const lanes = createLaneStore(source);
    lanes.detach();
    expect(count()).toBe(0);
    push(laneView('lane-1', 1, IDLE_KIOSK));
    expect(lanes.lane('lane-1')).toBeUndefined();
  });

  it('follows a real connection (fake socket)', () => {
    FakeWebSocket.reset();
    const connection = new Connection<KioskView>({ path: lanePath('lane-1'), baseUrl: 'http://localhost/', WebSocket: FakeWebSocket, timers: new FakeTimers() });
    const lanes = createLaneStore(connection);
    connection.start();
    const socket = FakeWebSocket.last();
    socket.serverOpen();
    socket.serverSend(laneView('lane-1', 2, CHOOSING_KIOSK));
    socket.serverSend(laneView('lane-1', 1, IDLE_KIOSK));
    expect(lanes.lane('lane-1')?.view.first_name).toBe('Robin');
    connection.stop();
  });
});
