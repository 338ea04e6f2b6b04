/**
 * Wire types of the agreement versions a manager drafts and activates, mirroring
 * `src/http/agreements.rs`. Types only: nothing here runs.
 */

import type { IsoDateTime, Language, Uuid } from './wire';

/** `AgreementView`: one version with its signature count. */
export interface AgreementVersion {
  id: Uuid;
  version: number;
  language: Language;
  title: string;
  body_text: string;
  body_sha256: string;
  consent_text: string;
  active: boolean;
  signatures: number;
  /** inactive and never signed: its text may change */
  editable: boolean;
  created_at: IsoDateTime;
  activated_at: IsoDateTime | null;
}

/** The text of a version (`AgreementText`). */
export interface AgreementText {
  title: string;
  body_text: string;
  consent_text: string;
}
