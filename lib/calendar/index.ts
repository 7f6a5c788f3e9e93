export type {
  EventsInput,
  FeedInput,
  FeedInterview,
  FeedStep,
  FeedStepKind,
  FeedStepStatus,
} from "./types";
export {
  EVENT_CACHE_MAX_ENTRIES,
  createEventCache,
  defaultEventCache,
  type EventCache,
  type EventCacheStats,
} from "./event-cache";
export {
  DONE_VISIBLE_DAYS,
  FEED_REFRESH_HOURS,
  buildCalendarFeed,
  buildStepEvents,
} from "./ics-feed";
export { ALARM_BEFORE_MINUTES, STEP_EVENT_MINUTES, interviewUid, stepUid } from "./render-event";
