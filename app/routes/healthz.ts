/** Liveness and readiness for the container health check and load balancers. */
import { sql } from "kysely";
import { db } from "~/store/db.server";

export async function loader() {
  try {
    await sql`select 1`.execute(await db());
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
