/**
 * Liveness and readiness for the container health check and load balancers, plus the delivery
 * outbox by state for monitoring (counts only, no personal data): "failed" entries need a person.
 */
import { sql } from "kysely";
import { db } from "~/store/db.server";

export async function loader() {
  try {
    const database = await db();
    await sql`select 1`.execute(database);
    const rows = await database.selectFrom("outbox").select(["state", sql<number>`count(*)`.as("n")]).groupBy("state").execute();
    const outbox = { pending: 0, retrying: 0, delivered: 0, failed: 0 };
    for (const r of rows) outbox[r.state] = Number(r.n);
    return Response.json({ status: "ok", outbox }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
