/**
 * A real Sentry client with a recording transport: an error thrown while handling a form,
 * with the request, cookies, user, extras and breadcrumbs that integrations attach, must
 * leave the process without a single answer value.
 */
import { createTransport } from "@sentry/core";
import * as Sentry from "@sentry/remix";
import { afterAll, describe, expect, it } from "vitest";
import { redact, scrubBreadcrumb, scrubEvent } from "~/monitoring/scrub";

const answers = {
  vorname: "Erika", nachname: "Mustermann", iban: "DE89370400440532013000", email: "erika.mustermann@example.org",
  telefon: "+49 151 23456789", geburtsdatum: "1990-02-03", resume: "ABCD-EFGH-JKMN-PQRS-TVWX", miete: "712,40",
};
// Kept away from the capture site: Sentry's context lines quote the code around it.
const clientIp = ["203", "0", "113", "7"].join(".");

describe("Sentry events", () => {
  const sent: string[] = [];
  Sentry.init({
    dsn: "https://public@sentry.example.invalid/1",
    beforeSend: scrubEvent,
    beforeBreadcrumb: scrubBreadcrumb,
    sendDefaultPii: false,
    defaultIntegrations: false,
    transport: (options: Parameters<typeof createTransport>[0]) => createTransport(options, async (request) => {
      sent.push(typeof request.body === "string" ? request.body : new TextDecoder().decode(request.body));
      return { statusCode: 200 };
    }),
  });
  afterAll(() => Sentry.close());

  it("carry no answer value", async () => {
    Sentry.addBreadcrumb({ category: "fetch", message: `POST /fortsetzen/${answers.resume}`, data: { body: answers } });
    Sentry.withScope((scope) => {
      scope.setUser({ email: answers.email, username: answers.nachname, ip_address: clientIp });
      scope.setExtra("form", answers);
      scope.setContext("draft", { answers });
      scope.addEventProcessor((event) => ({
        ...event,
        request: {
          url: `http://portal.example/antrag/veraenderung/konto?vorname=${answers.vorname}`,
          method: "POST",
          data: new URLSearchParams(answers).toString(),
          query_string: `vorname=${answers.vorname}`,
          cookies: { antrag: "signed-session", csrf: "x" },
          headers: { cookie: "antrag=signed-session", "user-agent": "Mozilla/5.0 test", referer: `http://portal.example/?n=${answers.nachname}` },
        },
      }));
      Sentry.captureException(new Error(
        `Could not save IBAN ${answers.iban} (${answers.email}, ${answers.telefon}, born ${answers.geburtsdatum}, code ${answers.resume})`,
      ));
    });
    await Sentry.flush(2000);
    expect(sent.length).toBe(1);
    const payload = sent.join("\n");
    expect(payload).toContain("Could not save IBAN"); // the event itself did arrive
    expect(payload).toContain("Mozilla/5.0 test");
    for (const [field, value] of Object.entries(answers)) expect(payload, field).not.toContain(value);
    expect(payload).not.toContain(clientIp);
    expect(payload).not.toContain("signed-session");
  });

  it("redacts the shapes of personal data in free text", () => {
    expect(redact("IBAN DE89 3704 0044 0532 0130 00 an a.b@c.de am 03.02.1990, Tel. 0171 9876543"))
      .toBe("IBAN [iban] an [email] am [date], Tel. [number]");
  });
});
