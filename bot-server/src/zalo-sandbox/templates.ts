import { z } from "zod";

/**
 * The sandbox OA's approved template messages, used both by phone (ZNS, /sandbox/business) and by user
 * id (/v3.0/oa/message/template), since ZNS became "ZBS Template Message" (zalo-oa.md §2/§4 [U]).
 * Real templates are approved by Zalo; these stand in for what a commune would register.
 * `listParams` items follow GET /template/info/v2 [C: `name`; U: the other fields, from CW + public
 * samples]. Template ids are numeric strings, as ZNS template ids usually are.
 */

export type TemplateParamType = "STRING" | "NUMBER" | "DATE";

export interface SandboxTemplateParam {
  name: string;
  require: boolean;
  type: TemplateParamType;
  maxLength: number;
  minLength: number;
  acceptNull: boolean;
}

export interface SandboxTemplate {
  templateId: string;
  templateName: string;
  listParams: readonly SandboxTemplateParam[];
}

const text = (name: string, maxLength: number): SandboxTemplateParam => ({
  name,
  require: true,
  type: "STRING",
  maxLength,
  minLength: 1,
  acceptNull: false,
});
const date = (name: string): SandboxTemplateParam => ({
  name,
  require: true,
  type: "DATE",
  maxLength: 10,
  minLength: 10,
  acceptNull: false,
});

export const SANDBOX_TEMPLATES: readonly SandboxTemplate[] = [
  {
    templateId: "300001",
    templateName: "Cập nhật trạng thái hồ sơ",
    listParams: [text("ma_ho_so", 30), text("trang_thai", 50), text("thu_tuc", 100)],
  },
  {
    templateId: "300002",
    templateName: "Yêu cầu bổ sung hồ sơ",
    listParams: [text("ma_ho_so", 30), text("noi_dung", 200), date("han_bo_sung")],
  },
  {
    templateId: "300003",
    templateName: "Hẹn trả kết quả",
    listParams: [text("ma_ho_so", 30), date("ngay_hen"), text("dia_diem", 100)],
  },
  {
    templateId: "300004",
    templateName: "Cán bộ xã/phường trả lời",
    listParams: [text("noi_dung", 200)],
  },
];

export function findTemplate(templateId: string): SandboxTemplate | undefined {
  return SANDBOX_TEMPLATES.find((template) => template.templateId === templateId);
}

/** `template_data`: parameter name → value; Zalo takes strings, numbers are read as their text [U]. */
export const templateDataSchema = z.record(
  z.string().min(1).max(64),
  z.union([z.string(), z.number().transform(String)]),
);

const DATE = /^(0[1-9]|[12]\d|3[01])\/(0[1-9]|1[0-2])\/\d{4}$/;

/**
 * Which parameter is wrong, or undefined when `data` fits the template: every required parameter given
 * and within its length; DATE as dd/MM/yyyy; NUMBER digits only. Extra keys are ignored [U].
 */
export function templateDataProblem(
  template: SandboxTemplate,
  data: Readonly<Record<string, string>>,
): string | undefined {
  for (const param of template.listParams) {
    const value = data[param.name];
    if (value === undefined || value === "") {
      if (param.require && !param.acceptNull) return param.name;
      continue;
    }
    const length = [...value].length;
    if (length < param.minLength || length > param.maxLength) return param.name;
    if (param.type === "DATE" && !DATE.test(value)) return param.name;
    if (param.type === "NUMBER" && !/^\d+$/.test(value)) return param.name;
  }
  return undefined;
}
