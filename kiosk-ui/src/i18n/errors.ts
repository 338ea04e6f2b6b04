/**
 * Every refusal the screens can meet, in people's words, in English and Spanish: what
 * happened (`message`) and what to do next (`next`). The server's code and sentence are
 * shown only in a small details line for staff (src/ui/refusal.ts). A test collects every
 * code the Rust server can send (test/refusal.test.ts) and fails when one is missing here.
 *
 * `{placeholders}` are filled by src/ui/refusal.ts: `{number}` (a typed unit number),
 * `{time}` (a time in the club's zone), `{seconds}`, `{lane}`.
 */

import type { Language } from '../wire';

/** One refusal in words. */
export interface RefusalText {
  message: string;
  next: string;
}

const EN_CODES = {
  // sign-in, sessions, devices
  NOT_AUTHENTICATED: { message: 'You are signed out.', next: 'Sign in again.' },
  INVALID_CREDENTIALS: { message: 'That login or PIN is not right.', next: 'Check both and try again.' },
  SESSION_ENDED: { message: 'Your sign-in has ended.', next: 'Sign in again.' },
  INVALID_PIN: { message: 'That PIN is not right.', next: 'Type your PIN again.' },
  PIN_LOCKED: { message: 'Too many wrong PINs.', next: 'Try again later, or ask a manager to unlock the account.' },
  RATE_LIMITED: { message: 'Too many attempts.', next: 'Wait a moment and try again.' },
  STEP_UP_REQUIRED: { message: 'This needs your PIN again.', next: 'Type your PIN to confirm.' },
  MANAGER_REQUIRED: { message: 'Only a manager can do this.', next: 'Ask a manager.' },
  MANAGER_PIN_REQUIRED: { message: 'A manager has to approve this.', next: 'Ask a manager to type their login and PIN.' },
  WRONG_PRINCIPAL: { message: 'This screen cannot do that.', next: 'Use the register or the manager screen.' },
  LANE_SCOPE: { message: 'This tablet belongs to another lane.', next: 'Pair it again for this lane.' },
  DEVICE_NOT_PAIRED: { message: 'This tablet is not paired.', next: 'Ask a manager for a pairing code.' },
  DEVICE_REVOKED: { message: 'This tablet was unpaired by a manager.', next: 'Ask a manager for a new pairing code.' },
  PAIRING_CODE_INVALID: { message: 'That pairing code does not work.', next: 'Check it, or ask a manager for a new code (codes last 10 minutes).' },
  REGISTER_REQUIRED: { message: 'You are not signed in at this register.', next: 'Open the lane again.' },
  REGISTER_BUSY: { message: 'Someone else is signed in at this register.', next: 'Ask them to sign out, or a manager to end their session.' },
  REGISTER_DEVICE_BUSY: { message: 'This device is already open as another lane’s register.', next: 'Sign out there first.' },
  LOGIN_TAKEN: { message: 'That login is already used.', next: 'Choose another login.' },
  CANNOT_DEACTIVATE_SELF: { message: 'You cannot deactivate your own account.', next: 'Ask another manager.' },
  ORIGIN_NOT_ALLOWED: { message: 'This page is not allowed to send that.', next: 'Open the screen from the club’s own address.' },
  // customers
  BANNED: { message: 'This customer is banned.', next: 'Do not check them in; ask a manager if in doubt.' },
  UNDERAGE: { message: 'The customer is under 18.', next: 'They cannot be checked in.' },
  ID_EXPIRED: { message: 'This ID has expired.', next: 'Ask for a valid ID.' },
  INVALID_SCAN: { message: 'That scan is neither an ID nor a membership card.', next: 'Scan again, or search by name (F2).' },
  // stays: checkout and housekeeping (issue 12)
  // upgrade waitlist (issue 14)
  WAITLIST_CLOSED: { message: 'This waitlist entry has ended.', next: 'Look at the waitlist again.' },
  ALREADY_COMPLETED: { message: 'This upgrade is already done.', next: 'Nothing more to do; the customer is in the new room.' },
  WRONG_TIER: { message: 'That room is not the type the customer is waiting for.', next: 'Choose a room of the tier on the waitlist.' },
  OFFERED_ANOTHER_ROOM: { message: 'Another room is already offered to this customer.', next: 'Let that offer run out or cancel the entry first.' },
  ROOM_NOT_AVAILABLE: { message: 'That room is not clean and free.', next: 'Choose a clean, free room.' },
  ROOM_HELD: { message: 'That room is held for someone else.', next: 'Choose another room.' },
  OFFER_EXPIRED: { message: 'The room offer has expired.', next: 'Wait for the next offer, or offer a room again.' },
  UPGRADE_NOT_ALLOWED: { message: 'This upgrade is not offered.', next: 'Only a better room than the current one can be offered.' },
  UPGRADE_FEE_CHANGED: { message: 'The upgrade fee changed while the screen was open.', next: 'Check the new fee with the customer and accept again.' },
  INTENT_MISMATCH: { message: 'That payment is not this upgrade’s.', next: 'Accept the offer again to get its payment.' },
  INTENT_NOT_DUE: { message: 'That payment was cancelled.', next: 'Accept the offer again.' },
  ROOM_TAKEN: { message: 'The offered room was taken in the meantime.', next: 'Look at the waitlist again.' },
  ALREADY_CHECKED_OUT: { message: 'This stay has already been checked out.', next: 'Look at the due list again; nothing more to do.' },
  NO_UNIT: { message: 'This stay has no room or locker on record.', next: 'Ask a manager to look at the stay.' },
  OUTSIDE_RENEWAL_WINDOW: { message: 'A renewal can be bought only from 60 minutes before to 60 minutes after the checkout time.', next: 'Renew closer to the checkout time, or check the stay out.' },
  VISIT_CAP_REACHED: { message: 'This visit has reached its 14 purchased hours.', next: 'Check the stay out when it ends; a new visit can start after.' },
  INVALID_RENEWAL: { message: 'A renewal is 6 hours or the final 2 hours.', next: 'Pick one of the renewals offered.' },
  STAY_ENDED: { message: 'The stay was checked out before the renewal was signed.', next: 'Cancel this renewal; a manager marks the payment for refund.' },
  NOT_A_RENEWAL: { message: 'This session does not renew a stay.', next: 'Cancel it and start again.' },
  NOT_FOR_RENEWAL: { message: 'Add-ons are sold with a check-in, not with a renewal.', next: 'Sell add-ons separately.' },
  RENEWAL_IN_PROGRESS: { message: 'A renewal of this stay is in progress at a lane.', next: 'Finish or cancel the renewal at that lane first.' },
  LATE_FEE_CHANGED: { message: 'The late fee changed while the screen was open.', next: 'Check the new fee with the customer and confirm again.' },
  LATE_FEE_DECISION_NEEDED: { message: 'This stay is late and has a fee.', next: 'Take the fee now, or add it to the customer’s balance.' },
  UNIT_NOT_FOUND: { message: 'There is no room or locker with that number.', next: 'Check the number and try again.' },
  UNIT_HELD: { message: 'That unit is held by a check-in in progress.', next: 'Finish or cancel that check-in first.' },
  UNIT_OCCUPIED: { message: 'That unit is occupied.', next: 'Check the customer out first.' },
  ALREADY_IN_STATUS: { message: 'That unit already has this status.', next: 'Nothing to do.' },
  OVERRIDE_REQUIRED: { message: 'That change skips a cleaning step.', next: 'Do the steps in order, or ask a manager to override with a reason.' },
  ALREADY_CHECKED_IN: { message: 'This customer is already checked in.', next: 'See their stay below.' },
  CUSTOMER_BUSY: { message: 'This customer is being checked in at another lane.', next: 'Finish or cancel it there first.' },
  // the lane session
  LANE_BUSY: { message: 'This lane already has a check-in in progress.', next: 'Finish or cancel it first.' },
  NO_SESSION: { message: 'There is no check-in at this lane.', next: 'Scan the customer to start one.' },
  NOT_IDLE: { message: 'The check-in changed in the meantime.', next: 'Look at the screen again.' },
  STALE_VERSION: { message: 'The screen was out of date and has been refreshed.', next: 'Check it and try again.' },
  INVALID_TRANSITION: { message: 'That is not possible at this step.', next: 'Look at the current step and continue from there.' },
  RETRY: { message: 'Another change got there first.', next: 'Try again.' },
  LANGUAGE_REQUIRED: { message: 'The customer has not chosen a language yet.', next: 'Ask them to choose one on the tablet.' },
  PAID_SESSION: { message: 'This check-in is paid, so it is not cancelled automatically.', next: 'Cancel it by hand (a refund will be due).' },
  // choosing and holding
  SOLD_OUT: { message: 'That type is sold out.', next: 'Choose another, or put the customer on the waiting list.' },
  NOT_SOLD_OUT: { message: 'That type is available.', next: 'Choose it directly.' },
  WAITLIST_NOT_POSSIBLE: { message: 'Only a better room than the backup can be waited for.', next: 'Choose a lower backup.' },
  RENTAL_NOT_ALLOWED: { message: 'That rental is not available to this customer.', next: 'Choose another type.' },
  NO_PROPOSAL: { message: 'Nothing has been chosen yet.', next: 'Propose a room or locker first.' },
  NO_SELECTION: { message: 'Nothing has been chosen yet.', next: 'Choose a room or locker first.' },
  SELECTION_LOCKED: { message: 'The choice is already confirmed.', next: 'Cancel the check-in to change it.' },
  ALREADY_LOCKED: { message: 'The choice is already confirmed.', next: 'Continue with payment.' },
  NO_HOLD: { message: 'Nothing is held for this check-in.', next: 'Confirm the choice first.' },
  UNIT_UNAVAILABLE: { message: '{number} is not free for this rental.', next: 'Type the number of a clean unit of the same type (see Inventory).' },
  UNIT_TAKEN: { message: 'That unit was taken in the meantime.', next: 'Assign another one.' },
  TAKEN: { message: 'That unit was taken in the meantime.', next: 'Try again; another one will be held.' },
  // money
  PAYMENT_NOT_DUE: { message: 'No payment is due at this step.', next: 'Look at the current step.' },
  ALREADY_PAID: { message: 'This check-in is already paid.', next: 'Continue; nothing more to collect.' },
  PAST_DUE_BLOCKED: { message: 'The customer owes a past-due balance.', next: 'Collect it, or ask a manager to allow this visit.' },
  NOT_BLOCKED: { message: 'Nothing to allow: the customer owes nothing or was already let through.', next: 'Continue the check-in.' },
  IDEMPOTENCY_KEY_REUSED: { message: 'This action was already sent with different details.', next: 'Start the action again.' },
  // agreement and signature
  NO_AGREEMENT: { message: 'No agreement is set up for this language.', next: 'Ask a manager to add the agreement.' },
  NOT_A_PDF: { message: 'That file is not a PDF.', next: 'Choose the certificate PDF, or paste its SHA-256.' },
  EXPORT_TOO_LARGE: { message: 'Too many signatures match for one export.', next: 'Narrow the filter, for example by dates, and export again.' },
  INVALID_BODY: { message: 'The upload broke off.', next: 'Try the upload again.' },
  AGREEMENT_CHANGED: { message: 'The agreement changed while it was shown.', next: 'Ask the customer to read the new one and sign again.' },
  AGREEMENT_SIGNED: { message: 'Customers have signed this version, so its text can never change.', next: 'Draft a new version instead.' },
  AGREEMENT_ACTIVE: { message: 'Customers sign this version now, so its text cannot change.', next: 'Draft a new version and activate it.' },
  ALREADY_SHOWN: { message: 'The agreement is already shown.', next: 'Wait for the customer to sign.' },
  CONSENT_REQUIRED: { message: 'The consent box is not ticked.', next: 'Ask the customer to tick it and sign again.' },
  NOT_SIGNED: { message: 'The agreement is not signed yet.', next: 'Wait for the customer to sign.' },
  NO_STAFF: { message: 'No employee is signed in at this lane.', next: 'An employee has to open the lane’s register.' },
  SIGNATURE_MISSING: { message: 'No signature arrived.', next: 'Ask the customer to sign again.' },
  SIGNATURE_TOO_LARGE: { message: 'The signature was too large to store.', next: 'Ask the customer to clear it and sign again.' },
  SIGNATURE_INVALID_IMAGE: { message: 'The signature could not be read.', next: 'Ask the customer to clear it and sign again.' },
  SIGNATURE_DIMENSIONS: { message: 'The signature area had the wrong size.', next: 'Reload the tablet and sign again.' },
  SIGNATURE_BLANK: { message: 'The signature is empty.', next: 'Ask the customer to sign in the box.' },
  SIGNATURE_STROKES_INVALID: { message: 'The signature could not be checked.', next: 'Ask the customer to clear it and sign again.' },
  TYPED_NAME_MISMATCH: { message: 'The typed name is not the customer’s name on file.', next: 'Ask the customer to type their full name as on the ID, or check the name on file.' },
  // records
  IMMUTABLE_RECORD: { message: 'Signed records and the audit log cannot be changed.', next: 'Nothing to do.' },
  BLOCK_OVERLAP: { message: 'That time overlaps another part of the same stay.', next: 'Check the stay’s times.' },
  CONSTRAINT_VIOLATION: { message: 'That conflicts with what is already stored.', next: 'Reload and check the data.' },
  // input and transport
  VALIDATION_FAILED: { message: 'Something typed is not accepted.', next: 'Check the field and try again.' },
  INVALID_JSON: { message: 'The screen sent something the server could not read.', next: 'Reload the page and try again.' },
  INVALID_QUERY: { message: 'The search or filter is not accepted.', next: 'Change it and try again.' },
  INVALID_PATH: { message: 'That address is not valid.', next: 'Go back and try again.' },
  UNSUPPORTED_CONTENT_TYPE: { message: 'The screen sent something the server could not read.', next: 'Reload the page and try again.' },
  PAYLOAD_TOO_LARGE: { message: 'That is too much data to send.', next: 'Shorten it and try again.' },
  NOT_A_WEBSOCKET: { message: 'The live connection could not be opened.', next: 'Reload the page.' },
  NOT_FOUND: { message: 'That was not found.', next: 'It may have been removed; reload the page.' },
  BINARY_NOT_SUPPORTED: { message: 'The live connection got a message it cannot read.', next: 'Reload the page.' },
  FRAME_TOO_LARGE: { message: 'The live connection got a message that is too large.', next: 'Reload the page.' },
  UNKNOWN_MESSAGE_TYPE: { message: 'The live connection got a message it does not know.', next: 'Reload the page.' },
  DATABASE_UNAVAILABLE: { message: 'The server cannot reach its database.', next: 'Try again in a moment; tell a manager if it lasts.' },
  INTERNAL: { message: 'Something went wrong on the server.', next: 'Try again; tell a manager if it happens again.' },
  // customers: hand entry and correction (issue 18)
  NO_CHANGE: { message: 'Nothing was changed: the details are already as typed.', next: 'Change a field, or press Cancel.' },
  MEMBERSHIP_NUMBER_TAKEN: { message: 'Another customer already has this membership number.', next: 'Check the number on the card, or search for that customer.' },
  // the client's own
  NETWORK_ERROR: { message: 'The server cannot be reached.', next: 'Check the network and try again.' },
  BAD_RESPONSE: { message: 'The server answered with something unexpected.', next: 'Try again; tell a manager if it happens again.' },
  UNKNOWN: { message: 'The server refused this.', next: 'Try again; tell a manager if it happens again.' },
} as const satisfies Record<string, RefusalText>;

