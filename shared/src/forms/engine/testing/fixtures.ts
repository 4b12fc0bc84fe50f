import { type FieldInput, type FormDefinition, formDefinitionSchema } from "../../definition";

/** Small hand-written forms for the engine's tests: one field of every type, conditions, a group. */

export const TODAY = "2025-09-01";

export function formOf(...fields: FieldInput[]): FormDefinition {
  return formDefinitionSchema.parse({ steps: [{ id: "only", title: "Bước duy nhất", fields }] });
}

export const KITCHEN_SINK: FormDefinition = formDefinitionSchema.parse({
  steps: [
    {
      id: "about",
      title: "Về bạn",
      fields: [
        { id: "fullName", type: "text", label: "Họ và tên", minLength: 2, maxLength: 50 },
        { id: "note", type: "long_text", label: "Ghi chú", required: false, maxLength: 300 },
        { id: "age", type: "number", label: "Tuổi", min: 0, max: 150 },
        { id: "area", type: "number", label: "Diện tích", integer: false, min: 0, max: 10000, unit: "m²" },
        { id: "dob", type: "date", label: "Ngày sinh", bounds: { maxDaysFromToday: 0 } },
        {
          id: "meetingDate",
          type: "date",
          label: "Ngày hẹn",
          required: false,
          bounds: { minDaysFromToday: 1, maxDaysFromToday: 60 },
        },
        {
          id: "kind",
          type: "select",
          label: "Loại giấy tờ",
          options: [
            { value: "a", label: "Bản chính" },
            { value: "b", label: "Bản sao" },
            { value: "c", label: "Trích lục" },
          ],
        },
        {
          id: "channel",
          type: "radio",
          label: "Cách nhận kết quả",
          options: [
            { value: "online", label: "Trực tuyến" },
            { value: "direct", label: "Trực tiếp" },
          ],
        },
        { id: "hasCar", type: "yes_no", label: "Bạn có ô tô không?" },
        {
          id: "carPlate",
          type: "text",
          label: "Biển số xe",
          maxLength: 12,
          visibleWhen: { field: "hasCar", equals: true },
        },
        { id: "cccd", type: "cccd", label: "Số CCCD của bạn" },
        { id: "phone", type: "phone", label: "Số điện thoại" },
        { id: "email", type: "email", label: "Email", required: false },
      ],
    },
    {
      id: "people",
      title: "Người liên quan",
      fields: [
        {
          id: "requester",
          type: "person",
          label: "Người yêu cầu",
          prefill: { from: "profile", key: "fullName" },
        },
        {
          id: "spouse",
          type: "person",
          label: "Vợ/chồng",
          required: false,
          parts: ["fullName", "dateOfBirth", "sex", "cccd"],
        },
        { id: "home", type: "address", label: "Nơi ở hiện tại" },
        { id: "sameAsHome", type: "yes_no", label: "Địa chỉ nhận thư giống nơi ở?" },
        {
          id: "mailing",
          type: "address",
          label: "Địa chỉ nhận thư",
          detailRequired: false,
          visibleWhen: { field: "sameAsHome", equals: false },
          prefill: { from: "field", field: "requester" },
        },
        {
          id: "maidenName",
          type: "text",
          label: "Họ tên khai sinh",
          required: false,
          visibleWhen: { field: "requester.sex", equals: "nu" },
        },
      ],
    },
    {
      id: "files",
      title: "Giấy tờ",
      fields: [
        {
          id: "photos",
          type: "attachment",
          label: "Ảnh giấy tờ",
          accept: ["image/jpeg", "image/png"],
          maxCount: 3,
        },
        {
          id: "extraDocs",
          type: "attachment",
          label: "Giấy tờ khác",
          required: false,
          minCount: 0,
          maxCount: 2,
        },
        {
          id: "members",
          type: "group",
          label: "Thành viên hộ",
          itemLabel: "Thành viên",
          required: false,
          maxItems: 4,
          fields: [
            { id: "name", type: "text", label: "Họ và tên", maxLength: 60 },
            {
              id: "relation",
              type: "select",
              label: "Quan hệ",
              options: [
                { value: "con", label: "Con" },
                { value: "voChong", label: "Vợ/chồng" },
                { value: "khac", label: "Khác" },
              ],
            },
            {
              id: "relationOther",
              type: "text",
              label: "Quan hệ khác",
              maxLength: 40,
              visibleWhen: { field: "relation", equals: "khac" },
            },
            { id: "memberCccd", type: "cccd", label: "Số CCCD", required: false },
          ],
        },
      ],
    },
    {
      id: "confirm",
      title: "Cam đoan",
      visibleWhen: { field: "channel", equals: "online" },
      fields: [{ id: "agree", type: "declaration", label: "Lời cam đoan", statement: "Tôi cam đoan." }],
    },
  ],
});

/** A valid set of answers for KITCHEN_SINK as the app would send them (typed, not yet normalised). */
export function kitchenSinkAnswers(): Record<string, unknown> {
  return {
    fullName: "  Nguyễn   Thị Lan ",
    age: "35",
    area: "1.250,5",
    dob: "05/09/1990",
    kind: "b",
    channel: "online",
    hasCar: false,
    cccd: "001 190 012 345",
    phone: "0912 345 678",
    requester: {
      fullName: "Nguyễn Thị Lan",
      dateOfBirth: "1990-09-05",
      sex: "nu",
      ethnicity: "Kinh",
      nationality: "Việt Nam",
      cccd: "001190012345",
      residence: { provinceCode: "01", communeCode: "00004", detail: "Số 5 ngõ 12 Bạch Mai" },
    },
    home: { provinceCode: "01", communeCode: "00004", detail: "Số 5 ngõ 12 Bạch Mai" },
    sameAsHome: true,
    photos: [{ fileId: "f1", name: "giay-to.jpg", sizeBytes: 1_200_000, mimeType: "image/jpeg" }],
    agree: true,
  };
}
