/**
 * The audit tab (`/manager/audit?actor=…&action=…&lane=…&from=…&to=…`): the log newest first,
 * 50 a page, filtered by who, what, lane and club-local days (kept in the URL, so a link can
 * be shared), with the hash chain's verification on top. Actors are shown by name. A broken
 * chain names its event, links to the page that starts there, and marks that row.
 */

import { useEffect, useState } from 'preact/hooks';

import type { ApiError } from '../../api';
import { api } from '../../ui/client';
import { t, timeAt } from '../../ui/language';
import { ErrorNote, TableHead } from '../../ui/parts';
import type { AuditEvent, AuditPage, ChainVerdict } from '../../wire-manager';
import { useActorNames, useLaneNames } from './names';
import { navigate } from './route';

/** Events a page. */
export const AUDIT_PAGE_SIZE = 50;

/** An action as a person types it ("staff created", "Staff-Created") in the server's form. */
export function normalizeAction(typed: string): string {
  return typed.trim().toUpperCase().replace(/[\s-]+/g, '_');
}

/** An action in words: `STAFF_CREATED` → "Staff created". */
export function actionWords(action: string): string {
  const words = action.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function actorOf(e: AuditEvent, names: Map<string, string>): string {
  if (e.actor_id === null) return t('man.audit.system');
  return names.get(e.actor_id) ?? t(e.actor_type === 'DEVICE' ? 'man.audit.someTablet' : 'man.audit.someone');
}

function Verdict({ verdict }: { verdict: ChainVerdict | null }) {
  if (!verdict) return <p class="note">{t('man.audit.verifying')}</p>;
  if (verdict.status === 'intact') {
    return <p class="ok" role="status" data-testid="chain-verdict">{t('man.audit.intact', { count: verdict.events ?? 0 })}</p>;
  }
  const seq = verdict.seq ?? 0;
  return (
    <p class="warn" role="alert" data-testid="chain-verdict">
      {t('man.audit.broken', { seq, problem: verdict.problem ?? '' })}{' '}
      <a href={`/manager/audit?cursor=${seq + 1}`} data-testid="chain-break-link" onClick={(e) => {
        e.preventDefault();
        navigate({ page: 'audit', filters: { cursor: String(seq + 1) } });
      }}>{t('man.audit.showBreak')}</a>
    </p>
  );
}

/** The audit page. */
export function AuditTab({ filters, timeZone }: { filters: Record<string, string>; timeZone: string }) {
  const [page, setPage] = useState<AuditPage | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [verdict, setVerdict] = useState<ChainVerdict | null>(null);
  const [draft, setDraft] = useState(filters);
  const { names } = useActorNames();
  const lanes = useLaneNames();
  const key = JSON.stringify(filters);
  useEffect(() => void api.auditVerify().then((a) => a.ok && setVerdict(a.value)), []);
  useEffect(() => {
    // the action reads as words in the box ("register force sign out"), as typed
    setDraft(filters.action ? { ...filters, action: actionWords(filters.action).toLowerCase() } : filters);
    void api.auditEvents({ ...filters, limit: AUDIT_PAGE_SIZE }).then((a) => {
      setPage(a.ok ? a.value : null);
      setError(a.ok ? null : a.error);
    });
  }, [key]);
  const set = (name: string, value: string) => setDraft({ ...draft, [name]: value });
  const broken = verdict?.status === 'broken' ? verdict.seq : null;
  const date = (name: 'from' | 'to', label: string) => (
    <label>
      {label}
      <input type="date" value={draft[name] ?? ''} data-testid={`audit-${name}`} onInput={(e) => set(name, e.currentTarget.value)} />
    </label>
  );
  return (
    <section class="panel" data-testid="audit-tab">
      <h2>{t('man.audit.title')}</h2>
      <Verdict verdict={verdict} />
      <form class="filters" onSubmit={(e) => {
        e.preventDefault();
        const { cursor: _drop, ...rest } = draft;
        navigate({ page: 'audit', filters: { ...rest, action: normalizeAction(rest.action ?? '') } });
      }}>
        <label>
          {t('man.audit.actor')}
          <select value={draft.actor ?? ''} data-testid="audit-actor" onChange={(e) => set('actor', e.currentTarget.value)}>
            <option value="">{t('man.audit.anyone')}</option>
            {[...names].map(([id, name]) => <option key={id} value={id}>{name}</option>)}
          </select>
        </label>
        <label>
          {t('man.audit.action')}
          <input type="text" value={draft.action ?? ''} data-testid="audit-action" placeholder={t('man.audit.actionHint')} onInput={(e) => set('action', e.currentTarget.value)} />
        </label>
        <label>
          {t('mgr.col.lane')}
          <select value={draft.lane ?? ''} data-testid="audit-lane" onChange={(e) => set('lane', e.currentTarget.value)}>
            <option value="">{t('man.audit.anyLane')}</option>
            {[...lanes].map(([id, name]) => <option key={id} value={id}>{name}</option>)}
          </select>
        </label>
        <label>
          {t('man.audit.entityType')}
          <input type="text" value={draft.entity_type ?? ''} data-testid="audit-entity-type" placeholder={t('man.audit.entityTypeHint')} onInput={(e) => set('entity_type', e.currentTarget.value.trim().toLowerCase())} />
        </label>
        <label>
          {t('man.audit.entityId')}
          <input type="text" value={draft.entity_id ?? ''} data-testid="audit-entity-id" onInput={(e) => set('entity_id', e.currentTarget.value.trim())} />
        </label>
        {date('from', t('mgr.from'))}
        {date('to', t('mgr.to'))}
        <button type="submit" class="btn btn-secondary" data-testid="audit-filter">{t('mgr.filter')}</button>
      </form>
      <ErrorNote error={error} timeZone={timeZone} testId="audit-error" />
      <table class="grid">
        <TableHead labels={[t('man.audit.when'), t('man.audit.actor'), t('man.audit.action'), t('mgr.col.lane'), t('man.audit.reason')]} />
        <tbody>
          {page?.events.map((e) => (
            <tr key={e.seq} data-testid="audit-row" data-action={e.action} data-event-lane={e.lane_id ?? ''}
              class={broken === e.seq ? 'broken' : undefined} aria-current={broken === e.seq ? 'true' : undefined}>
              <td>{broken === e.seq ? <strong class="warn-text" data-testid="chain-break-row">{t('man.audit.breaksHere')} </strong> : null}{timeAt(e.at, timeZone)}</td>
              <td>{actorOf(e, names)}</td>
              <td title={e.action}>{actionWords(e.action)}</td>
              <td>{e.lane_id ? (lanes.get(e.lane_id) ?? e.lane_id) : '—'}</td>
              <td>{e.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {page && page.events.length === 0 ? <p class="note" data-testid="audit-empty">{t('man.audit.none')}</p> : null}
      <div class="pager">
        {filters.cursor ? (
          <button type="button" class="btn btn-secondary" onClick={() => navigate({ page: 'audit', filters: { ...filters, cursor: '' } })}>{t('man.audit.newest')}</button>
        ) : null}
        {page?.next_cursor ? (
          <button type="button" class="btn btn-secondary" data-testid="audit-older" onClick={() => navigate({ page: 'audit', filters: { ...filters, cursor: page.next_cursor ?? '' } })}>{t('mgr.older')}</button>
        ) : null}
      </div>
    </section>
  );
}
