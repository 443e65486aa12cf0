/** The resume link: looks the code up, then redirects so the code leaves the address bar. */
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { resume } from "~/flows/resume.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const outcome = await resume(request, context.clientIp, params.code ?? "");
  if (outcome instanceof Response) return outcome;
  if (outcome === "tooMany") throw new Response("Too many attempts", { status: 429 });
  return redirect("/fortsetzen?ungueltig=1");
}
