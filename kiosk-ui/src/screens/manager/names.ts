/**
 * Names instead of ids on the manager's tables: lanes ("Lane 1"), staff members and tablets,
 * read once when a table opens.
 */

import { useEffect, useState } from 'preact/hooks';

import { api } from '../../ui/client';

/** Lane names by id (`GET /api/lanes`). */
export function useLaneNames(): Map<string, string> {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    void api.lanes().then((a) => a.ok && setNames(new Map(a.value.map((l) => [l.id, l.name]))));
  }, []);
  return names;
}

/** Who an id is: staff display names and tablet names (`GET /api/staff`, `GET /api/devices`).
 * `refresh` reads them again (e.g. when a register shows an employee added meanwhile). */
export function useActorNames(): { names: Map<string, string>; refresh: () => void } {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const refresh = () =>
    void Promise.all([api.staffList(), api.managedDevices()]).then(([staff, devices]) => {
      const next = new Map<string, string>();
      if (staff.ok) for (const s of staff.value) next.set(s.id, s.display_name);
      if (devices.ok) for (const d of devices.value) next.set(d.id, d.name);
      setNames(next);
    });
  useEffect(refresh, []);
  return { names, refresh };
}
