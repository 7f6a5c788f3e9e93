import type { DraftInputNotes, InterviewStage } from "../types";

/**
 * Notes the way candidates really write them, right after an interview: fragments, lowercase lists, whole
 * paragraphs, to-dos, questions, typos, emoji. Every draft kind is built from each set and must read right
 * (corpus.test.ts). `words` are the invented proper nouns a user would add to their dictionary.
 */
export type CorpusInterviewer = { name: string; title: string; specificDetail?: string; topics?: string };

export type NoteSet = {
  label: string;
  company: string;
  role: string;
  stage: InterviewStage;
  interviewers: CorpusInterviewer[];
  notes: DraftInputNotes;
  candidate?: { name: string; signature: string };
  decisionText?: string | null;
  interviewDate?: string;
  letterPlanned?: boolean;
  includeNetworkInvite?: boolean;
  words?: string[];
  /** Nothing in the notes can go into a message, so the detail check rightly asks for one. */
  hasNoUsableDetail?: boolean;
  /** Phrases from the notes that must never reach a message (private, to-do, questions). */
  mustNotContain?: string[];
};

const NO_NOTES: DraftInputNotes = { topics: "", specificDetail: "", wentWell: "", toClarify: "", sharedInterests: "", valueLink: "" };

function notes(partial: Partial<DraftInputNotes>): DraftInputNotes {
  return { ...NO_NOTES, ...partial };
}

const ONE = (name: string, title = "Hiring Manager"): CorpusInterviewer[] => [{ name, title }];

