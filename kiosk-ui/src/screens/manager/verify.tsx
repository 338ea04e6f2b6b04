/**
 * The evidence desk's "Verify a certificate" page: a manager uploads a certificate PDF (or
 * types its SHA-256) and reads, in words, whether it is a certificate we issued for a record
 * that still verifies (genuine, with the customer, when signed and a link to the signature),
 * one naming our record that no longer matches it (record changed since), or not one of ours
 * (a file that names one of our signatures but is not its certificate says so, with a link
 * to the signature it names, whose genuine certificate can be downloaded there).
 * The server records every check in the audit log.
 */

import { useState } from 'preact/hooks';

import type { ApiError } from '../../api';
import { evidence, isSha256, MAX_CERTIFICATE_BYTES } from '../../api-evidence';
import type { MessageKey } from '../../i18n';
import { t, timeAt } from '../../ui/language';
import { ActionButton, ErrorNote } from '../../ui/parts';
import type { VerifyAnswer, VerifyStatus } from '../../wire-evidence';
import { navigate } from './route';

/** The headline of each verdict. */
export const VERDICT_KEYS: Record<VerifyStatus, MessageKey> = {
  GENUINE: 'ev.genuine',
  RECORD_CHANGED: 'ev.recordChanged',
  NOT_OURS: 'ev.notOurs',
};

/** The sentence under a verdict's headline. */
export function verdictSentence(answer: VerifyAnswer, timeZone: string): string {
  const name = answer.customer_name ?? '—';
  const time = answer.signed_at ? timeAt(answer.signed_at, timeZone) : '—';
  switch (answer.status) {
    case 'GENUINE':
      return t('ev.genuineText', { name, time });
    case 'RECORD_CHANGED':
      return answer.signature_id ? t('ev.recordChangedText', { name, time }) : t('ev.recordChangedUnnamed');
    case 'NOT_OURS':
      return answer.signature_id ? t('ev.notOursNamed', { name, time }) : t('ev.notOursText');
  }
}

/** A refusal made here, before anything is sent (same shape as the server's). */
function localRefusal(code: string, message: string): ApiError {
  return { status: 0, code, message, details: {} };
}

function Verdict({ answer, timeZone }: { answer: VerifyAnswer; timeZone: string }) {
  const id = answer.signature_id;
  const good = answer.status === 'GENUINE';
  return (
    <div class={`verdict ${good ? 'verdict-ok' : 'verdict-bad'}`} data-testid="verify-result" data-status={answer.status}>
      <h3 class={good ? 'ok' : 'warn'}>{t(VERDICT_KEYS[answer.status] ?? 'ev.notOurs')}</h3>
      <p>{verdictSentence(answer, timeZone)}</p>
      <dl class="hashes">
        <dt>{t('ev.fileSha')}</dt>
        <dd>
          <code data-testid="verify-sha256">{answer.sha256}</code>
        </dd>
        {answer.record_sha256 ? (
          <>
            <dt>{t('mgr.hash.record')}</dt>
            <dd>
              <code>{answer.record_sha256}</code>
            </dd>
          </>
        ) : null}
      </dl>
      {id ? (
        <a
          href={`/manager/signatures/${encodeURIComponent(id)}`}
          data-testid="verify-open-signature"
          onClick={(e) => {
            e.preventDefault();
            navigate({ page: 'signature', id });
          }}
        >
          {t(good ? 'ev.openSignature' : 'ev.openNamed', { name: answer.customer_name ?? '—' })}
        </a>
      ) : null}
    </div>
  );
}

/** The page. */
export function VerifyPage({ timeZone }: { timeZone: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [sha, setSha] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<VerifyAnswer | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const shaWrong = sha.trim() !== '' && !isSha256(sha);

  async function check(run: () => Promise<{ ok: true; value: VerifyAnswer } | { ok: false; error: ApiError }>) {
    setBusy(true);
    setAnswer(null);
    setError(null);
    const result = await run();
    setBusy(false);
    if (result.ok) setAnswer(result.value);
    else setError(result.error);
  }

  const checkFile = () => {
    if (!file) return;
    if (file.size > MAX_CERTIFICATE_BYTES) {
      setAnswer(null);
      setError(localRefusal('PAYLOAD_TOO_LARGE', 'The file is larger than 10 MiB.'));
      return;
    }
    void check(() => evidence.verifyPdf(file));
  };

  return (
    <section class="panel verify-page" data-testid="verify-page">
      <h2>{t('ev.title')}</h2>
      <p class="note">{t('ev.intro')}</p>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          checkFile();
        }}
      >
        <label>
          {t('ev.fileLabel')}
          <input
            type="file"
            accept=".pdf,application/pdf"
            data-testid="verify-file"
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              setAnswer(null);
              setError(null);
            }}
          />
        </label>
        <ActionButton onClick={checkFile} busy={busy} disabled={!file} testId="verify-file-submit">
          {t('ev.checkFile')}
        </ActionButton>
      </form>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          if (isSha256(sha)) void check(() => evidence.verifySha256(sha));
        }}
      >
        <label>
          {t('ev.shaLabel')}
          <input
            type="text"
            name="sha256"
            size={66}
            spellcheck={false}
            autocomplete="off"
            value={sha}
            aria-invalid={shaWrong ? 'true' : undefined}
            aria-describedby="verify-sha-hint"
            data-testid="verify-sha"
            onInput={(e) => setSha(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="btn btn-secondary" disabled={busy || !isSha256(sha)} data-testid="verify-sha-submit">
          {t('ev.checkSha')}
        </button>
        <small id="verify-sha-hint" class={shaWrong ? 'warn' : 'note'}>
          {t(shaWrong ? 'ev.shaWrong' : 'ev.shaHint')}
        </small>
      </form>
      <div aria-live="polite">
        {answer ? <Verdict answer={answer} timeZone={timeZone} /> : null}
        <ErrorNote error={error} timeZone={timeZone} testId="verify-error" />
      </div>
    </section>
  );
}
