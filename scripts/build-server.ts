/** Bundles server/index.ts (and the app modules it imports) to build/server.js; npm packages stay external. */
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

await build({
  entryPoints: ["server/index.ts"],
  outfile: "build/server.js",
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
