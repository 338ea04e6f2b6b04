/**
 * The manager's agreement-version calls: list, draft, edit a draft, activate (after the
 * step-up). Same rules as `api.ts`: every call resolves to `{ok, value}` or `{ok: false, error}`.
 */

import type { ApiResult, Requester } from './api';
import type { Language } from './wire';
import type { AgreementText, AgreementVersion } from './wire-agreements';

/** The calls, bound to one requester. */
export function agreementCommands(request: Requester) {
  const id = (value: string) => encodeURIComponent(value);
  return {
    agreements: (): Promise<ApiResult<AgreementVersion[]>> => request<AgreementVersion[]>('GET', '/api/agreements'),
    draftAgreement: (language: Language, text: AgreementText) => request<AgreementVersion>('POST', '/api/agreements', { language, ...text }),
    editAgreement: (agreement: string, text: AgreementText) => request<AgreementVersion>('PUT', `/api/agreements/${id(agreement)}`, text),
    activateAgreement: (agreement: string) => request<AgreementVersion>('POST', `/api/agreements/${id(agreement)}/activate`, {}),
  };
}
