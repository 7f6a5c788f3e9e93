import { Body, Container, Head, Html, Section, Text } from "@react-email/components";
import type { CSSProperties } from "react";
import { Lines, PREVIEW_DRAFT, type DraftEmailContent } from "./_components/draft-message";

/** docs/rules.md "Channel": the mailed, signed letter. `date` is already formatted in the user's zone. */
export type LetterProps = DraftEmailContent & { date?: string };

const SIGNATURE_SPACE = "48px";
const textStyle: CSSProperties = { fontSize: "16px", lineHeight: "24px", margin: "0 0 18px" };

/** The letter body only; the print page adds the paper layout and the addresses. */
export default function Letter({ date, greeting, paragraphs, signOff, signature }: LetterProps) {
  return (
    <Html lang="en">
      <Head />
      <Body style={{ backgroundColor: "#ffffff", fontFamily: "Georgia, 'Times New Roman', serif", color: "#111111" }}>
        <Container style={{ maxWidth: "640px", padding: "24px" }}>
          {date ? <Text style={{ ...textStyle, textAlign: "right" }}>{date}</Text> : null}
          <Text style={textStyle}>{greeting}</Text>
          {paragraphs.map((paragraph, index) => (
            <Text key={index} style={textStyle}>
              <Lines text={paragraph} />
            </Text>
          ))}
          <Section>
            {/* Room for the handwritten signature between the sign-off and the typed name. */}
            <Text style={{ ...textStyle, marginBottom: SIGNATURE_SPACE }}>{signOff}</Text>
            <Text style={textStyle}>
              <Lines text={signature} />
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

Letter.PreviewProps = { ...PREVIEW_DRAFT, signOff: "Yours sincerely,", date: "17 November 2026" } satisfies LetterProps;
