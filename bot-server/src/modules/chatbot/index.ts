/**
 * The chatbot's public face for other modules: the officer desk reads the transcript and works the
 * handover queue through these (the bot itself runs from the event worker, wired in server.ts).
 */
export {
  closeHandover,
  type HandoverScope,
  listQueue,
  lockOpenHandover,
  markPickedUp,
  type OpenHandover,
  unansweredHandovers,
} from "./handover-desk";
export { createChatbot, type NoticeSubscriptions } from "./service";
export { readTranscript, recordChatMessage, type TranscriptLine } from "./transcript";
