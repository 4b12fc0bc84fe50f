import type { FailureVerdict, ZaloPort } from "../../bot-server/src/modules/delivery";

/**
 * A recording stand-in for the delivery engine's way to Zalo, for tests of the engine itself (the real
 * adapter over the Zalo clients is tested against msw and the sandbox). Each channel answers what the
 * test scripts, by default success; every call is recorded with the message's recipient.
 */

export type PortChannel = "cs" | "template" | "zns" | "group" | "quota";

export interface PortCall {
  channel: PortChannel;
  to: string;
  text?: string;
  templateId?: string;
  data?: Readonly<Record<string, string>>;
  trackingId?: string;
  /** The message's stable id, the same on every attempt. */
  ref?: string;
  /** A group post's image (Zalo attachment id). */
  attachmentId?: string;
}

/** Thrown by a scripted failure; `verdict` is what classify answers for it. */
export class ScriptedFailure extends Error {
  constructor(readonly verdict: FailureVerdict) {
    super(verdict.reason);
    this.name = "ScriptedFailure";
  }
}

export type Script = (call: PortCall) => FailureVerdict | undefined | Promise<FailureVerdict | undefined>;

export function createFakeZaloPort(
  options: {
    lastInteraction?: (oaUserId: string) => Date | null;
    /** What ZNS says is left of today's quota after each send (undefined: it does not say). */
    znsQuotaRemaining?: () => number | undefined;
  } = {},
) {
  const calls: PortCall[] = [];
  const scripts: Partial<Record<PortChannel, Script>> = {};
  let counter = 0;

  async function record(call: PortCall): Promise<{ messageId: string }> {
    calls.push(call);
    const failure = await scripts[call.channel]?.(call);
    if (failure) throw new ScriptedFailure(failure);
    counter += 1;
    return { messageId: `msg${counter.toString(16).padStart(8, "0")}` };
  }

  const port: ZaloPort = {
    sendConsultation: (oaUserId, text, _buttons, ref) => record({ channel: "cs", to: oaUserId, text, ref }),
    sendTemplateByUserId: (oaUserId, templateId, data, ref) =>
      record({ channel: "template", to: oaUserId, templateId, data, ref }),
    async sendZns(phone, templateId, data, trackingId) {
      const sent = await record({ channel: "zns", to: phone, templateId, data, trackingId, ref: trackingId });
      return { ...sent, quotaRemaining: options.znsQuotaRemaining?.() };
    },
    sendGroupText: (groupId, text, ref) => record({ channel: "group", to: groupId, text, ref }),
    sendGroupImage: (groupId, attachmentId, caption, ref) =>
      record({ channel: "group", to: groupId, text: caption, attachmentId, ref }),
    async lastInteraction(oaUserId) {
      await record({ channel: "quota", to: oaUserId });
      return options.lastInteraction?.(oaUserId) ?? null;
    },
    classify(error): FailureVerdict {
      if (error instanceof ScriptedFailure) return error.verdict;
      return { action: "retry", reason: error instanceof Error ? error.name : "unknown" };
    },
  };

  return {
    port,
    calls,
    /** What `channel` answers from now on (undefined: success). */
    script(channel: PortChannel, script: Script | undefined) {
      if (script) scripts[channel] = script;
      else delete scripts[channel];
    },
    sent(channel?: PortChannel) {
      return calls.filter(
        (call) => call.channel !== "quota" && (channel === undefined || call.channel === channel),
      );
    },
  };
}
