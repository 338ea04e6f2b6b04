/**
 * Wire types of the evidence desk: a signature's certificate and the answer of
 * `POST /api/signatures/verify` (src/http/evidence*.rs). Types only: nothing here runs.
 */

import type { IsoDateTime, Uuid } from './wire';

/** What the server found about an uploaded certificate (or a SHA-256 typed in). */
export type VerifyStatus = 'GENUINE' | 'RECORD_CHANGED' | 'NOT_OURS';

/** The answer of `POST /api/signatures/verify`. */
export interface VerifyAnswer {
  status: VerifyStatus;
  /** SHA-256 (hex) of what was uploaded, or the one typed in */
  sha256: string;
  /** the signature the certificate names, when it is one of ours */
  signature_id: Uuid | null;
  customer_name: string | null;
  signed_at: IsoDateTime | null;
  record_sha256: string | null;
  /** the server's sentence (staff read the screen's own words first) */
  message: string;
}

/** A certificate as downloaded: its bytes, the file name and the SHA-256 the server sent. */
export interface Certificate {
  blob: Blob;
  filename: string;
  /** `X-Certificate-SHA256`, or null when the header did not arrive */
  sha256: string | null;
}
