/**
 * The lane connection against a fake WebSocket and fake timers: URLs, status, backoff, rev
 * dropping, events, resync, reconnects and keep-alive.
 */

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Connection, connect, lanePath, MONITOR_PATH, socketUrl, type ConnectionOptions, type ConnectionStatus } from '../src/ws/connection';
import type { KioskView, LaneViewMessage, ServerEvent } from '../src/wire';
import { CHOOSING_KIOSK, IDLE_KIOSK, laneView } from './fixtures/views';
import { FakeTimers } from './helpers/fake-timers';
import { FakeWebSocket } from './helpers/fake-websocket';

const BASE = 'https://desk.example.test/kiosk/';

let timers: FakeTimers;

function setup(extra: Partial<ConnectionOptions> = {}) {
  const connection = new Connection<KioskView>({
    path: lanePath('lane-1'),
    baseUrl: BASE,
    WebSocket: FakeWebSocket,
    timers,
    random: () => 0.5,
    ...extra,
  });
  const views: LaneViewMessage<KioskView>[] = [];
  const events: ServerEvent[] = [];
  const statuses: ConnectionStatus[] = [];
  connection.onView((v) => views.push(v));
  connection.onEvent((e) => events.push(e));
  connection.status.subscribe((s) => statuses.push(s));
  return { connection, views, events, statuses };
}

beforeEach(() => {
  FakeWebSocket.reset();
  timers = new FakeTimers();
});

describe('socket URLs', () => {
  it('maps the page origin to ws/wss and encodes the lane', () => {
    expect(socketUrl(lanePath('lane-1'), 'https://desk.example.test/kiosk/#x')).toBe('wss://desk.example.test/ws/lanes/lane-1');
    expect(socketUrl(MONITOR_PATH, 'http://127.0.0.1:8080/manager')).toBe('ws://127.0.0.1:8080/ws/monitor');
    expect(lanePath('lane 1/x')).toBe('/ws/lanes/lane%201%2Fx');
  });

  it('opens nothing until started, then the lane socket', () => {
    const { connection } = setup();
    expect(FakeWebSocket.instances).toHaveLength(0);
    expect(connection.status.get()).toBe('closed');
    connection.start();
    connection.start();
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(FakeWebSocket.last().url).toBe('wss://desk.example.test/ws/lanes/lane-1');
  });
});

describe('status', () => {
  it('goes connecting → open → reconnecting → open → closed', () => {
    const { connection, statuses } = setup();
    connection.start();
    FakeWebSocket.last().serverOpen();
    FakeWebSocket.last().serverClose();
    timers.runNext();
    FakeWebSocket.last().serverOpen();
    connection.stop();
    expect(statuses).toEqual(['connecting', 'open', 'reconnecting', 'open', 'closed']);
  });

  it('reports reconnecting when the first attempt fails', () => {
    const { connection, statuses } = setup();
    connection.start();
    FakeWebSocket.last().serverClose(1006);
    expect(statuses).toEqual(['connecting', 'reconnecting']);
  });
});

