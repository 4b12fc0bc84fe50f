import { createContext, useContext } from "react";

/** What drawing a message needs from the page, without threading it through every component. */
export interface MessageContextValue {
  /** Links to https://zalo.me/s/<miniAppId>/… get a second link that opens the sandbox's Mini App. */
  miniAppId: string;
  /** Template id → name. */
  templates: ReadonlyMap<string, string>;
  /** A query button answers with its payload, as the resident's text. */
  sendText(text: string): void;
}

const MessageContext = createContext<MessageContextValue>({
  miniAppId: "",
  templates: new Map(),
  sendText: () => {},
});

export const MessageContextProvider = MessageContext.Provider;

export function useMessageContext(): MessageContextValue {
  return useContext(MessageContext);
}
