import type { ConsentPurpose } from "@dvc/shared/api/citizen-profile";
import { useState } from "react";
import { Button } from "zmp-ui";
import { giveConsent } from "../api/profile";
import { ShieldIcon } from "../ui/icons";
import { Screen } from "../ui/screen";
import { rememberConsentPurposes } from "./consent-purposes";
import { currentSession, markConsentGiven } from "./session";

/**
 * The notice shown before the first CCCD or phone number is stored (Nghị định 13/2023/NĐ-CP, Art. 11):
 * short, per purpose, nothing ticked in advance. The periods are what the service promises; change the
 * wording here and bump CONSENT_NOTICE_VERSION in shared so everyone is asked again.
 */
const PURPOSES: { value: ConsentPurpose; title: string; detail: string; needed: boolean }[] = [
  {
    value: "dossier_filing",
    title: "Nộp hồ sơ thủ tục hành chính",
    detail: "Gửi thông tin bạn khai đến UBND hoặc Công an xã/phường để giải quyết hồ sơ của bạn.",
    needed: true,
  },
  {
    value: "prefill_profile",
    title: "Lưu thông tin để điền sẵn lần sau",
    detail: "Họ tên, ngày sinh, số CCCD, số điện thoại, địa chỉ được điền sẵn, bạn không phải gõ lại.",
    needed: false,
  },
  {
    value: "status_notifications",
    title: "Nhận thông báo về hồ sơ qua Zalo",
    detail: "Báo khi hồ sơ được tiếp nhận, cần bổ sung hoặc có kết quả.",
    needed: false,
  },
];

export const RETENTION_TEXT = [
  "Bản nháp chưa nộp: tối đa 90 ngày kể từ lần sửa cuối.",
  "Hồ sơ đã nộp: theo thời hạn lưu trữ hồ sơ thủ tục hành chính của Nhà nước.",
  "Thông tin để điền sẵn: đến khi bạn xoá hoặc rút lại đồng ý.",
];

export function ConsentScreen({ onBack }: { onBack: () => void }) {
  const [chosen, setChosen] = useState<Set<ConsentPurpose>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const toggle = (purpose: ConsentPurpose) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(purpose)) next.delete(purpose);
      else next.add(purpose);
      return next;
    });

  const agree = async () => {
    if (!chosen.has("dossier_filing")) {
      setError("Để nộp hồ sơ trên Zalo, bạn cần đồng ý mục “Nộp hồ sơ thủ tục hành chính”.");
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const purposes = PURPOSES.map((p) => p.value).filter((p) => chosen.has(p));
      await giveConsent(purposes);
      const citizenId = currentSession()?.citizen.id;
      if (citizenId) rememberConsentPurposes(citizenId, purposes);
      markConsentGiven();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Chưa ghi nhận được. Vui lòng thử lại.");
      setBusy(false);
    }
  };

  return (
    <Screen title="Đồng ý sử dụng thông tin" onBack={onBack} className="dvc-consent">
      <div className="dvc-section">
        <ShieldIcon size={40} className="dvc-consent__icon" />
        <h1 className="dvc-page-title">Trước khi bắt đầu</h1>
        <p className="dvc-lead">
          Để làm thủ tục, ứng dụng cần lưu một số thông tin của bạn. Bạn chọn những việc bạn đồng ý.
        </p>
      </div>
      <section className="dvc-section" aria-labelledby="dvc-consent-kept">
        <h2 id="dvc-consent-kept" className="dvc-section__title">
          Thông tin được lưu
        </h2>
        <p className="dvc-text">
          Số CCCD (số định danh cá nhân), số điện thoại, họ tên, ngày sinh, địa chỉ, hồ sơ bạn nộp và ảnh giấy
          tờ bạn chụp.
        </p>
        <h2 className="dvc-section__title">Lưu trong bao lâu</h2>
        <ul className="dvc-bullets">
          {RETENTION_TEXT.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <h2 className="dvc-section__title">Quyền của bạn</h2>
        <p className="dvc-text">
          Trong mục <strong>“Dữ liệu của tôi”</strong> bạn có thể xem, sửa, tải về hoặc xoá thông tin của mình
          bất cứ lúc nào.
        </p>
      </section>
      <fieldset className="dvc-section dvc-consent__purposes" aria-describedby="dvc-consent-error">
        <legend className="dvc-section__title">Bạn đồng ý cho ứng dụng:</legend>
        {error ? (
          <p id="dvc-consent-error" className="dvc-field__error" role="alert">
            {error}
          </p>
        ) : null}
        {PURPOSES.map((purpose) => (
          <label key={purpose.value} className="dvc-check">
            <input
              type="checkbox"
              checked={chosen.has(purpose.value)}
              onChange={() => toggle(purpose.value)}
            />
            <span className="dvc-check__text">
              <span className="dvc-check__title">
                {purpose.title}
                {purpose.needed ? <span className="dvc-tag">Cần để nộp hồ sơ</span> : null}
              </span>
              <span className="dvc-check__detail">{purpose.detail}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="dvc-actions">
        <Button size="large" fullWidth loading={busy} onClick={agree}>
          Đồng ý
        </Button>
      </div>
    </Screen>
  );
}
