/**
 * The frame of every kiosk step: the step indicator, the language toggle and the
 * "reconnecting" badge (spec/ux.md: all three visible on every step).
 */

import type { ComponentChildren } from 'preact';

import type { Translator } from '../../i18n';
import { ConnectionBadge } from '../../ui/parts';
import type { ConnectionStatus } from '../../ws/connection';
import { RENEWAL_STEP_TOTAL, STEP_TOTAL, stepNumber, type KioskStep } from './steps';

/** Props of the frame. */
export interface ChromeProps {
  t: Translator;
  step: KioskStep;
  status: ConnectionStatus;
  /** a renewal counts its own two steps */
  renewal?: boolean;
  /** absent when there is no session (idle) */
  onToggleLanguage?: () => void;
  children: ComponentChildren;
}

/** The frame around one step. */
export function KioskChrome({ t, step, status, renewal = false, onToggleLanguage, children }: ChromeProps) {
  const number = stepNumber(step, renewal);
  return (
    <div class={`kiosk kiosk-${step}`} data-step={step}>
      <header class="kiosk-top">
        <span class="step-indicator" data-testid="step-indicator">
          {number === null ? '' : t('app.stepOf', { current: number, total: renewal ? RENEWAL_STEP_TOTAL : STEP_TOTAL })}
        </span>
        <ConnectionBadge status={status} label={t('app.reconnecting')} />
        {onToggleLanguage ? (
          <button type="button" class="btn btn-secondary lang-toggle" data-testid="language-toggle" onClick={onToggleLanguage}>
            {t('app.languageToggle')}
          </button>
        ) : null}
      </header>
      <main class="kiosk-body">{children}</main>
    </div>
  );
}

/** The calm sentence a customer sees for any refusal; the code is small, for the attendant. */
export function CalmError({ t, code }: { t: Translator; code: string | null }) {
  if (code === null) return null;
  return (
    <p class="calm-error" role="alert">
      {t('app.seeAttendant')} <small class="staff-code">{t('app.errorCode', { code })}</small>
    </p>
  );
}
