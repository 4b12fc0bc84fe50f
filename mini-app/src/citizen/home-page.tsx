import { lazy, Suspense, useEffect } from "react";
import { Button, Page, useNavigate } from "zmp-ui";
import { isInsideZalo } from "../platform/zalo";
import { ROUTES } from "../routes";
import { signInInsideZalo, useSession } from "../session/session";
import { BellIcon, ChevronRightIcon, MapPinIcon, ShieldIcon } from "../ui/icons";
import { provinceShortName } from "./commune-names";
import { ProcedureSearchCard } from "./procedure-search";
import { useChosenCommune } from "./use-chosen-commune";

/** The citizen's own lists need the server's answers checked (zod): they load just after the first paint. */
const DraftsCard = lazy(() => import("./my-files-section").then((m) => ({ default: m.DraftsCard })));
const DossiersCard = lazy(() => import("./my-files-section").then((m) => ({ default: m.DossiersCard })));

/**
 * The first screen: your dossiers first once you have some (the one just filed is in view without
 * scrolling), then what do you need to do (search, common procedures), what you left unfinished, and your
 * commune — procedures are filed there, so until one is chosen it asks for it.
 */
export function HomePage() {
  const navigate = useNavigate();
  const session = useSession();
  const signedIn = session.status === "signed_in";
  const name = session.status === "signed_in" ? session.session.citizen.name : null;
  const mustSignIn = session.status === "signed_out" && session.message === null;

  // Inside Zalo signing in asks nothing: do it on opening, so "Hồ sơ của tôi" is there at once.
  useEffect(() => {
    if (isInsideZalo() && mustSignIn) signInInsideZalo().catch(() => undefined);
  }, [mustSignIn]);

  return (
    <Page className="dvc-home">
      <header className="dvc-hero">
        <p className="dvc-hero__greeting">{name ? `Xin chào, ${name}!` : "Xin chào!"}</p>
        <h1 className="dvc-hero__title">Dịch vụ công</h1>
        <p className="dvc-hero__lead">Làm thủ tục hành chính từng bước, ngay trên Zalo.</p>
      </header>
      {signedIn ? (
        <Suspense fallback={null}>
          <DossiersCard />
        </Suspense>
      ) : null}
      <ProcedureSearchCard />
      <Suspense fallback={null}>
        <DraftsCard signedIn={signedIn} />
      </Suspense>
      <CommuneCard />
      <NoticesEntry />
      {signedIn ? null : <SignInForDossiersCard />}
      {signedIn ? (
        <button type="button" className="dvc-card dvc-card--link" onClick={() => navigate(ROUTES.myData)}>
          <ShieldIcon className="dvc-card--link__icon" />
          <span className="dvc-card--link__text">
            <span className="dvc-card__title">Dữ liệu của tôi</span>
            <span className="dvc-card__note">Xem, sửa, tải về hoặc xoá thông tin của bạn</span>
          </span>
          <ChevronRightIcon size={20} />
        </button>
      ) : null}
    </Page>
  );
}

function CommuneCard() {
  const navigate = useNavigate();
  const { commune } = useChosenCommune();
  const province = commune?.provinceCode ? provinceShortName(commune.provinceCode) : undefined;
  const openPicker = () => navigate(ROUTES.communePicker);
  return (
    <section className="dvc-card" aria-labelledby="dvc-commune-heading">
      {commune ? (
        <>
          <h2 id="dvc-commune-heading" className="dvc-card__label">
            Xã/phường của bạn:
          </h2>
          <div className="dvc-chosen">
            <MapPinIcon className="dvc-chosen__icon" />
            <div className="dvc-chosen__text">
              <p className="dvc-chosen__name" data-testid="chosen-commune">
                {commune.name}
              </p>
              {province ? <p className="dvc-chosen__province">{province}</p> : null}
            </div>
            <Button size="large" variant="secondary" className="dvc-chosen__change" onClick={openPicker}>
              Đổi
            </Button>
          </div>
          <p className="dvc-card__note">Hồ sơ được gửi đến xã/phường này.</p>
        </>
      ) : (
        <>
          <h2 id="dvc-commune-heading" className="dvc-card__title">
            Bạn đang ở xã/phường nào?
          </h2>
          <p className="dvc-card__text">
            Chọn nơi bạn cư trú để nộp hồ sơ đúng nơi và nhận thông báo của địa phương. Có thể tìm bằng tên
            mới hoặc tên cũ trước khi sáp nhập.
          </p>
          <Button size="large" fullWidth onClick={openPicker}>
            Chọn xã/phường của bạn
          </Button>
        </>
      )}
    </section>
  );
}

/** The "Thông báo" tab: the chosen commune's notices (until one is chosen, it asks for it there). */
function NoticesEntry() {
  const navigate = useNavigate();
  const { commune } = useChosenCommune();
  return (
    <button type="button" className="dvc-card dvc-card--link" onClick={() => navigate(ROUTES.notices)}>
      <BellIcon className="dvc-card--link__icon" />
      <span className="dvc-card--link__text">
        <span className="dvc-card__title">Thông báo</span>
        <span className="dvc-card__note">
          {commune ? `Tin mới từ UBND ${commune.name}` : "Tin mới từ UBND xã/phường của bạn"}
        </span>
      </span>
      <ChevronRightIcon size={20} />
    </button>
  );
}

/** Signed out, where the dossiers would be: a way to sign in and see them (no server answer to wait for). */
function SignInForDossiersCard() {
  const navigate = useNavigate();
  return (
    <section className="dvc-card" aria-labelledby="dvc-dossiers-title">
      <h2 id="dvc-dossiers-title" className="dvc-card__title">
        Hồ sơ của tôi
      </h2>
      <p className="dvc-card__text">Đăng nhập để xem các hồ sơ bạn đã nộp và tình trạng giải quyết.</p>
      <Button size="large" variant="secondary" fullWidth onClick={() => navigate(ROUTES.dossiers)}>
        Đăng nhập để xem hồ sơ
      </Button>
    </section>
  );
}
