import { Body, Container, Head, Html, Preview, Section, Text } from "@react-email/components";
import type { CSSProperties } from "react";
import type { Draft } from "@/lib/drafts/types";

/** What every draft template receives: the draft as the user edited it (plain text), without its subject. */
export type DraftEmailContent = Omit<Draft, "subject">;

const PREVIEW_MAX_CHARS = 90;

const bodyStyle: CSSProperties = { backgroundColor: "#ffffff", fontFamily: "Helvetica, Arial, sans-serif", color: "#111827" };
const containerStyle: CSSProperties = { padding: "16px", maxWidth: "600px" };
const paragraphStyle: CSSProperties = { fontSize: "15px", lineHeight: "22px", margin: "0 0 16px" };

/** The inbox preview: the start of the first paragraph, so it says what the message is about. */
export function buildPreviewText(paragraphs: string[]): string {
  const first = (paragraphs[0] ?? "").replace(/\s+/g, " ").trim();
  return first.length <= PREVIEW_MAX_CHARS ? first : `${first.slice(0, PREVIEW_MAX_CHARS).trimEnd()}…`;
}

/** Plain text lines as separate lines; React escapes every string, so the user's text can never become markup. */
export function Lines({ text }: { text: string }) {
  const lines = text.split(/\r?\n/);
  return lines.map((line, index) => (
    <span key={index}>
      {line}
      {index < lines.length - 1 ? <br /> : null}
    </span>
  ));
}

/**
 * The email around a draft: greeting, one <p> per paragraph, sign-off and contact lines. Inline styles only, since
 * many mail clients drop <style> blocks.
 */
export function DraftMessage({ greeting, paragraphs, signOff, signature }: DraftEmailContent) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{buildPreviewText(paragraphs)}</Preview>
      <Body style={bodyStyle}>
        <Container style={containerStyle}>
          <Text style={paragraphStyle}>{greeting}</Text>
          {paragraphs.map((paragraph, index) => (
            <Text key={index} style={paragraphStyle}>
              <Lines text={paragraph} />
            </Text>
          ))}
          <Section>
            <Text style={paragraphStyle}>
              <Lines text={[signOff, signature].filter((part) => part.trim() !== "").join("\n")} />
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export const PREVIEW_DRAFT: DraftEmailContent = {
  greeting: "Dear Siobhan,",
  paragraphs: [
    "Thank you for taking the time to meet with me on Tuesday to talk about the Data Analyst role at Acme. I especially enjoyed hearing about the dashboard migration your team starts in spring.",
    "I was glad we could talk about my Python reporting pipeline, because it shows the kind of work I would bring to Acme. I left our conversation even more excited about the role.",
    "Please feel free to reach out if there is anything else I can provide. I look forward to the next steps.",
  ],
  signOff: "Best regards,",
  signature: "Jo Müller\njo.mueller@example.com\n+49 30 1234 5678",
};
