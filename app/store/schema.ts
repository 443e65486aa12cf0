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

export interface Database {
  jobcenters: JobcenterTable;
  drafts: DraftTable;
  submissions: SubmissionTable;
}
