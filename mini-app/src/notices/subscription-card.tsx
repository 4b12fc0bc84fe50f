import type { NoticeSubscription } from "@dvc/shared/api/notices";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { Button } from "zmp-ui";
import type { ChosenCommune } from "../citizen/use-chosen-commune";
import { followOfficialAccount, isInsideZalo } from "../platform/zalo";
import { useSession } from "../session/session";
import { getNoticeSubscription, setNoticeSubscription } from "./notices-api";

const OA_ID = import.meta.env.VITE_ZALO_OA_ID;
const FALLBACK_PROBLEM = "Chưa lưu được lựa chọn. Vui lòng thử lại.";

function messageOf(error: unknown): string {
  return error instanceof Error && error.message !== "" ? error.message : FALLBACK_PROBLEM;
}

/**
 * "Nhận thông báo qua Zalo": the commune's notices as chat messages from the OA (PUT
 * /api/notices/subscription). Needs the citizen's session: signed out, switching it on asks the page to
 * sign in first (`onNeedSignIn`), which then mounts this again with `subscribeNow`. Zalo only lets the OA
 * write to its followers (zalo-oa.md §6), so "not_following" explains how to follow it.
 */
export function SubscriptionCard({
  commune,
  subscribeNow = false,
  onNeedSignIn,
  onSubscribeStarted,
}: {
  commune: ChosenCommune;
  subscribeNow?: boolean;
  onNeedSignIn: () => void;
  onSubscribeStarted: () => void;
}) {
  const session = useSession();
  const signedIn = session.status === "signed_in";
  const switchId = useId();
  const [subscription, setSubscription] = useState<NoticeSubscription | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [followNote, setFollowNote] = useState<string | null>(null);
  /** Only the latest request's answer counts (a GET answered after a PUT would undo it on screen). */
  const latest = useRef(0);

  const run = useCallback(async (send: () => Promise<NoticeSubscription>) => {
    latest.current += 1;
    const mine = latest.current;
    setBusy(true);
    setProblem(null);
    try {
      const answer = await send();
      if (mine === latest.current) setSubscription(answer);
    } catch (error) {
      if (mine === latest.current) setProblem(messageOf(error));
    } finally {
      if (mine === latest.current) setBusy(false);
    }
  }, []);

  // Once per sign-in: `subscribeNow` going back to false (onSubscribeStarted) must not ask again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on sign-in only, see above.
  useEffect(() => {
    if (!signedIn) {
      setSubscription(null);
      return;
    }
    if (subscribeNow) {
      onSubscribeStarted();
      void run(() => setNoticeSubscription(commune.code));
    } else {
      void run(() => getNoticeSubscription());
    }
  }, [signedIn]);

  const checked = subscription?.communeCode === commune.code;
  const toggle = (on: boolean) => {
    if (!signedIn) {
      if (on) onNeedSignIn();
      return;
    }
    void run(() => setNoticeSubscription(on ? commune.code : null));
  };

  const follow = async () => {
    if (!OA_ID) return;
    try {
      await followOfficialAccount(OA_ID);
      setFollowNote("Đã quan tâm. Thông báo mới sẽ đến trong Zalo.");
      void run(() => getNoticeSubscription());
    } catch (error) {
      setFollowNote(messageOf(error));
    }
  };

  return (
    <section className="dvc-subscribe" aria-label="Nhận thông báo qua Zalo">
      <label className="dvc-subscribe__row" htmlFor={switchId}>
        <span className="dvc-subscribe__text">
          <span className="dvc-subscribe__title">Nhận thông báo qua Zalo</span>
          <span className="dvc-subscribe__note">{note(signedIn, subscription, commune)}</span>
        </span>
        <input
          id={switchId}
          type="checkbox"
          role="switch"
          className="dvc-switch"
          checked={checked}
          aria-checked={checked}
          disabled={busy}
          onChange={(event) => toggle(event.target.checked)}
          data-testid="notice-subscription"
        />
      </label>
      {problem ? (
        <p className="dvc-subscribe__message dvc-subscribe__message--problem" role="alert">
          {problem}
        </p>
      ) : null}
      {subscription?.zalo === "not_following" ? (
        <div role="status">
          <p className="dvc-subscribe__message">
            Tài khoản Zalo của bạn chưa quan tâm Official Account của Dịch vụ công, nên chưa nhận được tin
            nhắn.{" "}
            {isInsideZalo() && OA_ID
              ? "Bấm “Quan tâm” để nhận thông báo ngay."
              : "Hãy mở Zalo, tìm Official Account “Dịch vụ công” và bấm “Quan tâm”: thông báo sẽ đến ngay sau đó."}
          </p>
          {isInsideZalo() && OA_ID ? (
            <Button size="large" variant="secondary" fullWidth onClick={follow}>
              Quan tâm
            </Button>
          ) : null}
          {followNote ? <p className="dvc-subscribe__message">{followNote}</p> : null}
        </div>
      ) : null}
    </section>
  );
}

function note(signedIn: boolean, subscription: NoticeSubscription | null, commune: ChosenCommune): string {
  if (!signedIn) return "Bật để nhận tin nhắn Zalo khi UBND có thông báo mới (cần đăng nhập bằng Zalo).";
  if (subscription === null) return "Đang kiểm tra…";
  // The server stores nothing for a citizen who does not follow the OA: the switch stays off.
  if (subscription.zalo === "not_following") return "Chưa bật được: cần quan tâm Official Account trước.";
  if (subscription.communeCode === commune.code) {
    return `Bạn nhận thông báo của UBND ${commune.name} qua tin nhắn Zalo.`;
  }
  if (subscription.communeCode !== null) {
    return `Bạn đang nhận thông báo của một xã/phường khác. Bật để chuyển sang ${commune.name}.`;
  }
  return "Đang tắt: bạn vẫn xem được thông báo ở đây.";
}
