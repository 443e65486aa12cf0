/**
 * Native digits in what applicants type: Arabic-Indic (٠–٩, U+0660–0669) and Persian (۰–۹,
 * U+06F0–06F9) digits become ASCII, the Arabic decimal separator (٫, U+066B) a point and the
 * Arabic thousands separator (٬, U+066C) nothing. Used wherever a number, date, postcode, IBAN,
 * tax id, phone number or amount is read (app/flows/engine/fields.ts, in the browser and on the
 * server alike), so "١٥٫٠٦٫٢٠٢٦" is 15.06.2026 and "١٬٢٣٤٫٥" is 1234.5.
 */
const NATIVE = /[\u0660-\u0669\u06F0-\u06F9\u066B\u066C]/g;

export function asciiDigits(input: string): string {
  if (!/[\u0660-\u066C\u06F0-\u06F9]/.test(input)) return input;
  return input.replace(NATIVE, (ch) => {
    const c = ch.charCodeAt(0);
    if (c === 0x066b) return ".";
    if (c === 0x066c) return "";
    return String(c >= 0x06f0 ? c - 0x06f0 : c - 0x0660);
  });
}
