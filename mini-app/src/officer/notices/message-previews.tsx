import { type NoticeTextFacts, noticeButtons, noticeChatText } from "@dvc/shared/notices/notice-text";
import { PREVIEW_MINI_APP_ID } from "./composer-form";

/**
 * The notice as Zalo will carry it, composed by the same shared functions the sender uses: a group post
 * (links written out, the image above: GMF takes no buttons, zalo-oa.md §0) and a follower's chat
 * message (its links as buttons).
 */
export function MessagePreviews({
  facts,
  image,
}: {
  facts: NoticeTextFacts;
  /** The picked image's URL, "saved" when it is only on the server, null without one. */
  image: string | "saved" | null;
}) {
  const empty = facts.title === "" && facts.body === "";
  return (
    <section className="dvc-notice-previews" aria-labelledby="notice-previews-title">
      <h2 id="notice-previews-title" className="dvc-notice-section-title">
        Xem trước
      </h2>
      {empty ? (
        <p className="dvc-field__hint">Nhập tiêu đề và nội dung để xem tin sẽ hiện thế nào.</p>
      ) : (
        <div className="dvc-notice-previews__pair">
          <figure className="dvc-notice-preview">
            <figcaption className="dvc-notice-preview__caption">Trong nhóm Zalo</figcaption>
            <div className="dvc-notice-bubble">
              {image === "saved" ? <p className="dvc-notice-bubble__image-placeholder">[Ảnh]</p> : null}
              {image && image !== "saved" ? (
                <img src={image} alt="" className="dvc-notice-bubble__image" />
              ) : null}
              <p className="dvc-notice-bubble__text">
                {noticeChatText(facts, PREVIEW_MINI_APP_ID, "written")}
              </p>
            </div>
          </figure>
          <figure className="dvc-notice-preview">
            <figcaption className="dvc-notice-preview__caption">Tin nhắn tới người dân</figcaption>
            <div className="dvc-notice-bubble">
              <p className="dvc-notice-bubble__text">
                {noticeChatText(facts, PREVIEW_MINI_APP_ID, "buttons")}
              </p>
              <ul className="dvc-notice-bubble__buttons">
                {noticeButtons(facts, PREVIEW_MINI_APP_ID).map((button) => (
                  <li key={button.title} className="dvc-notice-bubble__button">
                    {button.title}
                  </li>
                ))}
              </ul>
            </div>
          </figure>
        </div>
      )}
    </section>
  );
}
