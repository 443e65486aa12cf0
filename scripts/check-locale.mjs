#!/usr/bin/env node
// Checks one language's locale folder against German: the same keys in every applicant
// namespace, the same {{placeholders}} in every text, no empty texts.
// Usage: node scripts/check-locale.mjs <code> [<code> …]   (exit 1 on any problem)
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";

const GERMAN_ONLY = new Set(["dokument", "sachbearbeitung"]);
const flat = (tree, prefix = "", out = {}) => {
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === "string") out[prefix + k] = v;
    else flat(v, `${prefix}${k}.`, out);
  }
  return out;
};
const placeholders = (s) => [...s.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort().join(",");
let problems = 0;
const report = (msg) => { problems++; console.log(msg); };
for (const code of process.argv.slice(2)) {
  for (const file of readdirSync("locales/de")) {
    const ns = file.replace(/\.json$/, "");
    if (GERMAN_ONLY.has(ns)) continue;
    const path = join("locales", code, file);
    if (!existsSync(path)) { report(`${code}: ${file} missing`); continue; }
    let target;
    try { target = flat(JSON.parse(readFileSync(path, "utf8"))); } catch (e) { report(`${code}/${file}: not JSON (${e.message})`); continue; }
    const de = flat(JSON.parse(readFileSync(join("locales/de", file), "utf8")));
    for (const key of Object.keys(de)) {
      if (!(key in target)) report(`${code}/${ns}: missing ${key}`);
      else if (target[key].trim() === "") report(`${code}/${ns}: empty ${key}`);
      else if (placeholders(target[key]) !== placeholders(de[key])) report(`${code}/${ns}: placeholders differ in ${key}: ${placeholders(de[key])} vs ${placeholders(target[key])}`);
    }
    for (const key of Object.keys(target)) if (!(key in de)) report(`${code}/${ns}: extra ${key}`);
  }
}
console.log(problems === 0 ? "ok" : `${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