/** A code with words. */
export type KnownErrorCode = keyof typeof EN_CODES;

const ES_CODES: Record<KnownErrorCode, RefusalText> = {
  NOT_AUTHENTICATED: { message: 'Su sesión está cerrada.', next: 'Inicie sesión de nuevo.' },
  INVALID_CREDENTIALS: { message: 'El usuario o el PIN no son correctos.', next: 'Revise ambos e inténtelo de nuevo.' },
  SESSION_ENDED: { message: 'Su sesión ha terminado.', next: 'Inicie sesión de nuevo.' },
  INVALID_PIN: { message: 'Ese PIN no es correcto.', next: 'Escriba su PIN de nuevo.' },
  PIN_LOCKED: { message: 'Demasiados PIN incorrectos.', next: 'Inténtelo más tarde o pida a un gerente que desbloquee la cuenta.' },
  RATE_LIMITED: { message: 'Demasiados intentos.', next: 'Espere un momento e inténtelo de nuevo.' },
  STEP_UP_REQUIRED: { message: 'Esto requiere su PIN otra vez.', next: 'Escriba su PIN para confirmar.' },
  MANAGER_REQUIRED: { message: 'Solo un gerente puede hacer esto.', next: 'Pida ayuda a un gerente.' },
  MANAGER_PIN_REQUIRED: { message: 'Un gerente tiene que aprobar esto.', next: 'Pida a un gerente que escriba su usuario y PIN.' },
  WRONG_PRINCIPAL: { message: 'Esta pantalla no puede hacer eso.', next: 'Use la caja o la pantalla del gerente.' },
  LANE_SCOPE: { message: 'Esta tableta pertenece a otro carril.', next: 'Vuelva a emparejarla para este carril.' },
  DEVICE_NOT_PAIRED: { message: 'Esta tableta no está emparejada.', next: 'Pida un código de emparejamiento a un gerente.' },
  DEVICE_REVOKED: { message: 'Un gerente desemparejó esta tableta.', next: 'Pida un código nuevo a un gerente.' },
  PAIRING_CODE_INVALID: { message: 'Ese código de emparejamiento no funciona.', next: 'Revíselo o pida uno nuevo a un gerente (duran 10 minutos).' },
  REGISTER_REQUIRED: { message: 'No ha iniciado sesión en esta caja.', next: 'Abra el carril de nuevo.' },
  REGISTER_BUSY: { message: 'Otra persona tiene la sesión abierta en esta caja.', next: 'Pídale que la cierre, o a un gerente que la termine.' },
  REGISTER_DEVICE_BUSY: { message: 'Este equipo ya está abierto como caja de otro carril.', next: 'Cierre la sesión allí primero.' },
  LOGIN_TAKEN: { message: 'Ese usuario ya existe.', next: 'Elija otro usuario.' },
  CANNOT_DEACTIVATE_SELF: { message: 'No puede desactivar su propia cuenta.', next: 'Pídaselo a otro gerente.' },
  ORIGIN_NOT_ALLOWED: { message: 'Esta página no puede enviar eso.', next: 'Abra la pantalla desde la dirección del club.' },
  BANNED: { message: 'Este cliente tiene la entrada prohibida.', next: 'No lo registre; consulte a un gerente si tiene dudas.' },
  UNDERAGE: { message: 'El cliente es menor de 18 años.', next: 'No se le puede registrar.' },
  ID_EXPIRED: { message: 'Esta identificación está vencida.', next: 'Pida una identificación vigente.' },
  INVALID_SCAN: { message: 'Ese escaneo no es una identificación ni una tarjeta de socio.', next: 'Escanee de nuevo o busque por nombre (F2).' },
  // lista de espera para mejoras (issue 14)
  WAITLIST_CLOSED: { message: 'Esta entrada de la lista de espera ha terminado.', next: 'Vuelva a mirar la lista de espera.' },
  ALREADY_COMPLETED: { message: 'Esta mejora ya está hecha.', next: 'No hay nada más que hacer; el cliente está en la nueva habitación.' },
  WRONG_TIER: { message: 'Esa habitación no es del tipo que espera el cliente.', next: 'Elija una habitación del tipo de la lista de espera.' },
  OFFERED_ANOTHER_ROOM: { message: 'Ya se ofreció otra habitación a este cliente.', next: 'Deje que esa oferta venza o cancele la entrada primero.' },
  ROOM_NOT_AVAILABLE: { message: 'Esa habitación no está limpia y libre.', next: 'Elija una habitación limpia y libre.' },
  ROOM_HELD: { message: 'Esa habitación está reservada para otra persona.', next: 'Elija otra habitación.' },
  OFFER_EXPIRED: { message: 'La oferta de habitación ha vencido.', next: 'Espere la próxima oferta u ofrezca una habitación de nuevo.' },
  UPGRADE_NOT_ALLOWED: { message: 'Esta mejora no se ofrece.', next: 'Solo se puede ofrecer una habitación mejor que la actual.' },
  UPGRADE_FEE_CHANGED: { message: 'El precio de la mejora cambió mientras la pantalla estaba abierta.', next: 'Confirme el nuevo precio con el cliente y acepte de nuevo.' },
  INTENT_MISMATCH: { message: 'Ese pago no es el de esta mejora.', next: 'Acepte la oferta de nuevo para obtener su pago.' },
  INTENT_NOT_DUE: { message: 'Ese pago fue cancelado.', next: 'Acepte la oferta de nuevo.' },
  ROOM_TAKEN: { message: 'La habitación ofrecida fue ocupada mientras tanto.', next: 'Vuelva a mirar la lista de espera.' },
  // estancias: salida y limpieza (issue 12)
  ALREADY_CHECKED_OUT: { message: 'Esta estancia ya tiene registrada la salida.', next: 'Vuelva a mirar la lista; no hay nada más que hacer.' },
  NO_UNIT: { message: 'Esta estancia no tiene habitación ni casillero registrado.', next: 'Pida a un gerente que revise la estancia.' },
  OUTSIDE_RENEWAL_WINDOW: { message: 'Una renovación solo se puede comprar desde 60 minutos antes hasta 60 minutos después de la hora de salida.', next: 'Renueve más cerca de la hora de salida o registre la salida.' },
  VISIT_CAP_REACHED: { message: 'Esta visita ya tiene sus 14 horas compradas.', next: 'Registre la salida cuando termine; después puede empezar una visita nueva.' },
  INVALID_RENEWAL: { message: 'Una renovación es de 6 horas o las 2 horas finales.', next: 'Elija una de las renovaciones ofrecidas.' },
  STAY_ENDED: { message: 'La estancia terminó antes de firmar la renovación.', next: 'Cancele esta renovación; un gerente marca el pago para reembolso.' },
  NOT_A_RENEWAL: { message: 'Esta sesión no renueva una estancia.', next: 'Cancélela y empiece de nuevo.' },
  NOT_FOR_RENEWAL: { message: 'Los extras se venden con una entrada, no con una renovación.', next: 'Venda los extras por separado.' },
  RENEWAL_IN_PROGRESS: { message: 'Hay una renovación de esta estancia en curso en una caja.', next: 'Termine o cancele primero la renovación en esa caja.' },
  LATE_FEE_CHANGED: { message: 'El cargo por retraso cambió mientras la pantalla estaba abierta.', next: 'Confirme el nuevo cargo con el cliente y vuelva a confirmar.' },
  LATE_FEE_DECISION_NEEDED: { message: 'Esta estancia va con retraso y tiene un cargo.', next: 'Cobre el cargo ahora o añádalo al saldo del cliente.' },
  UNIT_NOT_FOUND: { message: 'No hay habitación ni casillero con ese número.', next: 'Revise el número e inténtelo de nuevo.' },
  UNIT_HELD: { message: 'Esa unidad está reservada por un registro en curso.', next: 'Termine o cancele ese registro primero.' },
  UNIT_OCCUPIED: { message: 'Esa unidad está ocupada.', next: 'Registre primero la salida del cliente.' },
  ALREADY_IN_STATUS: { message: 'Esa unidad ya tiene este estado.', next: 'No hay nada que hacer.' },
  OVERRIDE_REQUIRED: { message: 'Ese cambio se salta un paso de limpieza.', next: 'Siga los pasos en orden o pida a un gerente que lo autorice con un motivo.' },
  ALREADY_CHECKED_IN: { message: 'Este cliente ya está registrado.', next: 'Vea su estancia abajo.' },
  CUSTOMER_BUSY: { message: 'Este cliente se está registrando en otro carril.', next: 'Termínelo o cancélelo allí primero.' },
  LANE_BUSY: { message: 'Este carril ya tiene un registro en curso.', next: 'Termínelo o cancélelo primero.' },
  NO_SESSION: { message: 'No hay ningún registro en este carril.', next: 'Escanee al cliente para empezar uno.' },
  NOT_IDLE: { message: 'El registro cambió mientras tanto.', next: 'Mire la pantalla de nuevo.' },
  STALE_VERSION: { message: 'La pantalla no estaba al día y se ha actualizado.', next: 'Revísela e inténtelo de nuevo.' },
  INVALID_TRANSITION: { message: 'Eso no es posible en este paso.', next: 'Mire el paso actual y continúe desde ahí.' },
  RETRY: { message: 'Otro cambio llegó primero.', next: 'Inténtelo de nuevo.' },
  LANGUAGE_REQUIRED: { message: 'El cliente aún no ha elegido idioma.', next: 'Pídale que elija uno en la tableta.' },
  PAID_SESSION: { message: 'Este registro está pagado, así que no se cancela solo.', next: 'Cancélelo a mano (habrá que reembolsar).' },
  SOLD_OUT: { message: 'Ese tipo está agotado.', next: 'Elija otro o ponga al cliente en la lista de espera.' },
  NOT_SOLD_OUT: { message: 'Ese tipo está disponible.', next: 'Elíjalo directamente.' },
  WAITLIST_NOT_POSSIBLE: { message: 'Solo se puede esperar una habitación mejor que la de respaldo.', next: 'Elija un respaldo inferior.' },
  RENTAL_NOT_ALLOWED: { message: 'Ese alquiler no está disponible para este cliente.', next: 'Elija otro tipo.' },
  NO_PROPOSAL: { message: 'Aún no se ha elegido nada.', next: 'Proponga primero una habitación o un casillero.' },
  NO_SELECTION: { message: 'Aún no se ha elegido nada.', next: 'Elija primero una habitación o un casillero.' },
  SELECTION_LOCKED: { message: 'La elección ya está confirmada.', next: 'Cancele el registro para cambiarla.' },
  ALREADY_LOCKED: { message: 'La elección ya está confirmada.', next: 'Continúe con el pago.' },
  NO_HOLD: { message: 'No hay nada reservado para este registro.', next: 'Confirme primero la elección.' },
  UNIT_UNAVAILABLE: { message: '{number} no está libre para este alquiler.', next: 'Escriba el número de una unidad limpia del mismo tipo (vea el inventario).' },
  UNIT_TAKEN: { message: 'Esa unidad se ocupó mientras tanto.', next: 'Asigne otra.' },
  TAKEN: { message: 'Esa unidad se ocupó mientras tanto.', next: 'Inténtelo de nuevo; se reservará otra.' },
  PAYMENT_NOT_DUE: { message: 'No hay ningún pago pendiente en este paso.', next: 'Mire el paso actual.' },
  ALREADY_PAID: { message: 'Este registro ya está pagado.', next: 'Continúe; no hay nada más que cobrar.' },
  PAST_DUE_BLOCKED: { message: 'El cliente tiene un saldo vencido.', next: 'Cóbrelo o pida a un gerente que permita esta visita.' },
  NOT_BLOCKED: { message: 'Nada que permitir: el cliente no debe nada o ya se le dejó pasar.', next: 'Continúe el registro.' },
  IDEMPOTENCY_KEY_REUSED: { message: 'Esta acción ya se envió con otros datos.', next: 'Empiece la acción de nuevo.' },
  NO_AGREEMENT: { message: 'No hay contrato para este idioma.', next: 'Pida a un gerente que añada el contrato.' },
  NOT_A_PDF: { message: 'Ese archivo no es un PDF.', next: 'Elija el PDF del certificado o pegue su SHA-256.' },
  EXPORT_TOO_LARGE: { message: 'Demasiadas firmas coinciden para una sola exportación.', next: 'Acote el filtro, por ejemplo por fechas, y exporte de nuevo.' },
  INVALID_BODY: { message: 'La subida se interrumpió.', next: 'Intente subir el archivo otra vez.' },
  AGREEMENT_CHANGED: { message: 'El contrato cambió mientras se mostraba.', next: 'Pida al cliente que lea el nuevo y firme otra vez.' },
  AGREEMENT_SIGNED: { message: 'Hay clientes que firmaron esta versión; su texto no puede cambiar nunca.', next: 'Redacte una versión nueva.' },
  AGREEMENT_ACTIVE: { message: 'Los clientes firman esta versión ahora; su texto no puede cambiar.', next: 'Redacte una versión nueva y actívela.' },
  ALREADY_SHOWN: { message: 'El contrato ya se muestra.', next: 'Espere a que el cliente firme.' },
  CONSENT_REQUIRED: { message: 'La casilla de consentimiento no está marcada.', next: 'Pida al cliente que la marque y firme otra vez.' },
  NOT_SIGNED: { message: 'El contrato aún no está firmado.', next: 'Espere a que el cliente firme.' },
  NO_STAFF: { message: 'Ningún empleado tiene la sesión abierta en este carril.', next: 'Un empleado tiene que abrir la caja del carril.' },
  SIGNATURE_MISSING: { message: 'No llegó ninguna firma.', next: 'Pida al cliente que firme otra vez.' },
  SIGNATURE_TOO_LARGE: { message: 'La firma era demasiado grande para guardarla.', next: 'Pida al cliente que la borre y firme otra vez.' },
  SIGNATURE_INVALID_IMAGE: { message: 'No se pudo leer la firma.', next: 'Pida al cliente que la borre y firme otra vez.' },
  SIGNATURE_DIMENSIONS: { message: 'El área de firma tenía un tamaño incorrecto.', next: 'Recargue la tableta y firme otra vez.' },
  SIGNATURE_BLANK: { message: 'La firma está vacía.', next: 'Pida al cliente que firme dentro del recuadro.' },
  SIGNATURE_STROKES_INVALID: { message: 'No se pudo comprobar la firma.', next: 'Pida al cliente que la borre y firme otra vez.' },
  TYPED_NAME_MISMATCH: { message: 'El nombre escrito no es el que consta para el cliente.', next: 'Pida al cliente que escriba su nombre completo como en la identificación, o revise el nombre registrado.' },
  IMMUTABLE_RECORD: { message: 'Los registros firmados y el registro de auditoría no se pueden cambiar.', next: 'No hay nada que hacer.' },
  BLOCK_OVERLAP: { message: 'Ese horario se superpone con otra parte de la misma estancia.', next: 'Revise los horarios de la estancia.' },
  CONSTRAINT_VIOLATION: { message: 'Eso choca con lo que ya está guardado.', next: 'Recargue y revise los datos.' },
  VALIDATION_FAILED: { message: 'Algo de lo escrito no se acepta.', next: 'Revise el campo e inténtelo de nuevo.' },
  INVALID_JSON: { message: 'La pantalla envió algo que el servidor no pudo leer.', next: 'Recargue la página e inténtelo de nuevo.' },
  INVALID_QUERY: { message: 'La búsqueda o el filtro no se aceptan.', next: 'Cámbielos e inténtelo de nuevo.' },
  INVALID_PATH: { message: 'Esa dirección no es válida.', next: 'Vuelva atrás e inténtelo de nuevo.' },
  UNSUPPORTED_CONTENT_TYPE: { message: 'La pantalla envió algo que el servidor no pudo leer.', next: 'Recargue la página e inténtelo de nuevo.' },
  PAYLOAD_TOO_LARGE: { message: 'Son demasiados datos para enviar.', next: 'Acórtelos e inténtelo de nuevo.' },
  NOT_A_WEBSOCKET: { message: 'No se pudo abrir la conexión en vivo.', next: 'Recargue la página.' },
  NOT_FOUND: { message: 'No se encontró.', next: 'Puede que se haya eliminado; recargue la página.' },
  BINARY_NOT_SUPPORTED: { message: 'La conexión en vivo recibió un mensaje que no puede leer.', next: 'Recargue la página.' },
  FRAME_TOO_LARGE: { message: 'La conexión en vivo recibió un mensaje demasiado grande.', next: 'Recargue la página.' },
  UNKNOWN_MESSAGE_TYPE: { message: 'La conexión en vivo recibió un mensaje desconocido.', next: 'Recargue la página.' },
  DATABASE_UNAVAILABLE: { message: 'El servidor no puede acceder a su base de datos.', next: 'Inténtelo en un momento; avise a un gerente si continúa.' },
  INTERNAL: { message: 'Algo falló en el servidor.', next: 'Inténtelo de nuevo; avise a un gerente si se repite.' },
  // clientes: alta a mano y corrección (issue 18)
  NO_CHANGE: { message: 'No se cambió nada: los datos ya son los escritos.', next: 'Cambie un campo o pulse Cancelar.' },
  MEMBERSHIP_NUMBER_TAKEN: { message: 'Otro cliente ya tiene este número de socio.', next: 'Revise el número de la tarjeta o busque a ese cliente.' },
  NETWORK_ERROR: { message: 'No se puede conectar con el servidor.', next: 'Revise la red e inténtelo de nuevo.' },
  BAD_RESPONSE: { message: 'El servidor respondió algo inesperado.', next: 'Inténtelo de nuevo; avise a un gerente si se repite.' },
  UNKNOWN: { message: 'El servidor rechazó esto.', next: 'Inténtelo de nuevo; avise a un gerente si se repite.' },
};

