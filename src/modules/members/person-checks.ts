/**
 * The checks the server runs on a person's ID number and mobile number
 * (server/membership/person-record.ts), for the web forms to run as the user
 * types. Pure functions without node imports; web code takes them from here
 * because it may import only contract files from src/core.
 */
export { type IdNumberInfo, parseIdNumber } from '../../core/cn/id-number';
export { parseMobile } from '../../core/cn/mobile';
