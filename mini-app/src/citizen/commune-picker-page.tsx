import type { CommuneSummary } from "@dvc/shared/api/units";
import { useLocation, useNavigate } from "zmp-ui";
import { afterCommunePicked, ROUTES } from "../routes";
import { Screen } from "../ui/screen";
import { useToast } from "../ui/use-toast";
import { rememberCommuneName } from "./commune-names";
import { CommuneSearchPanel } from "./commune-search-panel";
import { useChosenCommune } from "./use-chosen-commune";

/** Find and remember one's commune: procedures are filed there and its notices apply. */
export function CommunePickerPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const toast = useToast();
  const { commune: chosen, choose } = useChosenCommune();

  // Opened from Home: go back to it. Opened directly (a deep link): go Home without a back step.
  const leave = () => {
    if (location.key === "default") navigate(ROUTES.home, { replace: true, direction: "backward" });
    else navigate(-1);
  };

  const pick = (commune: CommuneSummary) => {
    choose({ code: commune.code, name: commune.name, provinceCode: commune.provinceCode });
    rememberCommuneName(commune.code, commune.name);
    toast(`Đã lưu: ${commune.name}`);
    const next = afterCommunePicked(location.state);
    if (next) navigate(next, { replace: true });
    else leave();
  };

  return (
    <Screen title="Chọn xã/phường" onBack={leave} className="dvc-picker" heading>
      <CommuneSearchPanel chosenCode={chosen?.code ?? null} onPick={pick} />
    </Screen>
  );
}
