// Row ids are Postgres uuids, and Postgres answers a malformed one with an
// error rather than "no row". An id from a URL or a job is checked first, so a
// made-up id is a 404 like another user's. Any version: Postgres accepts them all.
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
