/** "a; b", "c" → ["a", "b", "c"]: one line per few phrases keeps 30 procedures readable on a screen. */
function phrases(...parts: string[]): readonly string[] {
  return parts.flatMap((part) => part.split(";")).map((phrase) => phrase.trim());
}

/**
 * How people ask for each of the 30 first procedures, for SearchDocument.keywords. One entry per phrase
 * (bigrams are formed inside a phrase, never across two), with diacritics, in the words residents use in
 * chat and at the counter: colloquial names ("nhập hộ khẩu"), old names still in use (CMND, sổ hộ khẩu,
 * abolished 1/1/2023 by Luật Cư trú 2020, KT3), the situation rather than the procedure ("bố mất", "mở quán
 * ăn"). Words that mean the same for every procedure go to synonyms.ts instead.
 */
export const PROCEDURE_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  // Hộ tịch (Luật Hộ tịch 60/2014/QH13, Nghị định 123/2015/NĐ-CP)
  "1.001193": phrases(
    "làm giấy khai sinh; giấy khai sinh; khai sinh cho con; làm khai sinh cho bé",
    "khai sinh cho trẻ; đẻ con; sinh con; em bé mới sinh; trẻ sơ sinh; con mới đẻ",
    "giấy chứng sinh",
  ),
  "1.000894": phrases(
    "cưới; cưới vợ; lấy vợ; lấy chồng; đám cưới; giấy kết hôn; giấy đăng ký kết hôn",
    "làm giấy kết hôn; giấy hôn thú; đăng ký cưới",
  ),
  "1.000656": phrases(
    "chết; qua đời; người mất; bố mất; mẹ mất; người thân qua đời; tử vong; giấy chứng tử; báo tử",
    "làm giấy chứng tử; trích lục khai tử",
  ),
  "1.004873": phrases(
    "giấy xác nhận độc thân; xác nhận độc thân; giấy độc thân; chứng nhận độc thân; chưa kết hôn",
    "chưa vợ; chưa chồng; tình trạng hôn nhân; xác nhận chưa kết hôn để mua nhà",
  ),
  "1.004859": phrases(
    "sửa giấy khai sinh; sửa tên; đổi tên; đổi tên cho con; sai tên; sửa ngày sinh; sai ngày sinh",
    "cải chính hộ tịch; đổi họ; bổ sung thông tin khai sinh; đổi dân tộc",
    "sai thông tin giấy khai sinh",
  ),
  "1.001022": phrases(
    "nhận con; nhận cha; nhận mẹ; nhận bố; nhận con ngoài giá thú; công nhận cha con",
    "xác nhận cha con; nhận lại con",
  ),
  "1.004837": phrases(
    "giám hộ; người giám hộ; làm người giám hộ; giám hộ cho trẻ mồ côi",
    "giám hộ người mất năng lực hành vi",
  ),
  "2.000635": phrases(
    "bản sao giấy khai sinh; xin bản sao khai sinh; trích lục khai sinh; trích lục hộ tịch",
    "mất giấy khai sinh; xin lại giấy khai sinh; bản sao giấy kết hôn; trích lục kết hôn",
  ),
  "1.004884": phrases(
    "đăng ký lại khai sinh; khai sinh lại; làm lại khai sinh; sổ hộ tịch bị mất",
    "hồ sơ khai sinh bị thất lạc; chưa có bản gốc khai sinh",
  ),
  "1.000689": phrases(
    "khai sinh và nhận cha; khai sinh kèm nhận cha; khai sinh cho con ngoài giá thú",
    "khai sinh có tên bố; bố nhận con khi làm khai sinh; khai sinh khi chưa đăng ký kết hôn",
  ),
  // Chứng thực (Nghị định 23/2015/NĐ-CP)
  "2.000815": phrases(
    "sao y; sao y bản chính; công chứng bản sao; photo công chứng; chứng thực bản sao",
    "công chứng giấy tờ; sao y giấy tờ; công chứng học bạ; công chứng bằng tốt nghiệp",
  ),
  "2.000884": phrases(
    "chứng thực chữ ký; công chứng chữ ký; xác nhận chữ ký; điểm chỉ; chứng thực giấy ủy quyền",
    "công chứng giấy ủy quyền; giấy ủy quyền",
  ),
  "2.001019": phrases("di chúc; công chứng di chúc; làm di chúc; viết di chúc; lập di chúc; để lại tài sản"),
  // Cư trú (Luật Cư trú 68/2020/QH14, Nghị định 154/2024/NĐ-CP)
  "1.004222": phrases(
    "hộ khẩu; nhập hộ khẩu; nhập khẩu; đăng ký hộ khẩu; chuyển hộ khẩu; chuyển khẩu",
    "nhập hộ khẩu cho con; nhập hộ khẩu cho vợ; nhập hộ khẩu cho chồng; làm hộ khẩu",
    "hộ khẩu thường trú",
  ),
  "1.004194": phrases(
    "tạm trú; khai báo tạm trú; ở trọ; thuê trọ; nhà trọ; phòng trọ; thuê nhà ở; sổ tạm trú; KT3",
    "làm tạm trú",
  ),
  "1.002755": phrases("hết hạn tạm trú; tạm trú hết hạn; kéo dài tạm trú; tạm trú sắp hết hạn; gia hạn KT3"),
  "1.010041": phrases(
    "xác nhận cư trú; giấy xác nhận cư trú; CT07; mẫu CT07; xác nhận nơi ở; xác nhận hộ khẩu",
    "thay sổ hộ khẩu; xác nhận địa chỉ",
  ),
  "1.003677": phrases("tạm vắng; đi xa; đi làm xa; vắng mặt ở địa phương; đi vắng dài ngày; vắng nhà"),
  "1.003197": phrases(
    "xóa hộ khẩu; cắt hộ khẩu; cắt khẩu; xóa thường trú; rút hộ khẩu; xóa tên khỏi hộ khẩu",
    "xóa khẩu",
  ),
  "1.010028": phrases("xóa tạm trú; cắt tạm trú; hủy tạm trú; chuyển trọ; trả phòng trọ; không ở trọ nữa"),
  "1.010038": phrases("tách hộ khẩu; tách khẩu; tách sổ hộ khẩu; ra ở riêng; tách hộ riêng; lập hộ mới"),
  "1.013314": phrases(
    "xác nhận diện tích nhà ở; nhập hộ khẩu vào nhà thuê; thường trú nhà thuê; ở nhờ; nhà mượn",
    "nhà thuê; đủ diện tích để nhập khẩu; nhà không tranh chấp",
  ),
  // Căn cước (Luật Căn cước 26/2023/QH15, Nghị định 70/2024/NĐ-CP)
  "1.014061": phrases(
    "làm căn cước; làm căn cước lần đầu; cấp căn cước lần đầu; làm CCCD; đủ 14 tuổi",
    "căn cước cho con 14 tuổi; làm căn cước gắn chip; cấp mới căn cước",
  ),
  "1.014063": phrases(
    "đổi căn cước; đổi CCCD; đổi CMND sang căn cước; căn cước hết hạn; CMND hết hạn",
    "đổi thẻ căn cước; đủ 25 tuổi đổi căn cước; thay đổi thông tin trên căn cước",
    "căn cước bị hỏng",
  ),
  "1.014064": phrases(
    "làm lại căn cước; mất căn cước; mất CCCD; bị mất thẻ căn cước; làm lại CCCD; cấp lại CCCD",
    "đánh rơi căn cước; thất lạc căn cước; mất chứng minh thư",
  ),
  // Hộ kinh doanh (Nghị định 168/2025/NĐ-CP)
  "1.001612": phrases(
    "đăng ký hộ kinh doanh; thành lập hộ kinh doanh; mở hộ kinh doanh; mở quán; mở quán ăn",
    "mở quán cà phê; mở cửa hàng; mở tiệm; buôn bán; kinh doanh nhỏ; giấy phép kinh doanh",
    "đăng ký kinh doanh; kinh doanh cá thể; hộ kinh doanh cá thể; bán hàng online; mở shop",
    "mở tiệm tạp hóa",
  ),
  "2.000720": phrases(
    "thay đổi giấy phép kinh doanh; đổi địa chỉ kinh doanh; thay đổi ngành nghề kinh doanh",
    "đổi chủ hộ kinh doanh; đổi tên hộ kinh doanh; chuyển địa điểm kinh doanh",
    "thay đổi đăng ký kinh doanh",
  ),
  // Xây dựng (Luật Xây dựng 50/2014/QH13, sửa đổi bởi 62/2020/QH14)
  "1.013225": phrases(
    "xin giấy phép xây dựng; giấy phép xây nhà; xin phép xây nhà; xây nhà; xây nhà mới; sửa nhà",
    "sửa chữa nhà; cơi nới nhà; làm nhà; cấp phép xây dựng",
  ),
  // Người khuyết tật (Luật 51/2010/QH12); hộ nghèo (Quyết định 24/2021/QĐ-TTg)
  "1.001699": phrases(
    "giấy xác nhận khuyết tật; người khuyết tật; tàn tật; người tàn tật; giám định khuyết tật",
    "trợ cấp khuyết tật; con bị khuyết tật",
  ),
  "1.011607": phrases(
    "hộ nghèo; hộ cận nghèo; sổ hộ nghèo; giấy chứng nhận hộ nghèo; xét hộ nghèo",
    "đăng ký hộ nghèo; gia đình khó khăn; nhà nghèo",
  ),
};
