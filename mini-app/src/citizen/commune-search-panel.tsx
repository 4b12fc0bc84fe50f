import type { CommuneSummary } from "@dvc/shared/api/units";
import { type ChangeEvent, useState } from "react";
import { Input } from "zmp-ui";
import { CloseIcon, SearchIcon } from "../ui/icons";
import { Loading, Notice } from "../ui/notice";
import { useDebouncedValue } from "../ui/use-debounced-value";
import { CommuneList } from "./commune-list";
import { type CommuneSearch, useCommuneSearch } from "./use-commune-search";

/** One request per pause in typing; short enough to feel live on a phone keyboard. */
const SEARCH_DEBOUNCE_MS = 250;
/** The server's limit on `q` (communeSearchQuerySchema); longer input would only get a validation error. */
const MAX_QUERY_LENGTH = 100;

/**
 * The search box and results of the commune picker, also used inside forms (an address's commune).
 * Since 1/7/2025 many communes were merged and renamed, and people still know their old ward's name, so
 * the search matches old names too and says which one matched.
 */
export function CommuneSearchPanel({
  chosenCode,
  onPick,
  province,
}: {
  chosenCode: string | null;
  onPick: (commune: CommuneSummary) => void;
  /** GSO province code to search in (a place of birth may be anywhere); Hà Nội when not given. */
  province?: string;
}) {
  const [query, setQuery] = useState("");
  const search = useCommuneSearch(useDebouncedValue(query.trim(), SEARCH_DEBOUNCE_MS), province);
  return (
    <>
      <div className="dvc-picker__search">
        <Input
          label="Tìm theo tên mới hoặc tên cũ"
          placeholder="Ví dụ: Bạch Mai, Hàng Bài"
          aria-label="Tìm xã/phường"
          value={query}
          onChange={(event: ChangeEvent<HTMLInputElement>) => setQuery(event.target.value)}
          maxLength={MAX_QUERY_LENGTH}
          prefix={<SearchIcon size={20} className="dvc-picker__search-icon" />}
          // zmp-ui's own clear glyph is a nameless "✖": this one is named for screen readers.
          allowClear={{ clearIcon: <CloseIcon size={20} label="Xoá nội dung tìm" /> }}
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="search"
        />
      </div>
      <Results search={search} chosenCode={chosenCode} onPick={onPick} />
    </>
  );
}

function Results({
  search,
  chosenCode,
  onPick,
}: {
  search: CommuneSearch & { retry: () => void };
  chosenCode: string | null;
  onPick: (commune: CommuneSummary) => void;
}) {
  if (search.status === "error") {
    return (
      <Notice tone="error" title={search.message} action={{ label: "Thử lại", onClick: search.retry }} />
    );
  }
  const communes = search.status === "ready" ? search.communes : search.previous;
  if (communes === null) return <Loading text="Đang tải danh sách xã/phường…" />;
  if (communes.length === 0 && search.status === "ready") {
    return (
      <Notice tone="empty" title="Không tìm thấy xã/phường nào phù hợp.">
        Hãy thử gõ tên cũ trước khi sáp nhập (ví dụ: Hàng Bài) hoặc gõ ít chữ hơn. Không cần gõ dấu.
      </Notice>
    );
  }
  return (
    <>
      <p className="dvc-picker__count" aria-live="polite">
        {search.status === "loading" ? "Đang tìm…" : `${communes.length} xã/phường`}
      </p>
      <CommuneList
        communes={communes}
        chosenCode={chosenCode}
        busy={search.status === "loading"}
        onPick={onPick}
      />
    </>
  );
}
