/**
 * The one WebSocket connection of a screen (docs/realtime.md).
 *
 * - Connects to `/ws/lanes/{lane}` (register or kiosk) or `/ws/monitor` (manager). The server
 *   authenticates the upgrade with the HttpOnly cookie; no secret is ever put in the URL.
 * - Reconnects after any close with exponential backoff (0.5 s doubling to 30 s, ±20 % jitter);
 *   the attempt counter resets when a socket opens. On every connect the server sends the
 *   complete current view of each lane, so a reconnect converges without asking. A `resync()`
 *   asked while the socket is down is therefore not queued.
 * - Drops any `lane.view` whose `rev` is not newer than the last one applied for that lane
 *   (revisions never go back, also across reconnects and server restarts).
 * - Optional client keep-alive: every `keepAliveMs` it sends `{"type":"ping"}`; a socket from
 *   which nothing was heard since the previous ping is considered dead and replaced.
 * - Exposes its status (connecting / open / reconnecting / closed) as a readable store for a
 *   small "reconnecting" badge.
 *
 * The WebSocket constructor, the timers and the random source are injectable for tests.
 * Nothing happens until `start()`.
 */

import { createStore, type Readable, type Unsubscribe } from '../store';
import type { LaneView, LaneViewMessage, ServerEvent } from '../wire';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy, type Random } from './backoff';
import { decodeServerMessage, encodeClientMessage } from './messages';

/** What a screen shows about its connection. */
export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** What the connection reads from a close event. */
export interface SocketCloseInfo {
  code: number;
  reason: string;
}

/** The part of the browser's `WebSocket` the connection uses. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: (event: SocketCloseInfo) => void): void;
  addEventListener(type: 'error', listener: () => void): void;
}

/** `new WebSocket(url)`, or a fake. */
export type WebSocketConstructor = new (url: string) => WebSocketLike;

/** A timer handle as the platform returns it. */
export type TimerHandle = ReturnType<typeof globalThis.setTimeout>;

/** The timer functions the connection uses. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** `WebSocket.OPEN`. */
const OPEN = 1;

/** Settings of one connection. */
export interface ConnectionOptions {
  /** `/ws/lanes/{lane}` or `/ws/monitor` (see `lanePath`, `MONITOR_PATH`) */
  path: string;
  /** page URL the path is resolved against; default: the current page */
  baseUrl?: string;
  /** default: the browser's `WebSocket` */
  WebSocket?: WebSocketConstructor;
  /** default: the global `setTimeout`/`clearTimeout` */
  timers?: Timers;
  /** default: `Math.random` */
  random?: Random;
  /** default: 0.5 s doubling to 30 s, ±20 % */
  backoff?: BackoffPolicy;
  /** send a client ping this often while open (ms); 0 or absent: no client pings */
  keepAliveMs?: number;
}

/** The socket path of one lane. */
export function lanePath(lane: string): string {
  return `/ws/lanes/${encodeURIComponent(lane)}`;
}

/** The manager monitor's socket path. */
export const MONITOR_PATH = '/ws/monitor';

/** The absolute `ws:`/`wss:` URL of `path` on the page's origin. */
export function socketUrl(path: string, baseUrl: string): string {
  const url = new URL(path, baseUrl);
  if (url.protocol === 'https:') url.protocol = 'wss:';
  else if (url.protocol === 'http:') url.protocol = 'ws:';
  url.hash = '';
  return url.toString();
}

const defaultTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle),
};

/** Calls each listener of a set with a value. */
class Emitter<T> {
  private readonly listeners = new Set<(value: T) => void>();

  on(listener: (value: T) => void): Unsubscribe {
    const entry = (value: T): void => listener(value);
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }

  emit(value: T): void {
    for (const listener of [...this.listeners]) {
      if (this.listeners.has(listener)) listener(value);
    }
  }
}

/** One screen's socket, kept open. `V` is the view type this socket receives. */
export class Connection<V extends LaneView> {
  private readonly statusStore = createStore<ConnectionStatus>('closed');
  private readonly views = new Emitter<LaneViewMessage<V>>();
  private readonly events = new Emitter<ServerEvent>();
  private readonly revs = new Map<string, number>();
  private readonly timers: Timers;
  private readonly random: Random;
  private readonly policy: BackoffPolicy;
  private readonly keepAliveMs: number;
  private readonly Socket: WebSocketConstructor | undefined;
  private socket: WebSocketLike | null = null;
  private attempt = 0;
  private retryTimer: TimerHandle | null = null;
  private keepAliveTimer: TimerHandle | null = null;
  /** whether anything arrived since the last client ping */
  private heard = true;
  private running = false;

