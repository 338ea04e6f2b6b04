/**
 * The first screen of a new tablet: redeem the one-time code a manager created for a lane.
 * The device token comes back as an HttpOnly cookie; the page never sees it.
 */

import { useState } from 'preact/hooks';

import { createTranslator } from '../../i18n';
import { api } from '../../ui/client';
import type { DeviceView } from '../../wire-staff';

/** The pairing form; `onPaired` gets the device. */
export function PairingScreen({ onPaired }: { onPaired: (d: DeviceView) => void }) {
  const t = createTranslator('EN');
  const [code, setCode] = useState('');
  const [name, setName] = useState('Kiosk');
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    const answer = await api.pair(code, name);
    setBusy(false);
    if (answer.ok) onPaired(answer.value.device);
    else setFailed(answer.error.code);
  };

  return (
    <main class="kiosk kiosk-pairing">
      <form
        class="card"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h1>{t('pair.title')}</h1>
        <p>{t('pair.hint')}</p>
        <label>
          {t('pair.code')}
          <input name="code" data-testid="pair-code" autocomplete="off" value={code} onInput={(e) => setCode(e.currentTarget.value)} required />
        </label>
        <label>
          {t('pair.name')}
          <input name="name" value={name} onInput={(e) => setName(e.currentTarget.value)} required />
        </label>
        {failed ? (
          <p class="calm-error" role="alert">
            {t('pair.failed')} <small class="staff-code">{t('app.errorCode', { code: failed })}</small>
          </p>
        ) : null}
        <button type="submit" class="btn btn-primary big" data-testid="pair-submit" disabled={busy || code.trim() === ''}>
          {t('pair.submit')}
        </button>
      </form>
    </main>
  );
}
