import { Button, useNavigate } from "zmp-ui";
import { DossierRow, newestFirst } from "../dossiers/dossier-row";
import { ROUTES, stepPath } from "../routes";
import { formatDate } from "../ui/format";
import { useMyFiles } from "./use-my-files";

const SHOWN_ON_HOME = 3;

/** Home's "Tiếp tục": drafts on this phone and, signed in, those begun on another one. */
export function DraftsCard({ signedIn }: { signedIn: boolean }) {
  const navigate = useNavigate();
  const { drafts } = useMyFiles(signedIn);
  return (
    <>
      {drafts.length > 0 ? (
        <section className="dvc-card" aria-labelledby="dvc-drafts-title">
          <h2 id="dvc-drafts-title" className="dvc-card__title">
            Hồ sơ đang làm dở
          </h2>
          <ul className="dvc-rows dvc-rows--flush">
            {drafts.slice(0, SHOWN_ON_HOME).map((draft) => (
              <li key={draft.id} className="dvc-draft">
                <span className="dvc-row__text">
                  <span className="dvc-row__title">{draft.title}</span>
                  <span className="dvc-row__meta">Sửa lần cuối {formatDate(draft.updatedAt)}</span>
                </span>
                <Button
                  size="medium"
                  onClick={() => navigate(stepPath(draft.id, draft.stepId ?? "kiem-tra"))}
                  aria-label={`Tiếp tục: ${draft.title}`}
                >
                  Tiếp tục
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/**
 * Home's "Hồ sơ của tôi", signed in: near the top, newest first, so a dossier just filed is in view on
 * coming back from the receipt. With none filed yet it takes no room (the search comes first).
 */
export function DossiersCard() {
  const navigate = useNavigate();
  const { dossiers, problem } = useMyFiles(true);
  if (dossiers !== null && dossiers.length === 0) return null;
  return (
    <section className="dvc-card" aria-labelledby="dvc-dossiers-title" data-testid="home-dossiers">
      <h2 id="dvc-dossiers-title" className="dvc-card__title">
        Hồ sơ của tôi
      </h2>
      {dossiers === null ? (
        <p className="dvc-muted" role="status">
          {problem ?? "Đang tải…"}
        </p>
      ) : (
        <ul className="dvc-rows dvc-rows--flush">
          {newestFirst(dossiers)
            .slice(0, SHOWN_ON_HOME)
            .map((dossier) => (
              <li key={dossier.code}>
                <DossierRow dossier={dossier} />
              </li>
            ))}
        </ul>
      )}
      {dossiers !== null && dossiers.length > SHOWN_ON_HOME ? (
        <Button variant="tertiary" fullWidth onClick={() => navigate(ROUTES.dossiers)}>
          Xem tất cả {dossiers.length} hồ sơ
        </Button>
      ) : null}
    </section>
  );
}
