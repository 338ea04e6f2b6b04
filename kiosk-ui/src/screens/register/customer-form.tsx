/**
 * A customer typed by hand (damaged ID, scanner down, a scan that cannot create) or corrected:
 * name, date of birth, membership number and, for a correction, the reason. What is typed is
 * read the way the screen shows it (typed.ts). A refusal naming a field (`details.field`) is
 * shown on that field (aria-invalid + aria-describedby), any other below the form. Enter
 * submits; Escape cancels (the register's key handler closes the form and focuses the scanner).
 */

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';

import type { ApiError } from '../../api';
import { createTranslator, formatDate } from '../../i18n';
import { currentLanguage } from '../../ui/language';
import { ErrorNote } from '../../ui/parts';
import { describeRefusal } from '../../ui/refusal';
import type { IsoDate, Language } from '../../wire';
import { datePattern, dateForInput, parseDate, parseName } from './typed';

/** The fields of the form. */
export type FormField = 'name' | 'dob' | 'membership_number' | 'reason';

/** What the form sends: only what was typed and read. */
export interface CustomerInput {
  name: string;
  dob: IsoDate | null;
  membership_number: string;
  reason: string;
}

/** A message shown on one field. */
interface FieldError {
  message: string;
  next: string;
  details?: string;
}

/** Props of the form. */
export interface CustomerFormProps {
  mode: 'create' | 'correct';
  /** prefilled values (a scan that cannot create, or the record to correct) */
  initial?: { name?: string | null; dob?: IsoDate | null; membership_number?: string | null };
  /** the values came from a scan */
  fromScan?: boolean;
  language?: Language;
  /** sends the values; resolves to the server's refusal, or null when done */
  onSubmit: (input: CustomerInput) => Promise<ApiError | null>;
  onCancel: () => void;
}

const FIELDS: readonly FormField[] = ['name', 'dob', 'membership_number', 'reason'];

function isField(value: unknown): value is FormField {
  return typeof value === 'string' && (FIELDS as readonly string[]).includes(value);
}

let forms = 0;

/** Checks the typed values before sending; the first problem, or the values. Pure. */
export function readForm(
  typed: Record<FormField, string>,
  mode: 'create' | 'correct',
  language: Language,
): { field: FormField; key: 'nameRequired' | 'dobRequired' | 'dobUnreadable' | 'reasonRequired' } | CustomerInput {
  const name = parseName(typed.name);
  if (name === '') return { field: 'name', key: 'nameRequired' };
  const dobText = typed.dob.trim();
  if (dobText === '' && mode === 'create') return { field: 'dob', key: 'dobRequired' };
  const dob = dobText === '' ? null : parseDate(dobText, language);
  if (dobText !== '' && dob === null) return { field: 'dob', key: 'dobUnreadable' };
  const reason = typed.reason.trim();
  if (mode === 'correct' && [...reason].length < 3) return { field: 'reason', key: 'reasonRequired' };
  return { name, dob, membership_number: typed.membership_number.trim(), reason };
}

/** The form. */
export function CustomerForm({ mode, initial = {}, fromScan = false, language = currentLanguage(), onSubmit, onCancel }: CustomerFormProps) {
  const t = createTranslator(language);
  const id = useMemo(() => `customer-form-${(forms += 1)}`, []);
  const first = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState<Record<FormField, string>>({
    name: initial.name ?? '',
    dob: dateForInput(initial.dob ?? null, language),
    membership_number: initial.membership_number ?? '',
    reason: '',
  });
  const [fieldError, setFieldError] = useState<{ field: FormField; error: FieldError } | null>(null);
  const [other, setOther] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const pattern = datePattern(language);

  useEffect(() => {
    first.current?.focus();
  }, []);

  const submit = async () => {
    const read = readForm(typed, mode, language);
    setOther(null);
    if ('key' in read) {
      const message = t(`customerForm.${read.key}`, { pattern });
      setFieldError({ field: read.field, error: { message, next: '' } });
      document.getElementById(`${id}-${read.field}`)?.focus();
      return;
    }
    setFieldError(null);
    setBusy(true);
    const refused = await onSubmit(read);
    setBusy(false);
    if (!refused) return;
    const field = refused.details.field;
    if (isField(field)) {
      setFieldError({ field, error: describeRefusal(refused, { language }) });
      document.getElementById(`${id}-${field}`)?.focus();
    } else setOther(refused);
  };

  const input = (field: FormField, label: string, hint: string | null, extra: Record<string, unknown> = {}) => {
    const error = fieldError?.field === field ? fieldError.error : null;
    const describedBy = [hint ? `${id}-${field}-hint` : null, error ? `${id}-${field}-error` : null].filter(Boolean).join(' ');
    return (
      <div class={`field ${error ? 'invalid' : ''}`}>
        <label for={`${id}-${field}`}>{label}</label>
        <input
          id={`${id}-${field}`}
          ref={field === 'name' ? first : undefined}
          value={typed[field]}
          data-testid={`form-${field}`}
          aria-invalid={error ? 'true' : 'false'}
          aria-describedby={describedBy || undefined}
          autocomplete="off"
          onInput={(e) => {
            setTyped({ ...typed, [field]: e.currentTarget.value });
            if (fieldError?.field === field) setFieldError(null);
          }}
          {...extra}
        />
        {hint ? (
          <small id={`${id}-${field}-hint`} class="hint">
            {hint}
          </small>
        ) : null}
        {error ? (
          <p id={`${id}-${field}-error`} class="field-error" data-testid={`form-${field}-error`}>
            <strong>{error.message}</strong> {error.next}
            {error.details ? <small class="error-details"> ({error.details})</small> : null}
          </p>
        ) : null}
      </div>
    );
  };

  const name = parseName(typed.name);
  const dob = parseDate(typed.dob, language);
  const title = mode === 'create' ? t('customerForm.newTitle') : t('customerForm.correctTitle');
  return (
    <form
      class="customer-form"
      aria-labelledby={`${id}-title`}
      data-testid={`customer-form-${mode}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <h3 id={`${id}-title`}>{title}</h3>
      {fromScan ? <p class="note">{t('customerForm.fromScan')}</p> : null}
      {input('name', t('customerForm.name'), name !== '' && name !== typed.name.trim() ? t('customerForm.savedAs', { name }) : t('customerForm.nameHint'), { maxLength: 400, required: true })}
      {input('dob', t('customerForm.dob'), dob ? t('customerForm.dobReads', { date: formatDate(dob, language) }) : t('customerForm.dobHint', { pattern }), {
        inputMode: 'numeric',
        placeholder: pattern,
        required: mode === 'create',
      })}
      {input('membership_number', mode === 'create' ? t('customerForm.membership') : t('customerForm.membershipCorrect'), null, { maxLength: 60 })}
      {mode === 'correct' ? input('reason', t('customerForm.reason'), t('customerForm.reasonHint'), { maxLength: 250, required: true }) : null}
      <ErrorNote error={other} language={language} testId="form-error" />
      <div class="row">
        <button type="submit" class="btn btn-primary" disabled={busy} data-testid="form-submit">
          {busy ? t('customerForm.saving') : mode === 'create' ? t('customerForm.createAndStart') : t('customerForm.save')}
        </button>
        <button type="button" class="btn btn-secondary" data-testid="form-cancel" onClick={onCancel}>
          {t('customerForm.cancel')}
        </button>
      </div>
    </form>
  );
}
