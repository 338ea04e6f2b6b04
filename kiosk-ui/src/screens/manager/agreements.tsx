/**
 * The agreements tab (`/manager/agreements`): every version per language with its status and
 * signature count; drafting a new version (prefilled from the active text), editing a draft
 * (never a signed or active version: the server refuses it too), and activating one behind the
 * manager's PIN. Kiosks showing the old text get the new one at once.
 */

import { useEffect, useState } from 'preact/hooks';

import type { ApiError } from '../../api';
import { api } from '../../ui/client';
import { t, timeAt } from '../../ui/language';
import { ErrorNote, TableHead } from '../../ui/parts';
import type { Language } from '../../wire';
import type { AgreementText, AgreementVersion } from '../../wire-agreements';
import { LANGUAGE_NAMES } from '../register/labels';
import { checkAgreementText, LIMITS, prefill, trimmed, type AgreementField } from './agreement-form';
import { StepUpConfirm } from './step-up';

const LANGUAGES: readonly Language[] = ['EN', 'ES'];

type Editing = { kind: 'draft'; language: Language } | { kind: 'edit'; version: AgreementVersion };

/** The agreements page. */
export function AgreementsTab({ timeZone }: { timeZone: string }) {
  const [versions, setVersions] = useState<AgreementVersion[] | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [activating, setActivating] = useState<AgreementVersion | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const load = () => void api.agreements().then((a) => a.ok && setVersions(a.value));
  useEffect(load, []);
  const finish = (message: string) => {
    setDone(message);
    setEditing(null);
    setActivating(null);
    load();
  };
  const open = (next: Editing) => {
    setDone(null);
    setActivating(null);
    setEditing(next);
  };
  const all = versions ?? [];
  return (
    <section class="panel" data-testid="agreements-tab">
      <h2>{t('man.agr.title')}</h2>
      {done ? <p class="ok" role="status" data-testid="agreements-result">{done}</p> : null}
      {LANGUAGES.map((language) => (
        <LanguageVersions key={language} language={language} versions={all.filter((v) => v.language === language)} timeZone={timeZone}
          onDraft={() => open({ kind: 'draft', language })} onEdit={(version) => open({ kind: 'edit', version })}
          onActivate={(version) => {
            setDone(null);
            setEditing(null);
            setActivating(version);
          }} />
      ))}
      {editing ? <Editor editing={editing} versions={all} timeZone={timeZone} onDone={finish} onCancel={() => setEditing(null)} /> : null}
      {activating ? (
        <StepUpConfirm testId="activate-box" timeZone={timeZone} confirmLabel={t('man.agr.activate')}
          question={t('man.agr.activateConfirm', { language: LANGUAGE_NAMES[activating.language], version: activating.version })}
          action={() => api.activateAgreement(activating.id)} onCancel={() => setActivating(null)}
          onDone={() => finish(t('man.agr.activated', { language: LANGUAGE_NAMES[activating.language], version: activating.version }))} />
      ) : null}
    </section>
  );
}

interface LanguageProps {
  language: Language;
  versions: AgreementVersion[];
  timeZone: string;
  onDraft: () => void;
  onEdit: (v: AgreementVersion) => void;
  onActivate: (v: AgreementVersion) => void;
}

function status(v: AgreementVersion): string {
  if (v.active) return t('man.agr.status.active');
  return t(v.signatures > 0 ? 'man.agr.status.retired' : 'man.agr.status.draft');
}

function LanguageVersions({ language, versions, timeZone, onDraft, onEdit, onActivate }: LanguageProps) {
  return (
    <div class="agreement-language" data-testid={`agreements-${language}`}>
      <h3>{LANGUAGE_NAMES[language]}</h3>
      <button type="button" class="btn btn-primary" data-testid={`draft-${language}`} onClick={onDraft}>{t('man.agr.draft')}</button>
      <table class="grid">
        <TableHead labels={[t('man.agr.version'), t('man.agr.heading'), t('mgr.col.status'), t('man.agr.signatures'), t('man.agr.activatedAt'), t('man.actions')]} />
        <tbody>
          {versions.map((v) => (
            <tr key={v.id} data-testid="agreement-row" data-version={v.version}>
              <th scope="row">v{v.version}</th>
              <td>{v.title}</td>
              <td data-testid="agreement-status">{status(v)}</td>
              <td>{v.signatures}</td>
              <td>{v.activated_at ? timeAt(v.activated_at, timeZone) : '—'}</td>
              <td class="row-actions">
                {v.editable ? <button type="button" class="btn btn-secondary" data-testid="agreement-edit" onClick={() => onEdit(v)}>{t('man.agr.edit')}</button> : null}
                {v.active ? null : <button type="button" class="btn btn-secondary" data-testid="agreement-activate" onClick={() => onActivate(v)}>{t('man.agr.activate')}</button>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface EditorProps {
  editing: Editing;
  versions: AgreementVersion[];
  timeZone: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}

function Editor({ editing, versions, timeZone, onDone, onCancel }: EditorProps) {
  const start = editing.kind === 'edit' ? editing.version : prefill(versions, editing.language);
  const [text, setText] = useState<AgreementText>({ title: start.title, body_text: start.body_text, consent_text: start.consent_text });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const problems = checkAgreementText(text);
  const language = LANGUAGE_NAMES[editing.kind === 'edit' ? editing.version.language : editing.language];
  const save = async () => {
    setBusy(true);
    setError(null);
    const sent = trimmed(text);
    const answer = editing.kind === 'edit' ? await api.editAgreement(editing.version.id, sent) : await api.draftAgreement(editing.language, sent);
    setBusy(false);
    if (!answer.ok) return setError(answer.error);
    onDone(t(editing.kind === 'edit' ? 'man.agr.saved' : 'man.agr.drafted', { language, version: answer.value.version }));
  };
  const field = (name: AgreementField, label: string) => {
    const problem = problems[name];
    const props = {
      id: `agreement-${name}`, value: text[name], 'data-testid': `agreement-${name}`, 'aria-invalid': problem ? ('true' as const) : undefined,
      'aria-describedby': problem ? `agreement-${name}-error` : undefined,
      onInput: (e: { currentTarget: { value: string } }) => setText({ ...text, [name]: e.currentTarget.value }),
    };
    return (
      <div class="field agreement-field">
        <label for={`agreement-${name}`}>{label}</label>
        {LIMITS[name].lines ? <textarea rows={14} {...props} /> : <input type="text" {...props} />}
        {problem ? <p class="field-error warn" id={`agreement-${name}-error`}>{t(problem, { max: LIMITS[name].max })}</p> : null}
      </div>
    );
  };
  const heading = editing.kind === 'edit' ? t('man.agr.editTitle', { language, version: editing.version.version }) : t('man.agr.draftTitle', { language });
  return (
    <form class="agreement-editor" data-testid="agreement-editor" aria-label={heading} onSubmit={(e) => {
      e.preventDefault();
      void save();
    }}>
      <h3>{heading}</h3>
      <p class="note">{t('man.agr.frozenHint')}</p>
      {field('title', t('man.agr.heading'))}
      {field('body_text', t('man.agr.body'))}
      {field('consent_text', t('man.agr.consent'))}
      <button type="submit" class="btn btn-primary" data-testid="agreement-save" disabled={busy || Object.keys(problems).length > 0}>{t('man.agr.save')}</button>
      <button type="button" class="btn btn-secondary" onClick={onCancel}>{t('man.cancel')}</button>
      <ErrorNote error={error} timeZone={timeZone} testId="agreement-error" />
    </form>
  );
}
