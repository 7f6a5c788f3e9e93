import type { MessageCommands } from "@/components/message-status";
import { cancelMessageAction, resolveUnknownMessageAction, retryMessageAction, sendMessageAction } from "./actions";

/** What the pages hand the shared message status component (components/message-status.tsx). */
export const MESSAGE_COMMANDS: MessageCommands = {
  send: sendMessageAction,
  cancel: cancelMessageAction,
  retry: retryMessageAction,
  resolveUnknown: resolveUnknownMessageAction,
};
