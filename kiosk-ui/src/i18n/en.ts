/**
 * English strings of the kiosk. This table defines the key set: every other language must have
 * exactly these keys (checked by the compiler through `Messages`, and by a test). Parameters
 * are written `{name}` and filled by `translate`. Texts the server sends (agreement, consent
 * sentence, quote lines) are shown as sent and are not here.
 */

export const en = {
  // every step
  'app.stepOf': 'Step {current} of {total}',
  'app.languageToggle': 'Español',
  'app.reconnecting': 'Reconnecting…',
  'app.seeAttendant': 'Please see the attendant.',
  'app.errorCode': 'Code: {code}',
  'app.language': 'Language',

  // pairing (set-up by a manager)
  'pair.title': 'Pair this tablet',
  'pair.hint': 'Enter the 8-character code a manager created for this lane.',
  'pair.code': 'Pairing code',
  'pair.name': 'Tablet name',
  'pair.submit': 'Pair',
  'pair.failed': 'That code did not work. Ask a manager for a new one.',

  // idle
  'idle.welcome': 'Welcome to {club}',

  // greeting
  'greeting.hello': 'Hello, {name}!',
  'greeting.helloNoName': 'Hello!',

  // language step
  'language.title': 'Choose your language',
  'language.english': 'English',
  'language.spanish': 'Español',

  // membership step
  'membership.title': 'Membership',
  'membership.member': 'Your membership is valid through {date}.',
  'membership.expired': 'Your membership has expired.',
  'membership.nonMember': 'How would you like to visit today?',
  'membership.oneTime': 'One-time visit',
  'membership.oneTimeHint': 'Pay the daily membership fee',
  'membership.sixMonth': 'Six-month membership',
  'membership.sixMonthHint': 'No daily fee for six months',

  // rental step
  'rental.title': 'Choose a room or locker',
  'rental.LOCKER': 'Locker',
  'rental.GYM_LOCKER': 'Gym Locker',
  'rental.STANDARD': 'Standard Room',
  'rental.DOUBLE': 'Double Room',
  'rental.SPECIAL': 'Special Room',
  'rental.left': '{count} left',
  'rental.lastOne': '1 left',
  'rental.soldOut': 'Sold out → join the waiting list',
  'rental.suggested': 'The attendant suggests: {rental}',
  'rental.selected': 'Your choice: {rental}',
  'rental.confirm': 'Confirm',
  'rental.change': 'Change',
  'rental.pastDueBlocked': 'Please see the attendant to continue.',

  // waiting list
  'waitlist.title': 'Join the waiting list',
  'waitlist.desired': 'You will be offered a {rental} when one is free.',
  'waitlist.chooseBackup': 'Choose what to take for now:',
  'waitlist.join': 'Join the waiting list',
  'waitlist.joined': 'You are on the waiting list for a {rental}.',
  'waitlist.cancel': 'Back',

  // payment step
  'payment.title': 'Payment',
  'payment.total': 'Total',
  'payment.payAttendant': 'Please pay the attendant',
  'payment.paid': 'Paid. Thank you!',
  'payment.noRefunds': 'No refunds',
  'payment.line.RENTAL': 'Rental',
  'payment.line.MEMBERSHIP_FEE': 'Daily membership fee',
  'payment.line.SIX_MONTH_MEMBERSHIP': 'Six-month membership',
  'payment.line.ADDON': 'Add-on',
  'payment.line.RENEWAL': 'Renewal',

  // agreement step
  'agreement.title': 'Agreement',
  'agreement.readPrompt': 'Please read the agreement.',
  'agreement.consentFallback': 'I have read and agree to the agreement above.',
  'agreement.signHere': 'Sign here',
  'agreement.clear': 'Clear',
  'agreement.submit': 'Submit',
  'agreement.signing': 'Signing…',
  'agreement.needConsent': 'Tick the box to agree.',
  'agreement.needSignature': 'Please sign in the box.',

  // done
  'done.title': 'You are checked in',
  'done.room': 'Your room: {number}',
  'done.locker': 'Your locker: {number}',
  'done.checkout': 'Checkout time: {time}',
  'done.ok': 'OK',
  'done.awaitingAssignment': 'Thank you! The attendant will give you your key.',
  'idle.cancelled': 'This check-in was cancelled. Please see the attendant.',

  // issue 18: stay, prices and Back before confirming (kiosk)
  'back.button': 'Back',
  'stay.summary': '{hours} hours · checkout at {time}',
  'stay.total': 'Total: {amount}',
  'membership.free': 'No fee for you today',
  'membership.validThrough': 'Valid through {date}',

  // dates (formatting)
  'date.month.1': 'Jan',
  'date.month.2': 'Feb',
  'date.month.3': 'Mar',
  'date.month.4': 'Apr',
  'date.month.5': 'May',
  'date.month.6': 'Jun',
  'date.month.7': 'Jul',
  'date.month.8': 'Aug',
  'date.month.9': 'Sep',
  'date.month.10': 'Oct',
  'date.month.11': 'Nov',
  'date.month.12': 'Dec',
  'date.monthDay': '{month} {day}',
  'date.monthDayYear': '{month} {day}, {year}',
  'date.dateTime': '{date}, {time}',
  'date.time': '{hour}:{minute} {period}',
  'date.am': 'AM',
  'date.pm': 'PM',
} as const;

/** A key of the kiosk's strings. */
export type MessageKey = keyof typeof en;

/** One language's strings: exactly the English keys. */
export type Messages = { readonly [K in MessageKey]: string };
