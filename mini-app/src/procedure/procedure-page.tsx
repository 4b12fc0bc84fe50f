import { AGENCIES, type ProcedureDefinition } from "@dvc/shared/procedures/definition";
import { legalTimeText } from "@dvc/shared/procedures/procedure-text";
import { useCallback, useEffect, useState } from "react";
import { Button, useLocation, useNavigate, useParams } from "zmp-ui";
import { getProcedureDefinition } from "../api/procedure-definition";
import { useChosenCommune } from "../citizen/use-chosen-commune";
import { readAllDrafts } from "../drafts/draft-store";
import { ROUTES, startDraftPath, stepPath } from "../routes";
import { ClockIcon, MapPinIcon } from "../ui/icons";
import { Loading, Notice } from "../ui/notice";
import { Screen } from "../ui/screen";
import { DocumentList, FeeList } from "./procedure-facts";

type Loaded =
  | { status: "loading" }
  | { status: "ready"; procedure: ProcedureDefinition }
  | { status: "error"; message: string };

/** /thu-tuc/:code — what the procedure is, what to have ready, how long, how much, who; then "Bắt đầu". */
export default function ProcedurePage() {
  const navigate = useNavigate();
  const location = useLocation();
  const { code = "" } = useParams();
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });
  const load = useCallback(() => {
    setLoaded({ status: "loading" });
    const controller = new AbortController();
    getProcedureDefinition(code, undefined, controller.signal).then(
      (procedure) => setLoaded({ status: "ready", procedure }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setLoaded({ status: "error", message: error instanceof Error ? error.message : "Chưa tải được." });
      },
    );
    return () => controller.abort();
  }, [code]);
  useEffect(load, [load]);

  const back = () => {
    if (location.key === "default") navigate(ROUTES.home, { replace: true, direction: "backward" });
    else navigate(-1);
  };

  if (loaded.status !== "ready") {
    return (
      <Screen title="Thủ tục" onBack={back}>
        {loaded.status === "loading" ? (
          <Loading text="Đang tải thủ tục…" />
        ) : (
          <Notice tone="error" title={loaded.message} action={{ label: "Thử lại", onClick: load }} />
        )}
      </Screen>
    );
  }
  return <ProcedureDetails procedure={loaded.procedure} onBack={back} />;
}

function ProcedureDetails({ procedure, onBack }: { procedure: ProcedureDefinition; onBack: () => void }) {
  const navigate = useNavigate();
  const { commune } = useChosenCommune();
  const unfinished = readAllDrafts().find(
    (draft) => draft.procedureCode === procedure.code && draft.submittedAs === null,
  );
  const agencyName = commune
    ? `${procedure.agency === "ubnd_xa" ? "Ủy ban nhân dân" : "Công an"} ${commune.name}`
    : AGENCIES[procedure.agency];
  const start = () => navigate(commune ? startDraftPath(procedure.code) : ROUTES.communePicker);

  return (
    <Screen title={procedure.title} onBack={onBack} className="dvc-procedure">
      <div className="dvc-section">
        <p className="dvc-eyebrow">{procedure.sector}</p>
        <h1 className="dvc-page-title">{procedure.title}</h1>
        <p className="dvc-lead">{procedure.summary}</p>
        <span className={`dvc-tag${procedure.online ? "" : " dvc-tag--soft"}`}>
          {procedure.online ? "Nộp trực tuyến trên Zalo" : "Chưa nộp trực tuyến được"}
        </span>
      </div>
      <section className="dvc-section" aria-labelledby="dvc-docs-title">
        <h2 id="dvc-docs-title" className="dvc-section__title">
          Giấy tờ cần có
        </h2>
        <DocumentList documents={procedure.documents} />
      </section>
      <section className="dvc-section" aria-labelledby="dvc-time-title">
        <h2 id="dvc-time-title" className="dvc-section__title">
          Thời gian giải quyết
        </h2>
        <p className="dvc-fact">
          <ClockIcon size={22} className="dvc-fact__icon" />
          <span>{legalTimeText(procedure.legalTime)}</span>
        </p>
        {procedure.legalTime.note ? <p className="dvc-muted">{procedure.legalTime.note}</p> : null}
      </section>
      <section className="dvc-section" aria-labelledby="dvc-fee-title">
        <h2 id="dvc-fee-title" className="dvc-section__title">
          Lệ phí
        </h2>
        <FeeList fees={procedure.fees} />
      </section>
      <section className="dvc-section" aria-labelledby="dvc-agency-title">
        <h2 id="dvc-agency-title" className="dvc-section__title">
          Nơi giải quyết
        </h2>
        <p className="dvc-fact">
          <MapPinIcon size={22} className="dvc-fact__icon" />
          <span>{agencyName}</span>
        </p>
        <h3 className="dvc-subtitle">Bạn nhận được</h3>
        <ul className="dvc-bullets">
          {procedure.results.map((result) => (
            <li key={result}>{result}</li>
          ))}
        </ul>
      </section>
      {procedure.online ? (
        <div className="dvc-actions dvc-actions--sticky">
          {unfinished ? (
            <>
              <Button
                size="large"
                fullWidth
                onClick={() =>
                  navigate(
                    unfinished.currentStepId
                      ? stepPath(unfinished.id, unfinished.currentStepId)
                      : startDraftPath(procedure.code),
                  )
                }
              >
                Tiếp tục hồ sơ đang làm
              </Button>
              <Button size="large" variant="tertiary" fullWidth onClick={start}>
                Làm hồ sơ mới
              </Button>
            </>
          ) : (
            <Button size="large" fullWidth onClick={start}>
              {commune ? "Bắt đầu" : "Chọn xã/phường để bắt đầu"}
            </Button>
          )}
        </div>
      ) : (
        <section className="dvc-section" aria-labelledby="dvc-how-title">
          <h2 id="dvc-how-title" className="dvc-section__title">
            Cách nộp hồ sơ
          </h2>
          <p className="dvc-text">{procedure.howToFile}</p>
          <a className="dvc-link" href={procedure.portalUrl} target="_blank" rel="noreferrer">
            Xem trên Cổng Dịch vụ công quốc gia
          </a>
        </section>
      )}
    </Screen>
  );
}
