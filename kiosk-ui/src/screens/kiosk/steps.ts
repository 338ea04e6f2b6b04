/**
 * Which kiosk screen a view asks for. Pure: the kiosk renders only from the server's view, so
 * the step is a function of it (tested in test/kiosk-steps.test.ts).
 */

import type { KioskView } from '../../wire';

/** One decision per screen (spec/ux.md). */
export type KioskStep = 'idle' | 'language' | 'membership' | 'rental' | 'payment' | 'agreement' | 'assigning' | 'done';

/** Steps that count in "Step n of 5". */
const NUMBERED: Partial<Record<KioskStep, number>> = { language: 1, membership: 2, rental: 3, payment: 4, agreement: 5 };

/** How many numbered steps there are. */
export const STEP_TOTAL = 5;

/** The screen for `view`. */
export function kioskStep(view: KioskView): KioskStep {
  switch (view.status) {
    case 'IDLE':
    case 'CANCELLED':
      return 'idle';
    case 'COMPLETED':
      return 'done';
    case 'AWAITING_ASSIGNMENT':
      return 'assigning';
    case 'AWAITING_SIGNATURE':
      return view.agreement ? 'agreement' : 'payment';
    case 'AWAITING_PAYMENT':
      return 'payment';
    default:
      break;
  }
  if (view.language === null) return 'language';
  const membership = view.membership;
  if (membership && membership.state !== 'MEMBER' && membership.choice === null) return 'membership';
  return 'rental';
}

/** The step's number for the indicator, or null for idle, assigning and done. */
export function stepNumber(step: KioskStep): number | null {
  return NUMBERED[step] ?? null;
}
