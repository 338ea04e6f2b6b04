/**
 * Staff sign-in: login name and 6-digit PIN, with an on-screen keypad for touch registers.
 * The PIN is sent once and never stored; a refusal is shown in words (after five wrong PINs,
 * 423 with the time the lock ends, in the club's zone; 429 with the seconds to wait).
 */

import { useEffect, useRef, useState } from 'preact/hooks';

import type { ApiError } from '../api';
import { api } from './client';
import { t } from './language';
import { ErrorNote, LanguageToggle } from './parts';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '⌫', '0', 'OK'] as const;

/** The sign-in form; `onSignedIn` runs after the server accepted it. */
export function PinSignIn({ title, timeZone, onSignedIn }: { title: string; timeZone?: string; onSignedIn: () => void }) {
  const [login, setLogin] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const loginField = useRef<HTMLInputElement>(null);
  // the keyboard starts in the login field
  useEffect(() => loginField.current?.focus(), []);

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    const answer = await api.login(login.trim(), pin);
    setBusy(false);
    setPin('');
    if (answer.ok) onSignedIn();
    else setError(answer.error);
  };

  const press = (key: (typeof KEYS)[number]) => {
    if (key === 'OK') void submit();
    else if (key === '⌫') setPin((p) => p.slice(0, -1));
    else setPin((p) => (p.length < 6 ? p + key : p));
  };

  return (
    <form
      class="card sign-in"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div class="sign-in-head">
        <h1>{title}</h1>
        <LanguageToggle />
      </div>
      <label>
        {t('staff.login')}
        <input ref={loginField} name="login" autocomplete="username" value={login} onInput={(e) => setLogin(e.currentTarget.value)} required />
      </label>
      <label>
        {t('staff.pin')}
        <input
          name="pin"
          type="password"
          inputMode="numeric"
          autocomplete="current-password"
          pattern="[0-9]{6}"
          maxLength={6}
          value={pin}
          onInput={(e) => setPin(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
          required
        />
      </label>
      <div class="keypad" role="group" aria-label={t('staff.keypad')}>
        {KEYS.map((key) => (
          <button type="button" class="btn key" key={key} onClick={() => press(key)} aria-label={key === '⌫' ? t('staff.deleteDigit') : key}>
            {key}
          </button>
        ))}
      </div>
      <ErrorNote error={error} {...(timeZone ? { timeZone } : {})} testId="sign-in-error" />
      <button type="submit" class="btn btn-primary" disabled={busy || login.trim() === '' || pin.length !== 6} data-testid="sign-in">
        {busy ? t('staff.signingIn') : t('staff.signIn')}
      </button>
    </form>
  );
}
