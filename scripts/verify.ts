/**
 * Checks sealed documents the way a jobcenter would (see scripts/lib/verify-documents.ts).
 * Usage: npm run verify -- <file.pdf|file.xml> [...]   Exit code 1 if any check fails.
 */
import { printingReport, verifyDocument } from "./lib/verify-documents";

const { report, failed } = printingReport();
for (const file of process.argv.slice(2).filter((a) => a !== "--")) verifyDocument(file, report);
process.exitCode = failed() ? 1 : 0;
