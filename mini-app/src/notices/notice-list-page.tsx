import { useState } from "react";
import { useLocation, useNavigate } from "zmp-ui";
import { useChosenCommune } from "../citizen/use-chosen-commune";
import { ROUTES } from "../routes";
import { RequireSession } from "../session/require-session";
import { useSession } from "../session/session";
import { Loading, Notice } from "../ui/notice";
import { Screen } from "../ui/screen";
import { NoticeRow } from "./notice-row";
import { SavedCopyLine } from "./saved-copy-line";
import { SubscriptionCard } from "./subscription-card";
import { type NoticesState, useNotices } from "./use-notices";
import "./notices.css";

/** /thong-bao — the notices of the citizen's commune (the one chosen on Home), newest first. */
export default function NoticeListPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const { commune } = useChosenCommune();
  const back = () =>
    location.key === "default"
      ? navigate(ROUTES.home, { replace: true, direction: "backward" })
      : navigate(-1);
  const pickCommune = () => navigate(ROUTES.communePicker, { state: { next: ROUTES.notices } });
  // Switching on "Nhận thông báo qua Zalo" while signed out: sign in here, then the switch finishes.
  const [wantsZalo, setWantsZalo] = useState(false);
  const signedIn = useSession().status === "signed_in";

  if (wantsZalo && !signedIn) {
    return (
      <RequireSession title="Nhận thông báo qua Zalo" onBack={() => setWantsZalo(false)}>
        {null}
      </RequireSession>
    );
  }
  return (
    <Screen title="Thông báo" onBack={back} heading className="dvc-notices">
      {commune ? (
        <>
          <p className="dvc-notices__commune">
            Của UBND <strong>{commune.name}</strong>
          </p>
          <SubscriptionCard
            commune={commune}
            subscribeNow={wantsZalo}
            onNeedSignIn={() => setWantsZalo(true)}
            onSubscribeStarted={() => setWantsZalo(false)}
          />
          <NoticeList communeCode={commune.code} communeName={commune.name} />
        </>
      ) : (
        <Notice
          tone="empty"
          title="Bạn đang ở xã/phường nào?"
          action={{ label: "Chọn xã/phường của bạn", onClick: pickCommune }}
        >
          Chọn nơi bạn cư trú để xem thông báo của UBND xã/phường đó.
        </Notice>
      )}
    </Screen>
  );
}

function NoticeList({ communeCode, communeName }: { communeCode: string; communeName: string }) {
  const { state, reload } = useNotices(communeCode);
  const notices = shownNotices(state);

  if (notices === null) {
    if (state.status === "error") {
      return <Notice tone="error" title={state.message} action={{ label: "Thử lại", onClick: reload }} />;
    }
    return <Loading text="Đang tải thông báo…" />;
  }
  return (
    <section aria-labelledby="dvc-notices-list-title">
      <h2 id="dvc-notices-list-title" className="dvc-visually-hidden">
        Danh sách thông báo
      </h2>
      {state.status === "saved_copy" ? <SavedCopyLine savedAt={state.savedAt} onRetry={reload} /> : null}
      {notices.length === 0 ? (
        <Notice tone="empty" title="Chưa có thông báo mới">
          Thông báo của UBND {communeName} sẽ hiện ở đây ngay khi được đăng.
        </Notice>
      ) : (
        <ul className="dvc-rows" aria-busy={state.status === "loading"}>
          {notices.map((notice) => (
            <li key={notice.id}>
              <NoticeRow notice={notice} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function shownNotices(state: NoticesState) {
  if (state.status === "loading") return state.kept;
  if (state.status === "error") return null;
  return state.notices;
}
