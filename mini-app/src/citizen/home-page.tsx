import { Button, Page, useNavigate } from "zmp-ui";
import { ROUTES } from "../routes";
import { MapPinIcon } from "../ui/icons";
import { useChosenCommune } from "./use-chosen-commune";

/**
 * The first screen. Procedures and notices depend on the commune, so until one is chosen the main
 * action is to choose it; afterwards it stays visible with a way to change it.
 */
export function HomePage() {
  const navigate = useNavigate();
  const { commune } = useChosenCommune();
  const openPicker = () => navigate(ROUTES.communePicker);

  return (
    <Page className="dvc-home">
      <header className="dvc-hero">
        <p className="dvc-hero__greeting">Xin chào!</p>
        <h1 className="dvc-hero__title">Dịch vụ công</h1>
        <p className="dvc-hero__lead">Làm thủ tục hành chính từng bước, ngay trên Zalo.</p>
      </header>

      <section className="dvc-card" aria-labelledby="dvc-commune-heading">
        {commune ? (
          <>
            <h2 id="dvc-commune-heading" className="dvc-card__label">
              Xã/phường của bạn:
            </h2>
            <div className="dvc-chosen">
              <MapPinIcon className="dvc-chosen__icon" />
              <p className="dvc-chosen__name" data-testid="chosen-commune">
                {commune.name}
              </p>
              <Button size="large" variant="secondary" className="dvc-chosen__change" onClick={openPicker}>
                Đổi
              </Button>
            </div>
            <p className="dvc-card__note">Thủ tục và thông báo sẽ theo xã/phường này.</p>
          </>
        ) : (
          <>
            <h2 id="dvc-commune-heading" className="dvc-card__title">
              Bạn đang ở xã/phường nào?
            </h2>
            <p className="dvc-card__text">
              Chọn nơi bạn cư trú để xem đúng thủ tục và nhận thông báo của địa phương. Có thể tìm bằng tên
              mới hoặc tên cũ trước khi sáp nhập.
            </p>
            <Button size="large" fullWidth onClick={openPicker}>
              Chọn xã/phường của bạn
            </Button>
          </>
        )}
      </section>
    </Page>
  );
}
