import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Dark mode follows the system (app/globals.css): the body turns dark, so a
// light surface or text colour without its `dark:` counterpart leaves white
// cards with light text on them, or dark grey text on the dark page. Each
// class string that sets one of these must also set the same property for
// dark (the suggested counterpart is what the rest of the app uses). A string
// marked `[color-scheme:light]` stays light on purpose: the email preview and
// the printed letter show mail and paper as the recipient sees them.

const DARK_COUNTERPARTS: Record<string, string> = {
  "bg-white": "bg-slate-900",
  "bg-slate-50": "bg-slate-950",
  "bg-slate-100": "bg-slate-800",
  "text-black": "text-white",
  "text-slate-900": "text-slate-100",
  "text-slate-800": "text-slate-200",
  "text-slate-700": "text-slate-300",
  "text-slate-600": "text-slate-400",
  "text-slate-500": "text-slate-400",
  "border-slate-100": "border-slate-800",
  "border-slate-200": "border-slate-700",
  "border-slate-300": "border-slate-600",
  "divide-slate-100": "divide-slate-800",
  "divide-slate-200": "divide-slate-700",
  "hover:bg-slate-50": "hover:bg-slate-800",
  "hover:bg-slate-100": "hover:bg-slate-800",
  "hover:text-slate-900": "hover:text-white",
  "focus:bg-white": "focus:bg-slate-900",
  "text-brand-600": "text-brand-300",
  "text-brand-700": "text-brand-300",
  "text-red-700": "text-red-300",
  "text-red-800": "text-red-200",
  "bg-red-50": "bg-red-950",
  "border-red-200": "border-red-800",
  "border-red-300": "border-red-700",
  "hover:bg-red-50": "hover:bg-red-950",
  "text-green-700": "text-green-300",
  "text-green-800": "text-green-200",
  "text-green-900": "text-green-200",
  "bg-green-50": "bg-green-950",
  "bg-green-100": "bg-green-900",
  "border-green-200": "border-green-800",
  "text-amber-700": "text-amber-300",
  "text-amber-800": "text-amber-200",
  "text-amber-900": "text-amber-200",
  "bg-amber-50": "bg-amber-950",
  "bg-amber-100": "bg-amber-900",
  "border-amber-200": "border-amber-800",
  "border-amber-300": "border-amber-700",
  "text-blue-700": "text-blue-300",
  "text-blue-800": "text-blue-200",
  "bg-blue-50": "bg-blue-950",
  "border-blue-200": "border-blue-800",
  "bg-brand-50": "bg-slate-800",
};

const ROOT = path.resolve(__dirname, "..");
const LIGHT_CLASS = new RegExp(
  `(?<=^|[\\s"'\`{])(${Object.keys(DARK_COUNTERPARTS).map((name) => name.replace(/[-:]/g, "\\$&")).join("|")})(?=$|[\\s"'\`}])`,
  "g",
);

function listSources(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const full = path.join(directory, entry);
    if (statSync(full).isDirectory()) return listSources(full);
    return /\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [full] : [];
  });
}

/** The string literal around `index` (a class list). */
function enclosingLiteral(source: string, index: number): string {
  let start = index;
  while (start > 0 && !`"'\``.includes(source[start - 1]!)) start--;
  const quote = source[start - 1];
  const end = quote ? source.indexOf(quote, index) : source.length;
  return source.slice(start, end === -1 ? source.length : end);
}

/** "hover:bg-slate-100" -> "dark:hover:bg-": any dark value of the same property passes. */
function darkPropertyPrefix(name: string): string {
  return `dark:${name.replace(/-(white|black|[a-z]+-\d+)$/, "-")}`;
}

function findMissingDarkClasses(): string[] {
  const missing: string[] = [];
  for (const file of [...listSources(path.join(ROOT, "app")), ...listSources(path.join(ROOT, "components"))]) {
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(LIGHT_CLASS)) {
      const literal = enclosingLiteral(source, match.index);
      if (literal.includes("[color-scheme:light]")) continue;
      const prefix = darkPropertyPrefix(match[0]);
      if (literal.split(/\s+/).some((name) => name.startsWith(prefix))) continue;
      const line = source.slice(0, match.index).split("\n").length;
      missing.push(`${path.relative(ROOT, file)}:${line} ${match[0]} (add dark:${DARK_COUNTERPARTS[match[0]]})`);
    }
  }
  // the component classes (btn-row, text-link, ...) are @apply lists in the stylesheet
  const styles = readFileSync(path.join(ROOT, "app/globals.css"), "utf8");
  for (const statement of styles.matchAll(/@apply ([^;]+);/g)) {
    const names = statement[1]!.split(/\s+/);
    for (const name of names.filter((candidate) => candidate in DARK_COUNTERPARTS)) {
      if (names.some((other) => other.startsWith(darkPropertyPrefix(name)))) continue;
      const line = styles.slice(0, statement.index).split("\n").length;
      missing.push(`app/globals.css:${line} ${name} (add dark:${DARK_COUNTERPARTS[name]})`);
    }
  }
  return missing;
}

describe("dark mode: every light colour class has a dark counterpart", () => {
  it("in every page, component and component class, unless marked [color-scheme:light]", () => {
    expect(findMissingDarkClasses()).toEqual([]);
  });
});
