import { z } from "zod";
import {
  type FileableProcedure,
  type ProcedureDefinition,
  type ProcedureDefinitionInput,
  procedureDefinitionSchema,
} from "../definition";
import * as banSaoTrichLuc from "./ban-sao-trich-luc";
import * as caiChinhHoTich from "./cai-chinh-ho-tich";
import * as canCuocCapDoi from "./can-cuoc-cap-doi";
import * as canCuocCapLai from "./can-cuoc-cap-lai";
import * as canCuocCapMoi from "./can-cuoc-cap-moi";
import * as chungThucBanSao from "./chung-thuc-ban-sao";
import * as chungThucChuKy from "./chung-thuc-chu-ky";
import * as chungThucDiChuc from "./chung-thuc-di-chuc";
import * as dangKyLaiKhaiSinh from "./dang-ky-lai-khai-sinh";
import * as giaHanTamTru from "./gia-han-tam-tru";
import * as giamHo from "./giam-ho";
import * as giayPhepXayDung from "./giay-phep-xay-dung";
import * as hoKinhDoanh from "./ho-kinh-doanh";
import * as hoNgheo from "./ho-ngheo";
import * as ketHon from "./ket-hon";
import * as khaiSinh from "./khai-sinh";
import * as khaiSinhNhanChaMeCon from "./khai-sinh-nhan-cha-me-con";
import * as khaiTu from "./khai-tu";
import * as nhanChaMeCon from "./nhan-cha-me-con";
import * as tachHo from "./tach-ho";
import * as tamTru from "./tam-tru";
import * as tamVang from "./tam-vang";
import * as thayDoiHoKinhDoanh from "./thay-doi-ho-kinh-doanh";
import * as thuongTru from "./thuong-tru";
import * as xacNhanCuTru from "./xac-nhan-cu-tru";
import * as xacNhanDienTichNhaO from "./xac-nhan-dien-tich-nha-o";
import * as xacNhanKhuyetTat from "./xac-nhan-khuyet-tat";
import * as xacNhanTinhTrangHonNhan from "./xac-nhan-tinh-trang-hon-nhan";
import * as xoaTamTru from "./xoa-tam-tru";
import * as xoaThuongTru from "./xoa-thuong-tru";

/**
 * The procedure catalog: the 30 commune-level procedures of shared/data/vn-procedures, one file each.
 * Fileable ones also export EFORM_FIELD_COUNT, the size of the national eForm they simplify.
 */
interface CatalogModule {
  procedure: ProcedureDefinitionInput;
  EFORM_FIELD_COUNT?: number;
}

/** In the order a citizen meets them: civil status, residence, certification, business, the rest. */
const MODULES: readonly CatalogModule[] = [
  khaiSinh,
  ketHon,
  khaiTu,
  xacNhanTinhTrangHonNhan,
  banSaoTrichLuc,
  dangKyLaiKhaiSinh,
  caiChinhHoTich,
  nhanChaMeCon,
  giamHo,
  khaiSinhNhanChaMeCon,
  thuongTru,
  tamTru,
  giaHanTamTru,
  xacNhanCuTru,
  tamVang,
  tachHo,
  xoaTamTru,
  xoaThuongTru,
  xacNhanDienTichNhaO,
  chungThucBanSao,
  chungThucChuKy,
  chungThucDiChuc,
  hoKinhDoanh,
  thayDoiHoKinhDoanh,
  giayPhepXayDung,
  canCuocCapMoi,
  canCuocCapDoi,
  canCuocCapLai,
  xacNhanKhuyetTat,
  hoNgheo,
];

/** Parses one definition, failing loudly (at module load, so in every test run) with the code and the reason. */
function parseDefinition(input: ProcedureDefinitionInput): ProcedureDefinition {
  const parsed = procedureDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    throw new Error(`Định nghĩa thủ tục ${input.code} không hợp lệ:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export const CATALOG: readonly ProcedureDefinition[] = MODULES.map((module) =>
  parseDefinition(module.procedure),
);

const byCode = new Map(CATALOG.map((definition) => [definition.code, definition]));
if (byCode.size !== CATALOG.length) throw new Error("Danh mục thủ tục có mã bị trùng");

export function findProcedure(code: string): ProcedureDefinition | undefined {
  return byCode.get(code);
}

/** Codes of the procedures a citizen can file through the app's own form. */
export const FILEABLE_CODES: readonly string[] = CATALOG.filter(
  (definition): definition is FileableProcedure => definition.online,
).map((definition) => definition.code);

/** Size of the national eForm (or paper tờ khai) per fileable procedure, to compare with what is typed here. */
export const EFORM_FIELD_COUNTS: Readonly<Record<string, number>> = Object.fromEntries(
  MODULES.flatMap((module) =>
    module.EFORM_FIELD_COUNT === undefined ? [] : [[module.procedure.code, module.EFORM_FIELD_COUNT]],
  ),
);
