/**
 * Step 5: the agreement, readable in full, the consent sentence beside a large checkbox, and a
 * signature pad (pointer events; strokes and PNG both sent). Submit is enabled only with
 * consent and ink; after it, "Signing…" and no second submit. The first display is reported to
 * the server (`agreement-shown`), which keeps the first time.
 *
 * Drawing is the default; "Type my name instead" switches to signing by typing the full name
 * (./typed-sign.tsx, issue 15) and "Draw my signature instead" switches back. Focus follows the
 * switch (the name field, or the switch button back). The choice is the kiosk's (`typing`), so
 * it survives the language toggle, which brings another agreement and a fresh step.
 */

import { useEffect, useRef, useState } from 'preact/hooks';

import { newIdempotencyKey, type ApiError } from '../../api';
import type { Translator } from '../../i18n';
import { createSignaturePad, type SignaturePad } from '../../signature/pad';
import { cleanTypedName, renderTypedName, typedNameReady } from '../../signature/typed';
import { api } from '../../ui/client';
import type { KioskAgreement, SignRequest } from '../../wire';
import { CalmError } from './chrome';
import { TypedSign } from './typed-sign';

/** Props of the agreement step. */
export interface AgreementProps {
  t: Translator;
  lane: string;
  agreement: KioskAgreement;
  /** signing by typing instead of drawing (kept by the kiosk across a language change) */
  typing: boolean;
  onTyping: (typing: boolean) => void;
}

/** The agreement step. */
export function AgreementStep({ t, lane, agreement, typing, onTyping }: AgreementProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const switched = useRef(false);
  const key = useRef(newIdempotencyKey());
  const [consentAt, setConsentAt] = useState<string | null>(null);
  const mode = typing ? 'type' : 'draw';
  const [typedName, setTypedName] = useState('');
  const [ink, setInk] = useState(false);
  const [signing, setSigning] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    void api.agreementShown(lane);
  }, [lane, agreement.id]);

  useEffect(() => {
    if (mode !== 'draw' || !canvas.current) return undefined;
    const p = createSignaturePad(canvas.current);
    pad.current = p;
    setInk(false);
    if (switched.current) toggle.current?.focus();
    const stop = p.onChange(() => setInk(p.hasInk()));
    return () => {
      stop();
      p.destroy();
      pad.current = null;
    };
  }, [agreement.id, mode]);

  const switchTo = (next: 'draw' | 'type') => {
    switched.current = true;
    key.current = newIdempotencyKey();
    setError(null);
    onTyping(next === 'type');
  };

  const send = async (body: SignRequest) => {
    setSigning(true);
    setError(null);
    const answer = await api.sign(lane, body, { idempotencyKey: key.current });
    if (!answer.ok) {
      setError(answer.error);
      setSigning(false);
      if (answer.error.status !== 0) key.current = newIdempotencyKey();
    }
    // on success the server's view moves the kiosk on; the button stays disabled until then
  };

  const submitDrawn = () => {
    const p = pad.current;
    if (signing || !p || consentAt === null || !p.hasInk()) return;
    void send({ agreement_id: agreement.id, consent: true, consent_at: consentAt, signature_png: p.toDataURL(), strokes: p.toData() });
  };

  const submitTyped = () => {
    if (signing || consentAt === null || !typedNameReady(typedName)) return;
    const name = cleanTypedName(typedName);
    void send({ agreement_id: agreement.id, consent: true, consent_at: consentAt, method: 'TYPED', typed_name: name, signature_png: renderTypedName(name) });
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
      {mode === 'draw' ? (
        <>
          <div class="pad-frame">
            <span class="pad-label">{t('agreement.signHere')}</span>
            <canvas ref={canvas} class="signature-pad" data-testid="signature-pad" />
          </div>
          <div class="pad-actions">
            <button type="button" class="btn btn-secondary" disabled={signing} onClick={() => pad.current?.clear()}>
              {t('agreement.clear')}
            </button>
            <button type="button" class="btn btn-primary big" data-testid="sign-submit" disabled={signing || consentAt === null || !ink} onClick={submitDrawn}>
              {signing ? t('agreement.signing') : t('agreement.submit')}
            </button>
          </div>
          {!signing && consentAt === null ? <p class="hint">{t('agreement.needConsent')}</p> : null}
          {!signing && consentAt !== null && !ink ? <p class="hint">{t('agreement.needSignature')}</p> : null}
        </>
      ) : (
        <>
          <TypedSign t={t} name={typedName} onName={setTypedName} consent={consentAt !== null} signing={signing} error={error} onSign={submitTyped} />
          {!signing && consentAt === null ? <p class="hint">{t('agreement.needConsent')}</p> : null}
        </>
      )}
      <button
        type="button"
        ref={toggle}
        class="btn btn-secondary sign-switch"
        data-testid={mode === 'draw' ? 'sign-type-instead' : 'sign-draw-instead'}
        disabled={signing}
        onClick={() => switchTo(mode === 'draw' ? 'type' : 'draw')}
      >
        {mode === 'draw' ? t('agreement.typeInstead') : t('agreement.drawInstead')}
      </button>
      <CalmError t={t} code={error && error.code !== 'TYPED_NAME_MISMATCH' ? error.code : null} />
    </section>
  );
}
