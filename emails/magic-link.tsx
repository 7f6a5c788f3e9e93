import { Body, Button, Container, Head, Html, Preview, Section, Text } from "@react-email/components";

export type MagicLinkEmailProps = { url: string; host: string };

export default function MagicLinkEmail({ url, host }: MagicLinkEmailProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>Your sign-in link for Afterview</Preview>
      <Body style={{ backgroundColor: "#f6f7f9", fontFamily: "Helvetica, Arial, sans-serif" }}>
        <Container style={{ backgroundColor: "#ffffff", padding: "32px", maxWidth: "480px" }}>
          <Text style={{ fontSize: "18px", fontWeight: 600 }}>Sign in to Afterview</Text>
          <Text>Use the button below to sign in to {host}. The link works once and expires in 24 hours.</Text>
          <Section style={{ margin: "24px 0" }}>
            <Button
              href={url}
              style={{ backgroundColor: "#1d4ed8", color: "#ffffff", padding: "12px 20px", borderRadius: "6px" }}
            >
              Sign in
            </Button>
          </Section>
          <Text style={{ color: "#6b7280", fontSize: "13px" }}>
            If you did not ask for this, you can ignore this email.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

MagicLinkEmail.PreviewProps = {
  url: "http://localhost:3000/api/auth/callback/email?token=preview",
  host: "localhost:3000",
} satisfies MagicLinkEmailProps;
