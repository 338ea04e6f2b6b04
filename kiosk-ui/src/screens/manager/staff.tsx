/**
 * The staff tab (`/manager/staff`): everyone on the staff list with their role and status,
 * and, behind the manager's PIN, adding an employee, a new PIN, unlocking after wrong PINs and
 * deactivating. The add form checks its fields as the server does and shows each problem (its
 * own or the server's) under the field.
 */

import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

import type { MessageKey } from '../../i18n';
import { api } from '../../ui/client';
import { t } from '../../ui/language';
import { TableHead } from '../../ui/parts';
import type { StaffRole, StaffView } from '../../wire-staff';
import { checkNewStaff, checkPin, fieldOfRefusal, type FieldErrors, type StaffField } from './staff-form';
import { StepUpConfirm } from './step-up';

type RowAction = { kind: 'pin' | 'unlock' | 'deactivate'; staff: StaffView };

/** The staff page. */
export function StaffTab({ timeZone }: { timeZone: string }) {
  const [staff, setStaff] = useState<StaffView[] | null>(null);
  const [adding, setAdding] = useState(false);
  const [action, setAction] = useState<RowAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const load = () => void api.staffList().then((a) => a.ok && setStaff(a.value));
  useEffect(load, []);
  const finish = (message: string) => {
    setDone(message);
    setAction(null);
    setAdding(false);
    load();
  };
  const start = (next: RowAction) => {
    setDone(null);
    setAdding(false);
    setAction(next);
  };
  return (
    <section class="panel" data-testid="staff-tab">
      <h2>{t('man.staff.title')}</h2>
      {done ? <p class="ok" role="status" data-testid="staff-result">{done}</p> : null}
      <button type="button" class="btn btn-primary" data-testid="add-staff" onClick={() => {
        setDone(null);
        setAction(null);
        setAdding(true);
      }}>
        {t('man.staff.add')}
      </button>
      {adding ? <AddStaff timeZone={timeZone} onDone={(s) => finish(t('man.staff.added', { name: s.display_name }))} onCancel={() => setAdding(false)} /> : null}
      <table class="grid">
        <TableHead labels={[t('man.staff.name'), t('man.staff.login'), t('man.staff.role'), t('mgr.col.status'), t('man.actions')]} />
        <tbody>
          {(staff ?? []).map((s) => (
            <tr key={s.id} data-login={s.login} data-testid="staff-row">
              <th scope="row">{s.display_name}</th>
              <td>{s.login}</td>
              <td>{t(s.role === 'MANAGER' ? 'man.staff.role.MANAGER' : 'man.staff.role.STAFF')}</td>
              <td data-testid="staff-status">{t(s.active ? 'man.staff.active' : 'man.staff.inactive')}</td>
              <td class="row-actions">
                {s.active ? (
                  <>
                    <button type="button" class="btn btn-secondary" data-testid="staff-new-pin" aria-label={t('man.staff.newPinFor', { name: s.display_name })} onClick={() => start({ kind: 'pin', staff: s })}>{t('man.staff.newPin')}</button>
                    <button type="button" class="btn btn-secondary" data-testid="staff-unlock" aria-label={t('man.staff.unlockName', { name: s.display_name })} onClick={() => start({ kind: 'unlock', staff: s })}>{t('man.staff.unlock')}</button>
                    <button type="button" class="btn btn-secondary" data-testid="staff-deactivate" aria-label={t('man.staff.deactivateName', { name: s.display_name })} onClick={() => start({ kind: 'deactivate', staff: s })}>{t('man.staff.deactivate')}</button>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {action ? <RowConfirm action={action} timeZone={timeZone} onDone={finish} onCancel={() => setAction(null)} /> : null}
    </section>
  );
}

function RowConfirm({ action, timeZone, onDone, onCancel }: { action: RowAction; timeZone: string; onDone: (message: string) => void; onCancel: () => void }) {
  const [pin, setPin] = useState('');
  const name = action.staff.display_name;
  const common = { onCancel, timeZone, testId: `${action.kind}-box` };
  if (action.kind === 'pin') {
    const problem = pin === '' ? undefined : checkPin(pin);
    return (
      <StepUpConfirm {...common} question={t('man.staff.newPinFor', { name })} confirmLabel={t('man.staff.setPin')} ready={checkPin(pin) === undefined}
        action={() => api.resetPin(action.staff.id, pin)} onDone={() => onDone(t('man.staff.pinSet', { name }))}>
        <Field label={t('man.staff.newPinLabel')} error={problem} id="new-pin">
          <input id="new-pin" type="password" inputMode="numeric" autoComplete="off" maxLength={6} value={pin} data-testid="new-pin" aria-invalid={problem ? 'true' : undefined} aria-describedby={problem ? 'new-pin-error' : undefined} onInput={(e) => setPin(e.currentTarget.value)} />
        </Field>
      </StepUpConfirm>
    );
  }
  if (action.kind === 'unlock') {
    return (
      <StepUpConfirm {...common} question={t('man.staff.unlockConfirm', { name })} confirmLabel={t('man.staff.unlock')}
        action={() => api.unlockStaff(action.staff.id)} onDone={() => onDone(t('man.staff.unlocked', { name }))} />
    );
  }
  return (
    <StepUpConfirm {...common} question={t('man.staff.deactivateConfirm', { name })} confirmLabel={t('man.staff.deactivate')}
      action={() => api.deactivateStaff(action.staff.id)} onDone={() => onDone(t('man.staff.deactivated', { name }))} />
  );
}

/** A labelled field with its problem under it. */
function Field({ label, error, id, children }: { label: string; error: MessageKey | undefined; id: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
      {error ? <p class="field-error warn" id={`${id}-error`} data-testid={`${id}-error`}>{t(error)}</p> : null}
    </div>
  );
}

function AddStaff({ timeZone, onDone, onCancel }: { timeZone: string; onDone: (s: StaffView) => void; onCancel: () => void }) {
  const [form, setForm] = useState({ display_name: '', login: '', pin: '' });
  const [role, setRole] = useState<StaffRole>('STAFF');
  const [touched, setTouched] = useState(false);
  const [server, setServer] = useState<FieldErrors>({});
  const local = checkNewStaff(form);
  // the server's words for a field win until that field is edited
  const errors: FieldErrors = { ...(touched ? local : {}), ...server };
  const set = (name: StaffField, value: string) => {
    setForm({ ...form, [name]: value });
    const { [name]: _edited, ...rest } = server;
    setServer(rest);
  };
  const input = (name: StaffField, type = 'text') => (
    <input id={`staff-${name}`} type={type} name={name} value={form[name]} data-testid={`staff-${name}`}
      {...(name === 'pin' ? { inputMode: 'numeric' as const, maxLength: 6, autoComplete: 'off' } : {})}
      aria-invalid={errors[name] ? 'true' : undefined} aria-describedby={errors[name] ? `staff-${name}-error` : undefined}
      onInput={(e) => set(name, e.currentTarget.value)} onBlur={() => setTouched(true)} />
  );
  return (
    <StepUpConfirm question={t('man.staff.addTitle')} confirmLabel={t('man.staff.addConfirm')} timeZone={timeZone} testId="add-box" onCancel={onCancel}
      ready={Object.keys(local).length === 0}
      action={async () => {
        const made = await api.createStaff({ display_name: form.display_name.trim(), login: form.login.trim(), role, pin: form.pin });
        if (made.ok) onDone(made.value);
        return made;
      }}
      onDone={() => undefined}
      onRefused={(error) => {
        const at = fieldOfRefusal(error);
        if (at) setServer({ ...server, [at[0]]: at[1] });
        return at !== null;
      }}>
      <div class="filters">
        <Field label={t('man.staff.name')} error={errors.display_name} id="staff-display_name">{input('display_name')}</Field>
        <Field label={t('man.staff.login')} error={errors.login} id="staff-login">{input('login')}</Field>
        <div class="field">
          <label for="staff-role">{t('man.staff.role')}</label>
          <select id="staff-role" value={role} data-testid="staff-role" onChange={(e) => setRole(e.currentTarget.value === 'MANAGER' ? 'MANAGER' : 'STAFF')}>
            <option value="STAFF">{t('man.staff.role.STAFF')}</option>
            <option value="MANAGER">{t('man.staff.role.MANAGER')}</option>
          </select>
        </div>
        <Field label={t('man.staff.theirPin')} error={errors.pin} id="staff-pin">{input('pin', 'password')}</Field>
      </div>
    </StepUpConfirm>
  );
}
