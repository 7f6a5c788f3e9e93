// Every default of the plan engine, with its unit. Headings refer to docs/rules.md.

// "The thank-you (step 1, always)"
export const THANK_YOU_DEADLINE_HOURS = 24;
export const NIGHT_START_HOUR = 22;
export const NIGHT_END_HOUR = 7;
export const EVENING_START_HOUR = 17;
export const DEFAULT_SEND_HOUR = 9;

// "Channel": a week or less means email only, so no letter.
export const SHORT_TIMELINE_DAYS = 7;

// "Follow-ups (steps 2 and 3, only if no answer)"
export const FOLLOW_UP_DEFAULT_DAYS = 14;
export const SECOND_FOLLOW_UP_GAP_DAYS = 7;
export const STANDARD_FOLLOW_UP_CAP = 2;
export const MOVE_ON_GAP_DAYS = 7;
export const CALL_DEFAULT_HOUR = 10;
export const FAST_FOLLOW_UP_INTERVAL_DAYS = 3;
export const FAST_FOLLOW_UP_DEFAULT_CAP = 3;
/** A user-set cap below this still plans one follow-up, so "move on" has something to follow. */
export const MIN_FOLLOW_UP_CAP = 1;

export const HOURS_PER_DAY = 24;
export const MINUTES_PER_HOUR = 60;
/** Luxon weekday numbers (1 = Monday ... 7 = Sunday). */
export const FIRST_WEEKEND_WEEKDAY = 6;
// "Public holidays": the longest run of weekends and holidays a date is moved
// across; real calendars stay far below it (a week-long national holiday).
export const MAX_NON_WORKING_DAYS_IN_A_ROW = 31;

/** Dates in reasons read like "Fri 14 Nov, 09:00" whatever the server locale. */
export const REASON_LOCALE = "en-GB";
export const REASON_DAY_FORMAT = "ccc d LLL";
export const REASON_TIME_FORMAT = "HH:mm";
