import type { PublicNotice } from "@dvc/shared/api/notices";
import { noticePath } from "@dvc/shared/notices/notice-text";
import { useNavigate } from "zmp-ui";
import { formatDate } from "../ui/format";
import { ChevronRightIcon } from "../ui/icons";

/** About two lines on a 390 px phone: enough to know what it is about before opening it. */
const EXCERPT_CHARS = 140;

/** The body's first lines as one line of text, cut at a word. */
export function excerpt(body: string, max = EXCERPT_CHARS): string {
  const flat = body.replace(/\s+/g, " ").trim();
  if ([...flat].length <= max) return flat;
  const cut = [...flat].slice(0, max).join("");
  const atWord = cut.slice(0, cut.lastIndexOf(" ")).trim();
  return `${atWord === "" ? cut : atWord}…`;
}

/** One notice in the list: category, title, date, first lines; a tap opens it whole. */
export function NoticeRow({ notice }: { notice: PublicNotice }) {
  const navigate = useNavigate();
  return (
    <button
      type="button"
      className="dvc-row dvc-notice-row"
      data-testid="notice-row"
      onClick={() => navigate(noticePath(notice.id), { state: { notice } })}
    >
      <span className="dvc-row__text">
        <span className="dvc-notice-row__top">
          <span className={`dvc-notice-category dvc-notice-category--${notice.category}`}>
            {notice.categoryLabel}
          </span>
          <span className="dvc-row__meta">{formatDate(notice.publishedAt)}</span>
        </span>
        <span className="dvc-row__title">{notice.title}</span>
        <span className="dvc-notice-row__excerpt">{excerpt(notice.body)}</span>
      </span>
      <ChevronRightIcon size={20} className="dvc-row__chevron" />
    </button>
  );
}