/** Every code's words, per language. */
export const ERROR_TEXTS: { readonly [L in Language]: Readonly<Record<KnownErrorCode, RefusalText>> } = { EN: EN_CODES, ES: ES_CODES };

/** Fields of a VALIDATION_FAILED (`details.field`) that have their own words. */
const EN_FIELDS = {
  dob: { message: 'That date of birth is not possible (in the future or before 1900).', next: 'Check the date on the ID and type it again.' },
  name: { message: 'The name must be 1 to 200 characters long.', next: 'Type the name again.' },
  q: { message: 'Type 2 to 100 characters to search.', next: 'Type more of the name, or scan the ID.' },
  number: { message: '“{number}” is not a unit number.', next: 'Type a room or locker number as shown on the Inventory board.' },
  scan: { message: 'That scan could not be read.', next: 'Scan again, or search by name (F2).' },
  pin: { message: 'A PIN is 6 digits.', next: 'Type your 6-digit PIN.' },
  login: { message: 'Type your login name.', next: 'Check it and try again.' },
  code: { message: 'That pairing code is not in the right form.', next: 'Type the code exactly as shown on the manager screen.' },
  reason: { message: 'The reason is too short or too long.', next: 'Type a few words (for a correction: 3 to 200 characters).' },
  membership_number: { message: 'The membership number must be 1 to 50 characters long.', next: 'Type it again.' },
  // manager: staff and audit filters (issue 18, manager screen)
  display_name: { message: 'The name must be 1 to 100 characters long.', next: 'Type the name again.' },
  action: { message: 'That is not an action name.', next: 'Type an action as shown in the log, e.g. “staff created”, or leave it empty.' },
  from: { message: 'That start date is not a date.', next: 'Pick a day in the calendar, or leave it empty.' },
  to: { message: 'The end date is not a date, is before the start date, or is too far from it.', next: 'Pick a day on or after the start date (a report covers at most 400 days).' },
  // evidence desk (issue 15)
  sha256: { message: 'A SHA-256 is 64 characters, 0–9 and a–f.', next: 'Copy the whole hash again.' },
} as const satisfies Record<string, RefusalText>;

