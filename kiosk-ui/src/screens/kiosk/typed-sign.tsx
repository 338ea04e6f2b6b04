/**
 * Signing by typing (issue 15), for a customer who cannot draw: "Type your full name", then
 * the explicit act — its own "I sign by typing my name" button, enabled only with consent and
 * a name of 2–200 characters. The name is rendered to a PNG (src/signature/typed.ts) and sent
 * with `method: TYPED`; the server compares it with the name on file and answers
 * `TYPED_NAME_MISMATCH` in words here, under the field.
 */

import { useEffect, useRef } from 'preact/hooks';

import type { ApiError } from '../../api';
import type { Translator } from '../../i18n';
import { MAX_TYPED_NAME, typedNameReady } from '../../signature/typed';

/** Props of the typed signature. */
export interface TypedSignProps {
  t: Translator;
  name: string;
  onName: (name: string) => void;
  consent: boolean;
  signing: boolean;
  error: ApiError | null;
  onSign: () => void;
}

/** The name field and its sign button. */
export function TypedSign({ t, name, onName, consent, signing, error, onSign }: TypedSignProps) {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), []);
  const ready = typedNameReady(name);
  const mismatch = error?.code === 'TYPED_NAME_MISMATCH';
  return (
    <div class="typed-sign">
      <label class="typed-label" for="typed-name">
        {t('agreement.typeLabel')}
      </label>
      <input
        id="typed-name"
        ref={field}
        class="typed-name"
        data-testid="typed-name"
        type="text"
        autocomplete="off"
        autocapitalize="words"
        spellcheck={false}
        maxLength={MAX_TYPED_NAME}
        value={name}
        disabled={signing}
        aria-describedby={mismatch ? 'typed-hint typed-error' : 'typed-hint'}
        aria-invalid={mismatch}
        onInput={(e) => onName(e.currentTarget.value)}
      />
      <p class="hint" id="typed-hint">
        {t('agreement.typeHint')}
      </p>
      {mismatch ? (
        <p class="calm-error" id="typed-error" role="alert" data-testid="typed-mismatch">
          {t('agreement.typedMismatch')} <small class="staff-code">{t('app.errorCode', { code: 'TYPED_NAME_MISMATCH' })}</small>
        </p>
      ) : null}
      <button type="button" class="btn btn-primary big" data-testid="sign-typed-submit" disabled={signing || !consent || !ready} onClick={onSign}>
        {signing ? t('agreement.signing') : t('agreement.signTyped')}
      </button>
      {!signing && consent && !ready ? <p class="hint">{t('agreement.needTypedName')}</p> : null}
    </div>
  );
}
