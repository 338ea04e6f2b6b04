/**
 * Step 5: the agreement, readable in full, the consent sentence beside a large checkbox, and a
 * signature pad (pointer events; strokes and PNG both sent). Submit is enabled only with
 * consent and ink; after it, "Signing…" and no second submit. The first display is reported to
 * the server (`agreement-shown`), which keeps the first time.
 */

import { useEffect, useRef, useState } from 'preact/hooks';

import { newIdempotencyKey, type ApiError } from '../../api';
import type { Translator } from '../../i18n';
import { createSignaturePad, type SignaturePad } from '../../signature/pad';
import { api } from '../../ui/client';
import type { KioskAgreement } from '../../wire';
import { CalmError } from './chrome';

/** Props of the agreement step. */
export interface AgreementProps {
  t: Translator;
  lane: string;
  agreement: KioskAgreement;
}

/** The agreement step. */
export function AgreementStep({ t, lane, agreement }: AgreementProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const key = useRef(newIdempotencyKey());
  const [consentAt, setConsentAt] = useState<string | null>(null);
  const [ink, setInk] = useState(false);
  const [signing, setSigning] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    void api.agreementShown(lane);
  }, [lane, agreement.id]);

  useEffect(() => {
    if (!canvas.current) return undefined;
    const p = createSignaturePad(canvas.current);
    pad.current = p;
    const stop = p.onChange(() => setInk(p.hasInk()));
    return () => {
      stop();
      p.destroy();
    };
  }, [agreement.id]);

  const submit = async () => {
    const p = pad.current;
    if (signing || !p || consentAt === null || !p.hasInk()) return;
    setSigning(true);
    setError(null);
    const answer = await api.sign(
      lane,
      { agreement_id: agreement.id, consent: true, consent_at: consentAt, signature_png: p.toDataURL(), strokes: p.toData() },
      { idempotencyKey: key.current },
    );
    if (!answer.ok) {
      setError(answer.error);
      setSigning(false);
      if (answer.error.status !== 0) key.current = newIdempotencyKey();
    }
    // on success the server's view moves the kiosk on; the button stays disabled until then
  };

  return (
    <section class="step agreement">
      <h1>{agreement.title}</h1>
      <p class="note">{t('agreement.readPrompt')}</p>
      <article class="agreement-text" data-testid="agreement-text">
        {agreement.body_text}
      </article>
      <label class="consent">
        <input
          type="checkbox"
          data-testid="consent"
          checked={consentAt !== null}
          disabled={signing}
          onChange={(e) => setConsentAt(e.currentTarget.checked ? new Date().toISOString() : null)}
        />
        <span>{agreement.consent_text || t('agreement.consentFallback')}</span>
      </label>
      <div class="pad-frame">
        <span class="pad-label">{t('agreement.signHere')}</span>
        <canvas ref={canvas} class="signature-pad" data-testid="signature-pad" />
      </div>
      <div class="pad-actions">
        <button type="button" class="btn btn-secondary" disabled={signing} onClick={() => pad.current?.clear()}>
          {t('agreement.clear')}
        </button>
        <button type="button" class="btn btn-primary big" data-testid="sign-submit" disabled={signing || consentAt === null || !ink} onClick={() => void submit()}>
          {signing ? t('agreement.signing') : t('agreement.submit')}
        </button>
      </div>
      {!signing && consentAt === null ? <p class="hint">{t('agreement.needConsent')}</p> : null}
      {!signing && consentAt !== null && !ink ? <p class="hint">{t('agreement.needSignature')}</p> : null}
      <CalmError t={t} code={error ? error.code : null} />
    </section>
  );
}
