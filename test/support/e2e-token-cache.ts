import { join } from 'node:path';

/**
 * Access tokens shared by the e2e files of one run (written by tokenOf, cleared by the tier's global setup): the
 * gateway throttles logins per address, and the tier as a whole would otherwise log the same users in file after file.
 */
export const TOKEN_CACHE = join(__dirname, '../../var/e2e-tokens.json');
