import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});

// Sentry's browser SDK is fetched only when the server configured a DSN (see root.tsx).
const dsn = document.documentElement.dataset.sentryDsn;
if (dsn) void import("./monitoring/sentry.client").then((m) => m.initSentry(dsn));
