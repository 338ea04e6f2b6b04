/**
 * Entry of the built page: one bundle for the three screens, chosen by the path
 * (`/kiosk`, `/register`, `/manager`, `/housekeeping`, `/slip/{block_id}`; `/` lists them). Each screen's code is loaded only on its
 * own page. The club's time zone comes from `GET /api/club` before the first render; a staff
 * screen's language (EN/ES) is read from localStorage before it too.
 */

import type { ComponentType } from 'preact';
import { render } from 'preact';

import { DEFAULT_TIME_ZONE } from './i18n';
import { api } from './ui/client';
import { initLanguage } from './ui/language';
import './styles.css';

type Screen = ComponentType<{ timeZone?: string }>;

const SCREENS: Record<string, () => Promise<Screen>> = {
  kiosk: () => import('./screens/kiosk/kiosk-app').then((m) => m.KioskApp),
  register: () => import('./screens/register/register-app').then((m) => m.RegisterApp),
  manager: () => import('./screens/manager/manager-app').then((m) => m.ManagerApp),
  housekeeping: () => import('./screens/stays/housekeeping-app').then((m) => m.HousekeepingApp),
  slip: () => import('./screens/slip/slip-app').then((m) => m.SlipApp),
};

function Landing() {
  return (
    <main class="center">
      <div class="card landing">
        <h1>Frontdesk</h1>
        <a class="btn btn-primary big" href="/register">Register</a>
        <a class="btn btn-primary big" href="/kiosk">Kiosk</a>
        <a class="btn btn-primary big" href="/manager">Manager</a>
      </div>
    </main>
  );
}

async function clubTimeZone(): Promise<string> {
  const club = await api.club();
  // offline or an older server: the default zone
  return club.ok ? club.value.time_zone : DEFAULT_TIME_ZONE;
}

async function start(root: HTMLElement): Promise<void> {
  const name = location.pathname.split('/')[1] ?? '';
  const load = SCREENS[name];
  if (!load) return render(<Landing />, root);
  document.body.dataset.screen = name;
  // the staff screens remember their language (the kiosk follows its session's)
  if (name === 'register' || name === 'manager' || name === 'housekeeping') initLanguage(name);
  // a slip is printed from the register: its toolbar speaks the register's language
  if (name === 'slip') initLanguage('register');
  const [Screen, timeZone] = await Promise.all([load(), clubTimeZone()]);
  render(<Screen timeZone={timeZone} />, root);
}

const root = document.getElementById('app');
if (root) void start(root);
