/**
 * One query layer over two stores: embedded SQLite by default (DATA_DIR/portal.sqlite) and
 * PostgreSQL when DATABASE_URL is set. Both run the same migrations at start.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { env } from "~/config/env.server";
import { migrate } from "./migrations.server";
import type { Database } from "./schema";

export type DB = Kysely<Database>;

export function openDatabase(url: string | undefined, dataDir: string): DB {
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 10 }) }) });
  }
  const file = url?.startsWith("file:") ? url.slice(5) : join(dataDir, "portal.sqlite");
  if (file !== ":memory:") mkdirSync(join(file, ".."), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  // Every commit reaches the disk before it is answered (ADR 0023): a receipt shown is a
  // submission kept, even through a power loss. Explicit, because better-sqlite3 is built with
  // SQLITE_DEFAULT_WAL_SYNCHRONOUS=1 (NORMAL) for databases already in WAL mode — every start
  // but the first — under which a power loss can take back the last commits.
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

let ready: Promise<DB> | undefined;

/** The application's database, migrated and seeded with the configured jobcenters. */
export function db(): Promise<DB> {
  ready ??= (async () => {
    const e = env();
    const database = openDatabase(e.DATABASE_URL, e.DATA_DIR);
    await migrate(database);
    const { syncJobcenters } = await import("./jobcenters.server");
    await syncJobcenters(database);
    return database;
  })();
  return ready;
}
