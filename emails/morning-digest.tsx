import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";

export type MorningDigestStep = {
  title: string;
  /** "Overdue since Tue 1 Dec" or "Due today 09:00" */
  when: string;
  reason: string;
  url: string;
  /** "Open the draft", "Review and approve the draft", "Open the interview" */
  linkLabel: string;
  isOverdue: boolean;
  isDraftReady: boolean;
};

export type MorningDigestWaiting = { label: string; url: string };

export type MorningDigestEmailProps = {
  kind: "due" | "idle";
  /** "3 steps to do today (1 overdue)": also the subject */
  summary: string;
  /** "Thursday 3 December" */
  dateLabel: string;
  steps: MorningDigestStep[];
  /** due steps left out of the list */
  moreCount: number;
  draftsReady: number;
  waiting: MorningDigestWaiting[];
  waitingCount: number;
  dashboardUrl: string;
  settingsUrl: string;
  unsubscribeUrl: string;
};

const MUTED = { color: "#6b7280", fontSize: "13px" };
const LINK = { color: "#1d4ed8" };

export default function MorningDigestEmail(props: MorningDigestEmailProps) {
  const { kind, summary, dateLabel, steps, moreCount, draftsReady, waiting, waitingCount, dashboardUrl, settingsUrl, unsubscribeUrl } = props;
  return (
    <Html lang="en">
      <Head />
      <Preview>{summary}</Preview>
      <Body style={{ backgroundColor: "#f6f7f9", fontFamily: "Helvetica, Arial, sans-serif" }}>
        <Container style={{ backgroundColor: "#ffffff", padding: "32px", maxWidth: "560px" }}>
          <Text style={{ fontSize: "18px", fontWeight: 600 }}>Your morning digest, {dateLabel}</Text>
          <Text>{summary}.</Text>
          {draftsReady > 0 ? (
            <Text style={{ backgroundColor: "#eff6ff", padding: "8px 12px", borderRadius: "6px" }}>
              {draftsReady === 1 ? "1 draft is ready for you to approve." : `${draftsReady} drafts are ready for you to approve.`}
            </Text>
          ) : null}
          {steps.map((step) => (
            <Section key={step.url + step.title} style={{ margin: "16px 0" }}>
              <Text style={{ fontWeight: 600, margin: "0", color: step.isOverdue ? "#991b1b" : "#111827" }}>
                {step.isDraftReady ? "Draft ready to approve: " : ""}
                {step.title}
              </Text>
              <Text style={{ margin: "2px 0", ...MUTED }}>{step.when}</Text>
              <Text style={{ margin: "2px 0" }}>Why: {step.reason}</Text>
              <Link href={step.url} style={LINK}>
                {step.linkLabel}
              </Link>
            </Section>
          ))}
          {moreCount > 0 ? <Text>And {moreCount} more on your dashboard.</Text> : null}
          {kind === "idle" ? (
            <Section>
              {waiting.map((item) => (
                <Text key={item.url} style={{ margin: "4px 0" }}>
                  <Link href={item.url} style={LINK}>
                    {item.label}
                  </Link>
                </Text>
              ))}
              {waitingCount > waiting.length ? <Text>And {waitingCount - waiting.length} more on your dashboard.</Text> : null}
            </Section>
          ) : null}
          <Text>
            <Link href={dashboardUrl} style={LINK}>
              Open your dashboard
            </Link>
          </Text>
          <Hr />
          <Text style={MUTED}>
            You get this because you turned on the morning digest. Change its hour and days in{" "}
            <Link href={settingsUrl} style={LINK}>
              Settings
            </Link>
            , or{" "}
            <Link href={unsubscribeUrl} style={LINK}>
              unsubscribe
            </Link>
            .
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

MorningDigestEmail.PreviewProps = {
  kind: "due",
  summary: "2 steps to do today (1 overdue)",
  dateLabel: "Thursday 3 December",
  steps: [
    {
      title: "Send a thank-you to Jane Doe",
      when: "Overdue since Wed 2 Dec, 09:00",
      reason: "Within 24 hours of the interview; the next morning at your send hour.",
      url: "http://localhost:3000/drafts/00000000-0000-4000-8000-000000000001",
      linkLabel: "Review and approve the draft",
      isOverdue: true,
      isDraftReady: true,
    },
    {
      title: "Follow up with Omar Haddad",
      when: "Due today, 09:00",
      reason: "They said they'd decide by Fri 27 Nov; first business day after.",
      url: "http://localhost:3000/drafts/00000000-0000-4000-8000-000000000002",
      linkLabel: "Open the draft",
      isOverdue: false,
      isDraftReady: false,
    },
  ],
  moreCount: 0,
  draftsReady: 1,
  waiting: [],
  waitingCount: 0,
  dashboardUrl: "http://localhost:3000/dashboard",
  settingsUrl: "http://localhost:3000/settings",
  unsubscribeUrl: "http://localhost:3000/unsubscribe/digest/preview",
} satisfies MorningDigestEmailProps;