  /** connecting, open, reconnecting or closed */
  readonly status: Readable<ConnectionStatus> = this.statusStore;

  constructor(private readonly options: ConnectionOptions) {
    this.timers = options.timers ?? defaultTimers;
    this.random = options.random ?? Math.random;
    this.policy = options.backoff ?? DEFAULT_BACKOFF;
    this.keepAliveMs = options.keepAliveMs ?? 0;
    this.Socket = options.WebSocket ?? (typeof globalThis.WebSocket === 'function' ? globalThis.WebSocket : undefined);
  }

  /** Opens the socket (once; later calls do nothing while running). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.attempt = 0;
    this.statusStore.set('connecting');
    this.open();
  }

  /** Closes the socket and stops reconnecting. `start()` may be called again later. */
  stop(): void {
    this.running = false;
    this.clearRetry();
    this.clearKeepAlive();
    const socket = this.socket;
    this.socket = null;
    if (socket) socket.close(1000, 'client closed');
    this.statusStore.set('closed');
  }

  /** Asks for the complete current views. False when the socket is not open. */
  resync(): boolean {
    return this.send({ type: 'resync' });
  }

  /** Sends a keep-alive ping. False when the socket is not open. */
  ping(): boolean {
    return this.send({ type: 'ping' });
  }

  /** Listens to applied views (stale ones never reach listeners). */
  onView(listener: (message: LaneViewMessage<V>) => void): Unsubscribe {
    return this.views.on(listener);
  }

  /** Listens to ephemeral events: `lane.highlight`, `pong`, `error`. */
  onEvent(listener: (event: ServerEvent) => void): Unsubscribe {
    return this.events.on(listener);
  }

  /** The revision last applied for a lane. */
  lastRev(lane: string): number | undefined {
    return this.revs.get(lane);
  }

  private send(message: { type: 'ping' | 'resync' }): boolean {
    const socket = this.socket;
    if (!socket || socket.readyState !== OPEN) return false;
    socket.send(encodeClientMessage(message));
    return true;
  }

  private open(): void {
    const Socket = this.Socket;
    if (!Socket) throw new Error('No WebSocket implementation is available.');
    const base = this.options.baseUrl ?? globalThis.location.href;
    let socket: WebSocketLike;
    try {
      socket = new Socket(socketUrl(this.options.path, base));
    } catch {
      // e.g. a malformed URL: treat it as a failed attempt.
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    socket.addEventListener('open', () => {
      if (socket !== this.socket) return;
      this.attempt = 0;
      this.heard = true;
      this.statusStore.set('open');
      this.scheduleKeepAlive();
    });
    socket.addEventListener('message', (event) => {
      if (socket !== this.socket) return;
      this.heard = true;
      this.receive(event.data);
    });
    socket.addEventListener('close', () => {
      if (socket !== this.socket) return;
      this.lost();
    });
    // An error is always followed by a close; nothing to do here.
    socket.addEventListener('error', () => undefined);
  }

  private receive(data: unknown): void {
    const message = decodeServerMessage<V>(data);
    if (!message) return;
    if (message.type === 'lane.view') {
      const last = this.revs.get(message.lane);
      if (last !== undefined && message.rev <= last) return;
      this.revs.set(message.lane, message.rev);
      this.views.emit(message);
    } else {
      this.events.emit(message);
    }
  }

  /** The current socket is gone (closed, or found dead): forget it and retry later. */
  private lost(): void {
    const socket = this.socket;
    this.socket = null;
    this.clearKeepAlive();
    if (socket && socket.readyState === OPEN) socket.close(4000, 'no answer to ping');
    if (!this.running) return;
    this.statusStore.set('reconnecting');
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    this.clearRetry();
    const delay = backoffDelay(this.attempt, this.random, this.policy);
    this.attempt += 1;
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      if (this.running) this.open();
    }, delay);
  }

  private scheduleKeepAlive(): void {
    if (this.keepAliveMs <= 0) return;
    this.clearKeepAlive();
    this.keepAliveTimer = this.timers.setTimeout(() => {
      this.keepAliveTimer = null;
      if (!this.heard) {
        this.lost();
        return;
      }
      this.heard = false;
      this.ping();
      this.scheduleKeepAlive();
    }, this.keepAliveMs);
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private clearKeepAlive(): void {
    if (this.keepAliveTimer !== null) this.timers.clearTimeout(this.keepAliveTimer);
    this.keepAliveTimer = null;
  }
}

/** Creates a connection and starts it. */
export function connect<V extends LaneView>(options: ConnectionOptions): Connection<V> {
  const connection = new Connection<V>(options);
  connection.start();
  return connection;
}
