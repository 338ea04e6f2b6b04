/**
 * Signatures: the filterable, paginated list (filters in the URL) and one signature's detail
 * (image, exact text, hashes, attribution, timeline, stay, verification). Opening a detail is
 * recorded by the server in the audit log.
 */

import { useEffect, useState } from 'preact/hooks';

import type { ApiError } from '../../api';
import { formatTime } from '../../i18n';
import { api } from '../../ui/client';
import { ErrorNote, TableHead } from '../../ui/parts';
import type { SignatureDetail, SignaturePage } from '../../wire-staff';
import { IDENTITY_NAMES, LANGUAGE_NAMES } from '../register/labels';
import { navigate } from './route';

/** Lane names by id (`GET /api/lanes`), so a lane reads "Lane 1" as everywhere else. */
function useLaneNames(): Map<string, string> {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    void api.lanes().then((a) => a.ok && setNames(new Map(a.value.map((l) => [l.id, l.name]))));
  }, []);
  return names;
}

/** How identity was established, in words (an unknown method as sent). */
function identityName(method: string): string {
  return method in IDENTITY_NAMES ? IDENTITY_NAMES[method as keyof typeof IDENTITY_NAMES] : method.toLowerCase().replace(/_/g, ' ');
}

/** The list page. */
export function SignatureList({ filters, timeZone }: { filters: Record<string, string>; timeZone: string }) {
  const [page, setPage] = useState<SignaturePage | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [draft, setDraft] = useState(filters);
  const laneNames = useLaneNames();
  const key = JSON.stringify(filters);
  useEffect(() => {
    setDraft(filters);
    void api.signatures({ ...filters, limit: 25 }).then((a) => {
      if (a.ok) {
        setPage(a.value);
        setError(null);
      } else setError(a.error);
    });
  }, [key]);

  const field = (name: string, label: string, type = 'text') => (
    <label>
      {label}
      <input type={type} name={name} value={draft[name] ?? ''} onInput={(e) => setDraft({ ...draft, [name]: e.currentTarget.value })} />
    </label>
  );

  return (
    <section class="panel" data-testid="signature-list">
      <h2>Signatures</h2>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          const { cursor: _drop, ...rest } = draft;
          navigate({ page: 'signatures', filters: rest });
        }}
      >
        {field('from', 'From', 'date')}
        {field('to', 'To', 'date')}
        {field('customer', 'Customer')}
        {field('lane', 'Lane')}
        <label>
          Language
          <select value={draft.language ?? ''} onChange={(e) => setDraft({ ...draft, language: e.currentTarget.value })}>
            <option value="">any</option>
            <option value="EN">EN</option>
            <option value="ES">ES</option>
          </select>
        </label>
        <button type="submit" class="btn btn-secondary">Filter</button>
      </form>
      <ErrorNote error={error} timeZone={timeZone} />
      <table class="grid">
        <TableHead labels={['Signed', 'Customer', 'Agreement', 'Lane', 'Employee', 'Kiosk', 'Unit']} />
        <tbody>
          {page?.items.map((s) => (
            <tr key={s.id}>
              <td>
                <a href={`/manager/signatures/${s.id}`} data-testid="signature-link" onClick={(e) => {
                  e.preventDefault();
                  navigate({ page: 'signature', id: s.id });
                }}>
                  {formatTime(s.signed_at, { timeZone })}
                </a>
              </td>
              <td>{s.customer_name}</td>
              <td>
                {s.agreement_title} v{s.agreement_version} ({LANGUAGE_NAMES[s.language]})
              </td>
              <td>{laneNames.get(s.lane_id) ?? s.lane_id}</td>
              <td>{s.staff_name}</td>
              <td>{s.device_name ?? '—'}</td>
              <td>{s.unit ? `${s.unit.kind === 'ROOM' ? 'Room' : 'Locker'} ${s.unit.number}` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {page && page.items.length === 0 ? <p class="note">No signature matches these filters.</p> : null}
      {page?.next_cursor ? (
        <button type="button" class="btn btn-secondary" onClick={() => navigate({ page: 'signatures', filters: { ...filters, cursor: page.next_cursor ?? '' } })}>
          Older →
        </button>
      ) : null}
    </section>
  );
}

function Yes({ ok }: { ok: boolean }) {
  return <span class={ok ? 'ok' : 'warn'}>{ok ? 'matches' : 'DOES NOT MATCH'}</span>;
}

/** One signature. */
export function SignatureView({ id, timeZone }: { id: string; timeZone: string }) {
  const [detail, setDetail] = useState<SignatureDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const laneNames = useLaneNames();
  useEffect(() => {
    void api.signature(id).then((a) => (a.ok ? setDetail(a.value) : setError(a.error)));
  }, [id]);
  if (error) return <ErrorNote error={error} timeZone={timeZone} />;
  if (!detail) return <p class="note">Loading…</p>;
  const d = detail;
  const at = (iso: string) => formatTime(iso, { timeZone });
  return (
    <section class="panel signature-detail" data-testid="signature-detail">
      <button type="button" class="btn btn-link" onClick={() => history.back()}>
        ← Back
      </button>
      <h2>
        {d.customer_name} · {d.agreement_title} v{d.agreement_version} ({LANGUAGE_NAMES[d.language]})
      </h2>
      <p class={d.verification.intact ? 'ok' : 'warn'} data-testid="verification">
        {d.verification.intact ? 'Verified: every stored hash matches the record.' : 'Verification FAILED: the record was altered.'}
      </p>
      <div class="detail-grid">
        <div>
          <img class="signature-image" src={d.signature_png} alt={`Signature of ${d.customer_name}`} />
          <h3>Timeline</h3>
          <dl>
            <dt>Agreement shown</dt>
            <dd>{at(d.timeline.agreement_shown_at)}</dd>
            <dt>Consent ticked</dt>
            <dd>{at(d.timeline.consent_at)}</dd>
            <dt>Signed (server)</dt>
            <dd>{at(d.timeline.signed_at)}</dd>
          </dl>
          <h3>Attribution</h3>
          <dl>
            <dt>Customer</dt>
            <dd>
              {d.customer_name} {d.membership_number ? `#${d.membership_number}` : ''} · {identityName(d.attribution.identity_method)}
              {d.attribution.dob_verified ? ' · DOB verified' : ''}
            </dd>
            <dt>Employee</dt>
            <dd>{d.staff_name}</dd>
            <dt>Kiosk</dt>
            <dd>{d.device_name ?? '—'}</dd>
            <dt>Lane</dt>
            <dd>{laneNames.get(d.lane_id) ?? d.lane_id}</dd>
            <dt>Stay</dt>
            <dd>{d.stay ? `${d.unit ? d.unit.number : ''} ${at(d.stay.starts_at)} → ${at(d.stay.ends_at)}` : '—'}</dd>
          </dl>
          <h3>Hashes (SHA-256)</h3>
          <dl class="hashes">
            <dt>Text</dt>
            <dd><code>{d.hashes.agreement_text_sha256}</code> <Yes ok={d.verification.agreement_text} /></dd>
            <dt>Consent</dt>
            <dd><code>{d.hashes.consent_text_sha256}</code> <Yes ok={d.verification.consent_text} /></dd>
            <dt>Image</dt>
            <dd><code>{d.hashes.signature_png_sha256}</code> <Yes ok={d.verification.signature_png} /></dd>
            <dt>Record</dt>
            <dd><code>{d.hashes.record_sha256}</code> <Yes ok={d.verification.record} /></dd>
          </dl>
        </div>
        <div>
          <h3>Text signed</h3>
          <article class="agreement-text">{d.agreement_text}</article>
          <p class="consent-text">☑ {d.consent_text}</p>
        </div>
      </div>
    </section>
  );
}