/** A field with its own words. */
export type KnownField = keyof typeof EN_FIELDS;

const ES_FIELDS: Record<KnownField, RefusalText> = {
  dob: { message: 'Esa fecha de nacimiento no es posible (futura o anterior a 1900).', next: 'Revise la fecha en la identificación y escríbala de nuevo.' },
  name: { message: 'El nombre debe tener de 1 a 200 caracteres.', next: 'Escriba el nombre de nuevo.' },
  q: { message: 'Escriba de 2 a 100 caracteres para buscar.', next: 'Escriba más del nombre o escanee la identificación.' },
  number: { message: '“{number}” no es un número de unidad.', next: 'Escriba un número de habitación o casillero como aparece en el inventario.' },
  scan: { message: 'No se pudo leer ese escaneo.', next: 'Escanee de nuevo o busque por nombre (F2).' },
  pin: { message: 'El PIN tiene 6 dígitos.', next: 'Escriba su PIN de 6 dígitos.' },
  login: { message: 'Escriba su usuario.', next: 'Revíselo e inténtelo de nuevo.' },
  code: { message: 'Ese código de emparejamiento no tiene el formato correcto.', next: 'Escriba el código tal como aparece en la pantalla del gerente.' },
  reason: { message: 'El motivo es demasiado corto o demasiado largo.', next: 'Escriba unas palabras (para una corrección: de 3 a 200 caracteres).' },
  membership_number: { message: 'El número de socio debe tener de 1 a 50 caracteres.', next: 'Escríbalo de nuevo.' },
  // manager: staff and audit filters (issue 18, manager screen)
  display_name: { message: 'El nombre debe tener de 1 a 100 caracteres.', next: 'Escriba el nombre de nuevo.' },
  action: { message: 'Ese no es un nombre de acción.', next: 'Escriba una acción como aparece en el registro, p. ej. “staff created”, o déjelo vacío.' },
  from: { message: 'La fecha de inicio no es una fecha.', next: 'Elija un día en el calendario o déjelo vacío.' },
  to: { message: 'La fecha final no es una fecha, es anterior a la de inicio o está demasiado lejos de ella.', next: 'Elija un día igual o posterior a la fecha de inicio (un informe abarca como máximo 400 días).' },
  // evidence desk (issue 15)
  sha256: { message: 'Un SHA-256 tiene 64 caracteres, 0–9 y a–f.', next: 'Copie el hash completo otra vez.' },
};

