/**
 * Closed lists of the caseworker area whose German texts are looked up by key at run time
 * (locales/de/sachbearbeitung.json). The i18n test adds one key per entry, so every value
 * needs a text and no text lingers unused.
 */
export const ROLES = ["sachbearbeitung", "teamleitung", "administration"] as const;
export type Role = (typeof ROLES)[number];

/** Workflow statuses (ADR 0015); transitions in workflow.server.ts. */
export const STATUSES = ["eingegangen", "in_bearbeitung", "unterlagen_angefordert", "vollstaendig", "abgeschlossen"] as const;

/** Result of a seal check, computed on the server. */
export const SEAL_RESULTS = ["gueltig", "ungueltig", "nicht_vertrauenswuerdig"] as const;
export type SealResult = (typeof SEAL_RESULTS)[number];

export const DELIVERY_STATES = ["pending", "retrying", "delivered", "failed"] as const;

/** Audit actions. Appending a value needs a German text. */
export const AUDIT_ACTIONS = [
  "anmeldung", "anmeldung_fehlgeschlagen", "anmeldung_gesperrt", "abmeldung", "sitzung_abgelaufen",
  "totp_eingerichtet", "eingang_angesehen", "antrag_angesehen", "pdf_angezeigt", "pdf_heruntergeladen",
  "xml_heruntergeladen", "anlage_heruntergeladen", "protokoll_angesehen", "protokoll_exportiert", "konto_angelegt",
  "status_geaendert", "zugewiesen", "nachforderung_gestellt", "nachreichung_gesehen", "freigabe_erteilt", "export_heruntergeladen",
  "uebersicht_angesehen", "konto_gesperrt", "konto_entsperrt",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Why the login page is shown or what went wrong there. */
export const LOGIN_MESSAGES = ["falsch", "gesperrt", "zuViele", "codeFalsch", "abgelaufen", "abgemeldet", "leer"] as const;
export type LoginMessage = (typeof LOGIN_MESSAGES)[number];

/** History entries on the submission page (besides audit actions). */
export const HISTORY_EVENTS = ["eingang", "zustellung", "nachreichung"] as const;

/** What a caseworker can ask for on the submission page; "nachfordern" has its own form. */
export const WORKFLOW_ACTIONS = ["uebernehmen", "zuweisen", "bearbeiten", "vollstaendig", "abschliessen", "freigeben", "gesichtet"] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** Confirmations after a successful POST on the submission page (…?meldung=<value>). */
export const WORKFLOW_MESSAGES = [...WORKFLOW_ACTIONS, "nachfordern"] as const;

/** Why a POST on the submission page was refused. */
export const ACTION_PROBLEMS = ["konflikt", "verboten"] as const;
export type ActionProblem = (typeof ACTION_PROBLEMS)[number];

/**
 * Why this person cannot give the four-eyes Freigabe: not a Teamleitung, not a complete
 * Erstantrag, has it now or marked it complete ("selbst"), or worked it earlier by its history.
 */
export const FREIGABE_BLOCKERS = ["rolle", "status", "selbst", "verlauf"] as const;
export type FreigabeBlocker = (typeof FREIGABE_BLOCKERS)[number];

/** Validation messages of the Nachforderung form. */
export const NACHFORDERUNG_ERRORS = ["keineNachweise", "unbekannt", "notizZuLang", "fristFormat", "fristZuFrueh", "fristZuSpaet"] as const;

/** Periods of the Teamleitung dashboard, in weeks (used by the page's form and the server). */
export const DASHBOARD_PERIODS = [4, 12, 26] as const;
/** The dashboard's series key for all languages beyond the top five. */
export const OTHER_LANGUAGES = "weitere";

/** Saved views of the inbox (`?ansicht=`, ADR 0029); "freigaben" only for a Teamleitung. */
export const INBOX_VIEWS = ["meine", "neu", "frist", "nachweise", "freigaben"] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

/** Orders of the inbox and their texts (eingang.<text>). */
export const INBOX_SORTS = { neu: "neuesteZuerst", alt: "aeltesteZuerst", faellig: "dringendZuerst" } as const;

/** Filter parameters shown as removable chips (eingang.chip.<name>; "neu" reads as its checkbox). */
export const FILTER_CHIPS = ["suche", "verfahren", "status", "sprache", "vollstaendigkeit", "zugewiesen", "von", "bis", "sortierung"] as const;

/** What the inbox's "Fällig" column shows: a Nachforderung's deadline or a renewal's new period. */
export const URGENCY_KINDS = ["frist", "zeitraum"] as const;

/** Points a flow computes for the caseworker's attention (FlowDocument.attention). */
export const FLOW_ATTENTION_CODES = ["ausserhalbBezirk", "umzugAusserhalb", "gesonderteAntraege", "geaendertGegenueberVorantrag", "personenwechsel", "ohneFestenWohnsitz"] as const;
/** Every point of "Zu beachten" (hinweise.<code>): the page's own and the flows'. */
export const ATTENTION_CODES = ["siegelGueltig", "siegelPruefen", "nachweiseFehlen", "nachweiseVollstaendig", "neueUnterlagen", "fristLaeuft", "fristUeberschritten", "fremdsprache", ...FLOW_ATTENTION_CODES] as const;
export const ATTENTION_LEVELS = ["warnung", "ok"] as const;

/** Keyboard shortcuts of the submission page: key → text (tastenkuerzel.<text>). */
export const SHORTCUTS = { j: "naechster", k: "vorheriger", e: "eingang", u: "uebernehmen", v: "vollstaendig", f: "freigeben", n: "nachfordern", a: "angaben", p: "pdf" } as const;