describe('reconnect backoff', () => {
  it('retries after 0.5, 1, 2, 4 … 30 s while the server refuses, with the injected jitter', () => {
    const { connection } = setup({ random: () => 0 });
    connection.start();
    for (let i = 0; i < 9; i += 1) {
      FakeWebSocket.last().serverClose(1006);
      timers.runNext();
    }
    expect(timers.scheduled).toEqual([400, 800, 1600, 3200, 6400, 12_800, 24_000, 24_000, 24_000]);
    expect(FakeWebSocket.instances).toHaveLength(10);
  });

  it('does not reconnect before the delay has passed', () => {
    const { connection } = setup();
    connection.start();
    FakeWebSocket.last().serverClose();
    timers.advance(499);
    expect(FakeWebSocket.instances).toHaveLength(1);
    timers.advance(1);
    expect(FakeWebSocket.instances).toHaveLength(2);
  });

  it('starts again from 0.5 s after a socket opened', () => {
    const { connection } = setup();
    connection.start();
    FakeWebSocket.last().serverClose();
    timers.runNext();
    FakeWebSocket.last().serverClose();
    timers.runNext();
    FakeWebSocket.last().serverOpen();
    FakeWebSocket.last().serverClose();
    expect(timers.scheduled).toEqual([500, 1000, 500]);
  });

  it('keeps every delay within ±20 % with a real random source', () => {
    const { connection } = setup({ random: Math.random });
    connection.start();
    for (let i = 0; i < 8; i += 1) {
      FakeWebSocket.last().serverClose();
      timers.runNext();
    }
    const bases = [500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000];
    timers.scheduled.forEach((delay, i) => {
      const base = bases[i] ?? 0;
      expect(delay).toBeGreaterThanOrEqual(base * 0.8);
      expect(delay).toBeLessThanOrEqual(base * 1.2);
    });
  });

  it('stops reconnecting when stopped, and ignores the old socket afterwards', () => {
    const { connection, views } = setup();
    connection.start();
    const socket = FakeWebSocket.last();
    socket.serverOpen();
    connection.stop();
    expect(socket.closedByClient).toEqual({ code: 1000, reason: 'client closed' });
    socket.serverSend(laneView('lane-1', 1, IDLE_KIOSK));
    socket.serverClose();
    timers.advance(60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(views).toHaveLength(0);
    expect(connection.status.get()).toBe('closed');
  });

  it('uses the global timers by default (fake timers)', () => {
    vi.useFakeTimers();
    try {
      const connection = connect<KioskView>({ path: lanePath('lane-1'), baseUrl: BASE, WebSocket: FakeWebSocket, random: () => 0.5 });
      FakeWebSocket.last().serverClose();
      vi.advanceTimersByTime(499);
      expect(FakeWebSocket.instances).toHaveLength(1);
      vi.advanceTimersByTime(1);
      expect(FakeWebSocket.instances).toHaveLength(2);
      connection.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('rev dropping', () => {
  it('applies only views newer than the last applied for the lane', () => {
    const { connection, views } = setup();
    connection.start();
    const socket = FakeWebSocket.last();
    socket.serverOpen();
    socket.serverSend(laneView('lane-1', 42, IDLE_KIOSK));
    socket.serverSend(laneView('lane-1', 41, CHOOSING_KIOSK));
    socket.serverSend(laneView('lane-1', 42, CHOOSING_KIOSK));
    socket.serverSend(laneView('lane-1', 44, CHOOSING_KIOSK));
    socket.serverSend(laneView('lane-1', 43, IDLE_KIOSK));
    expect(views.map((v) => v.rev)).toEqual([42, 44]);
    expect(views[1]?.data).toEqual(CHOOSING_KIOSK);
    expect(connection.lastRev('lane-1')).toBe(44);
  });

  it('tracks each lane on its own (monitor)', () => {
    const { connection, views } = setup({ path: MONITOR_PATH });
    connection.start();
    const socket = FakeWebSocket.last();
    socket.serverOpen();
    socket.serverSend(laneView('lane-1', 10, IDLE_KIOSK));
    socket.serverSend(laneView('lane-2', 3, IDLE_KIOSK));
    socket.serverSend(laneView('lane-2', 2, IDLE_KIOSK));
    socket.serverSend(laneView('lane-1', 11, IDLE_KIOSK));
    expect(views.map((v) => `${v.lane}@${v.rev}`)).toEqual(['lane-1@10', 'lane-2@3', 'lane-1@11']);
  });

  it('drops malformed frames and unknown message types without closing', () => {
    const { connection, views, events } = setup();
    connection.start();
    const socket = FakeWebSocket.last();
    socket.serverOpen();
    socket.serverSend('not json');
    socket.serverSend({ type: 'lane.view', lane: 'lane-1', at: 'x', data: {} });
    socket.serverSend({ type: 'lane.view', lane: null, rev: 5, at: 'x', data: {} });
    socket.serverSend({ type: 'inventory.changed', lane: null, rev: 0, at: 'x', data: {} });
    socket.serverSend(laneView('lane-1', 1, IDLE_KIOSK));
    expect(views).toHaveLength(1);
    expect(events).toHaveLength(0);
    expect(socket.closedByClient).toBeNull();
  });
});

describe('events', () => {
  it('passes highlight, pong and error events through, whatever their rev', () => {
    const { connection, events } = setup();
    connection.start();
    const socket = FakeWebSocket.last();
    socket.serverOpen();
    socket.serverSend(laneView('lane-1', 9, IDLE_KIOSK));
    socket.serverSend({ type: 'lane.highlight', lane: 'lane-1', rev: 9, at: 'x', data: { option: 'STANDARD' } });
    socket.serverSend({ type: 'pong', lane: null, rev: 0, at: 'x', data: {} });
    socket.serverSend({ type: 'error', lane: null, rev: 0, at: 'x', data: { code: 'INVALID_JSON', message: 'That message is not valid JSON.' } });
    expect(events.map((e) => e.type)).toEqual(['lane.highlight', 'pong', 'error']);
    const highlight = events[0];
    expect(highlight?.type === 'lane.highlight' && highlight.data.option).toBe('STANDARD');
  });

  it('stops calling a listener after unsubscribe', () => {
    const { connection } = setup();
    const seen: number[] = [];
    const stop = connection.onView((v) => seen.push(v.rev));
    connection.start();
    FakeWebSocket.last().serverOpen();
    FakeWebSocket.last().serverSend(laneView('lane-1', 1, IDLE_KIOSK));
    stop();
    FakeWebSocket.last().serverSend(laneView('lane-1', 2, IDLE_KIOSK));
    expect(seen).toEqual([1]);
  });
});

describe('resync and reconnect', () => {
  it('sends {"type":"resync"} when asked while open', () => {
    const { connection } = setup();
    connection.start();
    expect(connection.resync()).toBe(false);
    FakeWebSocket.last().serverOpen();
    expect(connection.resync()).toBe(true);
    expect(FakeWebSocket.last().sent).toEqual(['{"type":"resync"}']);
  });

  it('converges after a reconnect from the view sent on connect, keeping the rev rule', () => {
    const { connection, views } = setup();
    connection.start();
    const first = FakeWebSocket.last();
    first.serverOpen();
    first.serverSend(laneView('lane-1', 40, IDLE_KIOSK));
    first.serverClose(1001);

    // Down: a resync cannot be sent and is not queued (the reconnect brings a full view).
    expect(connection.resync()).toBe(false);
    timers.runNext();
    const second = FakeWebSocket.last();
    expect(second).not.toBe(first);
    second.serverOpen();
    expect(second.sent).toEqual([]);

    // The server restarted; it missed 21 changes: the view on connect is newer and applies.
    second.serverSend(laneView('lane-1', 61, CHOOSING_KIOSK));
    // A late frame of an older revision is dropped.
    second.serverSend(laneView('lane-1', 60, IDLE_KIOSK));
    expect(views.map((v) => v.rev)).toEqual([40, 61]);

    // Resync on the new socket; the answer at the same revision changes nothing.
    expect(connection.resync()).toBe(true);
    expect(second.sentMessages()).toEqual([{ type: 'resync' }]);
    second.serverSend(laneView('lane-1', 61, CHOOSING_KIOSK));
    expect(views).toHaveLength(2);
  });

  it('ignores frames from a replaced socket', () => {
    const { connection, views } = setup();
    connection.start();
    const first = FakeWebSocket.last();
    first.serverOpen();
    first.serverClose();
    timers.runNext();
    FakeWebSocket.last().serverOpen();
    first.serverSend(laneView('lane-1', 99, IDLE_KIOSK));
    expect(views).toHaveLength(0);
  });
});

describe('keep-alive', () => {
  it('sends no ping unless asked to', () => {
    const { connection } = setup();
    connection.start();
    FakeWebSocket.last().serverOpen();
    timers.advance(120_000);
    expect(FakeWebSocket.last().sent).toEqual([]);
  });

  it('pings while answered and replaces a socket that stopped answering', () => {
    const { connection, statuses } = setup({ keepAliveMs: 20_000 });
    connection.start();
    const socket = FakeWebSocket.last();
    socket.serverOpen();
    timers.advance(20_000);
    expect(socket.sentMessages()).toEqual([{ type: 'ping' }]);
    socket.serverSend({ type: 'pong', lane: null, rev: 0, at: 'x', data: {} });
    timers.advance(20_000);
    expect(socket.sentMessages()).toEqual([{ type: 'ping' }, { type: 'ping' }]);
    // no answer to the second ping: at the next tick the socket is given up
    timers.advance(20_000);
    expect(socket.closedByClient?.code).toBe(4000);
    expect(statuses.at(-1)).toBe('reconnecting');
    timers.runNext();
    expect(FakeWebSocket.instances).toHaveLength(2);
  });
});

afterEach(() => {
  vi.useRealTimers();
});