/** Field words, per language. */
export const FIELD_TEXTS: { readonly [L in Language]: Readonly<Record<KnownField, RefusalText>> } = { EN: EN_FIELDS, ES: ES_FIELDS };

/** Words that depend on the details the server sent. */
const EN_EXTRA = {
  lockedUntil: 'Too many wrong PINs. Try again after {time}.',
  waitSeconds: 'Too many attempts. Wait {seconds} seconds.',
  bannedUntil: 'This customer is banned until {time}.',
  details: 'Details',
  unit: 'That unit',
} as const;

/** A details-dependent string. */
export type ExtraKey = keyof typeof EN_EXTRA;

/** Details-dependent words, per language. */
export const EXTRA_TEXTS: { readonly [L in Language]: Readonly<Record<ExtraKey, string>> } = {
  EN: EN_EXTRA,
  ES: {
    lockedUntil: 'Demasiados PIN incorrectos. Inténtelo de nuevo después de las {time}',
    waitSeconds: 'Demasiados intentos. Espere {seconds} segundos.',
    bannedUntil: 'Este cliente tiene la entrada prohibida hasta {time}.',
    details: 'Detalles',
    unit: 'Esa unidad',
  },
};

/** Whether `code` has words. */
export function isKnownErrorCode(code: string): code is KnownErrorCode {
  return Object.prototype.hasOwnProperty.call(EN_CODES, code);
}

/** Whether `field` has words. */
export function isKnownField(field: string): field is KnownField {
  return Object.prototype.hasOwnProperty.call(EN_FIELDS, field);
}
