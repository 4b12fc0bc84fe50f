import { Button, useNavigate } from "zmp-ui";
import { dossierPath, ROUTES, stepPath } from "../routes";
import { formatDate, formatDateTime } from "../ui/format";
import { ChevronRightIcon, FolderIcon } from "../ui/icons";
import { StatusTag } from "../ui/status-tag";
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

/** Home's "Hồ sơ của tôi"; signed out, a way to sign in and see them. */
export function DossiersCard({ signedIn }: { signedIn: boolean }) {
  const navigate = useNavigate();
  const { dossiers, problem } = useMyFiles(signedIn);
  return (
    <section className="dvc-card" aria-labelledby="dvc-dossiers-title">
      <h2 id="dvc-dossiers-title" className="dvc-card__title">
        Hồ sơ của tôi
      </h2>
      {!signedIn ? (
        <>
          <p className="dvc-card__text">Đăng nhập để xem các hồ sơ bạn đã nộp và tình trạng giải quyết.</p>
          <Button size="large" variant="secondary" fullWidth onClick={() => navigate(ROUTES.dossiers)}>
            Đăng nhập để xem hồ sơ
          </Button>
        </>
      ) : dossiers === null ? (
        <p className="dvc-muted" role="status">
          {problem ?? "Đang tải…"}
        </p>
      ) : dossiers.length === 0 ? (
        <p className="dvc-card__text">Bạn chưa nộp hồ sơ nào.</p>
      ) : (
        <ul className="dvc-rows dvc-rows--flush">
          {dossiers.slice(0, SHOWN_ON_HOME).map((dossier) => (
            <li key={dossier.code}>
              <button type="button" className="dvc-row" onClick={() => navigate(dossierPath(dossier.code))}>
                <FolderIcon className="dvc-row__icon" />
                <span className="dvc-row__text">
                  <span className="dvc-row__title">{dossier.procedureTitle}</span>
                  <span className="dvc-row__meta">
                    <StatusTag status={dossier.status} label={dossier.statusLabel} />
                  </span>
                  <span className="dvc-row__meta">Mã hồ sơ: {dossier.code}</span>
                  <span className="dvc-row__meta">Hẹn trả: {formatDateTime(dossier.dueAt)}</span>
                </span>
                <ChevronRightIcon size={20} className="dvc-row__chevron" />
              </button>
            </li>
          ))}
        </ul>
      )}
      {signedIn && dossiers !== null && dossiers.length > SHOWN_ON_HOME ? (
        <Button variant="tertiary" fullWidth onClick={() => navigate(ROUTES.dossiers)}>
          Xem tất cả {dossiers.length} hồ sơ
        </Button>
      ) : null}
    </section>
  );
}
