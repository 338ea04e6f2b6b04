/**
 * Entry of the built page. The screens (kiosk, register, manager) are not built yet, so this
 * shows a plain placeholder; it opens no socket and sends no request.
 */

import { translate } from './i18n';

function render(root: HTMLElement): void {
  const heading = document.createElement('h1');
  heading.textContent = 'Frontdesk';
  const note = document.createElement('p');
  note.textContent = translate('EN', 'app.seeAttendant');
  root.replaceChildren(heading, note);
}

const root = document.getElementById('app');
if (root) render(root);
