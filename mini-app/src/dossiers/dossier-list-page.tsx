import type { DossierSummary } from "@dvc/shared/api/dossiers";
import { useCallback, useEffect, useState } from "react";
import { useLocation, useNavigate } from "zmp-ui";
import { listDossiers } from "../api/dossiers";
import { ROUTES } from "../routes";
import { RequireSession } from "../session/require-session";
import { Loading, Notice } from "../ui/notice";
import { Screen } from "../ui/screen";
import { DossierRow, newestFirst } from "./dossier-row";

type Listing =
  | { status: "loading" }
  | { status: "ready"; dossiers: DossierSummary[] }
  | { status: "error"; message: string };

/** /ho-so — every dossier the citizen filed, newest first, with its status and due date. */
export default function DossierListPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const back = () =>
    location.key === "default"
      ? navigate(ROUTES.home, { replace: true, direction: "backward" })
      : navigate(-1);
  return (
    <RequireSession title="Hồ sơ của tôi" onBack={back}>
      <Screen title="Hồ sơ của tôi" onBack={back} heading>
        <DossierList />
      </Screen>
    </RequireSession>
  );
}

function DossierList() {
  const navigate = useNavigate();
  const [listing, setListing] = useState<Listing>({ status: "loading" });
  const load = useCallback(() => {
    const controller = new AbortController();
    setListing({ status: "loading" });
    listDossiers(controller.signal).then(
      (dossiers) =>
        setListing({
          status: "ready",
          dossiers: newestFirst(dossiers),
        }),
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setListing({ status: "error", message: error instanceof Error ? error.message : "Chưa tải được." });
        }
      },
    );
    return () => controller.abort();
  }, []);
  useEffect(load, [load]);

  if (listing.status === "loading") return <Loading text="Đang tải hồ sơ…" />;
  if (listing.status === "error") {
    return <Notice tone="error" title={listing.message} action={{ label: "Thử lại", onClick: load }} />;
  }
  if (listing.dossiers.length === 0) {
    return (
      <Notice
        tone="empty"
        title="Bạn chưa nộp hồ sơ nào."
        action={{ label: "Tìm thủ tục", onClick: () => navigate(ROUTES.home) }}
      >
        Hồ sơ bạn nộp trên Zalo sẽ hiện ở đây cùng tình trạng giải quyết.
      </Notice>
    );
  }
  return (
    <ul className="dvc-rows">
      {listing.dossiers.map((dossier) => (
        <li key={dossier.code}>
          <DossierRow dossier={dossier} />
        </li>
      ))}
    </ul>
  );
}
