/**
 * The one HTTP client of the page (same origin, cookies). Creating it sends nothing.
 */

import { createApi } from '../api';

/** The page's client. */
export const api = createApi();
