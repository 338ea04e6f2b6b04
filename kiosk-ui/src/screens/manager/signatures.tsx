/**
 * Signatures: the filterable, paginated list (filters in the URL, with CSV and ZIP exports of
 * what the filters select) and one signature's detail (image, exact text, hashes, attribution,
 * timeline, stay, verification, and its certificate PDF to download). Opening a detail and
 * downloading a certificate are recorded by the server in the audit log.
 */

import { useEffect, useState } from 'preact/hooks';

import type { ApiError } from '../../api';
import { certificateUrl, evidence, exportRefusal, exportUrl } from '../../api-evidence';
import { api } from '../../ui/client';
import { t, timeAt } from '../../ui/language';
import { ErrorNote, TableHead } from '../../ui/parts';
import type { Certificate } from '../../wire-evidence';
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

  // An export is asked about first, so a refusal (too many signatures) is shown in words here
  // rather than downloaded as a file; without script the links still download.
  const [exportError, setExportError] = useState<ApiError | null>(null);
  const startExport = (e: MouseEvent) => {
    const link = e.currentTarget as HTMLAnchorElement;
    if (link.dataset.checked === 'yes') return;
    e.preventDefault();
    void evidence.exportSize(filters).then((a) => {
      const refusal = a.ok ? exportRefusal(a.value) : a.error;
      setExportError(refusal);
      if (refusal) return;
      link.dataset.checked = 'yes';
      link.click();
      delete link.dataset.checked;
    });
  };

  const field = (name: string, label: string, type = 'text') => (
    <label>
      {label}
      <input type={type} name={name} value={draft[name] ?? ''} onInput={(e) => setDraft({ ...draft, [name]: e.currentTarget.value })} />
    </label>
  );

  return (
    <section class="panel" data-testid="signature-list">
      <h2>{t('mgr.signatures')}</h2>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          const { cursor: _drop, ...rest } = draft;
          navigate({ page: 'signatures', filters: rest });
        }}
      >
        {field('from', t('mgr.from'), 'date')}
        {field('to', t('mgr.to'), 'date')}
        {field('customer', t('mgr.customer'))}
        {field('lane', t('mgr.lane'))}
        <label>
          {t('mgr.language')}
          <select value={draft.language ?? ''} onChange={(e) => setDraft({ ...draft, language: e.currentTarget.value })}>
            <option value="">{t('mgr.anyLanguage')}</option>
            <option value="EN">{LANGUAGE_NAMES.EN}</option>
            <option value="ES">{LANGUAGE_NAMES.ES}</option>
          </select>
        </label>
        <button type="submit" class="btn btn-secondary">{t('mgr.filter')}</button>
      </form>
      <p class="exports">
        <a class="btn btn-secondary" href={exportUrl('csv', filters)} download data-testid="export-csv" onClick={startExport}>
          {t('ev.exportCsv')}
        </a>
        <a class="btn btn-secondary" href={exportUrl('zip', filters)} download data-testid="export-zip" onClick={startExport}>
          {t('ev.exportZip')}
        </a>
        <small class="note">{t('ev.exportHint')}</small>
      </p>
      <ErrorNote error={exportError} timeZone={timeZone} testId="export-error" />
      <ErrorNote error={error} timeZone={timeZone} />
      <table class="grid">
        <TableHead labels={[t('mgr.col.signed'), t('mgr.col.customer'), t('mgr.col.agreement'), t('mgr.col.lane'), t('mgr.col.employee'), t('mgr.col.kiosk'), t('mgr.col.unit')]} />
        <tbody>
          {page?.items.map((s) => (
            <tr key={s.id}>
              <td>
                <a href={`/manager/signatures/${s.id}`} data-testid="signature-link" onClick={(e) => {
                  e.preventDefault();
                  navigate({ page: 'signature', id: s.id });
                }}>
                  {timeAt(s.signed_at, timeZone)}
                </a>
              </td>
              <td>
                {s.customer_name}
                {s.intact === false ? (
                  <>
                    {' '}
                    <strong class="warn" data-testid="signature-altered">
                      {t('ev.altered')}
                    </strong>
                  </>
                ) : null}
              </td>
              <td>
                {s.agreement_title} v{s.agreement_version} ({LANGUAGE_NAMES[s.language]})
              </td>
              <td>{laneNames.get(s.lane_id) ?? s.lane_id}</td>
              <td>{s.staff_name}</td>
              <td>{s.device_name ?? '—'}</td>
              <td>{s.unit ? t(s.unit.kind === 'ROOM' ? 'staff.roomNumber' : 'staff.lockerNumber', { number: s.unit.number }) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {page && page.items.length === 0 ? <p class="note">{t('mgr.noSignature')}</p> : null}
      {page?.next_cursor ? (
        <button type="button" class="btn btn-secondary" onClick={() => navigate({ page: 'signatures', filters: { ...filters, cursor: page.next_cursor ?? '' } })}>
          {t('mgr.older')}
        </button>
      ) : null}
    </section>
  );
}

function Yes({ ok }: { ok: boolean }) {
  return <span class={ok ? 'ok' : 'warn'}>{t(ok ? 'mgr.matches' : 'mgr.doesNotMatch')}</span>;
}

/** Saves a downloaded certificate under its own name (an object URL clicked, then freed). */
function save(certificate: Certificate): void {
  const url = URL.createObjectURL(certificate.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = certificate.filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The certificate's download: a plain link (works without script), fetched here so the
 * SHA-256 the server sent can be shown next to it. */
function CertificateDownload({ id, timeZone }: { id: string; timeZone: string }) {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Certificate | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  return (
    <div class="certificate" data-testid="certificate">
      <a
        class="btn btn-primary"
        href={certificateUrl(id)}
        download
        aria-busy={busy}
        data-testid="download-certificate"
        onClick={(e) => {
          e.preventDefault();
          if (busy) return;
          setBusy(true);
          setError(null);
          void evidence.certificate(id).then((a) => {
            setBusy(false);
            if (a.ok) {
              save(a.value);
              setDone(a.value);
            } else setError(a.error);
          });
        }}
      >
        {t('ev.download')}
      </a>
      {done ? (
        <p class="note" data-testid="certificate-downloaded">
          {t('ev.downloaded', { file: done.filename })}{' '}
          {done.sha256 ? (
            <>
              {t('ev.certificateSha')} <code data-testid="certificate-sha256">{done.sha256}</code>
            </>
          ) : null}
        </p>
      ) : null}
      <ErrorNote error={error} timeZone={timeZone} testId="certificate-error" />
    </div>
  );
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
  if (!detail) return <p class="note">{t('staff.loading')}</p>;
  const d = detail;
  const at = (iso: string) => timeAt(iso, timeZone);
  return (
    <section class="panel signature-detail" data-testid="signature-detail">
      <button type="button" class="btn btn-link" onClick={() => history.back()}>
        {t('mgr.back')}
      </button>
      <h2>
        {d.customer_name} · {d.agreement_title} v{d.agreement_version} ({LANGUAGE_NAMES[d.language]})
      </h2>
      <p class={d.verification.intact ? 'ok' : 'warn'} data-testid="verification">
        {t(d.verification.intact ? 'mgr.verified' : 'mgr.verifyFailed')}
      </p>
      <CertificateDownload id={d.id} timeZone={timeZone} />
      <div class="detail-grid">
        <div>
          <img class="signature-image" src={d.signature_png} alt={t('mgr.signatureOf', { name: d.customer_name })} />
          <h3>{t('mgr.timeline')}</h3>
          <dl>
            <dt>{t('mgr.agreementShown')}</dt>
            <dd>{at(d.timeline.agreement_shown_at)}</dd>
            <dt>{t('mgr.consentTicked')}</dt>
            <dd>{at(d.timeline.consent_at)}</dd>
            <dt>{t('mgr.signedServer')}</dt>
            <dd>{at(d.timeline.signed_at)}</dd>
          </dl>
          <h3>{t('mgr.attribution')}</h3>
          <dl>
            <dt>{t('mgr.customer')}</dt>
            <dd>
              {d.customer_name} {d.membership_number ? `#${d.membership_number}` : ''} · {identityName(d.attribution.identity_method)}
              {d.attribution.dob_verified ? ` · ${t('mgr.dobVerified')}` : ''}
            </dd>
            <dt>{t('mgr.employee')}</dt>
            <dd>{d.staff_name}</dd>
            <dt>{t('mgr.kiosk')}</dt>
            <dd>{d.device_name ?? '—'}</dd>
            <dt>{t('mgr.lane')}</dt>
            <dd>{laneNames.get(d.lane_id) ?? d.lane_id}</dd>
            <dt>{t('mgr.stay')}</dt>
            <dd>{d.stay ? `${d.unit ? d.unit.number : ''} ${at(d.stay.starts_at)} → ${at(d.stay.ends_at)}` : '—'}</dd>
          </dl>
          <h3>{t('mgr.hashes')}</h3>
          <dl class="hashes">
            <dt>{t('mgr.hash.text')}</dt>
            <dd><code>{d.hashes.agreement_text_sha256}</code> <Yes ok={d.verification.agreement_text} /></dd>
            <dt>{t('mgr.hash.consent')}</dt>
            <dd><code>{d.hashes.consent_text_sha256}</code> <Yes ok={d.verification.consent_text} /></dd>
            <dt>{t('mgr.hash.image')}</dt>
            <dd><code>{d.hashes.signature_png_sha256}</code> <Yes ok={d.verification.signature_png} /></dd>
            <dt>{t('mgr.hash.record')}</dt>
            <dd><code>{d.hashes.record_sha256}</code> <Yes ok={d.verification.record} /></dd>
          </dl>
        </div>
        <div>
          <h3>{t('mgr.textSigned')}</h3>
          <article class="agreement-text" lang={d.language.toLowerCase()}>{d.agreement_text}</article>
          <p class="consent-text" lang={d.language.toLowerCase()}>☑ {d.consent_text}</p>
        </div>
      </div>
    </section>
  );
}
