/**
 * Which kiosk screen a view asks for. Pure: the kiosk renders only from the server's view, so
 * the step is a function of it (tested in test/kiosk-steps.test.ts).
 */

import type { BackTo, KioskView } from '../../wire';

/** One decision per screen (spec/ux.md). */
export type KioskStep = 'idle' | 'language' | 'membership' | 'rental' | 'payment' | 'agreement' | 'assigning' | 'done';

/** Steps that count in "Step n of 5". */
const NUMBERED: Partial<Record<KioskStep, number>> = { language: 1, membership: 2, rental: 3, payment: 4, agreement: 5 };

/** How many numbered steps there are. */
export const STEP_TOTAL = 5;

/** A renewal's steps (issue 14): pay at the counter, then sign; "Step n of 2". */
const RENEWAL_NUMBERED: Partial<Record<KioskStep, number>> = { payment: 1, agreement: 2 };

/** How many numbered steps a renewal has. */
export const RENEWAL_STEP_TOTAL = 2;

/**
 * The screen for `view`. A renewal starts at payment with the customer's language from their
 * first check-in; a customer who never chose one picks it first (the agreement is per language).
 */
export function kioskStep(view: KioskView): KioskStep {
  const live = view.status === 'AWAITING_PAYMENT' || view.status === 'AWAITING_SIGNATURE';
  if (view.mode === 'RENEWAL' && live && view.language === null) return 'language';
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

/** The step's number for the indicator, or null for idle, assigning and done (and a renewal's language). */
export function stepNumber(step: KioskStep, renewal = false): number | null {
  return (renewal ? RENEWAL_NUMBERED : NUMBERED)[step] ?? null;
}

/**
 * Where the Back button of `step` returns to, or null when there is none: the membership step
 * goes back to the language, the rental step to the membership (or to the language for a
 * member, who has no membership step). Nothing before the language, and nothing once the
 * selection is confirmed (the server refuses with `SELECTION_LOCKED`) or while the attendant
 * must resolve a balance first (`PAST_DUE_BLOCKED`).
 */
export function backTarget(view: KioskView, step: KioskStep = kioskStep(view)): BackTo | null {
  if (view.selection?.locked || view.past_due_blocked) return null;
  if (step === 'membership') return 'LANGUAGE';
  if (step !== 'rental') return null;
  const member = view.membership === null || view.membership.state === 'MEMBER';
  return member ? 'LANGUAGE' : 'MEMBERSHIP';
}
