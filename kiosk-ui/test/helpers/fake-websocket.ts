/**
 * A fake WebSocket for connection tests: records what the client sends and lets the test play
 * the server (open, send a frame, close). Every instance is kept in `FakeWebSocket.instances`.
 */

import type { SocketCloseInfo, WebSocketLike } from '../../src/ws/connection';

type Handlers = {
  open: Array<() => void>;
  message: Array<(event: { data: unknown }) => void>;
  close: Array<(event: SocketCloseInfo) => void>;
  error: Array<() => void>;
};

export class FakeWebSocket implements WebSocketLike {
  static instances: FakeWebSocket[] = [];

  /** The newest socket. */
  static last(): FakeWebSocket {
    const socket = FakeWebSocket.instances[FakeWebSocket.instances.length - 1];
    if (!socket) throw new Error('no socket was created');
    return socket;
  }

  static reset(): void {
    FakeWebSocket.instances = [];
  }

  readyState = 0;
  readonly sent: string[] = [];
  closedByClient: { code?: number; reason?: string } | null = null;
  private readonly handlers: Handlers = { open: [], message: [], close: [], error: [] };

  constructor(readonly url: string) {
    FakeWebSocket.instances.push(this);
  }

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('send on a socket that is not open');
    this.sent.push(data);
  }

  close(code?: number, reason?: string): void {
    this.closedByClient = { code, reason };
    this.readyState = 2;
  }

  addEventListener(type: 'open', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: (event: SocketCloseInfo) => void): void;
  addEventListener(type: 'error', listener: () => void): void;
  addEventListener(type: keyof Handlers, listener: (...args: never[]) => void): void {
    (this.handlers[type] as Array<(...args: never[]) => void>).push(listener);
  }

  /** The server accepts the upgrade. */
  serverOpen(): void {
    this.readyState = 1;
    this.handlers.open.forEach((h) => h());
  }

  /** The server sends a frame (objects are sent as JSON text). */
  serverSend(frame: unknown): void {
    const data = typeof frame === 'string' ? frame : JSON.stringify(frame);
    this.handlers.message.forEach((h) => h({ data }));
  }

  /** The connection ends (refused upgrade, server restart, network loss). */
  serverClose(code = 1006, reason = ''): void {
    this.readyState = 3;
    this.handlers.error.forEach((h) => h());
    this.handlers.close.forEach((h) => h({ code, reason }));
  }

  /** The messages the client sent, parsed. */
  sentMessages(): unknown[] {
    return this.sent.map((s) => JSON.parse(s) as unknown);
  }
}
