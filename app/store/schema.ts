/** Table types for Kysely. Timestamps are ISO-8601 UTC strings in both SQLite and PostgreSQL. */
export interface JobcenterTable {
  id: string;
  name: string;
  config: string;
  updated_at: string;
}

export interface DraftTable {
  id: string;
  flow: string;
  jobcenter_id: string;
  language: string;
  /** HMAC of the resume code: lookup without storing the code. */
  lookup_hash: string;
  /** AES-256-GCM ciphertext of the answers (key from the master key and the resume code). */
  payload: string;
  created_at: string;
  updated_at: string;
  expires_at: string;
}

export interface SubmissionTable {
  id: string;
  reference: string;
  /** The draft it came from: a second submit of the same draft finds this row. */
  draft_id: string;
  flow: string;
  form_version: string;
  rechtsstand: string;
  jobcenter_id: string;
  language: string;
  received_at: string;
  status: string;
  /** AES-256-GCM ciphertext of the pruned canonical model. */
  payload: string;
  /** Workflow (migration 005, ADR 0015): who works it, since when in this status. */
  assigned_to: string | null;
  status_changed_at: string | null;
  /** The first caseworker action (status, assignment, Nachforderung): for "time to first action". */
  first_action_at: string | null;
  /** Who marked it vollständig; the four-eyes sign-off must come from someone else. */
  completed_by: string | null;
  approved_by: string | null;
  approved_at: string | null;
  /** 1 when the applicant sent Nachweise the caseworker has not yet acknowledged. */
  flagged: number;
  /** Checklist slots without a file (null: not yet computed). */
  missing_nachweise: number | null;
  /** FlowDocument.dueDate (YYYY-MM-DD), e.g. a renewal's new period start; NULL for other flows. */
  due_date: string | null;
  /** 1 when every checklist slot had a file at submission. */
  complete_on_arrival: number | null;
}

export interface DocumentTable {
  id: string;
  submission_id: string;
  /** "antrag-xml", "antrag-pdf". */
  kind: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  /** AES-256-GCM ciphertext of the bytes (base64 inside). */
  payload: string;
  created_at: string;
}

export type DeliveryState = "pending" | "retrying" | "delivered" | "failed";

export interface OutboxTable {
  id: string;
  submission_id: string;
  /** Set when the entry delivers a Nachreichung of the submission, not the submission itself. */
  nachreichung_id: string | null;
  /** "inbox", or "<art>:<index in the jobcenter's zustellung list>". */
  connector: string;
  state: DeliveryState;
  attempts: number;
  next_attempt_at: string;
  locked_until: string | null;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * An uploaded Nachweis file, stored as PDF. Owned by a draft (draft_id) until it is submitted,
 * then by the submission (submission_id), and by one of its Nachreichungen when sent later.
 * Envelope encryption: the bytes are sealed with a random data key; that key is wrapped with a
 * key derived from the draft's resume code while it is a draft, and rewrapped under the
 * submission's key at submit (cheap, whatever the file sizes).
 */
export interface UploadTable {
  id: string;
  draft_id: string | null;
  submission_id: string | null;
  nachreichung_id: string | null;
  /** Nachweis key from the flow's catalogue, or "sonstiges". */
  nachweis: string;
  /** The name the file had on the device, sanitised; AES-256-GCM ciphertext (names carry names). */
  original_name: string;
  /** Always application/pdf: images are converted on upload. */
  media_type: string;
  size: number;
  /** SHA-256 (hex) of the stored PDF. */
  sha256: string;
  /** The data key, AES-256-GCM-wrapped by the owner's key. */
  wrapped_key: string;
  /** AES-256-GCM ciphertext of the PDF bytes. */
  payload: string;
  created_at: string;
  /**
   * HMAC of the Nachweis slot and the SHA-256 of the bytes as received (ADR 0021): the same file
   * for the same Nachweis is stored once per draft and once per submission. NULL for older rows.
   */
  content_key?: string | null;
}

/** A sealed addendum to a submission: files sent later with the same reference. */
export interface NachreichungTable {
  id: string;
  submission_id: string;
  /** 1, 2, … per submission. */
  nummer: number;
  received_at: string;
  /** "nachreichung-<nummer>.xml" */
  file_name: string;
  size: number;
  sha256: string;
  /** AES-256-GCM ciphertext of the sealed XML (submission key). */
  payload: string;
}

/** A caseworker account of one jobcenter (ADR 0014). */
export interface CaseworkerTable {
  id: string;
  jobcenter_id: string;
  /** Lower case. */
  email: string;
  name: string;
  /** "sachbearbeitung" | "teamleitung" | "administration" */
  role: string;
  /** argon2id PHC string. */
  password_hash: string;
  /** TOTP secret (base32), AES-256-GCM-encrypted; null without a second factor. */
  totp_secret: string | null;
  /** A secret being enrolled, encrypted, until confirmed with a code. */
  totp_pending: string | null;
  /** The last accepted TOTP time step: a code is accepted once. */
  totp_last_step: number | null;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
  /** 0 or 1. */
  disabled: number;
}

/** A server-side caseworker session; the id is the SHA-256 of the cookie's random token. */
export interface CaseworkerSessionTable {
  id: string;
  caseworker_id: string;
  /** "totp": password checked, second factor outstanding; "active": signed in. */
  stage: string;
  created_at: string;
  last_seen_at: string;
}

/** Append-only: who did what when, never answer data. Nothing updates or deletes rows. */
export interface AuditLogTable {
  id: string;
  at: string;
  caseworker_id: string | null;
  jobcenter_id: string | null;
  submission_id: string | null;
  action: string;
  /** JSON object with technical details (e.g. file kind, filter names), no personal answers. */
  detail: string;
}

/** A request for missing Nachweise (§§ 60, 66 SGB I), with a deadline. */
export interface NachforderungTable {
  id: string;
  submission_id: string;
  nummer: number;
  created_at: string;
  created_by: string;
  /** YYYY-MM-DD. */
  frist: string;
  /** AES-256-GCM ciphertext of {slots: string[], notiz: string}. */
  payload: string;
  /** When a Nachreichung answered it. */
  answered_at: string | null;
  answered_by_nachreichung: string | null;
}

/**
 * Shared rate limits and sign-in throttles (migration 007, ADR 0023): "<limiter>:<key>". Times
 * in ms since the epoch (PostgreSQL bigint comes back as a string: read with Number()).
 */
export interface RateLimitTable {
  key: string;
  /** Attempts in the window (fixed window) or failures (failure throttle). */
  count: number;
  /** Start of the window, or the time of the last failure. */
  last_at: number | string;
  /** The row means nothing after this; the purge deletes it. */
  expires_at: number | string;
  /** 1 when the last attempt through the row was admitted (read back by the same statement). */
  admitted: number;
}

export interface Database {
  jobcenters: JobcenterTable;
  drafts: DraftTable;
  submissions: SubmissionTable;
  documents: DocumentTable;
  outbox: OutboxTable;
  uploads: UploadTable;
  nachreichungen: NachreichungTable;
  caseworkers: CaseworkerTable;
  caseworker_sessions: CaseworkerSessionTable;
  audit_log: AuditLogTable;
  nachforderungen: NachforderungTable;
  rate_limits: RateLimitTable;
}
