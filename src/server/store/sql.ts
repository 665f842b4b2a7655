/** SQL both backends share word for word (placeholders aside). */

/** The lowest ordinal nobody holds (claimed numbers leave gaps that later registrations fill). */
export const FIRST_FREE_ORDINAL =
  "SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM users WHERE ordinal = 1) THEN 1 " +
  "ELSE (SELECT MIN(u.ordinal) + 1 FROM users u WHERE NOT EXISTS (SELECT 1 FROM users v WHERE v.ordinal = u.ordinal + 1)) END AS ordinal";

/**
 * Raises a counter row to a mark, creating it; never lowers it. Two statements (insert if
 * missing, then update if lower) so an existing row that is already higher is not even locked.
 * With `unlessReserved`, a number inside one of the user's reserves made since the 4th parameter
 * does not count: it was handed out by this counter, not issued beside it.
 */
export function raiseStatements(table: "counters" | "offline_counters", dialect: "sqlite" | "postgres", unlessReserved = false): readonly [string, string] {
  // SQLite binds named parameters ({ user, mark, now, since }); PostgreSQL positional ones, typed where nothing else says.
  const [user, mark, now, since] = dialect === "sqlite" ? ["@user", "@mark", "@now", "@since"] : ["$1::bigint", "$2::integer", "$3::bigint", "$4::bigint"];
  const notReserved = unlessReserved
    ? ` AND NOT EXISTS (SELECT 1 FROM reserves WHERE user_number = ${user} AND from_counter <= ${mark} AND to_counter >= ${mark} AND created_at >= ${since})`
    : "";
  return [
    `INSERT INTO ${table} (user_number, last_counter, updated_at) SELECT ${user}, ${mark}, ${now} WHERE TRUE${notReserved} ON CONFLICT (user_number) DO NOTHING`,
    `UPDATE ${table} SET last_counter = ${mark}, updated_at = ${now} WHERE user_number = ${user} AND (last_counter IS NULL OR last_counter < ${mark})${notReserved}`,
  ];
}

/** The tables a reset empties, children first. deployment_prefixes stays: it is the deployment's history. */
export const DATA_TABLES = ["activities", "reserves", "offline_counters", "counters", "users"] as const;
