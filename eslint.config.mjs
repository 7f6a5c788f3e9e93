import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

// The layer rules of docs/architecture.md "Layers, enforced". ESLint replaces
// a rule's options when two blocks match one file, so each block below states
// every restriction its files have, built from these pieces.
const TESTS = ["**/*.test.ts", "**/*.test.tsx"];

// Only lib/ talks to the database (scripts, e2e fixtures and tests may too).
const NO_DATABASE = [
  {
    regex: "^(@/lib/db/client|(\\.\\./)+(lib/)?db/client)$|^(drizzle-orm|postgres|pg-boss)(/|$)",
    message: "Only lib/ reads and writes the database: call a verb-named function of lib/<capability>/.",
  },
];
// Actions get the user from the pipeline (createAction / createFormAction), never by hand.
const NO_SESSION_READER = [
  {
    regex: "^@/lib/auth/session$",
    message: "An action gets userId from lib/actions/create-action.ts, which reads the session first; do not read it by hand.",
  },
];
// The domain never depends on the routes or the components that use it.
const NO_ROUTES = [
  {
    regex: "^(@/|(\\.\\./)+)(app|components)(/|$)",
    message: "lib/ never imports app/ or components/: move what both need into lib/.",
  },
];
// Test support (fixtures, fake servers, the attack suite's harness) lives in
// lib/test/ and lib/security/, and only tests, e2e and scripts import it.
const TEST_SUPPORT = [...TESTS, "lib/test/**", "lib/security/**"];
const NO_TEST_SUPPORT = [
  {
    regex: "^(@/lib/(test|security)/|(\\.\\./)+(lib/)?(test|security)/)",
    message: "Production code never imports test support (lib/test/, lib/security/).",
  },
];
// The plan engine and the draft builder are pure functions of their inputs.
const NO_SHELL = [
  {
    regex: "^(@/lib/db(/|$)|(\\.\\./)+db(/|$)|drizzle-orm|postgres|pg-boss|server-only$|next$|next/)",
    message: "lib/plan and lib/drafts are pure: the shell (sync.ts, queries.ts, store.ts, ...) reads the database and Next.js, and passes what it read in.",
  },
];
const NO_CLOCK = [
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: "The pure core does not read the clock: take `now` as an argument.",
  },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: "The pure core does not read the clock: take `now` as an argument.",
  },
  {
    selector: "CallExpression[callee.object.name='DateTime'][callee.property.name=/^(now|local|utc)$/][arguments.length=0]",
    message: "The pure core does not read the clock: take `now` as an argument.",
  },
];
// The shell inside the two pure folders: the files that load, store and announce.
const PLAN_AND_DRAFT_SHELL = [
  "lib/plan/sync.ts",
  "lib/plan/queries.ts",
  "lib/plan/step-actions.ts",
  "lib/plan/plan-change.ts",
  "lib/plan/undo.ts",
  "lib/drafts/store.ts",
  "lib/drafts/thread.ts",
];

const restrictImports = (...groups) => ["error", { patterns: groups.flat() }];

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    plugins: { drizzle },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true, argsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      // a delete or update without where() touches every user's rows; db, tx, getDb() and executors are how this code names Drizzle
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx", "getDb", "executor", "savepoint"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx", "getDb", "executor", "savepoint"] }],
    },
  },
  // a test owns its database (lib/test/database.ts) and may empty a table of it
  { files: TESTS, rules: { "drizzle/enforce-delete-with-where": "off", "drizzle/enforce-update-with-where": "off" } },
  { files: ["app/**", "components/**", "emails/**"], ignores: TESTS, rules: { "no-restricted-imports": restrictImports(NO_DATABASE, NO_TEST_SUPPORT) } },
  { files: ["app/**/actions.ts"], rules: { "no-restricted-imports": restrictImports(NO_DATABASE, NO_SESSION_READER, NO_TEST_SUPPORT) } },
  { files: ["lib/**"], ignores: TEST_SUPPORT, rules: { "no-restricted-imports": restrictImports(NO_ROUTES, NO_TEST_SUPPORT) } },
  { files: ["lib/test/**", "lib/security/**"], ignores: TESTS, rules: { "no-restricted-imports": restrictImports(NO_ROUTES) } },
  {
    files: ["lib/plan/**", "lib/drafts/**"],
    ignores: [...TESTS, ...PLAN_AND_DRAFT_SHELL],
    rules: { "no-restricted-imports": restrictImports(NO_ROUTES, NO_SHELL, NO_TEST_SUPPORT), "no-restricted-syntax": ["error", ...NO_CLOCK] },
  },
  // Playwright fixtures call `use`, which is not React's hook.
  { files: ["e2e/**"], rules: { "react-hooks/rules-of-hooks": "off" } },
  {
    ignores: [".next/**", ".data/**", "node_modules/**", "drizzle/**", "next-env.d.ts", "test-results/**", "playwright-report/**"],
  },
];

export default config;
