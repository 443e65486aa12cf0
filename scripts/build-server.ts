/**
 * Bundles server/index.ts (and the app modules it imports) to build/server.js, and the image
 * conversion worker to build/image-worker.js beside it; npm packages stay external.
 */
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

await build({
  entryPoints: { server: "server/index.ts", "image-worker": "app/uploads/image-worker.ts" },
  outdir: "build",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
  alias: { "~": fileURLToPath(new URL("../app", import.meta.url)) },
  plugins: [{
    name: "external-packages",
    setup(b) {
      b.onResolve({ filter: /^[^./~]/ }, (args) => ({ path: args.path, external: true }));
    },
  }],
});
