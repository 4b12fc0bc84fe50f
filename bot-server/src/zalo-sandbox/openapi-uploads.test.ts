import { describe, expect, it } from "vitest";
import { sniffUpload } from "./openapi-uploads";

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => new TextEncoder().encode(value);

describe("sniffUpload", () => {
  it("reads images and documents from their magic bytes", () => {
    expect(sniffUpload(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe("image/jpeg");
    expect(sniffUpload(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe("image/png");
    expect(sniffUpload(text("GIF89a…"))).toBe("image/gif");
    expect(sniffUpload(text("%PDF-1.7"))).toBe("application/pdf");
    expect(sniffUpload(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toBe("application/msword");
  });

  it("takes a ZIP for .docx only with a word/ part; anything else is unknown", () => {
    const zip = (name: string) => new Uint8Array([...bytes(0x50, 0x4b, 0x03, 0x04), ...text(`....${name}`)]);
    expect(sniffUpload(zip("word/document.xml"))).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(sniffUpload(zip("xl/workbook.xml"))).toBeUndefined();
    expect(sniffUpload(text("MZ\u0090"))).toBeUndefined();
    expect(sniffUpload(bytes(0x89, 0x50, 0x4e, 0x47))).toBeUndefined();
    expect(sniffUpload(new Uint8Array())).toBeUndefined();
  });
});
