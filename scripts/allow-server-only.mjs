// Scripts (bench, tools) import the data layer outside Next.js: `server-only`
// would throw there, so it resolves to an empty module for them. Unlike the
// react-server condition, this keeps react-dom/server usable (email rendering).
import { register } from "node:module";

const hook = `
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: "data:text/javascript,export {};", shortCircuit: true };
  return nextResolve(specifier, context);
}`;

register(`data:text/javascript,${encodeURIComponent(hook)}`);
