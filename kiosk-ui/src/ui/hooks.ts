/**
 * Preact glue for the foundation modules: a readable as state, one lane socket with its store
 * for the lifetime of a component, and an HTTP read reloaded when its inputs change.
 */

import { useEffect, useMemo, useState } from 'preact/hooks';

import type { ApiError, ApiResult } from '../api';
import { createLaneStore, type LaneMap } from '../lane-store';
import type { Readable } from '../store';
import type { LaneView } from '../wire';
import { Connection, type ConnectionStatus } from '../ws/connection';

/** The current value of `readable`, re-rendering on each change. */
export function useReadable<T>(readable: Readable<T>): T {
  const [value, setValue] = useState(() => readable.get());
  useEffect(() => {
    setValue(readable.get());
    return readable.subscribe(setValue);
  }, [readable]);
  return value;
}

/** What a screen reads from its socket. */
export interface LaneFeed<V extends LaneView> {
  status: ConnectionStatus;
  lanes: LaneMap<V>;
  /** applies a view from elsewhere, e.g. the `view` of a 409 STALE_VERSION */
  apply(lane: string, rev: number, view: V): void;
  connection: Connection<V>;
}

/** Opens the socket at `path` (`/ws/lanes/{lane}` or `/ws/monitor`) while mounted. */
export function useLaneFeed<V extends LaneView>(path: string): LaneFeed<V> {
  const { connection, store } = useMemo(() => {
    const connection = new Connection<V>({ path, keepAliveMs: 20_000 });
    return { connection, store: createLaneStore<V>(connection) };
  }, [path]);
  useEffect(() => {
    connection.start();
    return () => {
      connection.stop();
      store.detach();
    };
  }, [connection, store]);
  const status = useReadable(connection.status);
  const lanes = useReadable(store);
  return { status, lanes, connection, apply: (lane, rev, view) => void store.apply(lane, rev, view) };
}

/** What [`useLoaded`] holds: the last value read, the last refusal (`setError` lets the screen
 * show its own actions' refusals in the same place). */
export interface Loaded<T> {
  value: T | null;
  error: ApiError | null;
  setError(error: ApiError | null): void;
}

/** Reads `load()` now and again whenever `deps` change (a push, a tick); an answer that
 * arrives after a newer read started, or after unmounting, is dropped. */
export function useLoaded<T>(load: () => Promise<ApiResult<T>>, deps: unknown[]): Loaded<T> {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let current = true;
    void load().then((answer) => {
      if (!current) return;
      if (answer.ok) {
        setValue(answer.value);
        setError(null);
      } else setError(answer.error);
    });
    return () => {
      current = false;
    };
  }, deps);
  return { value, error, setError };
}
