import type { DossierSummary } from "@dvc/shared/api/dossiers";
import { Fragment, useState } from "react";
import { Button, useLocation, useNavigate, useParams } from "zmp-ui";
import { followOfficialAccount, isInsideZalo } from "../platform/zalo";
import { dossierPath, ROUTES } from "../routes";
import { BellIcon, CheckIcon, CopyIcon } from "../ui/icons";
import { Loading, Notice } from "../ui/notice";
import { Screen } from "../ui/screen";
import { useToast } from "../ui/use-toast";
import { copyText } from "./copy-text";
import { dueLine } from "./due-text";
import { peekReceipt } from "./receipt-cache";
import { useDossier } from "./use-dossier";

const OA_ID = import.meta.env.VITE_ZALO_OA_ID;

function initialDossier(state: unknown, code: string): DossierSummary | null {
  const fromState = (state as { dossier?: DossierSummary } | null)?.dossier;
  return fromState?.code === code ? fromState : peekReceipt(code);
}

/**
 * "00070-K7M4-RX26" → ["00070", "K7M4", "RX26"]: each group kept whole on a line, joined by the dashes
 * the code has everywhere (list, tracking page, chat), so what is read is what is typed.
 */
function codeGroups(code: string): string[] {
  return code.split("-");
}

/** /bien-nhan/:code — the confirmation: the dossier code big and copyable, the due date, what happens next. */
export default function ReceiptPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const toast = useToast();
  const { code = "" } = useParams();
  const { load } = useDossier(code, initialDossier(location.state, code));
  const [followed, setFollowed] = useState<string | null>(null);
  const home = () => navigate(ROUTES.home, { replace: true, direction: "backward" });

  if (load.status !== "ready") {
    return (
      <Screen title="Đã nộp hồ sơ" onBack={home}>
        {load.status === "loading" ? (
          <Loading text="Đang tải…" />
        ) : (
          <Notice tone="error" title={load.message} />
        )}
      </Screen>
    );
  }
  const { dossier } = load;

  const copy = async () => {
    toast((await copyText(dossier.code)) ? "Đã chép mã hồ sơ" : "Chưa chép được, hãy ghi lại mã", "success");
  };

  const follow = async () => {
    if (!OA_ID) return;
    try {
      await followOfficialAccount(OA_ID);
      setFollowed("Đã quan tâm. Bạn sẽ nhận thông báo về hồ sơ trong Zalo.");
    } catch (error) {
      setFollowed(error instanceof Error ? error.message : "Chưa quan tâm được. Vui lòng thử lại.");
    }
  };

  return (
    <Screen title="Đã nộp hồ sơ" onBack={home} className="dvc-receipt">
      <div className="dvc-receipt__panel" role="status">
        <CheckIcon size={40} className="dvc-receipt__check" />
        <h1 className="dvc-receipt__title">Đã nộp hồ sơ</h1>
        <p className="dvc-receipt__label">Mã hồ sơ của bạn</p>
        <p className="dvc-receipt__code" data-testid="dossier-code">
          {codeGroups(dossier.code).map((group, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the groups of one code, in order.
            <Fragment key={index}>
              {/* <wbr>: a line may break after any dash, even before a digit (the rules forbid "-7"). */}
              {index > 0 ? (
                <>
                  -<wbr />
                </>
              ) : null}
              <span>{group}</span>
            </Fragment>
          ))}
        </p>
        <Button variant="secondary" size="large" prefixIcon={<CopyIcon size={20} />} onClick={copy}>
          Chép mã
        </Button>
      </div>
      <section className="dvc-section">
        <dl className="dvc-facts">
          <div className="dvc-facts__row">
            <dt>Thủ tục</dt>
            <dd>{dossier.procedureTitle}</dd>
          </div>
          {dossier.subjectName ? (
            <div className="dvc-facts__row">
              <dt>Hồ sơ của</dt>
              <dd>{dossier.subjectName}</dd>
            </div>
          ) : null}
          <div className="dvc-facts__row">
            <dt>Tình trạng</dt>
            <dd>{dossier.statusLabel}</dd>
          </div>
          <div className="dvc-facts__row">
            <dt>Hẹn trả kết quả</dt>
            <dd>
              <strong>{dueLine(dossier.dueAt)}</strong>
            </dd>
          </div>
        </dl>
      </section>
      <section className="dvc-section" aria-labelledby="dvc-next-title">
        <h2 id="dvc-next-title" className="dvc-section__title">
          Việc tiếp theo
        </h2>
        <ol className="dvc-steps">
          <li>Cán bộ xã/phường kiểm tra và tiếp nhận hồ sơ trong giờ làm việc.</li>
          <li>Nếu cần bổ sung, bạn nhận thông báo và sửa ngay trong ứng dụng, không phải nộp lại từ đầu.</li>
          <li>Khi có kết quả, bạn nhận thông báo. Mang theo căn cước khi đến nhận.</li>
        </ol>
        <p className="dvc-muted">Giữ mã hồ sơ để hỏi cán bộ hoặc tra cứu khi cần.</p>
      </section>
      <section className="dvc-section" aria-labelledby="dvc-oa-title">
        <h2 id="dvc-oa-title" className="dvc-section__title">
          Nhận thông báo qua Zalo
        </h2>
        {isInsideZalo() && OA_ID ? (
          <>
            <Button
              variant="secondary"
              size="large"
              fullWidth
              prefixIcon={<BellIcon size={20} />}
              onClick={follow}
            >
              Quan tâm Official Account
            </Button>
            {followed ? (
              <p className="dvc-muted" role="status">
                {followed}
              </p>
            ) : null}
          </>
        ) : (
          <p className="dvc-muted">
            Nút “Quan tâm Official Account” dùng được khi mở ứng dụng trong Zalo: quan tâm để nhận thông báo
            khi hồ sơ được tiếp nhận, cần bổ sung hoặc có kết quả.
          </p>
        )}
      </section>
      <div className="dvc-actions">
        <Button size="large" fullWidth onClick={() => navigate(dossierPath(dossier.code))}>
          Theo dõi hồ sơ
        </Button>
        <Button size="large" variant="tertiary" fullWidth onClick={home}>
          Về trang chủ
        </Button>
      </div>
    </Screen>
  );
}
