/** Migrations shared by SQLite and PostgreSQL: only portable column types. */
import { Migrator, PostgresAdapter, sql, type Kysely, type Migration, type MigrationProvider } from "kysely";

const migrations: Record<string, Migration> = {
  "2026-11-22-001-initial": {
    async up(db: Kysely<any>) {
      await db.schema.createTable("jobcenters")
        .addColumn("id", "varchar(64)", (c) => c.primaryKey())
        .addColumn("name", "varchar(200)", (c) => c.notNull())
        .addColumn("config", "text", (c) => c.notNull())
        .addColumn("updated_at", "varchar(32)", (c) => c.notNull())
        .execute();
      await db.schema.createTable("drafts")
        .addColumn("id", "varchar(36)", (c) => c.primaryKey())
        .addColumn("flow", "varchar(64)", (c) => c.notNull())
        .addColumn("jobcenter_id", "varchar(64)", (c) => c.notNull().references("jobcenters.id"))
        .addColumn("language", "varchar(16)", (c) => c.notNull())
        .addColumn("lookup_hash", "varchar(64)", (c) => c.notNull().unique())
        .addColumn("payload", "text", (c) => c.notNull())
        .addColumn("created_at", "varchar(32)", (c) => c.notNull())
        .addColumn("updated_at", "varchar(32)", (c) => c.notNull())
        .addColumn("expires_at", "varchar(32)", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("drafts_expires_at").on("drafts").column("expires_at").execute();
      await db.schema.createTable("submissions")
        .addColumn("id", "varchar(36)", (c) => c.primaryKey())
        .addColumn("reference", "varchar(16)", (c) => c.notNull().unique())
        .addColumn("draft_id", "varchar(36)", (c) => c.notNull().unique())
        .addColumn("flow", "varchar(64)", (c) => c.notNull())
        .addColumn("form_version", "varchar(64)", (c) => c.notNull())
        .addColumn("rechtsstand", "varchar(10)", (c) => c.notNull())
        .addColumn("jobcenter_id", "varchar(64)", (c) => c.notNull().references("jobcenters.id"))
        .addColumn("language", "varchar(16)", (c) => c.notNull())
        .addColumn("received_at", "varchar(32)", (c) => c.notNull())
        .addColumn("status", "varchar(32)", (c) => c.notNull())
        .addColumn("payload", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("submissions_jobcenter_received").on("submissions").columns(["jobcenter_id", "received_at"]).execute();
    },
  },
  "2026-11-22-002-documents-outbox": {
    async up(db: Kysely<any>) {
      await db.schema.createTable("documents")
        .addColumn("id", "varchar(36)", (c) => c.primaryKey())
        .addColumn("submission_id", "varchar(36)", (c) => c.notNull().references("submissions.id"))
        .addColumn("kind", "varchar(32)", (c) => c.notNull())
        .addColumn("file_name", "varchar(200)", (c) => c.notNull())
        .addColumn("media_type", "varchar(100)", (c) => c.notNull())
        .addColumn("size", "integer", (c) => c.notNull())
        .addColumn("sha256", "varchar(64)", (c) => c.notNull())
        .addColumn("payload", "text", (c) => c.notNull())
        .addColumn("created_at", "varchar(32)", (c) => c.notNull())
        .addUniqueConstraint("documents_submission_kind", ["submission_id", "kind"])
        .execute();
      await db.schema.createTable("outbox")
        .addColumn("id", "varchar(36)", (c) => c.primaryKey())
        .addColumn("submission_id", "varchar(36)", (c) => c.notNull().references("submissions.id"))
        .addColumn("connector", "varchar(64)", (c) => c.notNull())
        .addColumn("state", "varchar(16)", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull())
        .addColumn("next_attempt_at", "varchar(32)", (c) => c.notNull())
        .addColumn("locked_until", "varchar(32)")
        .addColumn("last_error", "varchar(500)")
        .addColumn("delivered_at", "varchar(32)")
        .addColumn("created_at", "varchar(32)", (c) => c.notNull())
        .addColumn("updated_at", "varchar(32)", (c) => c.notNull())
        .addUniqueConstraint("outbox_submission_connector", ["submission_id", "connector"])
        .execute();
      await db.schema.createIndex("outbox_due").on("outbox").columns(["state", "next_attempt_at"]).execute();
    },
  },
  "2026-11-22-003-uploads": {
    // Nachweise: uploaded files of a draft, then of its submission; Nachreichungen (sealed
    // addenda after submission); outbox entries that deliver a Nachreichung. The outbox is
    // rebuilt because SQLite cannot drop its unique (submission_id, connector) constraint, which
    // now holds only for the submission itself (nachreichung_id null).
    async up(db: Kysely<any>) {
      await db.schema.createTable("nachreichungen")
        .addColumn("id", "varchar(36)", (c) => c.primaryKey())
        .addColumn("submission_id", "varchar(36)", (c) => c.notNull().references("submissions.id"))
        .addColumn("nummer", "integer", (c) => c.notNull())
        .addColumn("received_at", "varchar(32)", (c) => c.notNull())
        .addColumn("file_name", "varchar(200)", (c) => c.notNull())
        .addColumn("size", "integer", (c) => c.notNull())
        .addColumn("sha256", "varchar(64)", (c) => c.notNull())
        .addColumn("payload", "text", (c) => c.notNull())
        .addUniqueConstraint("nachreichungen_submission_nummer", ["submission_id", "nummer"])
        .execute();
      await db.schema.createTable("uploads")
        .addColumn("id", "varchar(36)", (c) => c.primaryKey())
        .addColumn("draft_id", "varchar(36)", (c) => c.references("drafts.id"))
        .addColumn("submission_id", "varchar(36)", (c) => c.references("submissions.id"))
        .addColumn("nachreichung_id", "varchar(36)", (c) => c.references("nachreichungen.id"))
        .addColumn("nachweis", "varchar(64)", (c) => c.notNull())
        .addColumn("original_name", "text", (c) => c.notNull())
        .addColumn("media_type", "varchar(100)", (c) => c.notNull())
        .addColumn("size", "integer", (c) => c.notNull())
        .addColumn("sha256", "varchar(64)", (c) => c.notNull())
        .addColumn("wrapped_key", "text", (c) => c.notNull())
        .addColumn("payload", "text", (c) => c.notNull())
        .addColumn("created_at", "varchar(32)", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("uploads_draft").on("uploads").column("draft_id").execute();
      await db.schema.createIndex("uploads_submission").on("uploads").columns(["submission_id", "nachreichung_id"]).execute();

      await db.schema.createTable("outbox_v3")
        .addColumn("id", "varchar(36)", (c) => c.primaryKey())
        .addColumn("submission_id", "varchar(36)", (c) => c.notNull().references("submissions.id"))
        .addColumn("nachreichung_id", "varchar(36)", (c) => c.references("nachreichungen.id"))
        .addColumn("connector", "varchar(64)", (c) => c.notNull())
        .addColumn("state", "varchar(16)", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull())
        .addColumn("next_attempt_at", "varchar(32)", (c) => c.notNull())
        .addColumn("locked_until", "varchar(32)")
        .addColumn("last_error", "varchar(500)")
        .addColumn("delivered_at", "varchar(32)")
        .addColumn("created_at", "varchar(32)", (c) => c.notNull())
        .addColumn("updated_at", "varchar(32)", (c) => c.notNull())
        .execute();
      const columns = ["id", "submission_id", "connector", "state", "attempts", "next_attempt_at", "locked_until", "last_error", "delivered_at", "created_at", "updated_at"];
      await db.insertInto("outbox_v3").columns(columns).expression(db.selectFrom("outbox").select(columns)).execute();
      await db.schema.dropTable("outbox").execute();
      await db.schema.alterTable("outbox_v3").renameTo("outbox").execute();
      await db.schema.createIndex("outbox_due").on("outbox").columns(["state", "next_attempt_at"]).execute();
      await db.schema.createIndex("outbox_submission_connector_once").on("outbox").columns(["submission_id", "connector"]).unique()
        .where(sql<boolean>`nachreichung_id is null`).execute();
      await db.schema.createIndex("outbox_nachreichung_connector_once").on("outbox").columns(["nachreichung_id", "connector"]).unique().execute();
    },
  },
  "2026-11-22-004-caseworker": {
    // The caseworker area: accounts per jobcenter, server-side sessions, and the append-only
    // audit log (ADR 0014). Booleans are integers 0/1 in both stores.
    async up(db: Kysely<any>) {
      await db.schema.createTable("caseworkers")
        .addColumn("id", "varchar(36)", (c) => c.primaryKey())
        .addColumn("jobcenter_id", "varchar(64)", (c) => c.notNull().references("jobcenters.id"))
        .addColumn("email", "varchar(254)", (c) => c.notNull().unique())
        .addColumn("name", "varchar(200)", (c) => c.notNull())
        .addColumn("role", "varchar(32)", (c) => c.notNull())
        .addColumn("password_hash", "varchar(200)", (c) => c.notNull())
        .addColumn("totp_secret", "text")
        .addColumn("totp_pending", "text")
        .addColumn("totp_last_step", "integer")
        .addColumn("failed_attempts", "integer", (c) => c.notNull())
        .addColumn("locked_until", "varchar(32)")
        .addColumn("created_at", "varchar(32)", (c) => c.notNull())
        .addColumn("disabled", "integer", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("caseworkers_jobcenter").on("caseworkers").column("jobcenter_id").execute();
      await db.schema.createTable("caseworker_sessions")
        .addColumn("id", "varchar(64)", (c) => c.primaryKey())
        .addColumn("caseworker_id", "varchar(36)", (c) => c.notNull().references("caseworkers.id"))
        .addColumn("stage", "varchar(16)", (c) => c.notNull())
        .addColumn("created_at", "varchar(32)", (c) => c.notNull())
        .addColumn("last_seen_at", "varchar(32)", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("caseworker_sessions_caseworker").on("caseworker_sessions").column("caseworker_id").execute();
      await db.schema.createTable("audit_log")
        .addColumn("id", "varchar(36)", (c) => c.primaryKey())
        .addColumn("at", "varchar(32)", (c) => c.notNull())
        .addColumn("caseworker_id", "varchar(36)")
        .addColumn("jobcenter_id", "varchar(64)")
        .addColumn("submission_id", "varchar(36)")
        .addColumn("action", "varchar(64)", (c) => c.notNull())
        .addColumn("detail", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("audit_log_jobcenter_at").on("audit_log").columns(["jobcenter_id", "at"]).execute();
      await db.schema.createIndex("audit_log_submission").on("audit_log").column("submission_id").execute();
    },
  },
  "2026-11-22-005-workflow": {
    // Workflow of the caseworker area (ADR 0015): status times, assignment, four-eyes sign-off,
    // the "new Nachweise" flag, completeness; Nachforderungen with a deadline.
    async up(db: Kysely<any>) {
      for (const column of ["assigned_to", "completed_by", "approved_by"]) {
        await db.schema.alterTable("submissions").addColumn(column, "varchar(36)").execute();
      }
      for (const column of ["status_changed_at", "first_action_at", "approved_at"]) {
        await db.schema.alterTable("submissions").addColumn(column, "varchar(32)").execute();
      }
      await db.schema.alterTable("submissions").addColumn("flagged", "integer", (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable("submissions").addColumn("missing_nachweise", "integer").execute();
      await db.schema.alterTable("submissions").addColumn("complete_on_arrival", "integer").execute();
      await db.schema.createIndex("submissions_jobcenter_status").on("submissions").columns(["jobcenter_id", "status"]).execute();
      await db.schema.createTable("nachforderungen")
        .addColumn("id", "varchar(36)", (c) => c.primaryKey())
        .addColumn("submission_id", "varchar(36)", (c) => c.notNull().references("submissions.id"))
        .addColumn("nummer", "integer", (c) => c.notNull())
        .addColumn("created_at", "varchar(32)", (c) => c.notNull())
        .addColumn("created_by", "varchar(36)", (c) => c.notNull().references("caseworkers.id"))
        .addColumn("frist", "varchar(10)", (c) => c.notNull())
        .addColumn("payload", "text", (c) => c.notNull())
        .addColumn("answered_at", "varchar(32)")
        .addColumn("answered_by_nachreichung", "varchar(36)")
        .addUniqueConstraint("nachforderungen_submission_nummer", ["submission_id", "nummer"])
        .execute();
    },
  },
  "2026-11-22-006-audit-append-only": {
    // The audit log refuses UPDATE and DELETE in the database itself (ADR 0015), not only in
    // code: a trigger per store. Retention, when it comes, needs a migration of its own.
    async up(db: Kysely<any>) {
      if (isPostgres(db)) {
        await sql`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION 'audit_log is append-only'; END; $$`.execute(db);
        await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
        await sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`.execute(db);
      } else {
        await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
        await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
      }
    },
  },
  "2026-12-06-007-rate-limits": {
    // Rate limits and sign-in throttles shared by every server process (ADR 0023): one row per
    // limiter and key, counted with one atomic upsert; rows past expires_at are purged.
    // Times are milliseconds since the epoch (bigint: beyond 32 bits).
    async up(db: Kysely<any>) {
      await db.schema.createTable("rate_limits")
        .addColumn("key", "varchar(200)", (c) => c.primaryKey())
        .addColumn("count", "integer", (c) => c.notNull())
        .addColumn("last_at", "bigint", (c) => c.notNull())
        .addColumn("expires_at", "bigint", (c) => c.notNull())
        .addColumn("admitted", "integer", (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex("rate_limits_expires_at").on("rate_limits").column("expires_at").execute();
    },
  },
  "2026-12-06-008-upload-dedup": {
    // Idempotent uploads (ADR 0021): a keyed hash of Nachweis and received bytes per file, unique
    // per draft and per submission, so an upload retried after a lost answer is stored once.
    // Rows from before have none (NULL never collides).
    async up(db: Kysely<any>) {
      await db.schema.alterTable("uploads").addColumn("content_key", "varchar(64)").execute();
      await db.schema.createIndex("uploads_draft_content_once").on("uploads").columns(["draft_id", "content_key"]).unique().execute();
      await db.schema.createIndex("uploads_submission_content_once").on("uploads").columns(["submission_id", "content_key"]).unique().execute();
    },
  },
  "2026-12-06-009-due-date": {
    // The day a renewal's benefits must go on from (FlowDocument.dueDate, ADR 0028): the inbox
    // sorts the most urgent first. Submissions of other flows have none.
    async up(db: Kysely<any>) {
      await db.schema.alterTable("submissions").addColumn("due_date", "varchar(10)").execute();
      await db.schema.createIndex("submissions_jobcenter_due").on("submissions").columns(["jobcenter_id", "due_date"]).execute();
    },
  },
};

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** Exported for tests that migrate step by step (e.g. 003 rebuilding a filled outbox). */
export const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrate(db: Kysely<any>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) throw new Error(`Migration failed: ${failed?.migrationName ?? String(error)}`);
}
