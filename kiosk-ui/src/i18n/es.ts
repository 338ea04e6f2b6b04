/**
 * Spanish strings of the kiosk. Typed as `Messages`, so a missing or extra key does not compile;
 * a test also checks every English key is here with the same `{parameters}`.
 */

import type { Messages } from './en';

export const es: Messages = {
  // every step
  'app.stepOf': 'Paso {current} de {total}',
  'app.languageToggle': 'English',
  'app.reconnecting': 'Reconectando…',
  'app.seeAttendant': 'Por favor, hable con el encargado.',
  'app.errorCode': 'Código: {code}',
  'app.language': 'Idioma',

  // pairing (set-up by a manager)
  'pair.title': 'Vincular esta tableta',
  'pair.hint': 'Escriba el código de 8 caracteres que un gerente creó para este carril.',
  'pair.code': 'Código de vinculación',
  'pair.name': 'Nombre de la tableta',
  'pair.submit': 'Vincular',
  'pair.failed': 'Ese código no funcionó. Pida uno nuevo a un gerente.',

  // idle
  'idle.welcome': 'Bienvenido a {club}',

  // greeting
  'greeting.hello': '¡Hola, {name}!',
  'greeting.helloNoName': '¡Hola!',

  // language step
  'language.title': 'Elija su idioma',
  'language.english': 'English',
  'language.spanish': 'Español',

  // membership step
  'membership.title': 'Membresía',
  'membership.member': 'Su membresía es válida hasta el {date}.',
  'membership.expired': 'Su membresía ha vencido.',
  'membership.nonMember': '¿Cómo desea visitarnos hoy?',
  'membership.oneTime': 'Visita única',
  'membership.oneTimeHint': 'Pague la cuota diaria de membresía',
  'membership.sixMonth': 'Membresía de seis meses',
  'membership.sixMonthHint': 'Sin cuota diaria durante seis meses',

  // rental step
  'rental.title': 'Elija una habitación o un casillero',
  'rental.LOCKER': 'Casillero',
  'rental.GYM_LOCKER': 'Casillero de gimnasio',
  'rental.STANDARD': 'Habitación estándar',
  'rental.DOUBLE': 'Habitación doble',
  'rental.SPECIAL': 'Habitación especial',
  'rental.left': 'Quedan {count}',
  'rental.lastOne': 'Queda 1',
  'rental.soldOut': 'Agotado → únase a la lista de espera',
  'rental.suggested': 'El encargado le sugiere: {rental}',
  'rental.selected': 'Su elección: {rental}',
  'rental.confirm': 'Confirmar',
  'rental.change': 'Cambiar',
  'rental.pastDueBlocked': 'Por favor, hable con el encargado para continuar.',

  // waiting list
  'waitlist.title': 'Únase a la lista de espera',
  'waitlist.desired': 'Le ofreceremos: {rental}, en cuanto haya una libre.',
  'waitlist.chooseBackup': 'Elija qué tomar por ahora:',
  'waitlist.join': 'Unirse a la lista de espera',
  'waitlist.joined': 'Está en la lista de espera para: {rental}.',
  'waitlist.cancel': 'Volver',

  // payment step
  'payment.title': 'Pago',
  'payment.total': 'Total',
  'payment.payAttendant': 'Por favor, pague al encargado',
  'payment.paid': 'Pagado. ¡Gracias!',
  'payment.noRefunds': 'No hay reembolsos',
  'payment.line.RENTAL': 'Alquiler',
  'payment.line.MEMBERSHIP_FEE': 'Cuota diaria de membresía',
  'payment.line.SIX_MONTH_MEMBERSHIP': 'Membresía de seis meses',
  'payment.line.ADDON': 'Extra',
  'payment.line.RENEWAL': 'Renovación',

  // agreement step
  'agreement.title': 'Acuerdo',
  'agreement.readPrompt': 'Por favor, lea el acuerdo.',
  'agreement.consentFallback': 'He leído el acuerdo anterior y lo acepto.',
  'agreement.signHere': 'Firme aquí',
  'agreement.clear': 'Borrar',
  'agreement.submit': 'Enviar',
  'agreement.signing': 'Firmando…',
  'agreement.needConsent': 'Marque la casilla para aceptar.',
  'agreement.needSignature': 'Por favor, firme en el recuadro.',

  // done
  'done.title': 'Su registro está completo',
  'done.room': 'Su habitación: {number}',
  'done.locker': 'Su casillero: {number}',
  'done.checkout': 'Hora de salida: {time}',
  'done.ok': 'Aceptar',
  'done.awaitingAssignment': '¡Gracias! El encargado le dará su llave.',
  'idle.cancelled': 'Este registro fue cancelado. Por favor, hable con el encargado.',

  // issue 18: stay, prices and Back before confirming (kiosk)
  'back.button': 'Atrás',
  'stay.summary': '{hours} horas · salida: {time}',
  'stay.total': 'Total: {amount}',
  'membership.free': 'Hoy sin cargo para usted',
  'membership.validThrough': 'Válida hasta el {date}',

  // dates (formatting)
  'date.month.1': 'ene',
  'date.month.2': 'feb',
  'date.month.3': 'mar',
  'date.month.4': 'abr',
  'date.month.5': 'may',
  'date.month.6': 'jun',
  'date.month.7': 'jul',
  'date.month.8': 'ago',
  'date.month.9': 'sept',
  'date.month.10': 'oct',
  'date.month.11': 'nov',
  'date.month.12': 'dic',
  'date.monthDay': '{day} {month}',
  'date.monthDayYear': '{day} {month} {year}',
  'date.dateTime': '{date}, {time}',
  'date.time': '{hour}:{minute} {period}',
  'date.am': 'a. m.',
  'date.pm': 'p. m.',
};
