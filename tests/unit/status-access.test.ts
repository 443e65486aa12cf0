/** Reference + Zugangscode open a submission's status page from another device; nothing else does. */
import { beforeAll, describe, expect, it } from "vitest";
import { getSession, mayViewReceipt } from "~/security/session.server";
import { db } from "~/store/db.server";
import type { StoredSubmission } from "~/store/submissions.server";
import { accessCode, formatAccessCode, openByCode } from "~/submission/status-access.server";
import { seedSubmission } from "../fixtures/seed";

let submission: StoredSubmission;
const request = () => new Request("http://localhost/stand", { method: "POST" });

beforeAll(async () => {
  submission = await seedSubmission(await db(), "demo-musterstadt", "STAND2K7");
});

describe("status access by reference and Zugangscode", () => {
  it("opens the status page and puts the submission into this browser's session", async () => {
    const code = formatAccessCode(accessCode(submission.id)).toLowerCase().replace(/-/g, " ");
    const response = (await openByCode(request(), "10.0.0.1", "stand-2k7", code)) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/eingang/${submission.id}/stand`);
    const session = await getSession(new Request("http://localhost/", { headers: { Cookie: response.headers.get("Set-Cookie")!.split(";")[0] } }));
    expect(mayViewReceipt(session, submission.id)).toBe(true);
  });

  it("answers a wrong code and an unknown reference alike, and a malformed input as such", async () => {
    const other = accessCode("00000000-0000-0000-0000-000000000000");
    expect(await openByCode(request(), "10.0.0.2", "STAND2K7", other)).toBe("notFound");
    expect(await openByCode(request(), "10.0.0.2", "ZZZZ2222", accessCode(submission.id))).toBe("notFound");
    expect(await openByCode(request(), "10.0.0.2", "STAND2K7", "ABC")).toBe("invalid");
    expect(await openByCode(request(), "10.0.0.2", "STAND-2K7-0", accessCode(submission.id))).toBe("invalid");
  });

  it("stops guessing after the rate limit", async () => {
    const results = [];
    for (let i = 0; i < 12; i++) results.push(await openByCode(request(), "10.0.0.3", "STAND2K7", "AAAA-AAAA-AAAA"));
    expect(results.at(-1)).toBe("tooMany");
    // Even the right code is refused while the address is over its limit.
    expect(await openByCode(request(), "10.0.0.3", "STAND2K7", accessCode(submission.id))).toBe("tooMany");
  });
});
