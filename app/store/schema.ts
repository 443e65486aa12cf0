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

export interface Database {
  jobcenters: JobcenterTable;
  drafts: DraftTable;
  submissions: SubmissionTable;
  documents: DocumentTable;
  outbox: OutboxTable;
}
