/** Unit tests never touch the developer's data/: secrets and databases go to a temp dir. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

process.env.DATA_DIR ??= mkdtempSync(join(tmpdir(), "portal-unit-"));
process.env.NODE_ENV = "test";
