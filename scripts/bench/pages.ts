import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { startApp, stopNext } from "./http";
import { summarise, type Timing } from "./stats";

export type PageWeight = { htmlKiB: number; jsGzipKiB: number; status: number };

const chunkSizes = new Map<string, number>();

// First-load JS as the browser meets it: every <script src> of the page's HTML,
// each gzipped (what a compressing proxy sends), summed. Chunks are cached by URL.
export async function measurePage(url: string, headers: Record<string, string> = {}): Promise<PageWeight> {
  const response = await fetch(url, { headers, redirect: "manual" });
  const html = await response.text();
  let jsBytes = 0;
  for (const [, src] of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) {
    const chunkUrl = new URL(src!.replace(/&amp;/g, "&"), url).toString();
    let size = chunkSizes.get(chunkUrl);
    if (size === undefined) {
      size = gzipSync(Buffer.from(await (await fetch(chunkUrl)).arrayBuffer())).length;
      chunkSizes.set(chunkUrl, size);
    }
    jsBytes += size;
  }
  return { htmlKiB: Buffer.byteLength(html) / 1024, jsGzipKiB: jsBytes / 1024, status: response.status };
}

// The id Next.js gave a server action, from the production build's manifest
// (its file is named from Turbopack's root, which may be above the project).
export function findActionId(projectRoot: string, filename: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(projectRoot, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => (entry.filename === filename || entry.filename?.endsWith(`/${filename}`)) && entry.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} in ${filename}`);
  return found[0];
}

// The request the draft editor makes once typing pauses: the preview action's
// POST, one argument encoded as React's encodeReply encodes plain objects (JSON).
// Timed from the first call on (the page was opened before, as the user opens it),
// so the first edit is reported on its own.
export async function timeServerAction({ url, actionId, cookie, args, runs }: { url: string; actionId: string; cookie: string; args: (run: number) => unknown[]; runs: number }): Promise<{ first: number; rest: Timing }> {
  const origin = new URL(url).origin;
  const call = async (run: number) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "next-action": actionId, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin, cookie },
      body: JSON.stringify(args(run)),
    });
    const text = await response.text();
    if (response.status !== 200 || !text.includes('"checks"')) throw new Error(`server action answered ${response.status}: ${text.slice(0, 200)}`);
  };
  const samples: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const start = performance.now();
    await call(run);
    samples.push(performance.now() - start);
  }
  return { first: samples[0]!, rest: summarise(samples.slice(1)) };
}

// The first request after a restart: a fresh web server process each time,
// timed from the request to the end of its body (the server is up: it answered "/").
export async function timeFirstRequest({ port, env, path: requestPath, restarts }: { port: number; env: Record<string, string>; path: string; restarts: number }): Promise<{ first: Timing; second: Timing }> {
  const first: number[] = [];
  const second: number[] = [];
  for (let restart = 0; restart < restarts; restart++) {
    const app = await startApp(port, env);
    try {
      for (const samples of [first, second]) {
        const start = performance.now();
        const response = await fetch(`http://127.0.0.1:${port}${requestPath}`);
        await response.text();
        if (response.status !== 200) throw new Error(`${requestPath} answered ${response.status}`);
        samples.push(performance.now() - start);
      }
    } finally {
      await stopNext(app);
    }
  }
  return { first: summarise(first), second: summarise(second) };
}