export const NOTE_SETS: NoteSet[] = [
  {
    label: "the issue's first example (a clause about their checkout)",
    company: "Shopwell",
    role: "Frontend Engineer",
    stage: "onsite",
    interviewers: ONE("Priya Raman", "Engineering Manager"),
    notes: notes({ specificDetail: "their checkout lost 8% conversion after the last redesign, and they traced it to layout shift", topics: "performance budgets, design systems" }),
    words: ["Shopwell"],
  },
  {
    label: "the issue's second example (a clause about what went well)",
    company: "Northwind",
    role: "Site Reliability Engineer",
    stage: "final",
    interviewers: ONE("Tom Becker", "Director of Infrastructure"),
    notes: notes({ wentWell: "my experience running incident reviews resonated with them", specificDetail: "they are moving on-call to a follow-the-sun rota" }),
  },
  {
    label: "terse fragments",
    company: "Acme",
    role: "Data Analyst",
    stage: "onsite",
    interviewers: ONE("Siobhan O'Brien", "Head of Analytics"),
    notes: notes({ topics: "dashboards. sql. stakeholders", specificDetail: "spring dashboard migration", wentWell: "python pipeline story", sharedInterests: "cycling" }),
  },
  {
    label: "a lowercase comma list of topics",
    company: "Brightline",
    role: "Backend Engineer",
    stage: "video",
    interviewers: ONE("Marcus Lee", "Staff Engineer"),
    notes: notes({ topics: "kafka, hiring plans, remote policy", specificDetail: "the event sourcing rewrite" }),
    words: ["Brightline"],
  },
  {
    label: "full first-person sentences",
    company: "Helio Health",
    role: "Product Manager",
    stage: "onsite",
    interviewers: ONE("Grace Okafor", "VP Product"),
    notes: notes({
      topics: "We talked about how they prioritise the roadmap with clinicians.",
      specificDetail: "She told me they run a clinician advisory board every month.",
      wentWell: "I explained how I shipped the patient intake flow in six weeks.",
      toClarify: "I forgot to say that I have worked under HIPAA before.",
    }),
    words: ["Helio", "HIPAA"],
  },
  {
    label: "a long rambling paragraph",
    company: "Vantage Labs",
    role: "Platform Engineer",
    stage: "onsite",
    interviewers: ONE("Elena Petrova", "Platform Lead"),
    notes: notes({
      specificDetail:
        "So we started talking about the platform team and honestly it went all over the place, she explained that they are moving everything from a monolith to services over the next two years, which sounds like a huge project, and then we got into how they do code review and on-call and I think I rambled a bit about my last job and the pager fatigue we had there.",
      topics: "monolith to services, code review, on-call",
    }),
    words: ["Vantage"],
    mustNotContain: ["rambled", "honestly", "pager fatigue"],
  },
  {
    label: "bullet lists with dashes",
    company: "Fernhill",
    role: "UX Researcher",
    stage: "panel",
    interviewers: ONE("Hannah Schmidt", "Research Lead"),
    notes: notes({
      topics: "- diary studies\n- recruiting participants\n- research ops",
      specificDetail: "- their panel of 2,000 gardeners\n- quarterly insight reviews",
      wentWell: "- the accessibility study I ran\n- synthesis workshop",
    }),
    words: ["Fernhill"],
  },
  {
    label: "questions the candidate wrote for themselves",
    company: "Orbit",
    role: "Mobile Engineer",
    stage: "video",
    interviewers: ONE("Daniel Kim", "iOS Lead"),
    notes: notes({
      specificDetail: "What does the on-call rotation look like?",
      topics: "SwiftUI migration; offline sync",
      toClarify: "do they sponsor visas?",
    }),
    words: ["SwiftUI"],
    mustNotContain: ["on-call rotation look like", "sponsor visas"],
  },
  {
    label: "to-dos in every field",
    company: "Kestrel",
    role: "Security Engineer",
    stage: "onsite",
    interviewers: ONE("Aisha Bello", "CISO"),
    notes: notes({
      specificDetail: "ask about visa sponsorship",
      topics: "threat modelling, bug bounty",
      toClarify: "send portfolio link",
      wentWell: "follow up with recruiter re: timeline",
    }),
    words: ["Kestrel"],
    mustNotContain: ["visa sponsorship", "portfolio link", "recruiter"],
  },
  {
    label: "self-critical and private notes",
    company: "Lumen",
    role: "Software Engineer",
    stage: "final",
    interviewers: ONE("Oliver Grant", "CTO"),
    notes: notes({
      wentWell: "I don't think I bombed the coding test",
      specificDetail: "their search team rebuilt ranking on Rust",
      toClarify: "salary range felt low tbh",
      sharedInterests: "he was kind of arrogant ugh",
    }),
    mustNotContain: ["bombed", "salary", "arrogant", "tbh"],
  },
  {
    label: "non-native English with typos",
    company: "Datagrove",
    role: "Data Engineer",
    stage: "onsite",
    interviewers: ONE("Lukas Novak", "Data Platform Lead"),
    notes: notes({
      specificDetail: "talked abt there new kafka pipline, they want someone who knows it well",
      topics: "streaming, data quallity, airflow",
      wentWell: "my experiance with spark jobs",
    }),
    words: ["Datagrove", "Kafka", "Airflow"],
  },
  {
    label: "quotes and emoji",
    company: "Pebble & Co",
    role: "Marketing Manager",
    stage: "video",
    interviewers: ONE("Chloe Martin", "Head of Brand"),
    notes: notes({
      specificDetail: "\"we move fast and fix things\" 🚀",
      topics: "brand refresh 🎨, community events",
      sharedInterests: "both love sourdough 🍞😂",
    }),
  },
  {
    label: "numbers and units",
    company: "Voltline",
    role: "Hardware Engineer",
    stage: "onsite",
    interviewers: ONE("Ravi Shah", "Principal Engineer"),
    notes: notes({
      specificDetail: "their charger runs at 350 kW and they cut thermal losses by 12%",
      topics: "battery thermal design, 800 V architecture",
      wentWell: "my 3-year project on SiC inverters",
    }),
    words: ["Voltline", "SiC"],
  },
  {
    label: "a name with an apostrophe",
    company: "Harbour Trust",
    role: "Policy Analyst",
    stage: "panel",
    interviewers: ONE("Niamh O'Connor", "Policy Director"),
    notes: notes({ specificDetail: "the coastal housing report they published in May", topics: "housing policy" }),
  },
  {
    label: "a hyphenated name",
    company: "Meridian",
    role: "Financial Analyst",
    stage: "onsite",
    interviewers: ONE("Anna-Lena Weber-Schulz", "Finance Director"),
    notes: notes({ specificDetail: "the quarterly forecast model they rebuilt in Python", wentWell: "my variance analysis case study" }),
  },
  {
    label: "a name with diacritics and a title",
    company: "Nordlys",
    role: "Research Scientist",
    stage: "final",
    interviewers: ONE("Dr. Zoë Ørsted-Łukasiewicz", "Chief Scientist"),
    notes: notes({ specificDetail: "her lab's work on protein folding with cryo-EM", topics: "protein design, lab automation" }),
    words: ["Nordlys", "cryo"],
  },
  {
    label: "a single name",
    company: "Tidal",
    role: "Community Manager",
    stage: "phone_screen",
    interviewers: ONE("Moana", "Community Lead"),
    notes: notes({ specificDetail: "the creator fund they launched last year" }),
  },
  {
    label: "a company whose name starts with The",
    company: "The Guardian",
    role: "Data Journalist",
    stage: "onsite",
    interviewers: ONE("Fiona Walsh", "Data Editor"),
    notes: notes({ specificDetail: "the election results pipeline they built for 2024", topics: "data visualisation, newsroom tools" }),
  },
  {
    label: "a company with Inc.",
    company: "Acme, Inc.",
    role: "Account Executive",
    stage: "phone_screen",
    interviewers: ONE("Jordan Price", "Sales Director"),
    notes: notes({ specificDetail: "the new enterprise tier" }),
  },
  {
    label: "several interviewers, only one said the detail",
    company: "Cobalt",
    role: "Engineering Manager",
    stage: "panel",
    interviewers: [
      { name: "Jane Doe", title: "VP Engineering", specificDetail: "her team rewrote the pager rota after the Kinesis outage", topics: "incident response" },
      { name: "Omar Haddad", title: "Staff Engineer" },
      { name: "Li Wei", title: "Product Lead", topics: "quarterly planning" },
    ],
    notes: notes({ topics: "team growth", wentWell: "my approach to one-on-ones" }),
    words: ["Kinesis"],
  },
  {
    label: "all notes empty",
    company: "Globex",
    role: "Operations Manager",
    stage: "onsite",
    interviewers: ONE("Sam Taylor"),
    notes: NO_NOTES,
    hasNoUsableDetail: true,
  },
  {
    label: "only unusable notes",
    company: "Initech",
    role: "QA Engineer",
    stage: "video",
    interviewers: ONE("Bill Lumbergh", "Manager"),
    notes: notes({ specificDetail: "ask about the 401k", topics: "how many rounds are left?", wentWell: "I think I was too nervous" }),
    hasNoUsableDetail: true,
    mustNotContain: ["401k", "rounds", "nervous"],
  },
  {
    label: "a reported statement (she said ...)",
    company: "Wavecrest",
    role: "DevOps Engineer",
    stage: "onsite",
    interviewers: ONE("Maria Santos", "Head of Platform"),
    notes: notes({ specificDetail: "she said they ship every friday", topics: "terraform modules" }),
    words: ["Wavecrest", "Terraform"],
  },
  {
    label: "he/she notes that need verb agreement",
    company: "Rowan Capital",
    role: "Quant Developer",
    stage: "final",
    interviewers: ONE("Peter Lang", "Head of Trading Tech"),
    notes: notes({ specificDetail: "he is rebuilding the data team and wants someone senior", topics: "low latency, risk systems" }),
  },
  {
    label: "shared interest shorthand",
    company: "Greenleaf",
    role: "Sustainability Analyst",
    stage: "onsite",
    interviewers: ONE("Emma Clarke", "Sustainability Director"),
    notes: notes({ specificDetail: "their scope 3 emissions project", sharedInterests: "Both cycle to work", wentWell: "carbon accounting experience" }),
    words: ["Greenleaf"],
  },
  {
    label: "a value link and a letter planned",
    company: "Acme",
    role: "Data Analyst",
    stage: "final",
    interviewers: ONE("Mark Chen", "Data Lead"),
    notes: notes({
      specificDetail: "The dashboard migration your team starts in spring",
      topics: "Moving weekly reporting from spreadsheets to a shared dashboard; cleaning messy sales data",
      valueLink: "https://example.com/notes/sales-data-cleaning",
    }),
    letterPlanned: true,
  },
  {
    label: "the network invitation turned on",
    company: "Brightwave",
    role: "Solutions Architect",
    stage: "onsite",
    interviewers: ONE("Isabel Romero", "Director of Solutions"),
    notes: notes({ specificDetail: "their partner integration program", topics: "partner onboarding, integrations" }),
    includeNetworkInvite: true,
    words: ["Brightwave"],
  },
  {
    label: "a signature without email or phone",
    company: "Quill",
    role: "Copywriter",
    stage: "phone_screen",
    interviewers: ONE("Ben Ross", "Creative Director"),
    notes: notes({ specificDetail: "the rebrand for their bookshop clients" }),
    candidate: { name: "Kit Morgan", signature: "Kit Morgan" },
  },
  {
    label: "a decision date they named",
    company: "Sterling Bank",
    role: "Risk Analyst",
    stage: "onsite",
    interviewers: ONE("Karen Doyle", "Head of Risk"),
    notes: notes({ specificDetail: "the new stress-testing framework", topics: "credit risk" }),
    decisionText: "by Friday 4 December",
  },
  {
    label: "no decision timeline",
    company: "Palisade",
    role: "Technical Writer",
    stage: "video",
    interviewers: ONE("Yusuf Ali", "Docs Lead"),
    notes: notes({ specificDetail: "docs-as-code with their API reference", topics: "API docs" }),
    decisionText: null,
  },
  {
    label: "a note wrapped in quotes with a trailing question",
    company: "Cedar",
    role: "Customer Success Manager",
    stage: "phone_screen",
    interviewers: ONE("Laura Evans", "CS Director"),
    notes: notes({ specificDetail: "'churn dropped 20% after onboarding calls' - how??", topics: "onboarding" }),
  },
  {
    label: "a note in all lowercase with i",
    company: "Pixelworks",
    role: "Game Designer",
    stage: "onsite",
    interviewers: ONE("Hiro Tanaka", "Creative Lead"),
    notes: notes({ wentWell: "i showed my level design portfolio and they liked the puzzle rooms", specificDetail: "their new co-op mode" }),
    words: ["Pixelworks"],
  },
  {
    label: "a gerund topic and a how-clause",
    company: "Ledgerly",
    role: "Accountant",
    stage: "video",
    interviewers: ONE("Sophie Dubois", "Finance Manager"),
    notes: notes({ topics: "Automating month-end close", specificDetail: "how they reconcile 40 entities in three days" }),
    words: ["Ledgerly"],
  },
  {
    label: "a reduced relative clause",
    company: "Atlas Robotics",
    role: "Controls Engineer",
    stage: "onsite",
    interviewers: ONE("Viktor Ivanov", "Controls Lead"),
    notes: notes({ specificDetail: "the warehouse robot fleet they are scaling to 500 units", topics: "path planning" }),
  },
  {
    label: "toClarify phrased as an instruction",
    company: "Summit",
    role: "HR Business Partner",
    stage: "onsite",
    interviewers: ONE("Rachel Green", "HR Director"),
    notes: notes({ specificDetail: "their new parental leave policy", toClarify: "mention I can start in January", wentWell: "my work on the engagement survey" }),
  },
  {
    label: "an abbreviation at the end of the detail",
    company: "Blue River",
    role: "Logistics Coordinator",
    stage: "video",
    interviewers: ONE("Carlos Mendes", "Operations Lead"),
    notes: notes({ specificDetail: "their routes through the U.S.", topics: "cross-border shipping, customs" }),
  },
  {
    label: "shouting and exclamation marks",
    company: "Rocket Games",
    role: "QA Lead",
    stage: "phone_screen",
    interviewers: ONE("Nina Popescu", "Studio Manager"),
    notes: notes({ specificDetail: "THE LAUNCH IS IN MARCH!!!", topics: "test automation!!" }),
    interviewDate: "on Monday",
  },
  {
    label: "mixed fields: first-person detail",
    company: "Evergreen Schools",
    role: "Curriculum Designer",
    stage: "panel",
    interviewers: [
      { name: "Patricia Moore", title: "Principal", specificDetail: "I told them about my project-based maths unit" },
      { name: "Kwame Mensah", title: "Head of Science" },
    ],
    notes: notes({ topics: "project-based learning, assessment" }),
  },
  {
    label: "a semicolon list with a long item",
    company: "Orchid Bio",
    role: "Lab Manager",
    stage: "onsite",
    interviewers: ONE("Mei Lin", "Head of Lab Operations"),
    notes: notes({ topics: "sample tracking; the freezer inventory system they are replacing next year with a barcode-based LIMS; safety audits", specificDetail: "their plan to double the sequencing capacity" }),
    words: ["LIMS"],
  },
  {
    label: "a note with an ampersand and shorthand",
    company: "Mosaic",
    role: "Data Scientist",
    stage: "video",
    interviewers: ONE("Ahmed Karim", "ML Lead"),
    notes: notes({ specificDetail: "their churn model w/ gradient boosting & SHAP explanations", topics: "experimentation, causal inference" }),
    words: ["SHAP"],
  },
  {
    label: "a phone screen with a long detail",
    company: "Harvest",
    role: "Recruiter",
    stage: "phone_screen",
    interviewers: ONE("Olivia Brown", "Talent Lead"),
    notes: notes({ specificDetail: "they are hiring forty engineers across three countries next year and want to build a structured interview process that is fair and fast" }),
  },
  {
    label: "a second follow-up after a date in the past",
    company: "Keystone",
    role: "Project Manager",
    stage: "final",
    interviewers: ONE("David Müller", "PMO Director"),
    notes: notes({ specificDetail: "the hospital build they are delivering in phases", wentWell: "my experience with NEC contracts" }),
    decisionText: "within two weeks",
    words: ["NEC"],
  },
  {
    label: "a detail that names someone else",
    company: "Solace",
    role: "Nurse Educator",
    stage: "onsite",
    interviewers: ONE("Joan Murphy", "Director of Nursing"),
    notes: notes({ specificDetail: "Their simulation lab that Dr. Ahmed set up in 2022", topics: "simulation training" }),
  },
];
